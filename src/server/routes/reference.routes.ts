/** Public reference data: Jiangmen's districts and the cooperating financial institutions. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZDistrict, ZInstitution, ZInstitutionQuery } from '../../contracts/reference';
import { listDistricts, listInstitutions } from '../../services/reference';
import { referenceRateLimit } from '../plugins/rate-limit-store';
import { routeKit } from '../route-kit/route';

export async function referenceRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['reference']);

  route.get(
    '/districts',
    { guard: 'public', summary: '江门市县（市、区）列表（公开）', config: referenceRateLimit, ok: z.array(ZDistrict) },
    (ctx, _request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return listDistricts(ctx);
    },
  );

  route.get(
    '/institutions',
    {
      guard: 'public',
      summary: '合作金融机构列表（公开；可按类型筛选）',
      config: referenceRateLimit,
      query: ZInstitutionQuery,
      ok: z.array(ZInstitution),
    },
    (ctx, request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return listInstitutions(ctx, request.query.kind);
    },
  );
}
