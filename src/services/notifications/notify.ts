/**
 * Tells people something: an in-app notification per recipient and, for the channels asked for, an outbox row
 * per distinct address. Runs inside the caller's transaction, so a notice exists exactly when the step it
 * reports was committed. A dedupe key makes a reminder idempotent per recipient (sweeps may run on several
 * instances, or twice).
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import type { NotificationKind } from '../../contracts/notifications';
import type { DbOrTx } from '../../db/client';
import { notificationOutbox, notifications } from '../../db/schema';
import type { Deps } from '../context';
import { contactDirectory } from './contacts';
import { type Channel, maskAddress } from './senders';

export interface Notice {
  kind: NotificationKind;
  title: string;
  body: string;
  link?: string | null;
  objectType?: string | null;
  objectId?: string | null;
  /** One notice per recipient and key. */
  dedupeKey?: string | null;
  /** External channels besides the in-app notice. */
  channels?: readonly Channel[];
}

export interface NotifyResult {
  notified: number;
  queued: number;
}

export async function notifyUsers(
  db: DbOrTx,
  deps: Deps,
  now: Date,
  userIds: readonly string[],
  notice: Notice,
): Promise<NotifyResult> {
  const recipients = [...new Set(userIds)];
  if (recipients.length === 0) return { notified: 0, queued: 0 };
  const inserted = await db
    .insert(notifications)
    .values(
      recipients.map((recipientUserId) => ({
        recipientUserId,
        kind: notice.kind,
        title: notice.title,
        body: notice.body,
        link: notice.link ?? null,
        objectType: notice.objectType ?? null,
        objectId: notice.objectId ?? null,
        dedupeKey: notice.dedupeKey ?? null,
        createdAt: now,
      })),
    )
    .onConflictDoNothing({ target: [notifications.recipientUserId, notifications.dedupeKey] })
    .returning({ id: notifications.id, recipientUserId: notifications.recipientUserId });

  let queued = 0;
  const channels = notice.channels ?? [];
  if (channels.length > 0 && inserted.length > 0) {
    const contacts = await contactDirectory()(
      db,
      deps,
      inserted.map((n) => n.recipientUserId),
    );
    const rows: (typeof notificationOutbox.$inferInsert)[] = [];
    for (const channel of channels) {
      const seen = new Set<string>();
      for (const n of inserted) {
        const c = contacts.get(n.recipientUserId);
        const address = channel === 'sms' ? c?.phone : c?.email;
        if (!address || seen.has(address)) continue;
        seen.add(address);
        rows.push({
          notificationId: n.id,
          channel,
          recipientUserId: n.recipientUserId,
          addressEnc: deps.cipher.encrypt(address),
          addressMasked: maskAddress(channel, address),
          subject: notice.title,
          body: `【惠企】${notice.body}`,
          kind: notice.kind,
          status: 'pending',
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
    if (rows.length > 0) {
      await db.insert(notificationOutbox).values(rows);
      queued = rows.length;
    }
  }
  return { notified: inserted.length, queued };
}

/** Unread count for a user (cheap; used by the bell). */
export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.recipientUserId, userId), isNull(notifications.readAt)));
  return r?.n ?? 0;
}
