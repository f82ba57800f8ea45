/** Public reference data: Jiangmen's districts and the cooperating financial institutions. */
import { and, asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { districts, institutions } from '../../db/schema';

const ZDistrict = z.object({ code: z.string().describe('行政区划代码'), name: z.string().describe('名称') });
export const INSTITUTION_KINDS = ['bank', 'insurer', 'guarantor'] as const;
const ZInstitution = z.object({
  id: z.string().describe('机构编号'),
  kind: z.enum(INSTITUTION_KINDS).describe('机构类型（bank 银行 / insurer 保险 / guarantor 担保）'),
  name: z.string().describe('机构全称'),
  shortName: z.string().describe('简称'),
});

export async function referenceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/districts',
    {
      schema: {
        tags: ['reference'],
        summary: '江门市县（市、区）列表（公开）',
        response: { 200: z.array(ZDistrict) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return app.deps.readDb
        .select({ code: districts.code, name: districts.name })
        .from(districts)
        .orderBy(asc(districts.sortOrder), asc(districts.code));
    },
  );

  app.get(
    '/institutions',
    {
      schema: {
        tags: ['reference'],
        summary: '合作金融机构列表（公开；可按类型筛选）',
        querystring: z.object({ kind: z.enum(INSTITUTION_KINDS).optional().describe('机构类型') }),
        response: { 200: z.array(ZInstitution) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      const rows = await app.deps.readDb
        .select({
          id: institutions.id,
          kind: institutions.kind,
          name: institutions.name,
          shortName: institutions.shortName,
        })
        .from(institutions)
        .where(
          and(
            eq(institutions.active, true),
            request.query.kind ? eq(institutions.kind, request.query.kind) : undefined,
          ),
        )
        .orderBy(asc(institutions.kind), asc(institutions.name));
      return rows.map((r) => ({ ...r, kind: r.kind as (typeof INSTITUTION_KINDS)[number] }));
    },
  );
}
