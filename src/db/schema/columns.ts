/**
 * Column shapes the tables share: the random uuid key, a required reference to another row, and the usual
 * created/updated instants. Each produces exactly the column it replaces.
 */
import type { AnyPgColumn, UpdateDeleteAction } from 'drizzle-orm/pg-core';
import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** `id uuid primary key default gen_random_uuid()`. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();

/** A required uuid reference (`not null`, foreign key to `target`). */
export const requiredRef = <N extends string>(
  name: N,
  target: () => AnyPgColumn,
  actions?: { onDelete?: UpdateDeleteAction; onUpdate?: UpdateDeleteAction },
) => uuid(name).notNull().references(target, actions);

/** `created_at timestamptz not null default now()`. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** `updated_at timestamptz not null default now()`. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
