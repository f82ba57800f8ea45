/** The enterprise rates the bank's service on one of its orders once the bank has answered (1–5). */
import { eq } from 'drizzle-orm';
import { financingOrders } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findOrderForUpdate, ORDER } from './records';

export async function rateOrder(
  ctx: Ctx,
  id: string,
  input: { rating: number; comment: string },
): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const o = await findOrderForUpdate(tx, actor, id);
    if (!mayDo(actor, 'financing.order.rate', { enterpriseId: o.enterpriseId })) throw Errors.notFound(ORDER);
    if (o.status === 'pending')
      throw Errors.conflict('ORDER_STATE', '银行尚未答复，暂不能评价', 'The bank has not answered yet');
    await tx
      .update(financingOrders)
      .set({ rating: input.rating, ratingComment: input.comment || null, updatedAt: ctx.now })
      .where(eq(financingOrders.id, id));
    await recordAudit(tx, ctx, {
      action: 'financing_order.rated',
      objectType: 'financing_order',
      objectId: id,
      before: { rating: o.rating },
      after: { rating: input.rating, comment: input.comment || null },
    });
    return { id };
  });
}
