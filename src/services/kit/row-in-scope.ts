/**
 * One row by its id with the actor's scope inside the query (CODE_STYLE "A query with its scope"): a row outside
 * the scope is not found, never loaded and then refused (`scope` undefined: a row anyone who got this far may
 * read). `forUpdate` locks it for the rest of the transaction.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';

export async function rowInScope<T extends PgTable>(
  db: DbOrTx,
  table: T,
  idColumn: PgColumn,
  id: string,
  scope: SQL | undefined,
  opts: { forUpdate?: boolean } = {},
): Promise<T['$inferSelect'] | null> {
  const q = db
    .select()
    .from(table as PgTable)
    .where(and(eq(idColumn, id), scope))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return (row as T['$inferSelect'] | undefined) ?? null;
}
