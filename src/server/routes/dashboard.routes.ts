/** Dashboards for city staff. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZDashboard, ZDashboardQuery } from '../../contracts/subsidy';
import { dashboardXlsx, subsidyDashboard } from '../../services/subsidy';
import { routeKit } from '../route-kit/route';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function dashboardRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['dashboard']);
  route.get(
    '/subsidy',
    {
      guard: 'signed-in',
      summary: '补贴看板：预算已用与剩余、各县区各环节申请数、按入库申报月份的补贴金额',
      query: ZDashboardQuery,
      ok: ZDashboard,
      noStore: true,
    },
    (ctx, request) => subsidyDashboard(ctx, request.query.campaignId),
  );
  route.get(
    '/subsidy/xlsx',
    {
      guard: 'signed-in',
      summary: '导出补贴看板（Excel：预算使用、各县区各环节申请数、按入库申报月份的补贴金额）',
      query: ZDashboardQuery,
      produces: [XLSX_CONTENT_TYPE],
      ok: z.any().describe('Excel 文件'),
      noStore: true,
    },
    async (ctx, request, reply) => {
      const file = await dashboardXlsx(ctx, request.query.campaignId);
      reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
      return reply.send(file.buffer);
    },
  );
}
