/**
 * Products with every version: a bank its own, the city all (its review queue: those with a version waiting).
 * The public catalogue is `read-catalogue.ts`.
 */
import { and, eq } from 'drizzle-orm';
import type { TProductList } from '../../contracts/financing';
import { financingProducts } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { loadProducts, productScope } from './records';

export async function listManagedProducts(
  ctx: Ctx & { actor: Actor },
  opts: { pendingOnly?: boolean } = {},
): Promise<TProductList> {
  const where = and(
    productScope(ctx.actor),
    opts.pendingOnly ? eq(financingProducts.reviewStatus, 'pending') : undefined,
  );
  const items = await loadProducts(ctx.deps.db, where!, true);
  return { items, total: items.length };
}
