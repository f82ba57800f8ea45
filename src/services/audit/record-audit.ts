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
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvents.seq, hash: auditEvents.hash })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: ChainedEventContent = {
    seq,
    occurredAt: ctx.now.toISOString(),
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
  const hash = eventHash(prevHash, content);
  await tx.insert(auditEvents).values({ ...content, occurredAt: new Date(content.occurredAt), prevHash, hash });
  return seq;
}
