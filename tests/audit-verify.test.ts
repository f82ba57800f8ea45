/**
 * Tamper detection: with the append-only trigger switched off (as only the table owner can), alter, delete and
 * insert audit events, and prove that verification — the service, the API and `huiqi audit verify` — reports
 * each one, across batch boundaries, on PGlite data directories and on PostgreSQL.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../src/cli/commands/audit';
import { runUsers } from '../src/cli/commands/users';
import type { Db } from '../src/db/client';
import { runMigrations } from '../src/db/client';
import { auditEvents } from '../src/db/schema';
import { eventHash } from '../src/domain/audit/chain';
import { chainAuditEvents } from '../src/services/audit/chain-audit-events';
import { recordAudit, recordAuditMany } from '../src/services/audit/record-audit';
import { verifyAuditChain } from '../src/services/audit/verify-audit-chain';
import { inTx, systemCtx } from '../src/services/context';
import { sm3Hex } from '../src/services/crypto';
import { tamper } from './helpers/audit-tamper';
import { captureIO } from './helpers/cli-io';
import { makeUser } from './helpers/factories';
import { loginAs } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { type CliTarget, cliTarget } from './helpers/throwaway-db';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function writeEvents(db: Db, n: number): Promise<void> {
  const deps = { db, readDb: db, clock: () => new Date('2026-11-21T02:00:00Z') } as unknown as Parameters<
    typeof systemCtx
  >[0];
  const ctx = systemCtx(deps, 'test');
  for (let i = 0; i < n; i++) {
    await inTx(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'test.event',
        objectType: 'thing',
        objectId: `obj-${i + 1}`,
        before: { n: i },
        after: { n: i + 1, label: `第 ${i + 1} 件` },
      }),
    );
  }
  // The chaining step the server runs a moment after commit.
  await chainAuditEvents(db);
}

async function row(db: Db, seq: number) {
  const [r] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
  return r!;
}

async function restore(db: Db, original: typeof auditEvents.$inferSelect): Promise<void> {
  await tamper(db, async () => {
    await db.delete(auditEvents).where(eq(auditEvents.seq, original.seq));
    await db.insert(auditEvents).values(original);
  });
}

describe('verification through the service and the API', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
    await writeEvents(p.deps.db, 30);
  });
  afterAll(async () => p.close());

  it('finds an intact chain intact, at any batch size', async () => {
    for (const batchSize of [1, 7, 5000]) {
      const r = await verifyAuditChain(p.deps.db, { batchSize });
      expect(r).toMatchObject({ intact: true, checked: 30, lastSeq: 30, problemCount: 0, problems: [] });
    }
  });

  it('reports an altered event (content no longer matches its hash), and only that one', async () => {
    const original = await row(p.deps.db, 5);
    await tamper(p.deps.db, () =>
      p.deps.db.execute(sql`UPDATE audit_events SET after = '{"n": 999}'::jsonb WHERE seq = 5`),
    );
    const r = await verifyAuditChain(p.deps.db, { batchSize: 4 });
    expect(r.intact).toBe(false);
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([['altered', 5]]);
    expect(r.problems[0]!.message).toContain('被篡改');
    await restore(p.deps.db, original);
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
  });

  it('reports a re-hashed alteration through the broken link to the next event', async () => {
    const original = await row(p.deps.db, 12);
    const { prevHash, hash: _h, ...content } = original;
    const forged = { ...content, occurredAt: original.occurredAt.toISOString(), after: { n: 0 } };
    const newHash = eventHash(prevHash!, forged, sm3Hex);
    await tamper(p.deps.db, () =>
      p.deps.db
        .update(auditEvents)
        .set({ after: { n: 0 }, hash: newHash })
        .where(eq(auditEvents.seq, 12)),
    );
    const r = await verifyAuditChain(p.deps.db, { batchSize: 5 });
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([['broken_link', 13]]);
    await restore(p.deps.db, original);
  });

  it('reports a deleted event as a gap and a broken link, also at a batch boundary', async () => {
    const original = await row(p.deps.db, 10);
    await tamper(p.deps.db, () => p.deps.db.execute(sql`DELETE FROM audit_events WHERE seq = 10`));
    for (const batchSize of [9, 10, 5000]) {
      const r = await verifyAuditChain(p.deps.db, { batchSize });
      expect(r.intact).toBe(false);
      expect(r.checked).toBe(29);
      expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([
        ['gap', 11],
        ['broken_link', 11],
      ]);
      expect(r.problems[0]).toMatchObject({ expected: 10 });
      expect(r.problems[0]!.message).toContain('缺少第 10 条');
    }
    await restore(p.deps.db, original);
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
  });

  it('reports an inserted event (later events renumbered to make room)', async () => {
    const before = await p.deps.db.select().from(auditEvents).where(sql`${auditEvents.seq} >= 20`);
    const prev = await row(p.deps.db, 19);
    await tamper(p.deps.db, async () => {
      await p.deps.db.execute(sql`UPDATE audit_events SET seq = seq + 100000 WHERE seq >= 20`);
      await p.deps.db.execute(sql`UPDATE audit_events SET seq = seq - 99999 WHERE seq >= 100000`);
      // A well-formed forged event at seq 20 that links correctly to 19.
      const content = {
        seq: 20,
        occurredAt: '2026-11-21T02:00:00.000Z',
        actorId: 'intruder',
        actorName: 'intruder',
        actorRole: 'city_admin',
        scope: { city: '440700' },
        action: 'test.event',
        objectType: 'thing',
        objectId: 'forged',
        before: null,
        after: { forged: true },
        clientIp: null,
        requestId: null,
      };
      await p.deps.db.insert(auditEvents).values({
        ...content,
        occurredAt: new Date(content.occurredAt),
        prevHash: prev.hash,
        hash: eventHash(prev.hash!, content, sm3Hex),
      });
    });
    const r = await verifyAuditChain(p.deps.db, { batchSize: 6 });
    expect(r.intact).toBe(false);
    expect(r.checked).toBe(31);
    // The original 20th event now sits at 21: its seq no longer matches its hash and it links to the wrong event.
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual(
      expect.arrayContaining([
        ['broken_link', 21],
        ['altered', 21],
      ]),
    );
    await tamper(p.deps.db, async () => {
      await p.deps.db.execute(sql`DELETE FROM audit_events WHERE seq >= 20`);
      await p.deps.db.insert(auditEvents).values(before);
    });
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
  });

  it('reports an event appended with a made-up hash, and a truncated tail against an anchor', async () => {
    const last = await row(p.deps.db, 30);
    await tamper(p.deps.db, () =>
      p.deps.db.execute(
        sql`INSERT INTO audit_events (seq, occurred_at, actor_role, scope, action, object_type, prev_hash, hash)
            VALUES (35, now(), 'city_admin', '{}'::jsonb, 'test.event', 'thing', ${last.hash}, ${'f'.repeat(64)})`,
      ),
    );
    const r = await verifyAuditChain(p.deps.db);
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([
      ['gap', 35],
      ['altered', 35],
    ]);
    await tamper(p.deps.db, () => p.deps.db.execute(sql`DELETE FROM audit_events WHERE seq >= 29`));
    // Without an anchor a cut-off tail looks like a shorter trail; with one it is caught.
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
    const anchored = await verifyAuditChain(p.deps.db, { anchor: { seq: 30, hash: last.hash! } });
    expect(anchored.intact).toBe(false);
    expect(anchored.problems[0]).toMatchObject({ kind: 'anchor_mismatch', seq: 30 });
    expect(anchored.problems[0]!.message).toContain('尾部');
  });

  it('GET /api/v1/audit/verify answers the audit administrator (and records the check), nobody else', async () => {
    const auditor = await makeUser(p.deps, 'audit_admin');
    const s = await loginAs(p.app, auditor.username, auditor.password);
    const res = await s.get('/api/v1/audit/verify');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ intact: true, problemCount: 0 });
    const [ev] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.verified'));
    expect(ev!.after).toMatchObject({ intact: true, checked: res.json().checked });

    const original = await row(p.deps.db, 3);
    await tamper(p.deps.db, () => p.deps.db.execute(sql`UPDATE audit_events SET actor_name = 'x' WHERE seq = 3`));
    const bad = await s.get('/api/v1/audit/verify');
    expect(bad.json()).toMatchObject({ intact: false, problemCount: 1, problems: [{ kind: 'altered', seq: 3 }] });
    await restore(p.deps.db, original);

    const sec = await makeUser(p.deps, 'security_admin');
    const ss = await loginAs(p.app, sec.username, sec.password);
    expect((await ss.get('/api/v1/audit/verify')).statusCode).toBe(403);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe('huiqi audit verify', () => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await cliTarget('huiqi_cli');
    const db = await target.open();
    await runMigrations(db);
    await writeEvents(db.db, 12);
    await db.close();
  });
  afterAll(async () => target.dispose());

  it('prints a Chinese summary and exits 0 when intact; --json gives the machine result', async () => {
    const io = captureIO();
    expect(await runAudit(['verify'], io, target.env)).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('已校验 12 条事件');
    expect(text).toContain('结论：完整');
    const j = captureIO();
    expect(await runAudit(['verify', '--json', '--batch-size', '5'], j, target.env)).toBe(0);
    expect(JSON.parse(j.stdout.join('\n'))).toMatchObject({ intact: true, checked: 12, lastSeq: 12, problems: [] });
  });

  it('exits 1 and lists every problem after tampering', async () => {
    const db = await target.open();
    const seven = await row(db.db, 7);
    await tamper(db.db, async () => {
      await db.db.execute(sql`UPDATE audit_events SET object_id = 'changed' WHERE seq = 4`);
      await db.db.execute(sql`DELETE FROM audit_events WHERE seq = 7`);
    });
    await db.close();

    const io = captureIO();
    expect(await runAudit(['verify', '--batch-size', '3'], io, target.env)).toBe(1);
    const text = io.stdout.join('\n');
    expect(text).toContain('结论：发现 3 处问题');
    expect(text).toContain('第 4 条的内容与其哈希不符');
    expect(text).toContain('缺少第 7 条');
    const j = captureIO();
    expect(await runAudit(['verify', '--json'], j, target.env)).toBe(1);
    const result = JSON.parse(j.stdout.join('\n'));
    expect(result.problems.map((x: { kind: string; seq: number }) => [x.kind, x.seq])).toEqual([
      ['altered', 4],
      ['gap', 8],
      ['broken_link', 8],
    ]);

    const again = await target.open();
    await restore(again.db, seven);
    await tamper(again.db, () => again.db.execute(sql`UPDATE audit_events SET object_id = 'obj-4' WHERE seq = 4`));
    await again.close();
    expect(await runAudit(['verify'], captureIO(), target.env)).toBe(0);
  });

  it('checks an anchor, and rejects bad arguments with exit 2 naming the field', async () => {
    const db = await target.open();
    const last = await row(db.db, 12);
    await db.close();
    expect(await runAudit(['verify', '--anchor', `12:${last.hash}`], captureIO(), target.env)).toBe(0);
    const wrong = captureIO();
    expect(await runAudit(['verify', '--anchor', `12:${'0'.repeat(64)}`], wrong, target.env)).toBe(1);
    expect(wrong.stdout.join('\n')).toContain('锚点第 12 条');

    const bad = captureIO();
    expect(await runAudit(['verify', '--anchor', 'abc', '--json'], bad, target.env)).toBe(2);
    expect(bad.stderr.join('')).toContain('锚点（--anchor）');
    expect(JSON.parse(bad.stdout.join('')).error.fields[0].path).toBe('anchor');
    expect(await runAudit(['verify', '--batch-size', '0'], captureIO(), target.env)).toBe(2);
    const unknown = captureIO();
    expect(await runAudit(['rewrite'], unknown, target.env)).toBe(2);
    expect(unknown.stderr.join('')).toContain('未知子命令');
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    'refuses, in Chinese, to open a PGlite data directory another process holds',
    async () => {
      const db = await target.open();
      try {
        const io = captureIO();
        expect(await runAudit(['verify', '--json'], io, target.env)).toBe(3);
        expect(io.stderr.join('')).toContain('正被另一个进程使用');
        expect(JSON.parse(io.stdout.join('')).error.code).toBe('DATABASE_IN_USE');
      } finally {
        await db.close();
      }
      const missing = captureIO();
      expect(
        await runAudit(['verify'], missing, { ...target.env, HUIQI_DATA_DIR: path.join(os.tmpdir(), 'huiqi-none') }),
      ).toBe(3);
      expect(missing.stderr.join('')).toContain('未找到内嵌数据库');
    },
  );

  it('bootstraps the first security administrator from the command line, audited, chain still intact', async () => {
    const io = captureIO();
    const code = await runUsers(
      ['create-admin', '--username', 'first_sec', '--display-name', '首位安全管理员', '--json'],
      io,
      target.env,
    );
    expect(code, io.stderr.join('')).toBe(0);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.user).toMatchObject({ username: 'first_sec', role: 'security_admin', active: true });
    expect(out.temporaryPassword).toMatch(/^.{14}$/);
    const again = captureIO();
    expect(
      await runUsers(['create-admin', '--username', 'FIRST_SEC', '--display-name', '重名'], again, target.env),
    ).toBe(2);
    expect(again.stderr.join('')).toContain('已被使用');
    const bad = captureIO();
    expect(await runUsers(['create-admin', '--username', 'x2', '--role', 'enterprise'], bad, target.env)).toBe(2);
    expect(bad.stderr.join('')).toContain('角色（--role）');

    const db = await target.open();
    const [ev] = await db.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.created'));
    expect(ev).toMatchObject({ actorId: 'cli', actorRole: 'security_admin', objectId: out.user.id });
    await db.close();
    const verify = captureIO();
    expect(await runAudit(['verify', '--json'], verify, target.env)).toBe(0);
    expect(JSON.parse(verify.stdout.join('\n'))).toMatchObject({ intact: true, checked: 13 });
  });

  it('runs as `npx huiqi audit verify` through the command dispatcher', () => {
    const res = spawnSync(
      process.execPath,
      [path.join(ROOT, 'packages/cli/bin/huiqi.mjs'), 'audit', 'verify', '--json'],
      {
        cwd: ROOT,
        env: { ...process.env, ...target.env },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(res.status, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ intact: true, checked: 13 });
  });
});

describe('bulk append', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it('chains many events in one transaction exactly as one at a time would, across insert chunks', async () => {
    await writeEvents(p.deps.db, 3);
    const ctx = systemCtx(p.deps, 'test');
    const inputs = Array.from({ length: 2_345 }, (_, i) => ({
      action: 'test.bulk',
      objectType: 'thing',
      objectId: `bulk-${i + 1}`,
      after: { n: i + 1 },
    }));
    const seqs = await inTx(ctx, (tx) => recordAuditMany(tx, ctx, inputs));
    expect(seqs).toHaveLength(2_345);
    expect(seqs[0]).toBe(4);
    expect(seqs.at(-1)).toBe(2_348);
    expect(seqs.every((s, i) => i === 0 || s === seqs[i - 1]! + 1)).toBe(true);
    await writeEvents(p.deps.db, 2);
    const r = await verifyAuditChain(p.deps.db, { batchSize: 1000 });
    expect(r).toMatchObject({ intact: true, checked: 2_350, lastSeq: 2_350, problemCount: 0 });
    expect((await inTx(ctx, (tx) => recordAuditMany(tx, ctx, []))).length).toBe(0);
  });

  it('leaves nothing behind when the transaction fails after the append', async () => {
    const ctx = systemCtx(p.deps, 'test');
    const before = (await verifyAuditChain(p.deps.db)).lastSeq;
    await expect(
      inTx(ctx, async (tx) => {
        await recordAuditMany(tx, ctx, [
          { action: 'test.bulk', objectType: 'thing', objectId: 'x', after: {} },
          { action: 'test.bulk', objectType: 'thing', objectId: 'y', after: {} },
        ]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const r = await verifyAuditChain(p.deps.db);
    expect(r.lastSeq).toBe(before);
    expect(r.intact).toBe(true);
  });
});
