/**
 * Verifies the SM3 chain of the whole audit trail, reading it in batches by `seq` so memory stays flat at any
 * size. Reports every altered event, every gap (deleted or inserted events) and every broken link. A trusted
 * anchor (a seq and hash written down earlier) also catches events deleted from the end of the trail.
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
import type { AuditRow } from './audit-filters';
import { recordAudit } from './record-audit';

export const VERIFY_BATCH_SIZE = 5_000;
/** Problems beyond this many are counted, not listed. */
const MAX_LISTED = 1_000;

export interface VerifyOptions {
  batchSize?: number;
  /** A seq and hash recorded earlier (e.g. from a previous run); the event must still exist with that hash. */
  anchor?: { seq: number; hash: string };
  onProgress?: (checked: number, lastSeq: number) => void;
}

/** An event row as the chain hashes it. */
export function toStored(e: AuditRow): StoredEvent {
  return {
    seq: Number(e.seq),
    occurredAt: e.occurredAt.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    scope: e.scope,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    before: e.before,
    after: e.after,
    clientIp: e.clientIp,
    requestId: e.requestId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

export function describeProblem(p: ChainProblem): TAuditProblem {
  return { ...p, message: chainProblemMessage(p) };
}

export async function verifyAuditChain(db: DbOrTx, opts: VerifyOptions = {}): Promise<TAuditVerifyResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? VERIFY_BATCH_SIZE;
  const problems: TAuditProblem[] = [];
  let problemCount = 0;
  let checked = 0;
  let last = { seq: 0, hash: GENESIS_HASH };
  let cursor = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, cursor))
      .orderBy(asc(auditEvents.seq))
      .limit(batchSize);
    if (!rows.length) break;
    const result = verifyChain(rows.map(toStored), sm3Hex, last);
    checked += result.checked;
    problemCount += result.problems.length;
    for (const p of result.problems) if (problems.length < MAX_LISTED) problems.push(describeProblem(p));
    last = result.last;
    cursor = last.seq;
    opts.onProgress?.(checked, cursor);
    if (rows.length < batchSize) break;
  }

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
    durationMs: Date.now() - started,
  };
}

/** The audit administrator's verification through the API; the check itself is recorded in the trail. */
export async function verifyAuditTrail(ctx: Ctx & { actor: Actor }): Promise<TAuditVerifyResult> {
  if (!can(ctx.actor, 'audit.verify')) throw Errors.forbidden();
  const result = await verifyAuditChain(ctx.deps.db);
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
      },
    }),
  );
  return result;
}
