/**
 * The claiming institution reports a recovery after the compensation was paid (追偿). The pool takes back the share
 * it bore of the running total of recoveries (rounded once on the total, never more than the compensation); a report
 * later than the notice's days after the money came in is flagged overdue.
 */
import type { TReportRecovery, TRiskClaim } from '../../contracts/guarantee';
import { riskRecoveries } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { explainReturn, guaranteeParam, poolReturnOf, recoveryReportOverdue } from '../../domain/guarantee/index';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import { citationLabel } from '../../domain/policies/core/citation';
import type { Ctx } from '../context';
import { Errors, fieldError } from '../errors';
import { lockPool, movePool } from './pools';
import { onFiledRiskClaim, riskClaimRows } from './read-risk-claims';

export function reportRecovery(ctx: Ctx, id: string, input: TReportRecovery): Promise<TRiskClaim> {
  const refusal = { zh: '只有申请补偿的机构可以报告追偿款', en: 'Only the claiming institution reports recoveries' };
  return onFiledRiskClaim(ctx, id, 'guarantee.risk.recovery.report', refusal, async (tx, c, actor) => {
    if (c.status !== 'paid' || c.compensationFen === null || c.netLossFen === null || c.poolYear === null) {
      throw Errors.conflict('NOT_PAID', '补偿尚未拨付或已结案，不能报告补偿后的追偿款', 'The compensation is not paid');
    }
    const today = chinaDateOf(ctx.now);
    if (input.receivedOn > today) throw fieldError('receivedOn', '追回日期', '不能晚于今天', 'cannot be in the future');
    if (c.paidAt && input.receivedOn < chinaDateOf(c.paidAt)) {
      throw fieldError(
        'receivedOn',
        '追回日期',
        '不能早于补偿拨付日（拨付前的回收请在申请中填报）',
        'precedes the payment',
      );
    }
    const amount = yuanToFen(input.amount);
    const total = c.recoveredAfterFen + amount;
    if (total > c.netLossFen) {
      throw fieldError('amount', '追回金额', '累计超过实际损失，请核对', 'the recoveries exceed the loss');
    }
    const returnedTotal = poolReturnOf(c.compensationFen, c.netLossFen, total);
    const delta = returnedTotal - c.returnedFen;
    const pDays = guaranteeParam('recoveryReportDays', c.defaultDate);
    const overdue = recoveryReportOverdue(input.receivedOn, today, pDays.value);
    const explanation = `${explainReturn(c.compensationFen, c.netLossFen, total, returnedTotal)}本次返还${fenToYuan(delta)}元。${
      overdue ? `追回后超过${pDays.value}日才报告，已标记逾期（${citationLabel(pDays.citation)}）。` : ''
    }`;
    const [rec] = await tx
      .insert(riskRecoveries)
      .values({
        claimId: c.id,
        receivedOn: input.receivedOn,
        reportedOn: today,
        amountFen: amount,
        returnedFen: delta,
        overdue,
        explanation,
        note: input.note ?? null,
        recordedBy: actor.id,
      })
      .returning({ id: riskRecoveries.id });
    await riskClaimRows.update(tx, ctx, c.id, {
      set: { recoveredAfterFen: total, returnedFen: returnedTotal, updatedAt: ctx.now },
      action: 'guarantee.recovery_reported',
      after: { recoveryId: rec!.id, amountFen: String(amount), returnedFen: String(delta), overdue },
    });
    const pool = await lockPool(tx, c.poolYear);
    await movePool(tx, pool, { returned: delta }, ctx.now);
  });
}
