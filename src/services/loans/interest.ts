/**
 * Interest actually paid per loan over a period — the I of S = I × R × C (申报指南 六（二）). A repayment counts
 * when its paid date (the day the bank received it) lies in [from, to], both inclusive. No scope: callers
 * (the subsidy module) have already established which loans an application may claim.
 */
import { and, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loanRepayments } from '../../db/schema';
import type { IsoDate } from '../../domain/calendar/dates';
import type { Fen } from '../../domain/money/money';

/** Map of loan id → interest paid in fen; every requested id is present (0n when nothing was paid). */
export async function interestPaidByLoan(
  db: DbOrTx,
  loanIds: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Promise<Map<string, Fen>> {
  const out = new Map<string, Fen>(loanIds.map((id) => [id, 0n]));
  if (loanIds.length === 0 || from > to) return out;
  const rows = await db
    .select({
      loanId: loanRepayments.loanId,
      interest: sql<string>`coalesce(sum(${loanRepayments.interestPaidFen}), 0)::text`,
    })
    .from(loanRepayments)
    .where(
      and(
        inArray(loanRepayments.loanId, [...new Set(loanIds)]),
        gte(loanRepayments.paidDate, from),
        lte(loanRepayments.paidDate, to),
      ),
    )
    .groupBy(loanRepayments.loanId);
  for (const r of rows) out.set(r.loanId, BigInt(r.interest));
  return out;
}
