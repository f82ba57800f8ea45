/**
 * The enterprise applies to a live product with one of its needs. The bank sees the enterprise's profile only with
 * its consent: applying either adds the bank to the need's consent (shareProfile) or requires it to be there.
 */
import { and, eq } from 'drizzle-orm';
import { financingNeeds, financingProducts } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { openOrder } from './open-order';
import { findNeed, isUuid, liveOn, NEED, PRODUCT, productData, todayOf } from './records';

export async function applyToProduct(
  ctx: Ctx,
  needId: string,
  input: { productId: string; shareProfile: boolean },
): Promise<{ id: string; contactDueOn: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!isUuid(input.productId)) throw Errors.notFound(PRODUCT);
  return inTx(ctx, async (tx) => {
    const { n } = await findNeed(tx, actor, needId, true);
    if (!mayDo(actor, 'financing.order.apply', { enterpriseId: n.enterpriseId })) throw Errors.notFound(NEED);
    const [p] = await tx
      .select()
      .from(financingProducts)
      .where(and(eq(financingProducts.id, input.productId), liveOn(todayOf(ctx.now))));
    if (!p) throw Errors.notFound(PRODUCT);
    const covered =
      n.consentScope === 'all' || (n.consentScope === 'named' && n.consentBanks.includes(p.institutionId));
    let need = n;
    if (!covered) {
      if (!input.shareProfile)
        throw Errors.unprocessable(
          'CONSENT_REQUIRED',
          '申请产品须同意向该银行提供企业档案（可随时撤回）',
          'Applying needs your consent to share the profile with this bank',
        );
      const banks = [...n.consentBanks, p.institutionId];
      const [updated] = await tx
        .update(financingNeeds)
        .set({ consentScope: 'named', consentBanks: banks, consentAt: ctx.now, updatedAt: ctx.now })
        .where(eq(financingNeeds.id, n.id))
        .returning();
      need = updated!;
      await recordAudit(tx, ctx, {
        action: 'financing_need.consent_set',
        objectType: 'financing_need',
        objectId: n.id,
        before: { scope: n.consentScope, banks: n.consentBanks },
        after: { scope: 'named', banks },
      });
    }
    const live = productData(p.live);
    return openOrder(tx, ctx, need, {
      institutionId: p.institutionId,
      productId: p.id,
      origin: 'apply',
      promisedDecisionDays: live.promisedDecisionDays,
    });
  });
}
