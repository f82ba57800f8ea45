/** Dashboards for city staff. */
import type { FastifyInstance } from 'fastify';
import { ZDashboard, ZDashboardQuery } from '../../contracts/subsidy';
import { dashboardXlsx, subsidyDashboard } from '../../services/subsidy';
import { sendExcel, xlsxDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

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
      ...xlsxDownload(),
      noStore: true,
    },
    (ctx, request, reply) => sendExcel(reply, 'dashboard.xlsx', dashboardXlsx(ctx, request.query.campaignId)),
  );
}
