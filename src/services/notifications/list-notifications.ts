/** The signed-in user's notifications (always their own: the recipient is the scope). */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import {
  NOTIFICATION_KIND_NAMES,
  type NotificationKind,
  type TNotification,
  type TNotificationList,
} from '../../contracts/notifications';
import { notifications } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { unreadCount } from './notify';

export function toNotification(r: typeof notifications.$inferSelect): TNotification {
  const kind = r.kind as NotificationKind;
  return {
    id: r.id,
    kind,
    kindName: NOTIFICATION_KIND_NAMES[kind]?.zh ?? r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    objectType: r.objectType,
    objectId: r.objectId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}

function personOf(ctx: Ctx): Actor {
  const a = ctx.actor;
  if (a?.via !== 'session') throw Errors.unauthenticated();
  return a;
}

export async function listNotifications(
  ctx: Ctx,
  q: { unread: boolean; page: number; pageSize: number },
): Promise<TNotificationList> {
  const actor = personOf(ctx);
  const db = ctx.deps.db;
  const where = and(eq(notifications.recipientUserId, actor.id), q.unread ? isNull(notifications.readAt) : undefined);
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [t] = await db.select({ n: count() }).from(notifications).where(where);
  return {
    items: rows.map(toNotification),
    total: t?.n ?? 0,
    unread: await unreadCount(db, actor.id),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function countUnread(ctx: Ctx): Promise<number> {
  return unreadCount(ctx.deps.db, personOf(ctx).id);
}

/** Marks one notification read (only the recipient's own; others are not found). Idempotent; the change and its
 * audit event are written in one transaction. */
export async function markRead(ctx: Ctx, id: string): Promise<TNotification> {
  const actor = personOf(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, actor.id)))
      .for('update');
    if (!row) throw Errors.notFound({ zh: '通知', en: 'Notification' });
    if (row.readAt) return toNotification(row);
    const [u] = await tx
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, actor.id)))
      .returning();
    await recordAudit(tx, ctx, { action: 'notification.read', objectType: 'notification', objectId: id });
    return toNotification(u!);
  });
}

/** Marks all of the recipient's unread notifications read, with one audit event naming how many. */
export async function markAllRead(ctx: Ctx): Promise<number> {
  const actor = personOf(ctx);
  return inTx(ctx, async (tx) => {
    const rows = await tx
      .update(notifications)
      .set({ readAt: ctx.now })
      .where(and(eq(notifications.recipientUserId, actor.id), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    if (rows.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'notification.all_read',
        objectType: 'notification',
        objectId: null,
        after: { count: rows.length },
      });
    }
    return rows.length;
  });
}
