/** Orders within the actor's scope (an enterprise its own, a bank its institution's, the city all), optionally only the overdue. */
import { and, eq } from 'drizzle-orm';
import type { TOrder } from '../../contracts/financing';
import { financingOrders } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { OrderStatus } from '../../domain/financing/orders';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { isUuid, loadOrders, ORDER, overdueOn, todayOf } from './records';

export async function listOrders(
  ctx: Ctx & { actor: Actor },
  q: { overdue?: 'true' | 'false' | undefined; status?: OrderStatus | undefined },
): Promise<{ items: TOrder[]; total: number }> {
  const today = todayOf(ctx.now);
  const where = and(
    q.overdue === 'true' ? overdueOn(today) : undefined,
    q.status ? eq(financingOrders.status, q.status) : undefined,
  );
  const items = await loadOrders(ctx.deps.db, ctx.actor, where, today);
  return { items, total: items.length };
}

export async function readOrder(ctx: Ctx & { actor: Actor }, id: string): Promise<TOrder> {
  if (!isUuid(id)) throw Errors.notFound(ORDER);
  const [o] = await loadOrders(ctx.deps.db, ctx.actor, eq(financingOrders.id, id), todayOf(ctx.now));
  if (!o) throw Errors.notFound(ORDER);
  return o;
}
