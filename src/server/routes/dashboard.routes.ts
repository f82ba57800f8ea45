/** Dashboards for city staff. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDashboard, ZDashboardQuery } from '../../contracts/subsidy';
import { dashboardXlsx, subsidyDashboard } from '../../services/subsidy';
import { actorCtx, noStore } from '../http-context';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/subsidy',
    {
      schema: {
        tags: ['dashboard'],
        summary: '补贴看板：预算已用与剩余、各县区各环节申请数、按入库申报月份的补贴金额',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return subsidyDashboard(actorCtx(request), request.query.campaignId);
    },
  );
  app.get(
    '/subsidy/xlsx',
    {
      schema: {
        tags: ['dashboard'],
        summary: '导出补贴看板（Excel：预算使用、各县区各环节申请数、按入库申报月份的补贴金额）',
        querystring: ZDashboardQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: z.any().describe('Excel 文件') },
      },
    },
    async (request, reply) => {
      const file = await dashboardXlsx(actorCtx(request), request.query.campaignId);
      noStore(reply)
        .header('content-type', XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
      return reply.send(file.buffer);
    },
  );
}
