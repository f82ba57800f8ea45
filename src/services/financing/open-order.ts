/**
 * Opening an order on a need (both ways in): under the need's row lock, refused when the need is closed, when
 * the bank already has a live order on it, or when the enterprise limited it to one bank and another has it; the
 * first-contact due day is counted on the working-day calendar with the city's answer times in force that day
 * (the platform's defaults without one; shorter on the green channel).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { financingOrders } from '../../db/schema';
import { firstContactDue } from '../../domain/financing/orders';
import { loadCalendar } from '../calendar';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { cityAnswerTimesOn } from './answer-times';
import { type NeedRow, orderConflict, orderRows, todayOf } from './records';

export async function openOrder(
  tx: Tx,
  ctx: Ctx,
  need: NeedRow,
  order: {
    institutionId: string;
    productId: string | null;
    origin: 'apply' | 'take';
    promisedDecisionDays: number | null;
  },
): Promise<{ id: string; contactDueOn: string }> {
  if (need.status !== 'open')
    throw Errors.conflict('NEED_CLOSED', '该融资需求已关闭，不能再对接', 'The need is closed');
  const live = await tx
    .select({ institutionId: financingOrders.institutionId })
    .from(financingOrders)
    .where(
      and(eq(financingOrders.needId, need.id), inArray(financingOrders.status, ['pending', 'accepted', 'approved'])),
    );
  if (live.some((o) => o.institutionId === order.institutionId))
    throw Errors.conflict('ORDER_EXISTS', '该银行已有此融资需求的对接单', 'This bank already has an order on the need');
  if (need.exclusive && live.length > 0)
    throw Errors.conflict(
      'ORDER_TAKEN',
      '企业限定该融资需求只由一家银行对接，已有银行接单',
      'The enterprise limited the need to one bank, and a bank has it',
    );
  const today = todayOf(ctx.now);
  const due = firstContactDue(await loadCalendar(tx), today, need.greenChannel, await cityAnswerTimesOn(tx, today));
  try {
    const id = await orderRows.insert(tx, ctx, {
      values: {
        needId: need.id,
        productId: order.productId,
        institutionId: order.institutionId,
        enterpriseId: need.enterpriseId,
        origin: order.origin,
        status: 'pending',
        exclusive: need.exclusive,
        greenChannel: need.greenChannel,
        contactDueOn: due.dueOn,
        contactDueBasis: due.basisZh,
        promisedDecisionDays: order.promisedDecisionDays,
        createdBy: ctx.actor!.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      },
      action: order.origin === 'apply' ? 'financing_order.applied' : 'financing_order.taken',
      after: {
        needId: need.id,
        institutionId: order.institutionId,
        productId: order.productId,
        contactDueOn: due.dueOn,
      },
    });
    return { id, contactDueOn: due.dueOn };
  } catch (e) {
    return orderConflict(e);
  }
}
