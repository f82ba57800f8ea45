/**
 * Verifies the SM3 chain of the whole audit trail, reading it in batches by `seq` so memory stays flat at any
 * size. Reports every altered event, every gap (deleted or inserted events), every broken link and every event
 * left out of the chain while later ones are in it. A trusted anchor (a seq and hash written down earlier) also
 * catches events deleted from the end of the trail. Events after the chain's end are not yet linked (the chaining
 * step runs a moment after commit, ADR 0015): they are reported as pending, with the age of the oldest.
 */
import { asc, eq, gt } from 'drizzle-orm';
import type { TAuditProblem, TAuditVerifyResult } from '../../contracts/audit';
import type { DbOrTx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import {
  type ChainProblem,
  chainProblemMessage,
  GENESIS_HASH,
  type StoredEvent,
  verifyChain,
} from '../../domain/audit/chain';
import { type Ctx, inTx } from '../context';
import { sm3Hex } from '../crypto';
import { Errors } from '../errors';
import { type AuditRow, eventContent } from './audit-filters';
import { chainAuditEvents } from './chain-audit-events';
import { recordAudit } from './record-audit';

export const VERIFY_BATCH_SIZE = 5_000;
/** Problems beyond this many are counted, not listed. */
const MAX_LISTED = 1_000;

export interface VerifyOptions {
  batchSize?: number;
  /** A seq and hash recorded earlier (e.g. from a previous run); the event must still exist with that hash. */
  anchor?: { seq: number; hash: string };
  onProgress?: (checked: number, lastSeq: number) => void;
  /** The instant the age of pending events is measured at (default: now). */
  now?: Date;
}

/** A linked event row as the chain hashes it. */
export function toStored(e: AuditRow): StoredEvent {
  return { ...eventContent(e), prevHash: e.prevHash ?? '', hash: e.hash ?? '' };
}

export function describeProblem(p: ChainProblem | { kind: 'unchained'; seq: number }): TAuditProblem {
  const message =
    p.kind === 'unchained'
      ? `第 ${p.seq} 条不在哈希链中，而其后的事件已入链（事件被插入，或绕过了入链步骤）`
      : chainProblemMessage(p);
  return { ...p, message };
}

/** Events not linked yet, in seq order: the ones left behind if a linked event follows them. */
class Unlinked {
  count = 0;
  oldest: { seq: number; at: Date } | null = null;
  private seqs: number[] = [];
  add(e: AuditRow): void {
    if (!this.oldest) this.oldest = { seq: Number(e.seq), at: e.occurredAt };
    if (this.seqs.length < MAX_LISTED) this.seqs.push(Number(e.seq));
    this.count++;
  }
  /** A linked event came after them: each is a problem. Returns how many, and empties the list. */
  flush(problems: TAuditProblem[]): number {
    for (const seq of this.seqs)
      if (problems.length < MAX_LISTED) problems.push(describeProblem({ kind: 'unchained', seq }));
    const n = this.count;
    this.count = 0;
    this.oldest = null;
    this.seqs = [];
    return n;
  }
}

export async function verifyAuditChain(db: DbOrTx, opts: VerifyOptions = {}): Promise<TAuditVerifyResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? VERIFY_BATCH_SIZE;
  const problems: TAuditProblem[] = [];
  let problemCount = 0;
  let checked = 0;
  let last = { seq: 0, hash: GENESIS_HASH };
  let cursor = 0;
  const unlinked = new Unlinked();
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, cursor))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (!rows.length) break;
    // Runs of linked events are verified together; an unlinked event followed by a linked one is a problem.
    let run: StoredEvent[] = [];
    const verifyRun = () => {
      if (!run.length) return;
      const result = verifyChain(run, sm3Hex, last);
      checked += result.checked;
      problemCount += result.problems.length;
      for (const p of result.problems) if (problems.length < MAX_LISTED) problems.push(describeProblem(p));
      last = result.last;
      run = [];
    };
    for (const row of rows) {
      if (row.hash === null) {
        verifyRun();
        unlinked.add(row);
        continue;
      }
      if (unlinked.count) problemCount += unlinked.flush(problems);
      run.push(toStored(row));
    }
    verifyRun();
    cursor = Number(rows[rows.length - 1]!.seq);
    opts.onProgress?.(checked, last.seq);
    if (rows.length < batchSize) break;
  }
  const now = opts.now ?? new Date();
  const oldest = unlinked.oldest;

  if (opts.anchor) {
    const { seq, hash } = opts.anchor;
    const [row] = await db
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(eq(auditEvents.seq, seq))
      .limit(1);
    if (!row || row.hash !== hash.toLowerCase()) {
      problemCount++;
      problems.push({
        kind: 'anchor_mismatch',
        seq,
        message: row
          ? `锚点第 ${seq} 条的哈希与记录的不符（该条或其之前的事件被改动）`
          : `锚点第 ${seq} 条已不存在（日志尾部的事件被删除）`,
      });
    }
  }

  return {
    intact: problemCount === 0,
    checked,
    lastSeq: last.seq,
    lastHash: last.hash,
    problems,
    problemCount,
    pending: {
      events: unlinked.count,
      oldestSeq: oldest?.seq ?? null,
      oldestAt: oldest?.at.toISOString() ?? null,
      oldestAgeSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.at.getTime()) / 1000)) : null,
    },
    durationMs: Date.now() - started,
  };
}

/**
 * The audit administrator's verification through the API; the check itself is recorded in the trail. What
 * committed before the request is linked first; what is still pending after that is reported as such.
 */
export async function verifyAuditTrail(ctx: Ctx & { actor: Actor }): Promise<TAuditVerifyResult> {
  if (!can(ctx.actor, 'audit.verify')) throw Errors.forbidden();
  await chainAuditEvents(ctx.deps.db, { maxWaitMs: 1_000 });
  const result = await verifyAuditChain(ctx.deps.db, { now: ctx.now });
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'audit.verified',
      objectType: 'audit_events',
      objectId: null,
      after: {
        intact: result.intact,
        checked: result.checked,
        lastSeq: result.lastSeq,
        lastHash: result.lastHash,
        problemCount: result.problemCount,
        pendingEvents: result.pending.events,
      },
    }),
  );
  return result;
}
