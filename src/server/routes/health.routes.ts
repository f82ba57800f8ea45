import type { FastifyInstance } from 'fastify';
import { ZHealth, ZLiveness, ZReadiness } from '../../contracts/health';
import { checkHealth } from '../../services/health';
import { readinessOf } from '../../services/metrics';
import { routeKit } from '../route-kit/route';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['system']);
  route.get('/health', { guard: 'public', summary: '健康检查（含数据库连通性）', ok: ZHealth }, (ctx) =>
    checkHealth(ctx),
  );
  route.get('/health/live', { guard: 'public', summary: '存活检查（进程在运行并能应答）', ok: ZLiveness }, () => ({
    status: 'ok' as const,
  }));
  route.get(
    '/health/ready',
    {
      guard: 'public',
      summary: '就绪检查（数据库可用、迁移已执行、未在停机排空）',
      response: { 200: ZReadiness, 503: ZReadiness },
    },
    async (ctx, _request, reply) => {
      const r = await readinessOf(ctx);
      return reply.status(r.status === 'ready' ? 200 : 503).send(r);
    },
  );
}
