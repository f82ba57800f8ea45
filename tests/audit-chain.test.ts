/**
 * The audit chain linked after commit (ADR 0015): writers only insert their event and never wait for each other;
 * a single chaining step links committed events in number order, never past an event whose transaction may still
 * commit; numbers skipped by rollbacks are not deletions; verification reports events not yet linked (and how long
 * the oldest has waited) and events left out of the chain; the database lets an event be linked once and never
 * changed. On PGlite and, with DATABASE_URL, on PostgreSQL (the concurrency cases need real connections).
 */
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Tx } from '../src/db/client';
import { auditEvents } from '../src/db/schema';
import { eventHash, GENESIS_HASH } from '../src/domain/audit/chain';
import {
  chainAuditEvents,
  recordAudit,
  recordAuditMany,
  startAuditChainer,
  verifyAuditChain,
} from '../src/services/audit';
import { type Ctx, inTx, systemCtx } from '../src/services/context';
import { sm3Hex } from '../src/services/crypto';
import { tamper } from './helpers/audit-tamper';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

const onPostgres = Boolean(process.env.DATABASE_URL);

function event(n: number | string) {
  return { action: 'test.event', objectType: 'thing', objectId: `obj-${n}`, after: { n } };
}

async function write(ctx: Ctx, n: number, from = 1): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = from; i < from + n; i++) seqs.push(await inTx(ctx, (tx) => recordAudit(tx, ctx, event(i))));
  return seqs;
}

async function rows(db: Db) {
  return db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
}

/** A transaction held open until `release()` is called. */
function openTransaction(ctx: Ctx, body: (tx: Tx) => Promise<unknown>) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const done = inTx(ctx, async (tx) => {
    await body(tx);
    ready();
    await gate;
  });
  return { started, release, done };
}

