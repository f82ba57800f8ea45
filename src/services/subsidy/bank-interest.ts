/**
 * Interest the banks recorded as paid, per loan, in a period (by paid date). Delegates to the loans module's
 * service so there is one definition of "interest actually incurred" (第五条 实际发生贷款利息).
 */
import type { DbOrTx } from '../../db/client';
import { interestPaidByLoan } from '../loans';

export async function bankInterestByLoan(
  db: DbOrTx,
  loanIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, bigint>> {
  if (loanIds.length === 0) return new Map();
  return interestPaidByLoan(db, [...loanIds], from, to);
}
