/**
 * Column shapes the tables share: the random uuid key, a required reference to another row, money in fen, instants,
 * and the groups of columns that record who did what when (created, submitted, recorded, approved, changed). Each
 * produces exactly the columns it replaces, under the same names and in the same order.
 */
import { sql } from 'drizzle-orm';
import type { AnyPgColumn, UpdateDeleteAction } from 'drizzle-orm/pg-core';
import { bigint, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** `id uuid primary key default gen_random_uuid()`. */
export const primaryId = () => uuid('id').primaryKey().defaultRandom();

/** What a foreign key does when the referenced row is deleted or its key updated. */
type RefActions = { onDelete?: UpdateDeleteAction; onUpdate?: UpdateDeleteAction };

/** An optional uuid reference (foreign key to `target`, null allowed). */
export const optionalRef = <N extends string>(name: N, target: () => AnyPgColumn, actions?: RefActions) =>
  uuid(name).references(target, actions);

/** A required uuid reference (`not null`, foreign key to `target`). */
export const requiredRef = <N extends string>(name: N, target: () => AnyPgColumn, actions?: RefActions) =>
  uuid(name).notNull().references(target, actions);

/** Money: `bigint` fen, read as a JS bigint (the API speaks decimal yuan strings). */
export const fen = <N extends string>(name: N) => bigint(name, { mode: 'bigint' });

/** A running sum of money: `bigint not null default 0` fen. */
export const fenSum = <N extends string>(name: N) => fen(name).notNull().default(sql`0`);

/** An instant: `timestamptz`. */
export const instant = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

/** Who lodged an objection: the name given, and the contact (phone or e-mail) encrypted by the data cipher, shown masked. */
export const objector = () => ({ name: text('name').notNull(), contactEnc: text('contact_enc').notNull() });

/** A list kept as JSON, empty at first: `jsonb not null default '[]'`. */
export const jsonList = <N extends string>(name: N) => jsonb(name).notNull().default(sql`'[]'::jsonb`);

/** The optimistic-lock counter: `version integer not null default 1`, bumped by every change. */
export const version = () => integer('version').notNull().default(1);

/** `created_at timestamptz not null default now()`. */
export const createdAt = () => instant('created_at').notNull().defaultNow();

/** `updated_at timestamptz not null default now()`. */
export const updatedAt = () => instant('updated_at').notNull().defaultNow();

/** The row's creation and last change instants. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** Who created the row (the actor's id as text) and when. */
export const created = () => ({ createdBy: text('created_by').notNull(), createdAt: createdAt() });

/** Who created the row, when, and when it last changed. */
export const authored = () => ({ createdBy: text('created_by').notNull(), ...timestamps() });

/**
 * An act on the row: who did it (the actor's id as text) and when, both required — `act('submitted')` is
 * `submitted_by text not null, submitted_at timestamptz not null`.
 */
export const act = <A extends string>(name: A) => {
  const by = text(`${name}_by`).notNull();
  const at = instant(`${name}_at`).notNull();
  return { [`${name}By`]: by, [`${name}At`]: at } as Record<`${A}By`, typeof by> & Record<`${A}At`, typeof at>;
};

/** An act with the actor's display name kept beside the id: `<act>_by`, `<act>_by_name`, `<act>_at`, all required. */
export const namedAct = <A extends string>(name: A) => {
  const by = text(`${name}_by`).notNull();
  const byName = text(`${name}_by_name`).notNull();
  const at = instant(`${name}_at`).notNull();
  return { [`${name}By`]: by, [`${name}ByName`]: byName, [`${name}At`]: at } as Record<`${A}By`, typeof by> &
    Record<`${A}ByName`, typeof byName> &
    Record<`${A}At`, typeof at>;
};

/** An act that may not have happened yet: `<act>_by text`, `<act>_at timestamptz`, both null until then. */
export const pendingAct = <A extends string>(name: A) => {
  const by = text(`${name}_by`);
  const at = instant(`${name}_at`);
  return { [`${name}By`]: by, [`${name}At`]: at } as Record<`${A}By`, typeof by> & Record<`${A}At`, typeof at>;
};

/** The acting person of an event: id and name (null for the system) and role. */
export const actor = () => ({
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  actorRole: text('actor_role').notNull(),
});
