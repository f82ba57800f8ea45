/**
 * Appends an audit event inside the caller's transaction. An advisory transaction lock orders writers across
 * app instances, so `seq` is gap-free and each event links to the one before it. Call it last in a transaction
 * to hold the lock briefly.
 */
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { scopeOf } from '../../domain/access/actor';
import { type ChainedEventContent, eventHash, GENESIS_HASH, toStoredJson } from '../../domain/audit/chain';
import type { Ctx } from '../context';
import { sm3Hex } from '../crypto';

export const AUDIT_LOCK_KEY = 7300002;

export interface AuditInput {
  /** module.verb, e.g. "enterprise.registered", "declaration.verified". */
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<number> {
  const [seq] = await recordAuditMany(tx, ctx, [input]);
  return seq!;
}

/** Rows per INSERT when many events are appended at once (well under PostgreSQL's 65,535 parameters). */
const AUDIT_INSERT_CHUNK = 1000;

/**
 * Appends several events in order under one lock: one read of the chain's end, hashes chained in memory, multi-row
 * inserts. The same chain as calling `recordAudit` once per event, at a fraction of the round trips (bulk imports).
 */
export async function recordAuditMany(tx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const occurredAt = ctx.now.toISOString();
  const rows: (typeof auditEvents.$inferInsert)[] = [];
  const seqs: number[] = [];
  for (const input of inputs) {
    seq += 1;
    const content: ChainedEventContent = {
      seq,
      occurredAt,
      actorId: ctx.actor?.id ?? null,
      actorName: ctx.actor?.name ?? null,
      actorRole: ctx.actor?.role ?? 'public',
      scope: scopeOf(ctx.actor),
      action: input.action,
      objectType: input.objectType,
      objectId: input.objectId,
      before: toStoredJson(input.before),
      after: toStoredJson(input.after),
      clientIp: ctx.clientIp,
      requestId: ctx.requestId,
    };
    const hash = eventHash(prevHash, content, sm3Hex);
    rows.push({ ...content, occurredAt: new Date(occurredAt), prevHash, hash });
    seqs.push(seq);
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) {
    await tx.insert(auditEvents).values(rows.slice(i, i + AUDIT_INSERT_CHUNK));
  }
  return seqs;
}
