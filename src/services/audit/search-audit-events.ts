/** Searches the audit trail (audit administrator only), newest first. */
import { count, desc } from 'drizzle-orm';
import type { TAuditPage, TAuditQuery } from '../../contracts/audit';
import { auditEvents } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { auditCondition, toAuditEventView } from './audit-filters';

export async function searchAuditEvents(ctx: Ctx & { actor: Actor }, query: TAuditQuery): Promise<TAuditPage> {
  if (!can(ctx.actor, 'audit.search')) throw Errors.forbidden();
  const where = auditCondition(query);
  const db = ctx.deps.readDb;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.seq))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items: rows.map(toAuditEventView), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
