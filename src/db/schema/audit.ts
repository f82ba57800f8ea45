/**
 * The audit trail: append-only, chained by SM3 hash (ADR 0015). A writer only inserts the event: `seq` comes from
 * a database sequence at insert (no lock, so numbers of rolled-back transactions are skipped). A single chaining
 * step fills `prev_seq`, `prev_hash` and `hash` once, shortly after commit, in `seq` order; the database refuses
 * any other change. Events chained before ADR 0015 have no `prev_seq` (their numbers were gap-free).
 */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgSequence, pgTable, text } from 'drizzle-orm/pg-core';
import { actor, instant } from './columns';

/** Numbers events at insert; `audit_next_seq()` takes the transaction's id first (see the chainer). */
export const auditEventsSeq = pgSequence('audit_events_seq');

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().default(sql`audit_next_seq()`),
    occurredAt: instant('occurred_at').notNull(),
    ...actor(),
    /** The actor's scope at the time: district, institution, enterprise. */
    scope: jsonb('scope').notNull(),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    clientIp: text('client_ip'),
    requestId: text('request_id'),
    /** The chained event before this one (0 for the first); null before chaining and on pre-ADR-0015 events. */
    prevSeq: bigint('prev_seq', { mode: 'number' }),
    /** Null until the chaining step links the event. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_events_time_idx').on(t.occurredAt),
    index('audit_events_object_idx').on(t.objectType, t.objectId),
    index('audit_events_actor_idx').on(t.actorId),
  ],
);
