/**
 * Set-based writes for large batches: one INSERT … SELECT FROM json_populate_recordset(null::table, $1) per chunk
 * of rows, the chunk travelling as one JSON document (no per-row parameters, no per-row round trips; the same SQL
 * on PostgreSQL and PGlite). Rows are produced lazily chunk by chunk, and the next chunk is built while the
 * database inserts the previous one, so row building (e.g. rendering explanations) overlaps the database's work.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

export interface BulkColumn {
  /** Column name in the table. */
  name: string;
  /** jsonb columns take a JSON text; everything else a scalar. */
  json?: boolean;
  value: (i: number) => string | number | null;
}

const CHUNK = 5_000;

function chunkDocument(columns: readonly BulkColumn[], from: number, to: number): string {
  const parts: string[] = new Array(to - from);
  for (let i = from; i < to; i++) {
    let row = '{';
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]!;
      const v = c.value(i);
      const json = v === null ? 'null' : c.json ? String(v) : JSON.stringify(v);
      row += `${k ? ',' : ''}"${c.name}":${json}`;
    }
    parts[i - from] = `${row}}`;
  }
  return `[${parts.join(',')}]`;
}

/** Inserts rows 0…n−1 (values from each column's getter) into `table`. */
export async function bulkInsert(tx: Tx, table: string, n: number, columns: readonly BulkColumn[]): Promise<void> {
  const names = sql.raw(columns.map((c) => `"${c.name}"`).join(', '));
  const target = sql.raw(`"${table}"`);
  let pending: Promise<unknown> | null = null;
  for (let from = 0; from < n; from += CHUNK) {
    const doc = chunkDocument(columns, from, Math.min(n, from + CHUNK));
    if (pending) await pending;
    pending = tx.execute(
      sql`insert into ${target} (${names}) select ${names} from json_populate_recordset(null::${target}, ${doc}::json)`,
    );
  }
  if (pending) await pending;
}