describe('writing and linking', () => {
  let p: TestPlatform;
  let ctx: Ctx;
  beforeAll(async () => {
    p = await createTestPlatform();
    ctx = systemCtx(p.deps, 'test');
  });
  afterAll(async () => p.close());

  it('writes events unlinked; verification reports them pending with the age of the oldest', async () => {
    const seqs = await write(ctx, 3);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const all = await rows(p.deps.db);
    expect(all.map((r) => [r.prevSeq, r.prevHash, r.hash])).toEqual(Array(3).fill([null, null, null]));
    const r = await verifyAuditChain(p.deps.db, { now: new Date(p.clock().getTime() + 90_000) });
    expect(r).toMatchObject({ intact: true, checked: 0, lastSeq: 0, lastHash: GENESIS_HASH, problemCount: 0 });
    expect(r.pending).toEqual({
      events: 3,
      oldestSeq: seqs[0],
      oldestAt: p.clock().toISOString(),
      oldestAgeSeconds: 90,
    });
  });

  it('links them in number order, once; a second pass has nothing to do', async () => {
    const pass = await chainAuditEvents(p.deps.db);
    expect(pass.chained).toBe(3);
    const all = await rows(p.deps.db);
    expect(all[0]).toMatchObject({ prevSeq: 0, prevHash: GENESIS_HASH });
    for (let i = 1; i < all.length; i++) {
      expect(all[i]).toMatchObject({ prevSeq: all[i - 1]!.seq, prevHash: all[i - 1]!.hash });
    }
    expect((await chainAuditEvents(p.deps.db)).chained).toBe(0);
    const r = await verifyAuditChain(p.deps.db);
    expect(r).toMatchObject({ intact: true, checked: 3, lastSeq: all.at(-1)!.seq, lastHash: all.at(-1)!.hash });
    expect(r.pending).toEqual({ events: 0, oldestSeq: null, oldestAt: null, oldestAgeSeconds: null });
  });

  it('skips the numbers of rolled-back transactions without calling them deletions', async () => {
    const [before] = await write(ctx, 1, 10);
    await expect(
      inTx(ctx, async (tx) => {
        await recordAuditMany(tx, ctx, [event('lost-1'), event('lost-2')]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const [after] = await write(ctx, 1, 11);
    expect(after).toBe(before! + 3);
    await chainAuditEvents(p.deps.db);
    const [linked] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.seq, after!));
    expect(linked!.prevSeq).toBe(before);
    const r = await verifyAuditChain(p.deps.db, { batchSize: 2 });
    expect(r).toMatchObject({ intact: true, checked: 5, lastSeq: after });
  });

  it('reports a deletion next to a rollback gap, an event slipped into the gap unlinked, and one linked', async () => {
    const all = await rows(p.deps.db);
    const last = all.at(-1)!;
    const beforeGap = all.at(-2)!;
    const gapSeq = beforeGap.seq + 1;

    // An event put into a skipped number without the chaining step: left out of the chain while later ones are in.
    await tamper(p.deps.db, () =>
      p.deps.db.insert(auditEvents).values({
        seq: gapSeq,
        occurredAt: new Date(),
        actorRole: 'city_admin',
        scope: {},
        action: 'test.event',
        objectType: 'thing',
        objectId: 'forged',
      }),
    );
    let r = await verifyAuditChain(p.deps.db, { batchSize: 3 });
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([['unchained', gapSeq]]);
    expect(r.problems[0]!.message).toContain('不在哈希链中');
    expect(r.pending.events).toBe(0);
    await tamper(p.deps.db, () => p.deps.db.delete(auditEvents).where(eq(auditEvents.seq, gapSeq)));

    // The same event given a correct link and hash of its own: the next event's link says nothing stood there.
    const content = {
      seq: gapSeq,
      occurredAt: '2026-11-21T02:00:00.000Z',
      actorId: null,
      actorName: null,
      actorRole: 'city_admin',
      scope: {},
      action: 'test.event',
      objectType: 'thing',
      objectId: 'forged',
      before: null,
      after: null,
      clientIp: null,
      requestId: null,
      prevSeq: beforeGap.seq,
    };
    await tamper(p.deps.db, () =>
      p.deps.db.insert(auditEvents).values({
        ...content,
        occurredAt: new Date(content.occurredAt),
        prevHash: beforeGap.hash,
        hash: eventHash(beforeGap.hash!, content, sm3Hex),
      }),
    );
    r = await verifyAuditChain(p.deps.db);
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([
      ['inserted', last.seq],
      ['broken_link', last.seq],
    ]);
    expect(r.problems[0]!.message).toContain('事件被插入');
    await tamper(p.deps.db, () => p.deps.db.delete(auditEvents).where(eq(auditEvents.seq, gapSeq)));

    // The event before the gap deleted: the link of the one after names it (the gap itself is no deletion).
    await tamper(p.deps.db, () => p.deps.db.delete(auditEvents).where(eq(auditEvents.seq, beforeGap.seq)));
    r = await verifyAuditChain(p.deps.db);
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([
      ['gap', last.seq],
      ['broken_link', last.seq],
    ]);
    expect(r.problems[0]).toMatchObject({ expected: all.at(-3)!.seq + 1, lastMissing: beforeGap.seq });
    expect(r.problems[0]!.message).toBe(`第 ${last.seq} 条之前缺少第 ${beforeGap.seq} 条（事件被删除）`);
    await tamper(p.deps.db, () => p.deps.db.insert(auditEvents).values(beforeGap));
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
  });

  it('lets the database link an event once and refuses every other change', async () => {
    const [linked] = await rows(p.deps.db);
    const refused = (q: Promise<unknown>) => expect(q).rejects.toThrow();
    await refused(p.deps.db.execute(sql`UPDATE audit_events SET hash = ${'f'.repeat(64)} WHERE seq = ${linked!.seq}`));
    await refused(p.deps.db.execute(sql`UPDATE audit_events SET prev_seq = 0 WHERE seq = ${linked!.seq}`));
    await refused(p.deps.db.execute(sql`DELETE FROM audit_events WHERE seq = ${linked!.seq}`));

    const [fresh] = await write(ctx, 1, 20);
    // Content changed while linking, or a link without its hash: refused.
    await refused(
      p.deps.db.execute(
        sql`UPDATE audit_events SET after = '{"n": 0}'::jsonb, prev_seq = 1, prev_hash = ${GENESIS_HASH}, hash = ${GENESIS_HASH}
            WHERE seq = ${fresh}`,
      ),
    );
    await refused(p.deps.db.execute(sql`UPDATE audit_events SET after = '{"n": 0}'::jsonb WHERE seq = ${fresh}`));
    await refused(p.deps.db.execute(sql`UPDATE audit_events SET hash = ${GENESIS_HASH} WHERE seq = ${fresh}`));
    await refused(p.deps.db.execute(sql`DELETE FROM audit_events WHERE seq = ${fresh}`));
    expect((await chainAuditEvents(p.deps.db)).chained).toBe(1);
    expect((await verifyAuditChain(p.deps.db)).intact).toBe(true);
  });

  it('the background chainer links what was written, and its stop leaves nothing pending', async () => {
    const chainer = startAuditChainer(p.deps.db, { intervalMs: 5 });
    await write(ctx, 4, 30);
    await chainer.stop();
    const r = await verifyAuditChain(p.deps.db);
    expect(r.intact).toBe(true);
    expect(r.pending.events).toBe(0);
  });

  it('two chaining passes at once link every event exactly once', async () => {
    await write(ctx, 6, 40);
    const passes = await Promise.all([chainAuditEvents(p.deps.db), chainAuditEvents(p.deps.db)]);
    const after = await verifyAuditChain(p.deps.db);
    expect(after).toMatchObject({ intact: true, pending: { events: 0 } });
    expect(passes[0]!.chained + passes[1]!.chained).toBe(6);
  });
});

describe('a trail chained before event numbers could skip', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(async () => p.close());

  it('verifies the old gap-free links and continues the chain after them', async () => {
    let prev = GENESIS_HASH;
    const old: (typeof auditEvents.$inferInsert)[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const content = {
        seq,
        occurredAt: '2026-01-05T02:00:00.000Z',
        actorId: 'u1',
        actorName: '张三',
        actorRole: 'city_admin',
        scope: { city: '440700' },
        action: 'test.event',
        objectType: 'thing',
        objectId: `old-${seq}`,
        before: null,
        after: { seq },
        clientIp: null,
        requestId: null,
      };
      const hash = eventHash(prev, content, sm3Hex);
      old.push({ ...content, occurredAt: new Date(content.occurredAt), prevHash: prev, hash });
      prev = hash;
    }
    // As the trail stood when migrated: linked rows without prev_seq, the sequence set past them.
    await tamper(p.deps.db, () => p.deps.db.insert(auditEvents).values(old));
    await p.deps.db.execute(sql`SELECT setval('audit_events_seq', 4, false)`);
    const ctx = systemCtx(p.deps, 'test');
    const seqs = await write(ctx, 2);
    expect(seqs).toEqual([4, 5]);
    await chainAuditEvents(p.deps.db);
    const [fourth] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.seq, 4));
    expect(fourth).toMatchObject({ prevSeq: 3, prevHash: prev });
    expect(await verifyAuditChain(p.deps.db, { batchSize: 2 })).toMatchObject({ intact: true, checked: 5 });

    await tamper(p.deps.db, () => p.deps.db.delete(auditEvents).where(eq(auditEvents.seq, 2)));
    const r = await verifyAuditChain(p.deps.db);
    expect(r.problems.map((x) => [x.kind, x.seq])).toEqual([
      ['gap', 3],
      ['broken_link', 3],
    ]);
    expect(r.problems[0]!.message).toContain('缺少第 2 条');
  });
});

