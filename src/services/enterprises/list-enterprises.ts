/** Paged, searchable list of the enterprises the actor may see; the scope is part of the WHERE clause. */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { TEnterpriseList, TEnterpriseListQuery } from '../../contracts/enterprises';
import { enterprises } from '../../db/schema';
import { OUTSIDE_CITY } from '../../domain/enterprise/districts';
import { normalizeUscc } from '../../domain/enterprise/uscc';
import type { Ctx } from '../context';
import { visibleEnterprisesCondition } from './scope';
import { toEnterpriseView } from './view';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listEnterprises(ctx: Ctx, query: TEnterpriseListQuery): Promise<TEnterpriseList> {
  const conds: (SQL | undefined)[] = [visibleEnterprisesCondition(ctx.actor)];
  const q = query.q?.trim();
  if (q) {
    conds.push(
      or(ilike(enterprises.name, `%${escapeLike(q)}%`), ilike(enterprises.uscc, `${escapeLike(normalizeUscc(q))}%`)),
    );
  }
  if (query.districtCode === OUTSIDE_CITY) conds.push(eq(enterprises.outsideCity, true));
  else if (query.districtCode) conds.push(eq(enterprises.districtCode, query.districtCode));
  if (query.type) conds.push(eq(enterprises.type, query.type));
  if (query.creditStatus) conds.push(eq(enterprises.creditStatus, query.creditStatus));
  if (query.inResourcePool !== undefined) conds.push(eq(enterprises.inResourcePool, query.inResourcePool));
  const where = and(...conds);

  const db = ctx.deps.readDb;
  const [totalRow] = await db.select({ n: count() }).from(enterprises).where(where);
  const rows = await db
    .select()
    .from(enterprises)
    .where(where)
    .orderBy(desc(enterprises.createdAt), enterprises.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => toEnterpriseView(r, ctx.deps.cipher, ctx.lang)),
    total: Number(totalRow?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
