/**
 * Turns the audit administrator's filters into one SQL condition. Days (YYYY-MM-DD) are Beijing-time calendar
 * days: `from` is the start of its day, `to` the end of its day; instants are taken as given.
 */
import { and, eq, gte, ilike, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { TAuditEvent, TAuditFilters } from '../../contracts/audit';
import { auditEvents } from '../../db/schema';
import type { ChainedEventContent } from '../../domain/audit/chain';
import { fieldError } from '../errors';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseBound(value: string, path: 'from' | 'to', label: string): { at: Date; wholeDay: boolean } {
  const wholeDay = DAY.test(value);
  const at = new Date(wholeDay ? `${value}T00:00:00+08:00` : value);
  const valid =
    !Number.isNaN(at.getTime()) &&
    // Reject impossible calendar days such as 2026-02-30 (Date would roll them over).
    new Date(`${value.slice(0, 10)}T00:00:00Z`).toISOString().slice(0, 10) === value.slice(0, 10);
  if (!valid) throw fieldError(path, label, `不是有效的日期或时间：${value}`, `is not a valid date or time: ${value}`);
  return { at, wholeDay };
}

export function auditCondition(f: TAuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  let fromAt: Date | null = null;
  if (f.from) {
    fromAt = parseBound(f.from, 'from', '开始时间').at;
    conditions.push(gte(auditEvents.occurredAt, fromAt));
  }
  if (f.to) {
    const { at, wholeDay } = parseBound(f.to, 'to', '结束时间');
    if (fromAt && at < fromAt) {
      throw fieldError('to', '结束时间', '不能早于开始时间', 'must not be before from');
    }
    conditions.push(
      wholeDay ? lt(auditEvents.occurredAt, new Date(at.getTime() + 86_400_000)) : lte(auditEvents.occurredAt, at),
    );
  }
  if (f.actorId) conditions.push(eq(auditEvents.actorId, f.actorId));
  if (f.actorRole) conditions.push(eq(auditEvents.actorRole, f.actorRole));
  if (f.action) conditions.push(eq(auditEvents.action, f.action));
  if (f.objectType) conditions.push(eq(auditEvents.objectType, f.objectType));
  if (f.objectId) conditions.push(eq(auditEvents.objectId, f.objectId));
  if (f.q) {
    const p = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(auditEvents.actorName, p),
        ilike(auditEvents.action, p),
        ilike(auditEvents.objectId, p),
        ilike(auditEvents.clientIp, p),
        ilike(auditEvents.requestId, p),
        sql`${auditEvents.after}::text ilike ${p}`,
        sql`${auditEvents.before}::text ilike ${p}`,
      )!,
    );
  }
  return conditions.length ? and(...conditions) : undefined;
}

export type AuditRow = typeof auditEvents.$inferSelect;

/** An event row's content as the chain hashes it (`prevSeq` only once linked after ADR 0015). */
export function eventContent(e: AuditRow): ChainedEventContent {
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
    ...(e.prevSeq === null ? {} : { prevSeq: Number(e.prevSeq) }),
  };
}

export function toAuditEventView(e: AuditRow): TAuditEvent {
  const { prevSeq: _, ...content } = eventContent(e);
  return { ...content, hash: e.hash };
}
