/**
 * The city administrator records an enterprise's credit standing (good / 经营异常名录 / 严重违法失信名单) with its
 * source and date. Each change is kept in the credit history and audited with before/after.
 */
import { eq, sql } from 'drizzle-orm';
import type { TEnterprise, TSetCreditStanding } from '../../contracts/enterprises';
import { enterpriseCreditChanges, enterprises } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { checkNotFuture, chinaDateOf } from '../../domain/enterprise/profile';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { creditStandingChanged } from '../credit';
import { Errors, fieldError } from '../errors';
import { enterpriseErrors } from './errors';
import { loadVisibleEnterprise } from './get-enterprise';
import { toEnterpriseView } from './view';

export async function setCreditStanding(ctx: Ctx, id: string, input: TSetCreditStanding): Promise<TEnterprise> {
  const actor = ctx.actor;
  if (!actor || !mayDo(actor, 'enterprise.credit_standing.set')) {
    throw Errors.forbidden('信用状况由市级业务管理员维护', 'Only the city administrator keeps credit standing');
  }
  const p = checkNotFuture(input.asOf, chinaDateOf(ctx.now));
  if (p) throw fieldError('asOf', '信息日期', p.zh, p.en);
  return inTx(ctx, async (tx) => {
    const before = await loadVisibleEnterprise(tx, actor, id, { forUpdate: true });
    if (!before) throw enterpriseErrors.notFound();
    const [after] = await tx
      .update(enterprises)
      .set({
        creditStatus: input.status,
        creditSource: input.source,
        creditAsOf: input.asOf,
        version: sql`${enterprises.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(enterprises.id, id))
      .returning();
    await tx.insert(enterpriseCreditChanges).values({
      enterpriseId: id,
      fromStatus: before.creditStatus,
      toStatus: input.status,
      source: input.source,
      asOf: input.asOf,
      note: input.note ?? null,
      changedBy: actor.id,
      changedByName: actor.name,
      changedAt: ctx.now,
    });
    await creditStandingChanged(tx, ctx, {
      enterpriseId: id,
      from: before.creditStatus,
      to: input.status,
      source: input.source,
      asOf: input.asOf,
    });
    await recordAudit(tx, ctx, {
      action: 'enterprise.credit_standing_set',
      objectType: 'enterprise',
      objectId: id,
      before: { creditStatus: before.creditStatus, creditSource: before.creditSource, creditAsOf: before.creditAsOf },
      after: {
        creditStatus: after!.creditStatus,
        creditSource: after!.creditSource,
        creditAsOf: after!.creditAsOf,
        note: input.note ?? null,
      },
    });
    return toEnterpriseView(after!, ctx.deps.cipher, ctx.lang);
  });
}
