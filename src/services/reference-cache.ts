/**
 * The reference data that nearly every answer reads and that changes a few times a year — the calendar (holiday
 * schedules, window notices), the approved policy versions and the approved rulings — kept in memory for a short
 * time instead of being read from the database on every request (ADR 0026).
 *
 * - Only reads through a root handle (`deps.db`, `deps.readDb`) are kept; a read inside a transaction always goes to
 *   the database, so a use case that writes and decides in one transaction sees its own writes and every committed
 *   decision (allocation, review, notice) is taken on fresh rows.
 * - A write through this process's use cases drops the topic when it commits (`invalidateReference`), so the
 *   bureau sees its change on its next request.
 * - Another instance sees it within the time to live (`HUIQI_REFERENCE_CACHE_MS`, 2 s by default; 0 turns the
 *   memory off) — the same bounded lag as a read replica, which these reads already accept.
 * - Concurrent misses share one load (no stampede on expiry).
 */
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';

export type ReferenceTopic = 'calendar' | 'zyb-versions' | 'rulings';

interface Entry {
  generation: number;
  loadedAt: number;
  value: Promise<unknown>;
}

const DEFAULT_TTL_MS = 2000;
let ttlMs = DEFAULT_TTL_MS;
/** A monotonic clock in milliseconds (not the business clock: the time to live is about this process). */
let monotonicNow: () => number = () => performance.now();
/** Bumped by every invalidation: an entry loaded under an older generation is stale. */
const generations = new Map<ReferenceTopic, number>();
const entries = new WeakMap<object, Map<ReferenceTopic, Entry>>();

/** Sets how long another instance's change may take to be seen (from the configuration, at start-up). */
export function configureReferenceCache(opts: { ttlMs: number; monotonicNow?: () => number }): void {
  ttlMs = Math.max(0, opts.ttlMs);
  if (opts.monotonicNow) monotonicNow = opts.monotonicNow;
}

/** Drops a topic everywhere in this process: call it before and after the transaction that changes it commits. */
export function invalidateReference(topic: ReferenceTopic): void {
  generations.set(topic, (generations.get(topic) ?? 0) + 1);
}

/** Runs a write and drops the topic on both sides of it, so no read that overlaps the write keeps the old rows. */
export async function changingReference<T>(topic: ReferenceTopic, write: () => Promise<T>): Promise<T> {
  invalidateReference(topic);
  try {
    return await write();
  } finally {
    invalidateReference(topic);
  }
}

/**
 * `load(db)`, or the value an earlier call loaded through the same root handle within the time to live and since
 * the topic last changed. Transactions always load.
 */
export function cachedReference<T>(db: DbOrTx, topic: ReferenceTopic, load: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (ttlMs === 0 || db instanceof PgTransaction) return load(db);
  let byTopic = entries.get(db);
  if (!byTopic) {
    byTopic = new Map();
    entries.set(db, byTopic);
  }
  const generation = generations.get(topic) ?? 0;
  const now = monotonicNow();
  const hit = byTopic.get(topic);
  if (hit && hit.generation === generation && now - hit.loadedAt < ttlMs) return hit.value as Promise<T>;
  const value = load(db);
  const entry: Entry = { generation, loadedAt: now, value };
  byTopic.set(topic, entry);
  // A failed load is not kept: the next request tries again.
  value.catch(() => {
    if (byTopic.get(topic) === entry) byTopic.delete(topic);
  });
  return value;
}
