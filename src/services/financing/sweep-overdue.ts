/**
 * Marks orders newly past their due day: the bank's officers are reminded and the city's reviewers told
 * (escalation), each once per order and due day; every mark is audited in the same transaction.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { financingOrders, users } from '../../db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { cityReviewers, notifyUsers } from '../notifications';
import { overdueOn, todayOf } from './records';

export async function sweepOverdueOrders(ctx: Ctx): Promise<{ marked: number }> {
  const today = todayOf(ctx.now);
  return inTx(ctx, async (tx) => {
    const due = await tx
      .select()
      .from(financingOrders)
      .where(and(overdueOn(today), isNull(financingOrders.overdueMarkedOn)))
      .for('update', { skipLocked: true });
    const city = await cityReviewers(tx);
    for (const o of due) {
      await tx.update(financingOrders).set({ overdueMarkedOn: today }).where(eq(financingOrders.id, o.id));
      const bankUsers = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.institutionId, o.institutionId), eq(users.role, 'bank_officer'), eq(users.active, true)));
      const dueOn = o.status === 'pending' ? o.contactDueOn : o.decisionDueOn;
      const what = o.status === 'pending' ? '首次联系' : '授信决定';
      const notice = {
        kind: 'financing_order_overdue' as const,
        title: '融资对接单已逾期',
        body: `对接单应于${dueOn}前完成${what}，现已逾期，请尽快处理。`,
        link: '/bank/financing/orders',
        objectType: 'financing_order',
        objectId: o.id,
        dedupeKey: `financing_overdue:${o.id}:${dueOn}`,
      };
      await notifyUsers(
        tx,
        ctx.deps,
        ctx.now,
        bankUsers.map((u) => u.id),
        notice,
      );
      await notifyUsers(tx, ctx.deps, ctx.now, city, { ...notice, link: '/city/financing/oversight' });
      await recordAudit(tx, ctx, {
        action: 'financing_order.overdue_marked',
        objectType: 'financing_order',
        objectId: o.id,
        after: { status: o.status, dueOn, markedOn: today },
      });
    }
    return { marked: due.length };
  });
}
