/** Security infrastructure: rate-limit counters shared by every app instance (one row per key and window). */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    /** Route + client key (usually the client address). */
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** When the current window ends; a hit after it starts a new window. Expired rows are deleted lazily. */
    resetAt: timestamp('reset_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limit_counters_reset_idx').on(t.resetAt)],
);
