/** Public reference data: Jiangmen's districts and the cooperating financial institutions (read replica). */
import { and, asc, eq } from 'drizzle-orm';
import type { INSTITUTION_KINDS, TDistrict, TInstitution } from '../../contracts/reference';
import { districts, institutions } from '../../db/schema';
import type { Ctx } from '../context';

export async function listDistricts(ctx: Ctx): Promise<TDistrict[]> {
  return ctx.deps.readDb
    .select({ code: districts.code, name: districts.name })
    .from(districts)
    .orderBy(asc(districts.sortOrder), asc(districts.code));
}

export async function listInstitutions(ctx: Ctx, kind?: (typeof INSTITUTION_KINDS)[number]): Promise<TInstitution[]> {
  const rows = await ctx.deps.readDb
    .select({
      id: institutions.id,
      kind: institutions.kind,
      name: institutions.name,
      shortName: institutions.shortName,
    })
    .from(institutions)
    .where(and(eq(institutions.active, true), kind ? eq(institutions.kind, kind) : undefined))
    .orderBy(asc(institutions.kind), asc(institutions.name));
  return rows.map((r) => ({ ...r, kind: r.kind as (typeof INSTITUTION_KINDS)[number] }));
}
