/**
 * Re-encrypts the personal data at rest that is in an old format (AES-256-GCM) or under a retired key with the
 * current SM4 key. Batch by batch, each batch in one transaction with its audit event; a value changed meanwhile is
 * left for the next run (the update matches the old ciphertext). Safe to run again: current values are skipped.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';

/** Every encrypted column: table, primary key, column. */
export const ENCRYPTED_COLUMNS: readonly { table: string; column: string }[] = [
  { table: 'enterprises', column: 'contact_phone_enc' },
  { table: 'enterprises', column: 'legal_rep_id_enc' },
  { table: 'notification_outbox', column: 'address_enc' },
  { table: 'subsidy_objections', column: 'contact_enc' },
  { table: 'users', column: 'totp_secret_enc' },
  { table: 'users', column: 'totp_pending_secret_enc' },
];

export interface ReencryptResult {
  scanned: number;
  reencrypted: number;
  byColumn: { table: string; column: string; reencrypted: number }[];
}

export async function reencryptPersonalData(ctx: Ctx, batchSize = 500): Promise<ReencryptResult> {
  const { cipher } = ctx.deps;
  const result: ReencryptResult = { scanned: 0, reencrypted: 0, byColumn: [] };
  for (const { table, column } of ENCRYPTED_COLUMNS) {
    const t = sql.identifier(table);
    const c = sql.identifier(column);
    let after = '00000000-0000-0000-0000-000000000000';
    let done = 0;
    for (;;) {
      const rows = rowsOf<{ id: string; value: string }>(
        await ctx.deps.db.execute(
          sql`SELECT id::text AS id, ${c} AS value FROM ${t} WHERE ${c} IS NOT NULL AND id > ${after}::uuid ORDER BY id LIMIT ${batchSize}`,
        ),
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      result.scanned += rows.length;
      const stale = rows.filter((r) => cipher.isStale(r.value));
      if (stale.length === 0) continue;
      const changed = await inTx(ctx, async (tx) => {
        let n = 0;
        for (const r of stale) {
          const fresh = cipher.encrypt(cipher.decrypt(r.value));
          const res = await tx.execute(
            sql`UPDATE ${t} SET ${c} = ${fresh} WHERE id = ${r.id}::uuid AND ${c} = ${r.value} RETURNING id`,
          );
          n += rowsOf(res).length;
        }
        await recordAudit(tx, ctx, {
          action: 'crypto.reencrypted',
          objectType: table,
          objectId: null,
          after: { column, rows: n, cipher: 'SM4-CBC+HMAC-SM3' },
        });
        return n;
      });
      done += changed;
    }
    result.reencrypted += done;
    result.byColumn.push({ table, column, reencrypted: done });
  }
  return result;
}
