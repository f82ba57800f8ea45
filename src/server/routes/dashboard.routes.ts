/** Dashboards for city staff. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZDashboard, ZDashboardQuery } from '../../contracts/subsidy';
import { subsidyDashboard } from '../../services/subsidy';
import { actorCtx, noStore } from '../http-context';

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
}
