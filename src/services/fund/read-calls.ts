/** Calls within the actor's scope, and one call (404 outside). */
import { and, desc } from 'drizzle-orm';
import type { TCallSummary } from '../../contracts/fund';
import { fundCalls } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { callView, loadCall, requireActor } from './records';
import { callScope } from './scope';

export async function listCalls(ctx: Ctx): Promise<{ items: TCallSummary[] }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.call.read')) throw Errors.forbidden();
  const rows = await ctx.deps.db
    .select()
    .from(fundCalls)
    .where(and(callScope(actor)))
    .orderBy(desc(fundCalls.createdAt));
  return { items: await Promise.all(rows.map((r) => callView(ctx.deps.db, r))) };
}

export async function getCall(ctx: Ctx, id: string): Promise<TCallSummary> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.call.read')) throw Errors.forbidden();
  return callView(ctx.deps.db, await loadCall(ctx.deps.db, actor, id));
}
