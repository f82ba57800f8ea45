/** A backup restored into an empty database holds every record and an intact audit chain. */

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../src/db/backup';
import { type Database, openDatabase, runMigrations, type Tx } from '../src/db/client';
import { seedDemo } from '../src/db/seed/demo';
import { seedReference } from '../src/db/seed/reference';
import { recordAudit } from '../src/services/audit/record-audit';
import { verifyAuditChain } from '../src/services/audit/verify-audit-chain';
import { type Deps, systemCtx } from '../src/services/context';
import { createDataCipher } from '../src/services/crypto/data-cipher';

const TABLES = ['users', 'enterprises', 'institutions', 'districts', 'audit_events'];

async function counts(db: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = (await db.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`)) as unknown as {
      rows: { n: number }[];
    };
    out[t] = r.rows[0]!.n;
  }
  return out;
}

async function fill(db: Database) {
  await runMigrations(db);
  await seedReference(db.db);
  const cipher = createDataCipher(randomBytes(32));
  await seedDemo(db.db, cipher, new Date('2026-11-21T02:00:00Z'));
  const deps = { db: db.db, readDb: db.db, config: loadConfig({}), clock: () => new Date(), cipher } as unknown as Deps;
  for (let i = 0; i < 5; i++) {
    await db.db.transaction((tx) =>
      recordAudit(tx as Tx, systemCtx(deps), {
        action: 'test.event',
        objectType: 'test',
        objectId: null,
        after: { i },
      }),
    );
  }
}

describe('backup and restore', () => {
  it('PGlite: the data directory restored into an empty one', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-backup-'));
    try {
      const src = await openDatabase({ pgliteDir: path.join(root, 'pg') });
      await fill(src);
      const before = await counts(src);
      await src.close();
      const file = path.join(root, 'huiqi.tar.gz');
      await backupPglite(path.join(root, 'pg'), file);
      await restorePglite(file, path.join(root, 'restored'));
      const restored = await openDatabase({ pgliteDir: path.join(root, 'restored') });
      expect(await counts(restored)).toEqual(before);
      expect(before.users).toBeGreaterThan(0);
      expect(before.audit_events).toBe(5);
      const chain = await verifyAuditChain(restored.db);
      expect(chain.problems).toEqual([]);
      await restored.close();
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)(
    'PostgreSQL: pg_dump -Fc restored with pg_restore into an empty database',
    async () => {
      const base = process.env.DATABASE_URL!;
      const names = [`huiqi_bk_src_${process.pid}`, `huiqi_bk_dst_${process.pid}`];
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      for (const n of names) await admin.query(`CREATE DATABASE ${n}`);
      const urlOf = (n: string) => {
        const u = new URL(base);
        u.pathname = `/${n}`;
        return u.toString();
      };
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-backup-'));
      try {
        const src = await openDatabase({ databaseUrl: urlOf(names[0]!) });
        await fill(src);
        const before = await counts(src);
        await src.close();
        const file = path.join(root, 'huiqi.dump');
        await backupPostgres(urlOf(names[0]!), file);
        await restorePostgres(file, urlOf(names[1]!));
        const restored = await openDatabase({ databaseUrl: urlOf(names[1]!) });
        expect(await counts(restored)).toEqual(before);
        expect((await verifyAuditChain(restored.db)).problems).toEqual([]);
        await restored.close();
      } finally {
        for (const n of names) await admin.query(`DROP DATABASE IF EXISTS ${n} WITH (FORCE)`);
        await admin.end();
        fs.rmSync(root, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
