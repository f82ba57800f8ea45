import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZHealth } from '../../contracts/health';
import { checkHealth } from '../../services/health';
import { ctxOf } from '../http-context';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    { schema: { tags: ['system'], summary: '健康检查（含数据库连通性）', response: { 200: ZHealth } } },
    async (request) => checkHealth(ctxOf(request)),
  );
}
