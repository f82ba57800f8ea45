import type { TOutcomeInput } from '../../contracts/financing';
import { type OrderStatus, orderTransition } from '../../domain/financing/orders';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { fenOrNull, onBankOrder, orderRows } from './records';

export async function reportOutcome(
  ctx: Ctx,
  id: string,
  input: TOutcomeInput,
): Promise<{ id: string; status: OrderStatus }> {
  return onBankOrder(ctx, id, 'financing.order.answer', async (tx, o) => {
    const t = orderTransition(o.status as OrderStatus, input.outcome === 'approved' ? 'approve' : 'refuse');
    if (!t.ok) throw Errors.conflict('ORDER_STATE', t.zh, t.en);
    const approved = input.outcome === 'approved';
    await orderRows.update(tx, ctx, id, {
      set: {
        status: t.to,
        decidedAt: ctx.now,
        approvedAmountFen: approved ? fenOrNull(input.approvedAmount) : null,
        approvedRate: approved ? input.approvedRate : null,
        approvedTermMonths: approved ? input.approvedTermMonths : null,
        disbursedOn: approved ? input.disbursedOn : null,
        refuseReason: approved ? null : input.refuseReason,
        updatedAt: ctx.now,
      },
      action: approved ? 'financing_order.approved' : 'financing_order.refused',
      before: { status: o.status },
      after: { status: t.to, ...input },
    });
    return { id, status: t.to };
  });
}
