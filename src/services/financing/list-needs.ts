/**
 * Needs within the actor's scope (the enterprise its own, the city all, a bank the open needs whose consent names
 * it — green-channel needs first), and one need.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TNeed } from '../../contracts/financing';
import { enterprises, financingNeeds } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { findNeed, needJson, needScope, withProjects } from './records';

export async function listNeeds(ctx: Ctx & { actor: Actor }): Promise<{ items: TNeed[]; total: number }> {
  const rows = await ctx.deps.db
    .select({ n: financingNeeds, e: enterprises })
    .from(financingNeeds)
    .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
    .where(and(needScope(ctx.actor)))
    .orderBy(sql`${financingNeeds.greenChannel} desc, ${financingNeeds.createdAt} desc`)
    .limit(500);
  const items = await withProjects(
    ctx.deps.db,
    rows.map((r) => needJson(ctx.actor, r.n, r.e)),
  );
  return { items, total: items.length };
}

export async function readNeed(ctx: Ctx & { actor: Actor }, id: string): Promise<TNeed> {
  const { n, e } = await findNeed(ctx.deps.db, ctx.actor, id);
  const [need] = await withProjects(ctx.deps.db, [needJson(ctx.actor, n, e)]);
  return need!;
}
