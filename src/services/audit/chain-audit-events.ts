/**
 * The chaining step (ADR 0015): links committed audit events into the SM3 chain in `seq` order, shortly after
 * their transactions commit. Writers never wait for it; one chainer at a time runs across all instances
 * (a try-lock: a second one simply skips its turn).
 *
 * Numbers come from a sequence, so an event with a lower number may commit after one with a higher number. The
 * chainer therefore only links a prefix it knows is complete: it reads the last number handed out (S), then takes a
 * transaction id of its own (X), and waits until no transaction older than X is running (`pg_snapshot_xmin` > X).
 * A transaction takes its id before its number (`audit_next_seq()`), so each event numbered ≤ S belongs to a
 * transaction older than X: once they have all ended, every event ≤ S is committed (and visible) or rolled back
 * (and never will be). Missing numbers are rolled back, and each link names the event it
 * follows (`prevSeq`), so verification tells a rollback from a deletion.
 */
import { and, asc, desc, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { GENESIS_HASH, linkEvents } from '../../domain/audit/chain';
import { sm3Hex } from '../crypto';
import { eventContent } from './audit-filters';

const CHAIN_LOCK_KEY = 7300002;
/** Events linked per transaction of the chaining step. */
const CHAIN_BATCH = 2_000;

export interface ChainOptions {
  /** How long to wait for transactions running at the start of the pass to end (default 5 s). */
  maxWaitMs?: number;
}

export interface ChainPass {
  /** Events linked by this pass. */
  chained: number;
  /** The chain's end after the pass. */
  lastSeq: number;
  /** Why nothing (more) could be linked, when that is so. */
  held?: 'busy' | 'waiting';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function firstRow<T>(result: unknown): T | undefined {
  const r = result as { rows?: T[] } | T[];
  return Array.isArray(r) ? r[0] : r.rows?.[0];
}

/** Ends a transaction without committing it (nothing in it is worth keeping). */
class Discard extends Error {}

/**
 * A transaction id taken after everything before this moment: every transaction that had an id by now has a lower
 * one. (The snapshot's xmax is no such bound: PostgreSQL computes it from the last completed transaction, so a
 * running one may lie at or above it.) The transaction is rolled back: it costs an id, no commit.
 */
async function freshXid(db: Db): Promise<string> {
  let xid = '';
  await db
    .transaction(async (tx) => {
      xid = firstRow<{ x: string }>(await tx.execute(sql`SELECT pg_current_xact_id()::text AS x`))!.x;
      throw new Discard();
    })
    .catch((e: unknown) => {
      if (!(e instanceof Discard)) throw e;
    });
  return xid;
}

/** The highest number that may be linked now, or null if a transaction running at the start has not ended. */
async function completeHorizon(db: Db, maxWaitMs: number): Promise<number | null> {
  const s = firstRow<{ s: string | number }>(
    await db.execute(sql`SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS s FROM audit_events_seq`),
  );
  // Nothing committed waits after the chain's end: no work, and no transaction id spent (an idle server).
  const work = firstRow<{ work: boolean }>(
    await db.execute(sql`
      SELECT EXISTS (
        SELECT 1 FROM audit_events
        WHERE hash IS NULL AND seq > (SELECT coalesce(max(seq), 0) FROM audit_events WHERE hash IS NOT NULL)
      ) AS work`),
  );
  if (!work?.work) return 0;
  // Every event numbered ≤ S belongs to a transaction whose id is below this one (ids come before numbers).
  const x = await freshXid(db);
  const deadline = Date.now() + maxWaitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
    // The oldest running transaction is younger than ours: all the older ones have committed or rolled back.
    const done = firstRow<{ done: boolean }>(
      await db.execute(sql`SELECT pg_snapshot_xmin(pg_current_snapshot()) > ${x}::xid8 AS done`),
    );
    if (done?.done) return Number(s?.s ?? 0);
    if (Date.now() >= deadline) return null;
    await sleep(pause);
  }
}

/** One pass of the chaining step: links every event that is certainly complete. */
export async function chainAuditEvents(db: Db, opts: ChainOptions = {}): Promise<ChainPass> {
  const horizon = await completeHorizon(db, opts.maxWaitMs ?? 5_000);
  let chained = 0;
  // The chain's end as this pass left it: the next batch starts there unless another chainer moved it meanwhile.
  let known: { seq: number; hash: string } | null = null;
  for (;;) {
    const after: { seq: number; hash: string } | null = known;
    const step: ChainStep = await db.transaction(async (tx) => {
      const lock = firstRow<{ ok: boolean }>(
        await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${CHAIN_LOCK_KEY}) AS ok`),
      );
      const start = (lock?.ok && after && (await stillTheEnd(tx, after)) ? after : null) ?? (await chainEnd(tx));
      if (!lock?.ok) return { n: 0, end: start, held: 'busy', more: false };
      if (horizon === null) return { n: 0, end: start, held: 'waiting', more: false };
      const rows =
        horizon > start.seq
          ? await tx
              .select()
              .from(auditEvents)
              .where(and(gt(auditEvents.seq, start.seq), lte(auditEvents.seq, horizon)))
              .orderBy(asc(auditEvents.seq))
              .limit(CHAIN_BATCH)
          : [];
      if (!rows.length) return { n: 0, end: start, held: null, more: false };
      const linked = linkEvents(rows.map(eventContent), sm3Hex, start);
      const values = sql.join(
        linked.map((e) => sql`(${e.seq}::bigint, ${e.prevSeq}::bigint, ${e.prevHash}, ${e.hash})`),
        sql`, `,
      );
      await tx.execute(sql`
        UPDATE audit_events AS a SET prev_seq = v.prev_seq, prev_hash = v.prev_hash, hash = v.hash
        FROM (VALUES ${values}) AS v(seq, prev_seq, prev_hash, hash)
        WHERE a.seq = v.seq AND a.hash IS NULL`);
      const last = linked.at(-1)!;
      return {
        n: linked.length,
        end: { seq: last.seq, hash: last.hash },
        held: null,
        more: rows.length === CHAIN_BATCH,
      };
    });
    chained += step.n;
    known = step.end;
    if (!step.more) return { chained, lastSeq: step.end.seq, ...(step.held ? { held: step.held } : {}) };
  }
}

/**
 * The last linked event. Found by walking back from the highest number over the events not yet linked: once a
 * pass, not once a batch (a backlog of millions would make each batch walk it again).
 */
async function chainEnd(tx: Tx): Promise<{ seq: number; hash: string }> {
  const [end] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .where(isNotNull(auditEvents.hash))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return { seq: Number(end?.seq ?? 0), hash: end?.hash ?? GENESIS_HASH };
}

/**
 * Whether `end`, where this pass's last batch stopped, is still the chain's end: the event after it is not linked
 * (links are only ever added at the end, under the chaining lock, so that one event tells).
 */
async function stillTheEnd(tx: Tx, end: { seq: number; hash: string }): Promise<boolean> {
  const [next] = await tx
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(gt(auditEvents.seq, end.seq))
    .orderBy(asc(auditEvents.seq))
    .limit(1);
  return !next || next.hash === null;
}

interface ChainStep {
  n: number;
  end: { seq: number; hash: string };
  held: 'busy' | 'waiting' | null;
  more: boolean;
}

export interface AuditChainer {
  /** Stops the loop after a last pass, so a clean shutdown leaves nothing unchained. */
  stop(): Promise<void>;
}

/** Runs the chaining step every `intervalMs` in the background (the server). */
export function startAuditChainer(
  db: Db,
  opts: { intervalMs?: number; onError?: (err: Error) => void } = {},
): AuditChainer {
  const interval = opts.intervalMs ?? 200;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = chainAuditEvents(db, { maxWaitMs: 2_000 })
      .then(
        () => undefined,
        (err: unknown) => opts.onError?.(err instanceof Error ? err : new Error(String(err))),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, interval);
      });
  };
  timer = setTimeout(tick, interval);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      await chainAuditEvents(db, { maxWaitMs: 2_000 }).catch((err: unknown) =>
        opts.onError?.(err instanceof Error ? err : new Error(String(err))),
      );
    },
  };
}
