/** Shared by the fund use cases: loading a call or an application within scope, their contract views, errors. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { TApplication, TCallSummary } from '../../contracts/fund';
import type { DbOrTx, Tx } from '../../db/client';
import {
  enterprises,
  fundApplications,
  fundCallDirections,
  fundCalls,
  fundInvoices,
  policyVersions,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { DIRECTION_ZH, type Direction, type StandardOverrides, supportStandard } from '../../domain/fund/standards';
import {
  IIFUND_BASE_VERSION,
  IIFUND_POLICY,
  IIFUND_VERSION_KEYS,
  type IifundVersion,
  type IifundVersionKey,
  overridesOf,
} from '../../domain/fund/versions';
import { type CallEvent, type CallState, callTransition } from '../../domain/fund/workflow';
import { fenToYuan, formatPercent, ratio, yuanToFen } from '../../domain/money/index';
import { citationLabel, cite } from '../../domain/policies/core/citation';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { auditedRows } from '../workflow';
import { applicationScope, callScope } from './scope';

export type CallRow = typeof fundCalls.$inferSelect;
export type ApplicationRow = typeof fundApplications.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const fundErrors = {
  callNotFound: () => Errors.notFound({ zh: '申报通知', en: 'Call' }),
  applicationNotFound: () => Errors.notFound({ zh: '申报', en: 'Application' }),
  expertNotFound: () => Errors.notFound({ zh: '专家', en: 'Expert' }),
  assignmentNotFound: () => Errors.notFound({ zh: '评审任务', en: 'Assignment' }),
  stage: (zh: string) => Errors.conflict('FUND_WRONG_STAGE', zh, 'Not at this stage'),
};

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw Errors.unauthenticated();
  return ctx.actor;
}

/** A fund step: the signed-in actor allowed `action` (403 with `refusal` otherwise), in one transaction. */
export function fundStep<T>(
  ctx: Ctx,
  action: BusinessAction,
  refusal: string,
  step: (tx: Tx, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, action)) throw Errors.forbidden(refusal);
  return inTx(ctx, (tx) => step(tx, actor));
}

