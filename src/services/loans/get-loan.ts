/** One loan with its repayments, if the actor may see it (otherwise 404, whether or not it exists). */
import type { TLoanDetail } from '../../contracts/loans';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loanScopeCondition } from './scope';
import { loadLoanDetail } from './view';

export async function getLoan(ctx: Ctx, id: string): Promise<TLoanDetail> {
  if (!ctx.actor) throw Errors.unauthenticated();
  const loan = await loadLoanDetail(ctx.deps.readDb, id, loanScopeCondition(ctx.actor));
  if (!loan) throw Errors.notFound({ zh: '贷款', en: 'Loan' });
  return loan;
}
