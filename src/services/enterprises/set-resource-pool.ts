/** The city administrator records an enterprise's membership of the supply resource pool (资源池), with history. */
import { eq, sql } from 'drizzle-orm';
import type { TEnterprise, TSetResourcePool } from '../../contracts/enterprises';
import { enterprisePoolChanges, enterprises } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { checkNotFuture, chinaDateOf } from '../../domain/enterprise/profile';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { enterpriseErrors } from './errors';
import { loadVisibleEnterprise } from './get-enterprise';
import { toEnterpriseView } from './view';

export async function setResourcePool(ctx: Ctx, id: string, input: TSetResourcePool): Promise<TEnterprise> {
  const actor = ctx.actor;
  if (!actor || !mayDo(actor, 'enterprise.resource_pool.set')) {
    throw Errors.forbidden('资源池名单由市级业务管理员维护', 'Only the city administrator keeps the resource pool');
  }
  if (input.since) {
    const p = checkNotFuture(input.since, chinaDateOf(ctx.now));
    if (p) throw fieldError('since', '入池日期', p.zh, p.en);
  }
  return inTx(ctx, async (tx) => {
    const before = await loadVisibleEnterprise(tx, actor, id, { forUpdate: true });
    if (!before) throw enterpriseErrors.notFound();
    const since = input.inResourcePool ? input.since! : null;
    const [after] = await tx
      .update(enterprises)
      .set({
        inResourcePool: input.inResourcePool,
        resourcePoolSince: since,
        version: sql`${enterprises.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(enterprises.id, id))
      .returning();
    await tx.insert(enterprisePoolChanges).values({
      enterpriseId: id,
      inResourcePool: input.inResourcePool,
      since,
      note: input.note ?? null,
      changedBy: actor.id,
      changedByName: actor.name,
      changedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'enterprise.resource_pool_set',
      objectType: 'enterprise',
      objectId: id,
      before: { inResourcePool: before.inResourcePool, resourcePoolSince: before.resourcePoolSince },
      after: {
        inResourcePool: after!.inResourcePool,
        resourcePoolSince: after!.resourcePoolSince,
        note: input.note ?? null,
      },
    });
    return toEnterpriseView(after!, ctx.deps.cipher, ctx.lang);
  });
}
