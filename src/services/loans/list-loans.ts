/** Paged list of the loans the actor may see; the scope is part of the WHERE clause. */
import { and, count, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { TLoanList, TLoanListQuery } from '../../contracts/loans';
import { ZLoanListQuery } from '../../contracts/loans';
import { enterprises, loanRepayments, loans } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { normalizeUscc } from '../../domain/enterprise/uscc';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loanScopeCondition } from './scope';
import { selectLoans, toLoanView } from './view';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export async function listLoans(ctx: Ctx, rawQuery: TLoanListQuery): Promise<TLoanList> {
  if (!ctx.actor) throw Errors.unauthenticated();
  if (!mayDo(ctx.actor, 'loan.read')) throw Errors.forbidden();
  const query = ZLoanListQuery.parse(rawQuery);
  const conds: (SQL | undefined)[] = [loanScopeCondition(ctx.actor)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conds.push(or(ilike(loans.contractNo, like), ilike(enterprises.name, like)));
  }
  if (query.contractNo) conds.push(eq(loans.contractNo, query.contractNo));
  if (query.enterpriseUscc) conds.push(eq(enterprises.uscc, normalizeUscc(query.enterpriseUscc)));
  if (query.enterpriseId) conds.push(eq(loans.enterpriseId, query.enterpriseId));
  if (query.status === 'cancelled') conds.push(eq(loans.status, 'cancelled'));
  else if (query.status) {
    const repaid = sql`(select coalesce(sum(${loanRepayments.principalPaidFen}), 0) from ${loanRepayments} where ${loanRepayments.loanId} = ${loans.id})`;
    conds.push(eq(loans.status, 'active'));
    conds.push(query.status === 'settled' ? sql`${repaid} >= ${loans.amountFen}` : sql`${repaid} < ${loans.amountFen}`);
  }
  const where = and(...conds);
  const db = ctx.deps.readDb;
  const [total] = await db
    .select({ n: count() })
    .from(loans)
    .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
    .where(where);
  const rows = await selectLoans(db, where)
    .orderBy(desc(loans.disbursedAt), loans.id)
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toLoanView), total: Number(total?.n ?? 0), page: query.page, pageSize: query.pageSize };
}
