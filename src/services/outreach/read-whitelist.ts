/** One list within the actor's scope with its entries, the visits the actor may see and coverage. */
import { findWhitelist, loadWhitelist, todayOf } from './records';
import type { ActorCtx } from './whitelist-records';

export async function readWhitelist(ctx: ActorCtx, id: string) {
  const row = await findWhitelist(ctx.deps.db, ctx.actor, id);
  return loadWhitelist(ctx.deps.db, ctx.actor, row, todayOf(ctx.now));
}
