/**
 * A bank officer publishes a product (version 1) or changes one (a new version): the product is checked against
 * 002 三（二）1 and the platform's bounds — every problem refused with its clause — and the version waits for the
 * city's review (上架审核). A live product stays listed with its approved version until the change is approved.
 */
import { and, eq } from 'drizzle-orm';
import type { TProductInput } from '../../contracts/financing';
import type { DbOrTx } from '../../db/client';
import { financingProducts, financingProductVersions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { checkProduct, type ProductType } from '../../domain/financing/products';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { type FieldProblem, findCover } from '../loans';
import { lockInScope } from '../workflow';
import { isUuid, PRODUCT, problemsError, productRows, productScope, todayOf } from './records';

function check(input: TProductInput, on: string): void {
  const problems = checkProduct(
    {
      type: input.type as ProductType,
      amountMinFen: yuanToFen(input.amountMin),
      amountMaxFen: yuanToFen(input.amountMax),
      termMinMonths: input.termMinMonths,
      termMaxMonths: input.termMaxMonths,
      rateMin: input.rateMin,
      rateMax: input.rateMax,
      guarantees: input.guarantees,
      validFrom: input.validFrom,
      validTo: input.validTo,
    },
    on,
  );
  if (problems.length > 0) throw problemsError(problems);
}

/** A 政银保 product may name its partner insurer or guarantor; only such a product, and only an active one. */
async function checkCover(db: DbOrTx, input: TProductInput): Promise<void> {
  if (!input.coverInstitutionId) return;
  const label = '合作保险/担保机构';
  if (input.type !== 'zyb')
    throw fieldError('coverInstitutionId', label, '只有政银保产品可以指定', 'only 政银保 products name one');
  const problems: FieldProblem[] = [];
  if (!(await findCover(db, input.coverInstitutionId, problems)))
    throw fieldError('coverInstitutionId', label, problems[0]?.zh ?? '不存在或已停用', 'is not an active insurer');
}

function bankOf(actor: Actor | null): Actor & { institutionId: string } {
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.product.manage') || !actor.institutionId)
    throw Errors.forbidden('只有合作银行人员可以发布融资产品', 'Only bank officers publish products');
  return actor as Actor & { institutionId: string };
}

export async function publishProduct(ctx: Ctx, input: TProductInput): Promise<{ id: string; version: number }> {
  const actor = bankOf(ctx.actor);
  check(input, todayOf(ctx.now));
  return inTx(ctx, async (tx) => {
    await checkCover(tx, input);
    const [p] = await tx
      .insert(financingProducts)
      .values({
        institutionId: actor.institutionId,
        latestVersion: 1,
        reviewStatus: 'pending',
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: financingProducts.id });
    await tx.insert(financingProductVersions).values({
      productId: p!.id,
      version: 1,
      data: input,
      status: 'pending',
      submittedBy: actor.id,
      submittedAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'financing_product.submitted',
      objectType: 'financing_product',
      objectId: p!.id,
      after: { version: 1, ...input },
    });
    return { id: p!.id, version: 1 };
  });
}

export async function reviseProduct(
  ctx: Ctx,
  id: string,
  input: TProductInput,
): Promise<{ id: string; version: number }> {
  const actor = bankOf(ctx.actor);
  if (!isUuid(id)) throw Errors.notFound(PRODUCT);
  check(input, todayOf(ctx.now));
  return inTx(ctx, async (tx) => {
    await checkCover(tx, input);
    const row = await lockInScope(tx, financingProducts, id, productScope(actor), PRODUCT);
    if (!mayDo(actor, 'financing.product.update', { enterpriseId: null, institutionId: row.institutionId }))
      throw Errors.notFound(PRODUCT);
    const version = row.latestVersion + 1;
    // A version still waiting for review is replaced by the newer one (it is never reviewed).
    await tx
      .update(financingProductVersions)
      .set({ status: 'refused', reason: `已由第${version}版替代`, reviewedAt: ctx.now, reviewedBy: actor.id })
      .where(and(eq(financingProductVersions.productId, id), eq(financingProductVersions.status, 'pending')));
    await tx.insert(financingProductVersions).values({
      productId: id,
      version,
      data: input,
      status: 'pending',
      submittedBy: actor.id,
      submittedAt: ctx.now,
    });
    await productRows.update(tx, ctx, id, {
      set: { latestVersion: version, reviewStatus: 'pending', updatedAt: ctx.now },
      action: 'financing_product.revised',
      before: { version: row.latestVersion },
      after: { version, ...input },
    });
    return { id, version };
  });
}
