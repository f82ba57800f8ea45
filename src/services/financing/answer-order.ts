import { decisionDue, type OrderStatus, orderTransition } from '../../domain/financing/orders';
import { loadCalendar } from '../calendar';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { cityAnswerTimesOn } from './answer-times';
import { onBankOrder, orderRows, todayOf } from './records';

export async function answerOrder(
  ctx: Ctx,
  id: string,
  answer: { accept: true } | { accept: false; reason: string },
): Promise<{ id: string; status: OrderStatus; decisionDueOn: string | null }> {
  return onBankOrder(ctx, id, 'financing.order.answer', async (tx, o) => {
    const t = orderTransition(o.status as OrderStatus, answer.accept ? 'accept' : 'decline');
    if (!t.ok) throw Errors.conflict('ORDER_STATE', t.zh, t.en);
    const today = todayOf(ctx.now);
    const due = answer.accept
      ? decisionDue(
          await loadCalendar(tx),
          today,
          o.greenChannel,
          o.promisedDecisionDays,
          await cityAnswerTimesOn(tx, today),
        )
      : null;
    const decisionDueOn = due?.dueOn ?? null;
    await orderRows.update(tx, ctx, id, {
      set: answer.accept
        ? {
            status: t.to,
            acceptedAt: ctx.now,
            decisionDueOn: due!.dueOn,
            decisionDueBasis: due!.basisZh,
            overdueMarkedOn: null,
            updatedAt: ctx.now,
          }
        : { status: t.to, declineReason: answer.reason, decidedAt: ctx.now, updatedAt: ctx.now },
      action: answer.accept ? 'financing_order.accepted' : 'financing_order.declined',
      before: { status: o.status },
      after: answer.accept ? { status: t.to, decisionDueOn } : { status: t.to, reason: answer.reason },
    });
    return { id, status: t.to, decisionDueOn };
  });
}
