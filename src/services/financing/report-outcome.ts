/** The bank reports the credit decision of an accepted order: approved (amount, rate, term, disbursement) or refused with the reason. */
import { eq } from 'drizzle-orm';
import type { TOutcomeInput } from '../../contracts/financing';
import { financingOrders } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { type OrderStatus, orderTransition } from '../../domain/financing/orders';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { fenOrNull, findOrderForUpdate, ORDER } from './records';

export async function reportOutcome(
  ctx: Ctx,
  id: string,
  input: TOutcomeInput,
): Promise<{ id: string; status: OrderStatus }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const o = await findOrderForUpdate(tx, actor, id);
    if (!mayDo(actor, 'financing.order.answer', { enterpriseId: null, institutionId: o.institutionId }))
      throw Errors.notFound(ORDER);
    const t = orderTransition(o.status as OrderStatus, input.outcome === 'approved' ? 'approve' : 'refuse');
    if (!t.ok) throw Errors.conflict('ORDER_STATE', t.zh, t.en);
    const approved = input.outcome === 'approved';
    await tx
      .update(financingOrders)
      .set({
        status: t.to,
        decidedAt: ctx.now,
        approvedAmountFen: approved ? fenOrNull(input.approvedAmount) : null,
        approvedRate: approved ? input.approvedRate : null,
        approvedTermMonths: approved ? input.approvedTermMonths : null,
        disbursedOn: approved ? input.disbursedOn : null,
        refuseReason: approved ? null : input.refuseReason,
        updatedAt: ctx.now,
      })
      .where(eq(financingOrders.id, id));
    await recordAudit(tx, ctx, {
      action: approved ? 'financing_order.approved' : 'financing_order.refused',
      objectType: 'financing_order',
      objectId: id,
      before: { status: o.status },
      after: { status: t.to, ...input },
    });
    return { id, status: t.to };
  });
}
