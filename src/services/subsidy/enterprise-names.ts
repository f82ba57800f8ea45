/** Enterprise names by id, for lists that show who an application belongs to. */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

export async function enterpriseNamesOf(db: DbOrTx, enterpriseIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(enterpriseIds)];
  if (ids.length === 0) return new Map();
  const rows = (await db.execute(
    sql`select id, name from enterprises where id = any(${sql.param(ids)}::uuid[])`,
  )) as unknown as { rows?: { id: string; name: string }[] } | { id: string; name: string }[];
  const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
  return new Map(list.map((r) => [r.id, r.name]));
}
