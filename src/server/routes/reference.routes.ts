/** Public reference data: Jiangmen's districts and the cooperating financial institutions. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZDistrict, ZInstitution, ZInstitutionQuery } from '../../contracts/reference';
import { listDistricts, listInstitutions } from '../../services/reference';
import { ctxOf } from '../http-context';
import { referenceRateLimit } from '../plugins/rate-limit-store';

export async function referenceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/districts',
    {
      config: referenceRateLimit,
      schema: {
        tags: ['reference'],
        summary: '江门市县（市、区）列表（公开）',
        response: { 200: z.array(ZDistrict) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return listDistricts(ctxOf(request));
    },
  );

  app.get(
    '/institutions',
    {
      config: referenceRateLimit,
      schema: {
        tags: ['reference'],
        summary: '合作金融机构列表（公开；可按类型筛选）',
        querystring: ZInstitutionQuery,
        response: { 200: z.array(ZInstitution) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return listInstitutions(ctxOf(request), request.query.kind);
    },
  );
}
