/**
 * Notices to people: in-app notifications, and an outbox of SMS / e-mail messages that a dispatcher delivers
 * with retries (rows claimed with FOR UPDATE SKIP LOCKED, so several app instances can dispatch at once).
 * Addresses are personal data: stored encrypted (AES-256-GCM, like the enterprise's contact phone) and masked.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { instant, optionalRef, primaryId, requiredRef } from './columns';
import { users } from './core';

export const notifications = pgTable(
  'notifications',
  {
    id: primaryId(),
    recipientUserId: requiredRef('recipient_user_id', () => users.id),
    /** e.g. window_open, declaration_returned, declaration_approved, review_due, review_overdue, report_due. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Web path to open, e.g. /enterprise/declarations/<id>. */
    link: text('link'),
    objectType: text('object_type'),
    objectId: text('object_id'),
    /** Makes reminders idempotent across sweeps and app instances (one per recipient and occasion). */
    dedupeKey: text('dedupe_key'),
    createdAt: instant('created_at').notNull(),
    readAt: instant('read_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt),
    uniqueIndex('notifications_dedupe_uq').on(t.recipientUserId, t.dedupeKey),
  ],
);

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: primaryId(),
    notificationId: optionalRef('notification_id', () => notifications.id),
    /** sms | email */
    channel: text('channel').notNull(),
    recipientUserId: optionalRef('recipient_user_id', () => users.id),
    /** Encrypted phone number or e-mail address. */
    addressEnc: text('address_enc').notNull(),
    addressMasked: text('address_masked').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    kind: text('kind').notNull(),
    /** pending | sending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    /** A claim by a dispatcher expires here (a crashed instance's rows are retried). */
    lockedUntil: instant('locked_until'),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: instant('created_at').notNull(),
    sentAt: instant('sent_at'),
  },
  (t) => [
    index('notification_outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('notification_outbox_status_ck', sql`${t.status} in ('pending','sending','sent','failed')`),
    check('notification_outbox_channel_ck', sql`${t.channel} in ('sms','email')`),
  ],
);
