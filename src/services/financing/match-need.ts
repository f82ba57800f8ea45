/**
 * Matching both ways (002 三（三）1): for a need, every live product scored and explained criterion by criterion,
 * ranked; for a bank, the consented needs that fit at least one of its live products, with the best product.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TProductMatchList, ZNeedMatchList } from '../../contracts/financing';
import { enterprises, financingNeeds, financingProducts } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { CRITERION_ZH, type MatchResult, matchNeedToProduct, rankMatches } from '../../domain/financing/match';
import type { Ctx } from '../context';
import {
  findNeed,
  liveOn,
  loadProducts,
  matchEnterpriseOf,
  matchNeedOf,
  matchProductOf,
  needJson,
  needScope,
  todayOf,
  withProjects,
} from './records';

function matchJson(m: MatchResult) {
  return {
    fits: m.fits,
    score: m.score,
    failed: [...m.failed],
    summaryZh: m.summaryZh,
    criteria: m.criteria.map((c) => ({ ...c, label: CRITERION_ZH[c.criterion] })),
  };
}

export async function matchProductsForNeed(ctx: Ctx & { actor: Actor }, id: string): Promise<TProductMatchList> {
  const today = todayOf(ctx.now);
  const { n, e } = await findNeed(ctx.deps.db, ctx.actor, id);
  const products = await loadProducts(ctx.deps.db, liveOn(today), false);
  const scored = products.map((p) => ({
    p,
    rateMin: p.live!.rateMin,
    match: matchNeedToProduct(matchNeedOf(n), matchEnterpriseOf(e), matchProductOf(p.live!), today),
  }));
  return {
    needId: n.id,
    items: rankMatches(scored).map((s) => ({
      productId: s.p.id,
      productName: s.p.live!.name,
      type: s.p.live!.type,
      institutionId: s.p.institutionId,
      institutionName: s.p.institutionName,
      match: matchJson(s.match),
    })),
  };
}

/** A bank's view: consented open needs that fit one of its live products (green channel first). */
export async function matchNeedsForBank(ctx: Ctx & { actor: Actor }): Promise<z.infer<typeof ZNeedMatchList>> {
  const today = todayOf(ctx.now);
  const institutionId = ctx.actor.institutionId;
  if (!institutionId) return { items: [] };
  const products = await loadProducts(
    ctx.deps.db,
    and(liveOn(today), eq(financingProducts.institutionId, institutionId))!,
    false,
  );
  const rows = await ctx.deps.db
    .select({ n: financingNeeds, e: enterprises })
    .from(financingNeeds)
    .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
    .where(needScope(ctx.actor))
    .orderBy(sql`${financingNeeds.greenChannel} desc, ${financingNeeds.createdAt} desc`)
    .limit(500);
  const items = [];
  for (const r of rows) {
    const best = rankMatches(
      products.map((p) => ({
        p,
        rateMin: p.live!.rateMin,
        match: matchNeedToProduct(matchNeedOf(r.n), matchEnterpriseOf(r.e), matchProductOf(p.live!), today),
      })),
    )[0];
    if (!best?.match.fits) continue;
    items.push({
      need: needJson(ctx.actor, r.n, r.e),
      productId: best.p.id,
      productName: best.p.live!.name,
      match: matchJson(best.match),
    });
  }
  await withProjects(
    ctx.deps.db,
    items.map((i) => i.need),
  );
  return { items };
}
