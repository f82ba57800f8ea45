/**
 * The bank answers an order of its own institution: accepts it (the credit-decision due day is then counted from
 * today — its product's promise, the platform default, or the green channel's) or declines it with a reason the
 * enterprise reads.
 */
import { eq } from 'drizzle-orm';
import { financingOrders } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { decisionDue, type OrderStatus, orderTransition } from '../../domain/financing/orders';
import { recordAudit } from '../audit';
import { loadCalendar } from '../calendar';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { cityAnswerTimesOn } from './answer-times';
import { findOrderForUpdate, ORDER, todayOf } from './records';

export async function answerOrder(
  ctx: Ctx,
  id: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<{ id: string; status: OrderStatus; decisionDueOn: string | null }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const o = await findOrderForUpdate(tx, actor, id);
    if (!mayDo(actor, 'financing.order.answer', { enterpriseId: null, institutionId: o.institutionId }))
      throw Errors.notFound(ORDER);
    const t = orderTransition(o.status as OrderStatus, answer.accept ? 'accept' : 'decline');
    if (!t.ok) throw Errors.conflict('ORDER_STATE', t.zh, t.en);
    let decisionDueOn: string | null = null;
    if (answer.accept) {
      const today = todayOf(ctx.now);
      const city = await cityAnswerTimesOn(tx, today);
      const due = decisionDue(await loadCalendar(tx), today, o.greenChannel, o.promisedDecisionDays, city);
      decisionDueOn = due.dueOn;
      await tx
        .update(financingOrders)
        .set({
          status: t.to,
          acceptedAt: ctx.now,
          decisionDueOn: due.dueOn,
          decisionDueBasis: due.basisZh,
          overdueMarkedOn: null,
          updatedAt: ctx.now,
        })
        .where(eq(financingOrders.id, id));
    } else {
      await tx
        .update(financingOrders)
        .set({ status: t.to, declineReason: answer.reason, decidedAt: ctx.now, updatedAt: ctx.now })
        .where(eq(financingOrders.id, id));
    }
    await recordAudit(tx, ctx, {
      action: answer.accept ? 'financing_order.accepted' : 'financing_order.declined',
      objectType: 'financing_order',
      objectId: id,
      before: { status: o.status },
      after: answer.accept ? { status: t.to, decisionDueOn } : { status: t.to, reason: answer.reason },
    });
    return { id, status: t.to, decisionDueOn };
  });
}
