import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';

export async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查（含数据库连通性）',
        response: { 200: z.object({ status: z.literal('ok'), database: z.string(), time: z.string() }) },
      },
    },
    async (request) => {
      await app.deps.db.execute(sql`select 1`);
      return {
        status: 'ok' as const,
        database: app.deps.config.databaseUrl ? 'postgres' : 'pglite',
        time: request.now.toISOString(),
      };
    },
  );
}