describe.skipIf(!onPostgres)('concurrent writers on PostgreSQL', () => {
  let p: TestPlatform;
  let ctx: Ctx;
  beforeAll(async () => {
    p = await createTestPlatform();
    ctx = systemCtx(p.deps, 'test');
  });
  afterAll(async () => p.close());

  it('do not wait for each other: a later writer commits while an earlier one is still open', async () => {
    let first = 0;
    const open = openTransaction(ctx, async (tx) => {
      first = await recordAudit(tx, ctx, event('first'));
    });
    await open.started;
    // Under a chain-wide lock this would wait for the open transaction, which waits for this: the test would hang.
    const second = await inTx(ctx, (tx) => recordAudit(tx, ctx, event('second')));
    expect(second).toBeGreaterThan(first);

    // The lower number is not committed yet: nothing may be linked past it.
    const held = await chainAuditEvents(p.deps.db, { maxWaitMs: 20 });
    expect(held).toMatchObject({ chained: 0, held: 'waiting' });
    const meanwhile = await verifyAuditChain(p.deps.db);
    expect(meanwhile).toMatchObject({ intact: true, checked: 0, pending: { events: 1, oldestSeq: second } });

    open.release();
    await open.done;
    expect((await chainAuditEvents(p.deps.db)).chained).toBe(2);
    const linked = await rows(p.deps.db);
    expect(linked.map((r) => r.seq)).toEqual([first, second]);
    expect(linked[1]).toMatchObject({ prevSeq: first, prevHash: linked[0]!.hash });
    expect(await verifyAuditChain(p.deps.db)).toMatchObject({ intact: true, checked: 2 });
  });

  it('a burst of writers committing out of number order, some rolling back, chains intact', async () => {
    const writers = Array.from({ length: 24 }, (_, w) =>
      inTx(ctx, async (tx) => {
        await recordAuditMany(tx, ctx, [event(`w${w}-a`), event(`w${w}-b`)]);
        await tx.execute(sql`SELECT pg_sleep(${(w % 4) * 0.01})`);
        await recordAudit(tx, ctx, event(`w${w}-c`));
        if (w % 5 === 0) throw new Error('rolled back');
      }).catch((e: Error) => e.message),
    );
    const chainer = startAuditChainer(p.deps.db, { intervalMs: 1 });
    const outcomes = await Promise.all(writers);
    await chainer.stop();
    const rolledBack = outcomes.filter((o) => o === 'rolled back').length;
    expect(rolledBack).toBe(5);
    const r = await verifyAuditChain(p.deps.db, { batchSize: 7 });
    expect(r).toMatchObject({ intact: true, checked: 2 + (24 - rolledBack) * 3, pending: { events: 0 } });
  });
});
