/**
 * Benchmark: audited writes from 50 connections on PostgreSQL, beside `pgbench -N` (simple update) in the same run.
 *
 * Each audited write is one transaction that changes a row and appends its audit event with `recordAudit`, as every
 * use case does. Three measures, interleaved, for several rounds: `pgbench -N` on the same server (the reference),
 * the audited write as built (the event numbered by a sequence, linked by the background chaining step, ADR 0015),
 * and the same write serialised on one advisory lock held to commit, as every audited write was before ADR 0015.
 * After the rounds it reports how long the chaining step took to link the backlog and verifies the chain.
 * Skips with a message when PostgreSQL or pgbench is missing. Figures: rounds' min and median.
 */
import { spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { type Db, openDatabase, runMigrations } from '../src/db/client';
import { recordAudit, startAuditChainer, verifyAuditChain } from '../src/services/audit';
import { type Deps, inTx, systemCtx } from '../src/services/context';
import { benchCtx, fmt, median, ROUNDS, throwawayPostgres } from './lib';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
/** The advisory lock every audited write took before ADR 0015. */
const OLD_AUDIT_LOCK = 7300002;

interface Burst {
  perSecond: number;
  p99Ms: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
}

/** Runs pgbench against the database; its output, or null when pgbench is missing or fails. */
function pgbench(url: string, args: string[]): string | null {
  const res = spawnSync('pgbench', [...args, url], { encoding: 'utf8' });
  if (res.error || res.status !== 0) {
    console.log(`  pgbench ${args.join(' ')}: ${res.error?.message ?? res.stderr.trim().split('\n').at(-1)}`);
    return null;
  }
  return res.stdout;
}

/** `pgbench -N` (simple update) from as many connections: transactions per second. */
function pgbenchSimpleUpdate(url: string): number | null {
  const out = pgbench(url, ['-N', '-n', '-c', String(CONNECTIONS), '-j', '2', '-T', String(SECONDS)]);
  const tps = out && /tps = ([\d.]+)/.exec(out)?.[1];
  return tps ? Number(tps) : null;
}

/** Audited writes from CONNECTIONS connections of a pool of their own (closed after, so pgbench finds room). */
async function burst(url: string, base: Deps, serialised: boolean, seconds = SECONDS): Promise<Burst> {
  const database = await openDatabase({ databaseUrl: url, poolSize: CONNECTIONS });
  try {
    return await writes({ ...base, db: database.db, readDb: database.db }, serialised, seconds);
  } finally {
    await database.close();
  }
}

async function writes(deps: Deps, serialised: boolean, seconds: number): Promise<Burst> {
  const ctx = systemCtx(deps, 'bench');
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const worker = async (w: number) => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await inTx(ctx, async (tx) => {
        await tx.execute(sql`UPDATE bench_items SET n = n + 1 WHERE id = ${(w % 1000) + 1}`);
        if (serialised) await tx.execute(sql`SELECT pg_advisory_xact_lock(${OLD_AUDIT_LOCK})`);
        await recordAudit(tx, ctx, {
          action: 'bench.write',
          objectType: 'bench_item',
          objectId: String(w),
          after: { w },
        });
      });
      latencies.push(performance.now() - t0);
      n++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, (_, w) => worker(w)));
  return { perSecond: (n * 1000) / (performance.now() - t0), p99Ms: quantile(latencies, 0.99) };
}

async function pending(db: Db): Promise<number> {
  const r = (await db.execute(sql`SELECT count(*)::int AS n FROM audit_events WHERE hash IS NULL`)) as unknown as {
    rows: { n: number }[];
  };
  return r.rows[0]?.n ?? 0;
}

/**
 * The same audited writes on PGlite (in memory, one connection: every transaction queues for it), from as many
 * concurrent callers, for ROUNDS rounds: the median rate and p99.
 */
async function pgliteWrites(): Promise<{ perSecond: number; p99Ms: number }> {
  const database = await openDatabase({ pgliteDir: 'memory' });
  try {
    await runMigrations(database);
    await database.db.execute(sql`CREATE TABLE bench_items (id int PRIMARY KEY, n int NOT NULL)`);
    await database.db.execute(sql`INSERT INTO bench_items SELECT g, 0 FROM generate_series(1, 1000) g`);
    const ctx = benchCtx(database.db, '2026-11-21T02:00:00Z');
    await writes(ctx.deps, false, 1);
    const rounds: Burst[] = [];
    for (let round = 1; round <= ROUNDS; round++) rounds.push(await writes(ctx.deps, false, SECONDS));
    const rate = median(rounds.map((b) => b.perSecond));
    const p99 = median(rounds.map((b) => b.p99Ms));
    console.log(
      `  PGlite, the same audited write from ${CONNECTIONS} callers: ${rounds.map((b) => `${fmt(b.perSecond)}/s (p99 ${fmt(b.p99Ms)} ms)`).join(' · ')}; median ${fmt(rate)}/s, p99 ${fmt(p99)} ms (aim ≤ 1,000 ms)`,
    );
    return { perSecond: rate, p99Ms: p99 };
  } finally {
    await database.close();
  }
}

