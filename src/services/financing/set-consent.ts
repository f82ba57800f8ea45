/**
 * The enterprise grants, narrows or revokes its consent to share the profile. Banks' reads check the consent in
 * their queries, so a revocation takes effect on the next read.
 */
import { eq } from 'drizzle-orm';
import type { TNeedConsent } from '../../contracts/financing';
import { financingNeeds } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findNeed, NEED } from './records';

export async function setNeedConsent(ctx: Ctx, id: string, consent: TNeedConsent): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const { n } = await findNeed(tx, actor, id, true);
    if (!mayDo(actor, 'financing.need.consent', { enterpriseId: n.enterpriseId })) throw Errors.notFound(NEED);
    const banks = consent.scope === 'named' ? consent.banks : [];
    await tx
      .update(financingNeeds)
      .set({
        consentScope: consent.scope,
        consentBanks: banks,
        consentAt: consent.scope === 'none' ? null : ctx.now,
        updatedAt: ctx.now,
      })
      .where(eq(financingNeeds.id, id));
    await recordAudit(tx, ctx, {
      action: consent.scope === 'none' ? 'financing_need.consent_revoked' : 'financing_need.consent_set',
      objectType: 'financing_need',
      objectId: id,
      before: { scope: n.consentScope, banks: n.consentBanks },
      after: { scope: consent.scope, banks },
    });
    return { id };
  });
}
