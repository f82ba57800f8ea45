/**
 * The recording bank cancels (作废) a loan recorded in error, with a reason. The loan and its repayments are kept
 * and still readable (shown as 已作废); it leaves subsidy application choices and its contract number may be
 * recorded again. Refused once the loan is claimed by a subsidy application, or when the version is stale.
 */
import type { TCancelLoan, TLoanDetail } from '../../contracts/loans';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { loanCancelled } from '../credit';
import { loadLoanForChange, updateLoanVersion } from './lifecycle-guard';
import { loanScopeCondition } from './scope';
import { loadLoanDetail } from './view';

export async function cancelLoan(ctx: Ctx, loanId: string, input: TCancelLoan): Promise<TLoanDetail> {
  return inTx(ctx, async (tx) => {
    const { loan } = await loadLoanForChange(tx, ctx, loanId, input.version, '作废', 'loan.cancel');
    const version = await updateLoanVersion(tx, ctx, loan, {
      status: 'cancelled',
      cancelledAt: ctx.now,
      cancelledBy: ctx.actor?.via === 'session' ? ctx.actor.id : null,
      cancelReason: input.reason,
    });
    await loanCancelled(tx, ctx, loan.id);
    await recordAudit(tx, ctx, {
      action: 'loan.cancelled',
      objectType: 'loan',
      objectId: loan.id,
      before: { status: 'active', contractNo: loan.contractNo, version: loan.version },
      after: { status: 'cancelled', reason: input.reason, version, via: ctx.actor?.via ?? 'session' },
    });
    return (await loadLoanDetail(tx, loan.id, loanScopeCondition(ctx.actor)))!;
  });
}
