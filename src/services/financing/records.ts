/**
 * The financing module's shared kernel: scope conditions (inside every query), row → contract mappers, the
 * enterprise facts matching reads, and the module's refusals. Consent is read at query time, so a revocation takes
 * effect on the next read.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { type TNeed, type TOrder, type TProduct, type TProductInput, ZProductInput } from '../../contracts/financing';
import type { DbOrTx, Tx } from '../../db/client';
import {
  enterprises,
  financingNeeds,
  financingOrders,
  financingProducts,
  financingProductVersions,
  institutions,
  loans,
  projects,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { loanScopeOf } from '../../domain/access/scope';
import { chinaDateOf } from '../../domain/calendar/china-time';
import type { MatchEnterprise, MatchNeed, MatchProduct } from '../../domain/financing/match';
import { awaitedDue, isOverdue, ORDER_STATUS_ZH, type OrderStatus } from '../../domain/financing/orders';
import type { GuaranteeMode, ProductType, Purpose } from '../../domain/financing/products';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { Errors, fieldError } from '../errors';
import { auditedRows, lockInScope, partyScope } from '../workflow';

export const NEED = { zh: '融资需求', en: 'Financing need' };
export const PRODUCT = { zh: '融资产品', en: 'Financing product' };
export const ORDER = { zh: '对接单', en: 'Financing order' };

export const todayOf = (now: Date) => chinaDateOf(now);

/** The zone's rows' writes, each with its audit event. */
export const needRows = auditedRows(financingNeeds, 'financing_need');
export const orderRows = auditedRows(financingOrders, 'financing_order');
export const productRows = auditedRows(financingProducts, 'financing_product');
const yuanOrNull = (fen: bigint | null) => (fen === null ? null : fenToYuan(fen));
export const fenOrNull = (yuan: string | null) => (yuan === null ? null : yuanToFen(yuan));

// ---------- scope ----------
// A bank's part is the lender's (`loanScopeOf`); insurers and districts see nothing of the zone in part 1.

/** The consent of a need covers the institution (SQL). */
export function consentCovers(institutionId: string): SQL {
  return sql`(${financingNeeds.consentScope} = 'all' or (${financingNeeds.consentScope} = 'named' and ${institutionId}::uuid = any(${financingNeeds.consentBanks})))`;
}

/** Needs an actor sees: the enterprise its own; a bank the open needs whose consent names it; the city all. */
export function needScope(actor: Actor): SQL {
  return partyScope(actor, {
    enterprise: (id) => eq(financingNeeds.enterpriseId, id),
    lender: (id) => and(eq(financingNeeds.status, 'open'), consentCovers(id))!,
  });
}

/** Orders an actor sees: the enterprise its own, a bank its institution's, the city all. */
export function orderScope(actor: Actor): SQL {
  return partyScope(actor, {
    enterprise: (id) => eq(financingOrders.enterpriseId, id),
    lender: (id) => eq(financingOrders.institutionId, id),
  });
}

