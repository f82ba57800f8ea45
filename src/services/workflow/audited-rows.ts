/**
 * A table whose rows are audited under one object type: each write to a row goes with its audit event, in the same
 * transaction, the event naming the row written. The use case still decides what to write and what to record.
 */
import { and, eq, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgInsertValue, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../db/client';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { type Bilingual, Errors } from '../errors';

type RowsWithId = PgTable & { id: AnyPgColumn };

/** What the audit event says about the write; its object is the row written. */
interface AuditNote {
  action: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditedRows<T extends RowsWithId> {
  /** Sets `set` on the row `id` and records the event. */
  update(tx: Tx, ctx: Ctx, id: string, write: AuditNote & { set: PgUpdateSetSource<T> }): Promise<void>;
  /** Inserts one row, records the event about it and returns the row's id. */
  insert(tx: Tx, ctx: Ctx, write: AuditNote & { values: PgInsertValue<T> }): Promise<string>;
}

export function auditedRows<T extends RowsWithId>(table: T, objectType: string): AuditedRows<T> {
  return {
    async update(tx, ctx, id, { set, ...note }) {
      await tx.update(table).set(set).where(eq(table.id, id));
      await recordAudit(tx, ctx, { ...note, objectType, objectId: id });
    },
    async insert(tx, ctx, { values, ...note }) {
      const [row] = await tx.insert(table).values(values).returning({ id: table.id });
      const id = String(row!.id);
      await recordAudit(tx, ctx, { ...note, objectType, objectId: id });
      return id;
    },
  };
}

/** The row `id` inside `scope`, locked for the caller's transaction; outside the scope it is not found (404). */
export async function lockInScope<T extends RowsWithId>(
  tx: DbOrTx,
  table: T,
  id: string,
  scope: SQL,
  what: Bilingual,
): Promise<InferSelectModel<T>> {
  const [row] = await tx
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope))
    .for('update');
  if (!row) throw Errors.notFound(what);
  return row as InferSelectModel<T>;
}
