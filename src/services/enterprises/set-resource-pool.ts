/** The city administrator records an enterprise's membership of the supply resource pool (资源池), with history. */
import type { TEnterprise, TSetResourcePool } from '../../contracts/enterprises';
import { enterprisePoolChanges } from '../../db/schema';
import { checkNotFuture, chinaDateOf } from '../../domain/enterprise/profile';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { fieldError } from '../errors';
import { changedByOf, cityActor, recordOnEnterprise } from './city-record';
import { toEnterpriseView } from './view';

export async function setResourcePool(ctx: Ctx, id: string, input: TSetResourcePool): Promise<TEnterprise> {
  const actor = cityActor(ctx, 'enterprise.resource_pool.set', [
    '资源池名单由市级业务管理员维护',
    'Only the city administrator keeps the resource pool',
  ]);
  if (input.since) {
    const p = checkNotFuture(input.since, chinaDateOf(ctx.now));
    if (p) throw fieldError('since', '入池日期', p.zh, p.en);
  }
  return recordOnEnterprise(ctx, actor, id, async (tx, before, update) => {
    const since = input.inResourcePool ? input.since! : null;
    const after = await update({ inResourcePool: input.inResourcePool, resourcePoolSince: since });
    await tx.insert(enterprisePoolChanges).values({
      enterpriseId: id,
      inResourcePool: input.inResourcePool,
      since,
      note: input.note ?? null,
      ...changedByOf(ctx, actor),
    });
    await recordAudit(tx, ctx, {
      action: 'enterprise.resource_pool_set',
      objectType: 'enterprise',
      objectId: id,
      before: { inResourcePool: before.inResourcePool, resourcePoolSince: before.resourcePoolSince },
      after: {
        inResourcePool: after.inResourcePool,
        resourcePoolSince: after.resourcePoolSince,
        note: input.note ?? null,
      },
    });
    return toEnterpriseView(after, ctx.deps.cipher, ctx.lang);
  });
}
