/** Existence checks: is there a row that meets every condition (a clash, an open case, a file of this owner)? */
import { and, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';

export async function anyRow(db: DbOrTx, table: PgTable, ...where: SQL[]): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(table)
    .where(and(...where))
    .limit(1);
  return row !== undefined;
}