/** Products an actor manages or reviews (all versions): a bank its own, the city all. */
export function productScope(actor: Actor): SQL {
  return partyScope(actor, { lender: (id) => eq(financingProducts.institutionId, id) });
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID_RE.test(s);

// ---------- products ----------

export type ProductRow = typeof financingProducts.$inferSelect;
type VersionRow = typeof financingProductVersions.$inferSelect;

/** The stored input, checked again on the way out. */
export function productData(json: unknown): TProductInput {
  return ZProductInput.parse(json);
}

export function productJson(row: ProductRow, institutionName: string, versions: readonly VersionRow[]): TProduct {
  return {
    id: row.id,
    institutionId: row.institutionId,
    institutionName,
    latestVersion: row.latestVersion,
    liveVersion: row.liveVersion,
    reviewStatus: row.reviewStatus as TProduct['reviewStatus'],
    live: row.live ? productData(row.live) : null,
    versions: versions.map((v) => ({
      version: v.version,
      status: v.status as TProduct['reviewStatus'],
      data: productData(v.data),
      submittedAt: v.submittedAt.toISOString(),
      reviewedAt: v.reviewedAt?.toISOString() ?? null,
      reason: v.reason,
    })),
  };
}

/** Products with their bank's name and versions (newest first), for the rows the caller's query chose. */
export async function loadProducts(db: DbOrTx, where: SQL, withVersions: boolean): Promise<TProduct[]> {
  const rows = await db
    .select({ p: financingProducts, bank: institutions.name })
    .from(financingProducts)
    .innerJoin(institutions, eq(institutions.id, financingProducts.institutionId))
    .where(where)
    .orderBy(sql`${financingProducts.updatedAt} desc`);
  if (rows.length === 0) return [];
  const versions = withVersions
    ? await db
        .select()
        .from(financingProductVersions)
        .where(
          inArray(
            financingProductVersions.productId,
            rows.map((r) => r.p.id),
          ),
        )
        .orderBy(sql`${financingProductVersions.version} desc`)
    : [];
  return rows.map((r) =>
    productJson(
      r.p,
      r.bank,
      versions.filter((v) => v.productId === r.p.id),
    ),
  );
}

export function matchProductOf(d: TProductInput): MatchProduct {
  return {
    type: d.type as ProductType,
    amountMinFen: yuanToFen(d.amountMin),
    amountMaxFen: yuanToFen(d.amountMax),
    termMinMonths: d.termMinMonths,
    termMaxMonths: d.termMaxMonths,
    rateMin: d.rateMin,
    rateMax: d.rateMax,
    guarantees: d.guarantees as GuaranteeMode[],
    districts: d.districts,
    industries: d.industries,
    size: d.size,
    minYearsInBusiness: d.minYearsInBusiness,
    minDigitalLevel: d.minDigitalLevel,
    poolOnly: d.poolOnly,
  };
}

/** Live products in force on `today` (the public catalogue's base condition). */
export function liveOn(today: string): SQL {
  return and(
    sql`${financingProducts.liveVersion} is not null`,
    sql`${financingProducts.validFrom} <= ${today}`,
    or(sql`${financingProducts.validTo} is null`, sql`${financingProducts.validTo} >= ${today}`),
  )!;
}

// ---------- needs ----------

export type NeedRow = typeof financingNeeds.$inferSelect;
type EnterpriseRow = typeof enterprises.$inferSelect;

export function matchNeedOf(n: NeedRow): MatchNeed {
  return {
    amountMinFen: n.amountMinFen,
    amountMaxFen: n.amountMaxFen,
    termMinMonths: n.termMinMonths,
    termMaxMonths: n.termMaxMonths,
    purpose: n.purpose as Purpose,
    guarantee: n.guarantee as GuaranteeMode | null,
  };
}

/** What matching knows of an enterprise (its industry and digital level arrive with the profile, part 2). */
export function matchEnterpriseOf(e: EnterpriseRow): MatchEnterprise {
  return {
    districtCode: e.districtCode,
    isSme: e.isSme,
    establishedOn: e.establishedOn,
    digitalLevel: null,
    industry: null,
    inResourcePool: e.inResourcePool,
  };
}

/** Does the need's consent cover this reader? The enterprise itself and the city always see the profile. */
export function profileVisible(actor: Actor, n: NeedRow): boolean {
  const s = loanScopeOf(actor);
  if (s.kind === 'all' || s.kind === 'enterprise') return true;
  if (s.kind !== 'lender') return false;
  return n.consentScope === 'all' || (n.consentScope === 'named' && n.consentBanks.includes(s.institutionId));
}

export function needJson(actor: Actor, n: NeedRow, e: EnterpriseRow): TNeed {
  return {
    id: n.id,
    enterpriseId: n.enterpriseId,
    districtCode: n.districtCode,
    amountMin: yuanOrNull(n.amountMinFen),
    amountMax: yuanOrNull(n.amountMaxFen),
    termMinMonths: n.termMinMonths,
    termMaxMonths: n.termMaxMonths,
    purpose: n.purpose as TNeed['purpose'],
    guarantee: n.guarantee as TNeed['guarantee'],
    wantedBy: n.wantedBy,
    projectId: n.projectId,
    project: null,
    description: n.description,
    sourceText: n.sourceText,
    exclusive: n.exclusive,
    greenChannel: n.greenChannel,
    greenReason: n.greenReason,
    status: n.status as TNeed['status'],
    consent: { scope: n.consentScope as TNeed['consent']['scope'], banks: n.consentBanks },
    createdAt: n.createdAt.toISOString(),
    profile: profileVisible(actor, n)
      ? {
          name: e.name,
          uscc: e.uscc,
          districtCode: e.districtCode,
          isSme: e.isSme,
          establishedOn: e.establishedOn,
          inResourcePool: e.inResourcePool,
          contactName: e.contactName,
        }
      : null,
  };
}

/** Fills in the linked library projects (number and name) of needs already in the reader's scope. */
export async function withProjects<T extends { projectId: string | null; project: TNeed['project'] }>(
  db: DbOrTx,
  needs: T[],
): Promise<T[]> {
  const ids = [...new Set(needs.map((n) => n.projectId).filter((x): x is string => x !== null))];
  if (ids.length === 0) return needs;
  const rows = await db
    .select({ id: projects.id, libraryNumber: projects.libraryNumber, name: projects.name })
    .from(projects)
    .where(inArray(projects.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const n of needs) n.project = n.projectId ? (byId.get(n.projectId) ?? null) : null;
  return needs;
}

/** One need within the actor's scope (locked for update when asked), or 404. */
export async function findNeed(db: DbOrTx, actor: Actor, id: string, forUpdate = false) {
  if (!isUuid(id)) throw Errors.notFound(NEED);
  const q = db
    .select({ n: financingNeeds, e: enterprises })
    .from(financingNeeds)
    .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
    .where(and(eq(financingNeeds.id, id), needScope(actor)));
  const [row] = forUpdate ? await q.for('update', { of: financingNeeds }) : await q;
  if (!row) throw Errors.notFound(NEED);
  return row;
}

// ---------- orders ----------

export type OrderRow = typeof financingOrders.$inferSelect;

export function orderJson(
  actor: Actor,
  o: OrderRow,
  names: { bank: string; product: string | null; productType?: string | null; loan?: TOrder['loan'] },
  n: NeedRow,
  e: EnterpriseRow,
  today: string,
): TOrder {
  const status = o.status as OrderStatus;
  return {
    id: o.id,
    needId: o.needId,
    productId: o.productId,
    productName: names.product,
    institutionId: o.institutionId,
    institutionName: names.bank,
    enterpriseId: o.enterpriseId,
    origin: o.origin as TOrder['origin'],
    status,
    statusZh: ORDER_STATUS_ZH[status],
    greenChannel: o.greenChannel,
    contactDueOn: o.contactDueOn,
    contactDueBasis: o.contactDueBasis,
    decisionDueOn: o.decisionDueOn,
    decisionDueBasis: o.decisionDueBasis,
    dueOn: awaitedDue(status, o.contactDueOn, o.decisionDueOn),
    overdue: isOverdue(status, o.contactDueOn, o.decisionDueOn, today),
    declineReason: o.declineReason,
    approvedAmount: yuanOrNull(o.approvedAmountFen),
    approvedRate: o.approvedRate,
    approvedTermMonths: o.approvedTermMonths,
    disbursedOn: o.disbursedOn,
    refuseReason: o.refuseReason,
    rating: o.rating,
    createdAt: o.createdAt.toISOString(),
    productType: (names.productType ?? null) as TOrder['productType'],
    loan: names.loan ?? null,
    need: needJson(actor, n, e),
  };
}

/** Orders within the actor's scope and the caller's condition, newest first, as the contract gives them. */
export async function loadOrders(db: DbOrTx, actor: Actor, where: SQL | undefined, today: string): Promise<TOrder[]> {
  const rows = await db
    .select({
      o: financingOrders,
      n: financingNeeds,
      e: enterprises,
      bank: institutions.name,
      product: financingProducts.name,
      productType: financingProducts.type,
      loanId: loans.id,
      loanContractNo: loans.contractNo,
    })
    .from(financingOrders)
    .innerJoin(financingNeeds, eq(financingNeeds.id, financingOrders.needId))
    .innerJoin(enterprises, eq(enterprises.id, financingOrders.enterpriseId))
    .innerJoin(institutions, eq(institutions.id, financingOrders.institutionId))
    .leftJoin(financingProducts, eq(financingProducts.id, financingOrders.productId))
    .leftJoin(loans, eq(loans.sourceOrderId, financingOrders.id))
    .where(and(orderScope(actor), where))
    .orderBy(sql`${financingOrders.greenChannel} desc, ${financingOrders.createdAt} desc`)
    .limit(500);
  const orders = rows.map((r) =>
    orderJson(
      actor,
      r.o,
      {
        bank: r.bank,
        product: r.product,
        productType: r.productType,
        loan: r.loanId && r.loanContractNo ? { id: r.loanId, contractNo: r.loanContractNo } : null,
      },
      r.n,
      r.e,
      today,
    ),
  );
  await withProjects(
    db,
    orders.map((o) => o.need),
  );
  return orders;
}

/** One order within the actor's scope, locked, or 404. */
export async function findOrderForUpdate(db: DbOrTx, actor: Actor, id: string): Promise<OrderRow> {
  if (!isUuid(id)) throw Errors.notFound(ORDER);
  return lockInScope(db, financingOrders, id, orderScope(actor), ORDER);
}

/**
 * A bank's step on one of its institution's orders (`action`): signed in, in one transaction, the order locked in
 * the actor's scope; another institution's order is not found (404), as one outside the scope is.
 */
export function onBankOrder<T>(
  ctx: Ctx,
  id: string,
  action: BusinessAction,
  step: (tx: Tx, order: OrderRow, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  return inTx(ctx, async (tx) => {
    const o = await findOrderForUpdate(tx, actor, id);
    if (!mayDo(actor, action, { enterpriseId: null, institutionId: o.institutionId })) throw Errors.notFound(ORDER);
    return step(tx, o, actor);
  });
}

/** SQL: the order waits for the bank and its due day has passed on `today`. */
export function overdueOn(today: string): SQL {
  return sql`((${financingOrders.status} = 'pending' and ${financingOrders.contactDueOn} < ${today}) or (${financingOrders.status} = 'accepted' and ${financingOrders.decisionDueOn} < ${today}))`;
}

export function problemsError(problems: readonly { field: string; zh: string; en: string }[]) {
  const [first, ...rest] = problems;
  const e = fieldError(first!.field, '融资产品', first!.zh, first!.en);
  for (const p of rest) e.fields.push({ path: p.field, label: '融资产品', message: `融资产品（${p.field}）${p.zh}` });
  return e;
}

/** Unique-violation of a live order (the same bank twice, or a second bank on an exclusive need) → 409. */
export function orderConflict(e: unknown): never {
  if (uniqueViolationOf(e) !== null)
    throw Errors.conflict(
      'ORDER_TAKEN',
      '该融资需求已由银行接洽（企业限定只由一家银行对接，或本行已有对接单）',
      'The need is already taken',
    );
  throw e;
}