/** A call within the actor's scope (404 otherwise), optionally locked. */
export async function loadCall(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<CallRow> {
  if (!UUID_RE.test(id)) throw fundErrors.callNotFound();
  const q = db
    .select()
    .from(fundCalls)
    .where(and(eq(fundCalls.id, id), callScope(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw fundErrors.callNotFound();
  return row;
}

/** An application within the actor's scope (404 otherwise), optionally locked, with its call. */
export async function loadApplication(
  db: DbOrTx,
  actor: Actor,
  id: string,
  forUpdate = false,
): Promise<{ app: ApplicationRow; call: CallRow }> {
  if (!UUID_RE.test(id)) throw fundErrors.applicationNotFound();
  const q = db
    .select({ app: fundApplications, call: fundCalls })
    .from(fundApplications)
    .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
    .where(and(eq(fundApplications.id, id), applicationScope(actor)));
  const [row] = forUpdate ? await q.for('update', { of: fundApplications }) : await q;
  if (!row) throw fundErrors.applicationNotFound();
  return row;
}

/** Fund rows' writes, each with its audit event. */
export const callRows = auditedRows(fundCalls, 'fund_call');
export const applicationRows = auditedRows(fundApplications, 'fund_application');

/**
 * Writes a locked call's move to `to` (from `nextCallState`) with `set`, and records `action` with the state before
 * and after, and what else `before` and `after` name.
 */
export function moveCall(
  tx: Tx,
  ctx: Ctx,
  call: CallRow,
  to: CallState,
  change: { action: string; set?: PgUpdateSetSource<typeof fundCalls>; before?: object; after?: object },
): Promise<void> {
  return callRows.update(tx, ctx, call.id, {
    set: { state: to, ...change.set },
    action: change.action,
    before: { state: call.state, ...change.before },
    after: { state: to, ...change.after },
  });
}

/** The call's next state, or the stage refusal (409). */
export function nextCallState(call: CallRow, event: CallEvent): CallState {
  const t = callTransition(call.state as CallState, event);
  if (!t.ok) throw fundErrors.stage(t.zh);
  return t.to;
}

// ——— versions of 003 ———

export interface RenewalParams {
  validityArticle: { ref: string[]; quote: string };
  changes: Partial<Record<IifundVersionKey, { value: string; article: { ref: string[]; quote: string } }>>;
}

function toVersion(row: typeof policyVersions.$inferSelect): IifundVersion {
  const p = row.params as RenewalParams;
  const changes: Record<string, { value: never; citation: ReturnType<typeof cite> }> = {};
  for (const [k, c] of Object.entries(p.changes)) {
    if (!c) continue;
    const kind = IIFUND_VERSION_KEYS[k as IifundVersionKey];
    changes[k] = {
      value: (kind === 'ratio' ? ratio(c.value) : yuanToFen(c.value)) as never,
      citation: { ...cite('003', c.article.ref, c.article.quote), docNumber: row.docNumber },
    };
  }
  return {
    id: row.id,
    docNumber: row.docNumber,
    validity: { from: row.validFrom, to: row.validTo },
    validityCitation: { ...cite('003', p.validityArticle.ref, p.validityArticle.quote), docNumber: row.docNumber },
    overrides: overridesOf(changes),
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}

/** The code's 003 and every approved renewal. */
export async function loadIifundVersions(db: DbOrTx): Promise<IifundVersion[]> {
  const rows = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, IIFUND_POLICY), inArray(policyVersions.status, ['approved', 'superseded'])))
    .orderBy(asc(policyVersions.validFrom));
  return [IIFUND_BASE_VERSION, ...rows.map(toVersion)];
}

export async function overridesFor(db: DbOrTx, versionId: string): Promise<StandardOverrides> {
  if (versionId === IIFUND_BASE_VERSION.id) return {};
  return (await loadIifundVersions(db)).find((v) => v.id === versionId)?.overrides ?? {};
}

// ——— views ———

function standardText(direction: Direction, on: string, overrides: StandardOverrides): string {
  const s = supportStandard(direction, on, overrides);
  if (!s.rate) return '入选即纳入资源池（依据申报指南 三（五））';
  const parts = [`补贴不超过发票金额的${formatPercent(s.rate.value)}`];
  if (s.cap) parts.push(`${s.capPer === 'enterprise' ? '每家企业' : '单个项目'}不超过${fenToYuan(s.cap.value)}元`);
  if (s.groupCap) parts.push(`每个产业集群不超过${fenToYuan(s.groupCap.value)}元`);
  return `${parts.join('，')}（依据${citationLabel(s.cap?.citation ?? s.rate.citation)}）`;
}

export async function callView(db: DbOrTx, call: CallRow): Promise<TCallSummary> {
  const dirs = await db.select().from(fundCallDirections).where(eq(fundCallDirections.callId, call.id));
  const overrides = await overridesFor(db, call.policyVersion);
  return {
    id: call.id,
    programme: call.programme as TCallSummary['programme'],
    year: call.year,
    title: call.title,
    state: call.state as TCallSummary['state'],
    opensOn: call.opensOn,
    closesOn: call.closesOn,
    policyVersion: call.policyVersion,
    directions: dirs.map((d) => ({
      direction: d.direction as Direction,
      name: DIRECTION_ZH[d.direction as Direction],
      budget: fenToYuan(d.budgetFen),
      committed: fenToYuan(d.committedFen),
      standard: standardText(d.direction as Direction, call.opensOn, overrides),
    })),
    criteria: call.criteria,
    method: call.method as 'mean' | 'trimmed',
    minReviews: call.minReviews,
    expertsPerApplication: call.expertsPerApplication,
    threshold: call.threshold,
    materials: call.materials,
    noticeStartsOn: call.noticeStartsOn,
    noticeEndsOn: call.noticeEndsOn,
  };
}

/** Applications as the contract shows them; scores and ranks appear once every score is in (hidden before). */
export async function applicationViews(db: DbOrTx, rows: readonly ApplicationRow[]): Promise<TApplication[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [invoices, names] = await Promise.all([
    db
      .select()
      .from(fundInvoices)
      .where(and(inArray(fundInvoices.applicationId, ids), eq(fundInvoices.stage, 'application')))
      .orderBy(asc(fundInvoices.position)),
    db
      .select({ id: enterprises.id, name: enterprises.name })
      .from(enterprises)
      .where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))])),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map((r) => ({
    id: r.id,
    callId: r.callId,
    enterpriseId: r.enterpriseId,
    enterpriseName: nameOf.get(r.enterpriseId) ?? '',
    direction: r.direction as Direction,
    projectName: r.projectName,
    cluster: r.cluster,
    state: r.state as TApplication['state'],
    submittedAt: r.submittedAt.toISOString(),
    invoiceTotal: fenToYuan(r.invoiceTotalFen),
    invoices: invoices
      .filter((i) => i.applicationId === r.id)
      .map((i) => ({
        item: i.item,
        invoiceNo: i.invoiceNo,
        amount: fenToYuan(i.amountFen),
        issuedOn: i.issuedOn,
        seller: i.seller,
      })),
    checks: r.checks as TApplication['checks'],
    returnReasons: r.returnReasons,
    returnDueOn: r.returnDueOn,
    score: r.score,
    rank: r.rank,
    awarded: r.awardedFen === null ? null : fenToYuan(r.awardedFen),
    finalAmount: r.finalFen === null ? null : fenToYuan(r.finalFen),
    timeline: r.timeline,
  }));
}

export function timelineEntry(ctx: Ctx, action: string, note: string | null = null) {
  return { at: ctx.now.toISOString(), action, note };
}
