import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth, ZLiveness, ZReadiness } from '../../contracts/health';
import { checkHealth } from '../../services/health';
import { readinessOf } from '../../services/metrics';
import { ctxOf } from '../http-context';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查（含数据库连通性）', response: { 200: ZHealth } } },
    async (request) => checkHealth(ctxOf(request)),
  );
  app.get(
    '/health/live',
    { schema: { tags: ['system'], summary: '存活检查（进程在运行并能应答）', response: { 200: ZLiveness } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['system'],
        summary: '就绪检查（数据库可用、迁移已执行、未在停机排空）',
        response: { 200: ZReadiness, 503: ZReadiness },
      },
    },
    async (request, reply) => {
      const r = await readinessOf(ctxOf(request));
      return reply.status(r.status === 'ready' ? 200 : 503).send(r);
    },
  );
}
