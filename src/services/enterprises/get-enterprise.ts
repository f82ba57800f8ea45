/** Reads one enterprise through the actor's scope (inside the query): outside the scope it does not exist. */
import type { TEnterprise } from '../../contracts/enterprises';
import type { DbOrTx } from '../../db/client';
import { enterprises } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { rowInScope } from '../kit';
import { enterpriseErrors } from './errors';
import { visibleEnterprisesCondition } from './scope';
import { type EnterpriseRow, toEnterpriseView } from './view';

/** The row if the actor may see it, else null. `forUpdate` locks it for the rest of the transaction. */
export async function loadVisibleEnterprise(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<EnterpriseRow | null> {
  return rowInScope(db, enterprises, enterprises.id, id, visibleEnterprisesCondition(actor), opts);
}

export async function getEnterprise(ctx: Ctx, id: string): Promise<TEnterprise> {
  const row = await loadVisibleEnterprise(ctx.deps.db, ctx.actor, id);
  if (!row) throw enterpriseErrors.notFound();
  return toEnterpriseView(row, ctx.deps.cipher, ctx.lang);
}

/** The signed-in enterprise user's own enterprise. */
export async function getMyEnterprise(ctx: Ctx): Promise<TEnterprise> {
  const actor = ctx.actor;
  if (!actor || !mayDo(actor, 'enterprise.read_own')) {
    throw Errors.forbidden('只有企业用户有“本企业”', 'Only enterprise users have an own enterprise');
  }
  if (!actor.enterpriseId) throw enterpriseErrors.notFound();
  return getEnterprise(ctx, actor.enterpriseId);
}
