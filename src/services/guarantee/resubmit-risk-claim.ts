/**
 * The filing institution corrects a risk-compensation claim the district or the city returned and submits the same
 * claim again: its figures are checked afresh (the shares on the loan, the share on the default date), it goes back
 * to the district's check, and every step before stays in its history.
 */
import type { TResubmitRiskClaim, TRiskClaim } from '../../contracts/guarantee';
import { type RiskClaimStatus, riskTransition } from '../../domain/guarantee/index';
import { yuanToFen } from '../../domain/money/index';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { onFiledRiskClaim, riskClaimRows } from './read-risk-claims';
import { findCoveredLoan, type StepEntry, stepEntry } from './shared';
import { checkRiskFigures } from './submit-risk-claim';

export function resubmitRiskClaim(ctx: Ctx, id: string, input: TResubmitRiskClaim): Promise<TRiskClaim> {
  const refusal = { zh: '只有申请补偿的机构可以修改后重新提交', en: 'Only the filing institution resubmits' };
  return onFiledRiskClaim(ctx, id, 'guarantee.risk.resubmit', refusal, async (tx, c, actor) => {
    const t = riskTransition({ status: c.status as RiskClaimStatus, action: 'resubmit' });
    if (!t.ok) throw Errors.conflict(t.code, t.zh, t.zh);
    const loan = await findCoveredLoan(tx, actor, c.loanId);
    const f = await checkRiskFigures(tx, ctx, c.institutionId, loan, input, c.id);
    await riskClaimRows.update(tx, ctx, id, {
      set: {
        status: t.to,
        defaultDate: input.defaultDate,
        outstandingPrincipalFen: f.principal,
        outstandingInterestFen: yuanToFen(input.outstandingInterest),
        collateralRealisedFen: f.collateral,
        lossFen: f.loss,
        share: f.share,
        collectionSteps: input.collectionSteps,
        evidence: input.evidence,
        steps: [...(c.steps as StepEntry[]), stepEntry(ctx, 'resubmit', null)],
        updatedAt: ctx.now,
      },
      action: 'guarantee.risk_claim_resubmitted',
      before: {
        status: c.status,
        lossFen: String(c.lossFen),
        collateralFen: String(c.collateralRealisedFen),
        defaultDate: c.defaultDate,
      },
      after: {
        status: t.to,
        lossFen: String(f.loss),
        collateralFen: String(f.collateral),
        defaultDate: input.defaultDate,
        share: f.share,
      },
    });
  });
}
