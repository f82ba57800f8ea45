import type { TNeedConsent } from '../../contracts/financing';
import { mayDo } from '../../domain/access/business';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findNeed, NEED, needRows } from './records';

export async function setNeedConsent(ctx: Ctx, id: string, consent: TNeedConsent): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const { n } = await findNeed(tx, actor, id, true);
    if (!mayDo(actor, 'financing.need.consent', { enterpriseId: n.enterpriseId })) throw Errors.notFound(NEED);
    const banks = consent.scope === 'named' ? consent.banks : [];
    await needRows.update(tx, ctx, id, {
      set: {
        consentScope: consent.scope,
        consentBanks: banks,
        consentAt: consent.scope === 'none' ? null : ctx.now,
        updatedAt: ctx.now,
      },
      action: consent.scope === 'none' ? 'financing_need.consent_revoked' : 'financing_need.consent_set',
      before: { scope: n.consentScope, banks: n.consentBanks },
      after: { scope: consent.scope, banks },
    });
    return { id };
  });
}
