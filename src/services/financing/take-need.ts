/**
 * A bank takes a posted need (抢单). It can only reach needs whose consent names it (otherwise 404). Two banks
 * taking an exclusive need at once: the need's row lock lets one in, the other is refused (409).
 */
import { and, eq } from 'drizzle-orm';
import { financingProducts } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { openOrder } from './open-order';
import { findNeed, isUuid, liveOn, PRODUCT, productData, todayOf } from './records';

export async function takeNeed(
  ctx: Ctx,
  needId: string,
  input: { productId: string | null },
): Promise<{ id: string; contactDueOn: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.need.take') || !actor.institutionId)
    throw Errors.forbidden('只有合作银行人员可以接单', 'Only bank officers take needs');
  const institutionId = actor.institutionId;
  return inTx(ctx, async (tx) => {
    const { n } = await findNeed(tx, actor, needId, true);
    let promised: number | null = null;
    if (input.productId) {
      if (!isUuid(input.productId)) throw Errors.notFound(PRODUCT);
      const [p] = await tx
        .select()
        .from(financingProducts)
        .where(
          and(
            eq(financingProducts.id, input.productId),
            eq(financingProducts.institutionId, institutionId),
            liveOn(todayOf(ctx.now)),
          ),
        );
      if (!p) throw Errors.notFound(PRODUCT);
      promised = productData(p.live).promisedDecisionDays;
    }
    return openOrder(tx, ctx, n, {
      institutionId,
      productId: input.productId,
      origin: 'take',
      promisedDecisionDays: promised,
    });
  });
}
