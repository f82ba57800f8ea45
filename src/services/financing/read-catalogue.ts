/**
 * The public catalogue: live products in force today, searched by name or bank and filtered by type, guarantee,
 * district (a product serving every district matches any), amount and term (within the product's range).
 */
import { and, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { TCatalogueQuery, TProduct, TProductList } from '../../contracts/financing';
import { financingProducts, institutions } from '../../db/schema';
import { yuanToFen } from '../../domain/money/index';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { isUuid, liveOn, loadProducts, PRODUCT, todayOf } from './records';

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function publicView(p: TProduct): TProduct {
  return { ...p, versions: [] };
}

export async function listCatalogue(ctx: Ctx, q: TCatalogueQuery): Promise<TProductList> {
  const conds: (SQL | undefined)[] = [liveOn(todayOf(ctx.now))];
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(or(ilike(financingProducts.name, like), ilike(institutions.name, like)));
  }
  if (q.type) conds.push(eq(financingProducts.type, q.type));
  if (q.guarantee) conds.push(sql`${q.guarantee} = any(${financingProducts.guarantees})`);
  if (q.district)
    conds.push(
      sql`(cardinality(${financingProducts.districts}) = 0 or ${q.district} = any(${financingProducts.districts}))`,
    );
  if (q.amount) {
    const fen = yuanToFen(q.amount);
    conds.push(sql`${financingProducts.amountMinFen} <= ${fen} and ${financingProducts.amountMaxFen} >= ${fen}`);
  }
  if (q.termMonths)
    conds.push(
      sql`${financingProducts.termMinMonths} <= ${q.termMonths} and ${financingProducts.termMaxMonths} >= ${q.termMonths}`,
    );
  const items = (await loadProducts(ctx.deps.readDb, and(...conds)!, false)).map(publicView);
  return { items, total: items.length };
}

export async function readCatalogueProduct(ctx: Ctx, id: string): Promise<TProduct> {
  if (!isUuid(id)) throw Errors.notFound(PRODUCT);
  const [p] = await loadProducts(ctx.deps.readDb, and(eq(financingProducts.id, id), liveOn(todayOf(ctx.now)))!, false);
  if (!p) throw Errors.notFound(PRODUCT);
  return publicView(p);
}
