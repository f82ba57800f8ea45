/**
 * What a running server reports beside its request figures (`/metrics`): the notification outbox's backlog and the
 * audit chain's lag (events committed but not yet linked by the chaining step, ADR 0015). One short read each;
 * both use the tables' own indexes (`notification_outbox_due_idx`, the audit primary key).
 */
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client';

export interface SystemGauges {
  /** Messages waiting to be sent (pending or being sent). */
  outboxBacklog: number;
  /** Messages that gave up after their last attempt. */
  outboxFailed: number;
  /** Age in seconds of the oldest message still waiting (0 when none waits). */
  outboxOldestSeconds: number;
  /** Audit events committed but not yet linked into the chain. */
  auditUnchained: number;
  /** Age in seconds of the oldest unlinked audit event (0 when all are linked). */
  auditLagSeconds: number;
}

export async function readSystemGauges(db: Db, now: Date): Promise<SystemGauges> {
  const [outbox] = rowsOf<{ backlog: string | number; failed: string | number; oldest: string | Date | null }>(
    await db.execute(sql`
      SELECT count(*) FILTER (WHERE status IN ('pending', 'sending')) AS backlog,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             min(created_at) FILTER (WHERE status IN ('pending', 'sending')) AS oldest
        FROM notification_outbox`),
  );
  // The chain is linked in seq order, so the unlinked events are the ones after the last linked one.
  const [audit] = rowsOf<{ unchained: string | number; oldest: string | Date | null }>(
    await db.execute(sql`
      SELECT count(*) AS unchained, min(occurred_at) AS oldest
        FROM audit_events
       WHERE seq > coalesce((SELECT max(seq) FROM audit_events WHERE hash IS NOT NULL), 0)`),
  );
  const ageSeconds = (at: string | Date | null | undefined) =>
    at ? Math.max(0, (now.getTime() - new Date(at).getTime()) / 1000) : 0;
  return {
    outboxBacklog: Number(outbox?.backlog ?? 0),
    outboxFailed: Number(outbox?.failed ?? 0),
    outboxOldestSeconds: ageSeconds(outbox?.oldest),
    auditUnchained: Number(audit?.unchained ?? 0),
    auditLagSeconds: ageSeconds(audit?.oldest),
  };
}
