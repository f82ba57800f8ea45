/** Security infrastructure: rate-limit counters shared by every app instance (one row per key and window). */
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { instant } from './columns';

export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    /** Route + client key (usually the client address). */
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    /** When the current window ends; a hit after it starts a new window. Expired rows are deleted lazily. */
    resetAt: instant('reset_at').notNull(),
  },
  (t) => [index('rate_limit_counters_reset_idx').on(t.resetAt)],
);
