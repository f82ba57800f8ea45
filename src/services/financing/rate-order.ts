import { mayDo } from '../../domain/access/business';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findOrderForUpdate, ORDER, orderRows } from './records';

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
    await orderRows.update(tx, ctx, id, {
      set: { rating: input.rating, ratingComment: input.comment || null, updatedAt: ctx.now },
      action: 'financing_order.rated',
      before: { rating: o.rating },
      after: { rating: input.rating, comment: input.comment || null },
    });
    return { id };
  });
}
