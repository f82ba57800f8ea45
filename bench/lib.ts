/**
 * Small helpers shared by the benchmarks: a seeded PRNG, timing loops, a throwaway PostgreSQL database, a use-case
 * context.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import type { Actor } from '../src/domain/access/actor';
import { type Ctx, type Deps, systemCtx } from '../src/services/context';
import { createDataCipher } from '../src/services/crypto/data-cipher';
import { MemoryFileStorage } from '../src/services/storage/file-storage';
import { createThrowawayDatabase } from '../tests/helpers/throwaway-db';

/** mulberry32: a fast seeded PRNG (deterministic inputs, run after run). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Rate {
  /** Operations per second of wall-clock time. */
  readonly wall: number;
  /** Operations per second of CPU time used by this process (all its threads, GC included): the rate on one
   *  core even when other processes compete for the machine. */
  readonly cpu: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Runs `fn(i)` repeatedly for at least `ms` milliseconds (after a warm-up); returns operations per second. */
export function opsPerSecond(fn: (i: number) => unknown, ms = 2000, warmup = 20_000): Rate {
  for (let i = 0; i < warmup; i++) fn(i);
  let n = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let k = 0; k < 1000; k++) fn(n++);
    t = performance.now();
  }
  return { wall: (n * 1000) / (t - t0), cpu: (n * 1000) / (cpuMs() - c0) };
}

/** Async variant (awaits each call in turn). */
export async function opsPerSecondAsync(fn: (i: number) => Promise<unknown>, ms = 2000, warmup = 2_000): Promise<Rate> {
  for (let i = 0; i < warmup; i++) await fn(i);
  let n = 0;
  const c0 = cpuMs();
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    for (let k = 0; k < 100; k++) await fn(n++);
    t = performance.now();
  }
  return { wall: (n * 1000) / (t - t0), cpu: (n * 1000) / (cpuMs() - c0) };
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A throwaway PostgreSQL database on DATABASE_URL (default the local test server) for one benchmark, or null
 * (after saying so) when the server is unreachable. `drop()` removes it.
 */
export async function throwawayPostgres(label: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await probe.connect();
  } catch (e) {
    console.log(`${label}: 跳过 skipped — PostgreSQL unreachable at ${new URL(url).host} (${(e as Error).message})`);
    return null;
  } finally {
    await probe.end().catch(() => {});
  }
  return createThrowawayDatabase(url, 'huiqi_bench');
}

/** The middle of the figures (the upper middle of an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** How many rounds each interleaved benchmark runs (BENCH_ROUNDS, at least 3 by default). */
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** A city administrator's context on `db` at a fixed instant: what the benchmarks call the use cases with. */
export function benchCtx(db: Db, at: string): Ctx & { actor: Actor } {
  const deps: Deps = {
    db,
    readDb: db,
    config: { ...loadConfig({}), dataDir: '/nonexistent', filesDir: '/nonexistent' },
    clock: () => new Date(at),
    cipher: createDataCipher(randomBytes(32)),
    storage: new MemoryFileStorage(),
  };
  const ctx = systemCtx(deps, 'bench-city-admin');
  return { ...ctx, actor: ctx.actor! };
}
