/**
 * The district checks a fee-subsidy claim and the city verifies it — the interest subsidy's review steps and state
 * machine (domain/workflow/application.ts), reused: pass, or return with reasons. A returned claim frees its period
 * for a corrected claim.
 */
import type { TFeeClaim, TFeeClaimReview } from '../../contracts/guarantee';
import type { BusinessAction } from '../../domain/access/business';
import { type ApplicationStatus, applicationTransition } from '../../domain/workflow/application';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { feeClaimRows, loadFeeClaim, lockFeeClaim } from './read-fee-claims';
import { actorFor, type StepEntry, stepEntry } from './shared';

const RULE: Record<TFeeClaimReview['action'], BusinessAction> = {
  district_pass: 'guarantee.fee.district_check',
  district_return: 'guarantee.fee.district_check',
  city_verify: 'guarantee.fee.city_verify',
  city_return: 'guarantee.fee.city_verify',
};

export async function reviewFeeClaim(ctx: Ctx, id: string, input: TFeeClaimReview): Promise<TFeeClaim> {
  const actor = actorFor(ctx, RULE[input.action]);
  return inTx(ctx, async (tx) => {
    const row = await lockFeeClaim(tx, actor, id);
    const t = applicationTransition(row.status as ApplicationStatus, input.action, actor.role, input.reasons);
    if (!t.ok) throw Errors.conflict(t.code, t.zh, t.en);
    const reviews = [...(row.reviews as StepEntry[]), stepEntry(ctx, input.action, input.reasons.join('\n') || null)];
    await feeClaimRows.update(tx, ctx, id, {
      set: { status: t.to, reviews, updatedAt: ctx.now },
      action: 'guarantee.fee_claim_reviewed',
      before: { status: row.status },
      after: { status: t.to, action: input.action, reasons: input.reasons },
    });
    return (await loadFeeClaim(tx, actor, id))!;
  });
}
