/**
 * The filing institution corrects a risk-compensation claim the district or the city returned and submits the same
 * claim again: its figures are checked afresh (the shares on the loan, the share on the default date), it goes back
 * to the district's check, and every step before stays in its history.
 */
import { eq } from 'drizzle-orm';
import type { TResubmitRiskClaim, TRiskClaim } from '../../contracts/guarantee';
import { riskClaims } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { type RiskClaimStatus, riskTransition } from '../../domain/guarantee/index';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadRiskClaim, lockRiskClaim } from './read-risk-claims';
import { actorFor, findCoveredLoan, type StepEntry, stepEntry } from './shared';
import { checkRiskFigures } from './submit-risk-claim';

export async function resubmitRiskClaim(ctx: Ctx, id: string, input: TResubmitRiskClaim): Promise<TRiskClaim> {
  const actor = actorFor(ctx, 'guarantee.risk.resubmit');
  return inTx(ctx, async (tx) => {
    const c = await lockRiskClaim(tx, actor, id);
    if (!mayDo(actor, 'guarantee.risk.resubmit', { enterpriseId: null, institutionId: c.institutionId })) {
      throw Errors.forbidden('只有申请补偿的机构可以修改后重新提交', 'Only the filing institution resubmits');
    }
    const t = riskTransition({ status: c.status as RiskClaimStatus, action: 'resubmit' });
    if (!t.ok) throw Errors.conflict(t.code, t.zh, t.zh);
    const loan = await findCoveredLoan(tx, actor, c.loanId);
    const f = await checkRiskFigures(tx, ctx, c.institutionId, loan, input, c.id);
    await tx
      .update(riskClaims)
      .set({
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
      })
      .where(eq(riskClaims.id, id));
    await recordAudit(tx, ctx, {
      action: 'guarantee.risk_claim_resubmitted',
      objectType: 'risk_claim',
      objectId: id,
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
    return (await loadRiskClaim(tx, actor, id))!;
  });
}
