/**
 * Appends an audit event inside the caller's transaction: one insert, no lock (ADR 0015). The database numbers the
 * event (`seq`, from a sequence); the chaining step (`chainAuditEvents`) links it into the SM3 chain shortly after
 * the transaction commits. Concurrent writers therefore never wait for each other here, and an event exists
 * exactly when the state change it records committed.
 */
import type { Tx } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { scopeOf } from '../../domain/access/actor';
import { toStoredJson } from '../../domain/audit/chain';
import type { Ctx } from '../context';

export interface AuditInput {
  /** module.verb, e.g. "enterprise.registered", "declaration.verified". */
  action: string;
  objectType: string;
  objectId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one event; returns its number. */
export async function recordAudit(tx: Tx, ctx: Ctx, input: AuditInput): Promise<number> {
  const [seq] = await recordAuditMany(tx, ctx, [input]);
  return seq!;
}

/** Rows per INSERT when many events are appended at once (well under PostgreSQL's 65,535 parameters). */
const AUDIT_INSERT_CHUNK = 1000;

/**
 * Appends several events in order with multi-row inserts (bulk imports); returns their numbers, ascending. Other
 * transactions may number events in between: the chain links events in number order whatever their writer.
 */
export async function recordAuditMany(tx: Tx, ctx: Ctx, inputs: readonly AuditInput[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const occurredAt = ctx.now;
  const base = {
    occurredAt,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    actorRole: ctx.actor?.role ?? 'public',
    scope: scopeOf(ctx.actor),
    clientIp: ctx.clientIp,
    requestId: ctx.requestId,
  };
  const rows: (typeof auditEvents.$inferInsert)[] = inputs.map((input) => ({
    ...base,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    before: toStoredJson(input.before),
    after: toStoredJson(input.after),
  }));
  const seqs: number[] = [];
  for (let i = 0; i < rows.length; i += AUDIT_INSERT_CHUNK) {
    const inserted = await tx
      .insert(auditEvents)
      .values(rows.slice(i, i + AUDIT_INSERT_CHUNK))
      .returning({ seq: auditEvents.seq });
    for (const r of inserted) seqs.push(Number(r.seq));
  }
  return seqs.sort((a, b) => a - b);
}
