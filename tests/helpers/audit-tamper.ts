/** Tampering with the audit trail as only its table owner could: the append-only triggers switched off. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client';

/** Runs `fn` with the append-only triggers off, as a table owner tampering with the trail would. */
export async function tamper(db: Db, fn: () => Promise<unknown>): Promise<void> {
  await db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER ALL`);
  try {
    await fn();
  } finally {
    await db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER ALL`);
  }
}