export async function benchAuditWrites(): Promise<(Record<string, number> & { skipped?: never }) | { skipped: true }> {
  const lite = await pgliteWrites();
  const liteFigures = { pgliteWritesPerSecond: Math.round(lite.perSecond), pgliteWritesP99Ms: Math.round(lite.p99Ms) };
  const target = await throwawayPostgres('audit-writes');
  if (!target) return { skipped: true, ...liteFigures } as never;
  const dbUrl = target.url;
  const database = await openDatabase({ databaseUrl: dbUrl, poolSize: 2 });
  try {
    await runMigrations(database);
    const db = database.db;
    await db.execute(sql`CREATE TABLE bench_items (id int PRIMARY KEY, n int NOT NULL)`);
    await db.execute(sql`INSERT INTO bench_items SELECT g, 0 FROM generate_series(1, 1000) g`);
    const hasPgbench = pgbench(dbUrl, ['-i', '-q', '-s', '1']) !== null;
    if (!hasPgbench) console.log('  pgbench 不可用 not available: the reference is skipped');
    const deps = benchCtx(db, '2026-11-21T02:00:00Z').deps;
    const chainer = startAuditChainer(db);
    // A short warm-up of each measure (connections opened, plans cached), not counted.
    if (hasPgbench) pgbench(dbUrl, ['-N', '-n', '-c', String(CONNECTIONS), '-j', '2', '-T', '1']);
    await burst(dbUrl, deps, false, 1);
    await burst(dbUrl, deps, true, 1);
    const ref: number[] = [];
    const now: Burst[] = [];
    const before: Burst[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      if (hasPgbench) {
        const tps = pgbenchSimpleUpdate(dbUrl);
        if (tps !== null) ref.push(tps);
      }
      now.push(await burst(dbUrl, deps, false));
      before.push(await burst(dbUrl, deps, true));
      console.log(
        `  round ${round}: pgbench -N ${ref.length ? fmt(ref.at(-1)!) : '–'} tps · audited write ${fmt(now.at(-1)!.perSecond)}/s (p99 ${fmt(now.at(-1)!.p99Ms)} ms) · serialised as before ${fmt(before.at(-1)!.perSecond)}/s (p99 ${fmt(before.at(-1)!.p99Ms)} ms)`,
      );
    }
    const backlog = await pending(db);
    const t0 = performance.now();
    await chainer.stop();
    const drainMs = performance.now() - t0;
    const verify = await verifyAuditChain(db);
    const nowMed = median(now.map((b) => b.perSecond));
    const beforeMed = median(before.map((b) => b.perSecond));
    const refMed = ref.length ? median(ref) : null;
    const line = (label: string, xs: number[], unit: string) =>
      console.log(`  ${label}: min ${fmt(Math.min(...xs))} ${unit}, median ${fmt(median(xs))} ${unit}`);
    if (refMed !== null) line(`pgbench -N (${CONNECTIONS} connections)`, ref, 'tps');
    line(
      `audited write, chained after commit (${CONNECTIONS} connections)`,
      now.map((b) => b.perSecond),
      '/s',
    );
    line(
      '  its p99',
      now.map((b) => b.p99Ms),
      'ms',
    );
    line(
      'audited write serialised on one lock (before ADR 0015)',
      before.map((b) => b.perSecond),
      '/s',
    );
    line(
      '  its p99',
      before.map((b) => b.p99Ms),
      'ms',
    );
    if (refMed !== null) {
      console.log(
        `  ratio to pgbench -N (median): now ${((nowMed / refMed) * 100).toFixed(1)}%, before ${((beforeMed / refMed) * 100).toFixed(1)}%`,
      );
    }
    console.log(
      `  chaining: ${fmt(backlog)} events pending when the load stopped, linked in ${fmt(drainMs)} ms; verify: ${verify.intact ? 'intact' : 'BROKEN'}, ${fmt(verify.checked)} events, ${fmt(verify.pending.events)} pending`,
    );
    return {
      ...(refMed !== null ? { writesVsPgbench: Number((nowMed / refMed).toFixed(3)) } : {}),
      writesPerSecond: Math.round(nowMed),
      writesP99Ms: Math.round(median(now.map((b) => b.p99Ms))),
      serialisedWritesPerSecond: Math.round(beforeMed),
      ...liteFigures,
    };
  } finally {
    await database.close();
    await target.drop();
  }
}
