/** Declarations the actor may see (scope inside the query), newest first, with filters and paging. */
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { TDeclarationListQuery } from '../../contracts/projects';
import { enterprises, projectDeclarations, projects } from '../../db/schema';
import { shanghaiDate } from '../../domain/projects/time';
import { DECLARATION_STATES } from '../../domain/workflow/declaration';
import type { Ctx } from '../context';
import { Errors, fieldError } from '../errors';
import { declarationScope } from './access';
import { selectSummaries, toSummary } from './view';

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listDeclarations(ctx: Ctx, q: TDeclarationListQuery) {
  if (!ctx.actor) throw Errors.unauthenticated();
  const conds: (SQL | undefined)[] = [declarationScope(ctx.actor)];
  if (q.state) {
    const states = q.state.split(',');
    const bad = states.find((s) => !(DECLARATION_STATES as readonly string[]).includes(s));
    if (bad) throw fieldError('state', '申报状态', `“${bad}”不是有效的状态`, `"${bad}" is not a state`);
    conds.push(inArray(projectDeclarations.state, states));
  }
  if (q.districtCode) conds.push(eq(projectDeclarations.districtCode, q.districtCode));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(
      or(ilike(projectDeclarations.name, like), ilike(enterprises.name, like), ilike(projects.libraryNumber, like)),
    );
  }
  const where = and(...conds);
  const db = ctx.deps.db;
  const rows = await selectSummaries(db)
    .where(where)
    .orderBy(desc(projectDeclarations.updatedAt), desc(projectDeclarations.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [t] = await db
    .select({ n: count() })
    .from(projectDeclarations)
    .innerJoin(enterprises, eq(enterprises.id, projectDeclarations.enterpriseId))
    .leftJoin(projects, eq(projects.declarationId, projectDeclarations.id))
    .where(where);
  const today = shanghaiDate(ctx.now);
  return { items: rows.map((r) => toSummary(r, today)), total: t?.n ?? 0, page: q.page, pageSize: q.pageSize };
}
