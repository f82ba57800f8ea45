/** The audit trail: append-only, chained by SM3 hash. `seq` is gap-free (assigned under an advisory lock). */
import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    actorId: text('actor_id'),
    actorName: text('actor_name'),
    actorRole: text('actor_role').notNull(),
    /** The actor's scope at the time: district, institution, enterprise. */
    scope: jsonb('scope').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    clientIp: text('client_ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_time_idx').on(t.occurredAt),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);
