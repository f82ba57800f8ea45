/**
 * The city administrator records an enterprise's credit standing (good / 经营异常名录 / 严重违法失信名单) with its
 * source and date. Each change is kept in the credit history and audited with before/after.
 */
import type { TEnterprise, TSetCreditStanding } from '../../contracts/enterprises';
import { enterpriseCreditChanges } from '../../db/schema';
import { checkNotFuture, chinaDateOf } from '../../domain/enterprise/profile';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { creditStandingChanged } from '../credit';
import { fieldError } from '../errors';
import { changedByOf, cityActor, recordOnEnterprise } from './city-record';
import { toEnterpriseView } from './view';

export async function setCreditStanding(ctx: Ctx, id: string, input: TSetCreditStanding): Promise<TEnterprise> {
  const actor = cityActor(ctx, 'enterprise.credit_standing.set', [
    '信用状况由市级业务管理员维护',
    'Only the city administrator keeps credit standing',
  ]);
  const p = checkNotFuture(input.asOf, chinaDateOf(ctx.now));
  if (p) throw fieldError('asOf', '信息日期', p.zh, p.en);
  return recordOnEnterprise(ctx, actor, id, async (tx, before, update) => {
    const after = await update({ creditStatus: input.status, creditSource: input.source, creditAsOf: input.asOf });
    await tx.insert(enterpriseCreditChanges).values({
      enterpriseId: id,
      fromStatus: before.creditStatus,
      toStatus: input.status,
      source: input.source,
      asOf: input.asOf,
      note: input.note ?? null,
      ...changedByOf(ctx, actor),
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
        creditStatus: after.creditStatus,
        creditSource: after.creditSource,
        creditAsOf: after.creditAsOf,
        note: input.note ?? null,
      },
    });
    return toEnterpriseView(after, ctx.deps.cipher, ctx.lang);
  });
}
