/** The lists within the actor's scope with their coverage, the next push due and the reading of "定期". */
import { sql } from 'drizzle-orm';
import { outreachWhitelists } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { PUSH_PERIOD_READING } from '../../domain/outreach/params';
import { Errors } from '../errors';
import { loadWhitelist, todayOf, whitelistScope } from './records';
import type { ActorCtx } from './whitelist-records';

export async function listWhitelists(ctx: ActorCtx) {
  if (!mayDo(ctx.actor, 'outreach.whitelist.read')) throw Errors.forbidden();
  const rows = await ctx.deps.db
    .select()
    .from(outreachWhitelists)
    .where(whitelistScope(ctx.actor))
    .orderBy(sql`${outreachWhitelists.periodStart} desc, ${outreachWhitelists.createdAt} desc`);
  const today = todayOf(ctx.now);
  const items = [];
  for (const r of rows) {
    const {
      items: _i,
      criteria: _c,
      coverageByBank: _b,
      ...summary
    } = await loadWhitelist(ctx.deps.db, ctx.actor, r, today);
    items.push(summary);
  }
  const published = rows.filter((r) => r.status === 'published');
  const nextDue = published.length
    ? published
        .map((r) => r.nextDueOn!)
        .sort()
        .at(-1)!
    : null;
  return { items, nextDue, reading: PUSH_PERIOD_READING };
}
