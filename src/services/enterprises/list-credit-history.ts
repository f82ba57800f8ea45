/** The credit-standing history of an enterprise the actor may see, newest first. */
import { desc, eq } from 'drizzle-orm';
import type { TCreditHistory } from '../../contracts/enterprises';
import { enterpriseCreditChanges } from '../../db/schema';
import type { Ctx } from '../context';
import { enterpriseErrors } from './errors';
import { loadVisibleEnterprise } from './get-enterprise';
import { toCreditChangeView } from './view';

export async function listCreditHistory(ctx: Ctx, id: string): Promise<TCreditHistory> {
  const db = ctx.deps.db;
  const e = await loadVisibleEnterprise(db, ctx.actor, id);
  if (!e) throw enterpriseErrors.notFound();
  const rows = await db
    .select()
    .from(enterpriseCreditChanges)
    .where(eq(enterpriseCreditChanges.enterpriseId, id))
    .orderBy(desc(enterpriseCreditChanges.changedAt), desc(enterpriseCreditChanges.id));
  return { items: rows.map(toCreditChangeView) };
}
