/**
 * The city reviews a product's latest version (上架审核): approved, it becomes the live version the catalogue lists;
 * refused, the reason goes to the bank and the product keeps its earlier live version (if any).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { TProductReview } from '../../contracts/financing';
import { financingProducts, financingProductVersions } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { isUuid, PRODUCT, productData, productRows } from './records';

export async function reviewProduct(
  ctx: Ctx,
  id: string,
  input: TProductReview,
): Promise<{ id: string; version: number; status: 'approved' | 'refused' }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.product.review'))
    throw Errors.forbidden('只有市级审核人员可以审核融资产品', 'Only the city reviews products');
  if (!isUuid(id)) throw Errors.notFound(PRODUCT);
  return inTx(ctx, async (tx) => {
    const [p] = await tx.select().from(financingProducts).where(eq(financingProducts.id, id)).for('update');
    if (!p) throw Errors.notFound(PRODUCT);
    const [v] = await tx
      .select()
      .from(financingProductVersions)
      .where(and(eq(financingProductVersions.productId, id), eq(financingProductVersions.status, 'pending')))
      .orderBy(desc(financingProductVersions.version))
      .limit(1);
    if (!v)
      throw Errors.conflict(
        'NOTHING_TO_REVIEW',
        '该产品没有待审核的版本',
        'The product has no version waiting for review',
      );
    const status = input.decision === 'approve' ? 'approved' : 'refused';
    await tx
      .update(financingProductVersions)
      .set({ status, reviewedBy: actor.id, reviewedAt: ctx.now, reason: input.reason || null })
      .where(eq(financingProductVersions.id, v.id));
    const d = status === 'approved' ? productData(v.data) : null;
    await productRows.update(tx, ctx, id, {
      set: d
        ? {
            liveVersion: v.version,
            reviewStatus: 'approved',
            name: d.name,
            type: d.type,
            amountMinFen: yuanToFen(d.amountMin),
            amountMaxFen: yuanToFen(d.amountMax),
            termMinMonths: d.termMinMonths,
            termMaxMonths: d.termMaxMonths,
            guarantees: d.guarantees,
            districts: d.districts,
            validFrom: d.validFrom,
            validTo: d.validTo,
            live: d,
            updatedAt: ctx.now,
          }
        : { reviewStatus: 'refused', updatedAt: ctx.now },
      action: status === 'approved' ? 'financing_product.approved' : 'financing_product.refused',
      before: { version: v.version, status: 'pending', liveVersion: p.liveVersion },
      after: { version: v.version, status, reason: input.reason || null },
    });
    return { id, version: v.version, status };
  });
}
