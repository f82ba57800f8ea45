/**
 * Risk warnings as their recipients see them (scoped in the query: a bank the warnings delivered to it, a district
 * those of its district, the enterprise its own, the city all), and the acknowledgement of a delivery with what
 * the recipient did. A failed acceptance cannot be undone, so its warning closes once every recipient has
 * acknowledged it.
 */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TAcknowledgeInput, TCreditWarning } from '../../contracts/credit';
import { creditWarningDeliveries, creditWarnings, districts, enterprises, institutions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { loanScopeOf } from '../../domain/access/scope';
import { CREDIT_WARNING_READING } from '../../domain/credit/params';
import { WARNING_LEVEL_ZH, WARNING_RULES, type WarningKind, type WarningLevel } from '../../domain/credit/warnings';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { closeWarnings } from './raise-warning';
import { ownDelivery, WARNING, warningScope } from './records';

export async function listWarnings(
  ctx: Ctx,
  q: { status: 'open' | 'closed' | 'all'; enterpriseId?: string | undefined },
): Promise<{ items: TCreditWarning[]; total: number; reading: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'credit.warning.read')) throw Errors.forbidden();
  const conds: SQL[] = [warningScope(actor)];
  if (q.status !== 'all') conds.push(eq(creditWarnings.status, q.status));
  if (q.enterpriseId) conds.push(eq(creditWarnings.enterpriseId, q.enterpriseId));
  const rows = await ctx.deps.db
    .select({ w: creditWarnings, name: enterprises.name })
    .from(creditWarnings)
    .innerJoin(enterprises, eq(enterprises.id, creditWarnings.enterpriseId))
    .where(and(...conds))
    .orderBy(
      sql`case ${creditWarnings.level} when 'high' then 0 when 'medium' then 1 else 2 end`,
      desc(creditWarnings.raisedAt),
    )
    .limit(500);
  if (rows.length === 0) return { items: [], total: 0, reading: CREDIT_WARNING_READING };
  const deliveries = await ctx.deps.db
    .select({
      d: creditWarningDeliveries,
      bank: institutions.name,
      district: districts.name,
    })
    .from(creditWarningDeliveries)
    .leftJoin(institutions, eq(institutions.id, creditWarningDeliveries.institutionId))
    .leftJoin(districts, eq(districts.code, creditWarningDeliveries.districtCode))
    .where(
      inArray(
        creditWarningDeliveries.warningId,
        rows.map((r) => r.w.id),
      ),
    );
  const scope = loanScopeOf(actor);
  const mine = (d: typeof creditWarningDeliveries.$inferSelect) =>
    (scope.kind === 'lender' && d.audience === 'bank' && d.institutionId === scope.institutionId) ||
    (scope.kind === 'district' && d.audience === 'district' && d.districtCode === scope.districtCode);
  const items = rows.map(({ w, name }) => {
    const ds = deliveries.filter((x) => x.d.warningId === w.id);
    const own = ds.find((x) => mine(x.d));
    return {
      id: w.id,
      enterpriseId: w.enterpriseId,
      enterpriseName: name,
      kind: w.kind as WarningKind,
      kindName: WARNING_RULES[w.kind as WarningKind].title,
      level: w.level as WarningLevel,
      levelName: WARNING_LEVEL_ZH[w.level as WarningLevel],
      reason: w.reason,
      raisedAt: w.raisedAt.toISOString(),
      status: w.status as 'open' | 'closed',
      closedAt: w.closedAt?.toISOString() ?? null,
      closeReason: w.closeReason,
      deliveries: ds.map(({ d, bank, district }) => ({
        audience: d.audience as 'bank' | 'district',
        recipient: d.audience === 'bank' ? (bank ?? '') : `${district ?? d.districtCode ?? ''}工业和信息化主管部门`,
        exposure: d.exposure === 'loan' ? '政银保贷款' : d.exposure === 'order' ? '融资对接单' : null,
        acknowledgedAt: d.acknowledgedAt?.toISOString() ?? null,
        acknowledgedByName: d.acknowledgedByName,
        actionTaken: d.actionTaken,
      })),
      mine: own ? { acknowledged: own.d.acknowledgedAt !== null, actionTaken: own.d.actionTaken } : null,
    };
  });
  return { items, total: items.length, reading: CREDIT_WARNING_READING };
}

export async function acknowledgeWarning(
  ctx: Ctx,
  warningId: string,
  input: TAcknowledgeInput,
): Promise<{ id: string; status: 'open' | 'closed' }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'credit.warning.acknowledge')) throw Errors.forbidden('风险预警由接收预警的银行或县（市、区）确认');
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .select({ d: creditWarningDeliveries, w: creditWarnings })
      .from(creditWarningDeliveries)
      .innerJoin(creditWarnings, eq(creditWarnings.id, creditWarningDeliveries.warningId))
      .where(and(eq(creditWarningDeliveries.warningId, warningId), ownDelivery(actor)))
      .for('update', { of: creditWarningDeliveries });
    if (!row) throw Errors.notFound(WARNING);
    if (row.d.acknowledgedAt)
      throw Errors.conflict(
        'WARNING_ACKNOWLEDGED',
        '本机构已确认过该预警',
        'Your organisation has already acknowledged this warning',
      );
    await tx
      .update(creditWarningDeliveries)
      .set({
        acknowledgedAt: ctx.now,
        acknowledgedBy: actor.via === 'session' ? actor.id : null,
        acknowledgedByName: actor.name,
        actionTaken: input.actionTaken,
      })
      .where(eq(creditWarningDeliveries.id, row.d.id));
    await recordAudit(tx, ctx, {
      action: 'credit_warning.acknowledged',
      objectType: 'credit_warning',
      objectId: warningId,
      after: { audience: row.d.audience, actionTaken: input.actionTaken },
    });
    let status = row.w.status as 'open' | 'closed';
    if (row.w.kind === 'acceptance_failed' && status === 'open') {
      const [left] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(creditWarningDeliveries)
        .where(
          and(eq(creditWarningDeliveries.warningId, warningId), sql`${creditWarningDeliveries.acknowledgedAt} is null`),
        );
      if ((left?.n ?? 0) === 0) {
        await closeWarnings(tx, ctx, ['acceptance_failed'], { subjectId: row.w.subjectId }, '各接收方均已确认处理');
        status = 'closed';
      }
    }
    return { id: warningId, status };
  });
}
