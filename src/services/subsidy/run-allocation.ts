/**
 * The city runs the campaign's allocation (第七条（六）补贴下达; 申报指南 六（四）先到先得、用完即止):
 *
 *  1. load every verified application as engine records (set-based queries);
 *  2. rank them with the engine (declaration month, then loan disbursement time, then deterministic ties);
 *  3. in that order, decide each with the engine — S = I × R × C, non-stacking, and the ¥1,000,000 cap with
 *     what the enterprise already received in earlier years (the cap ledger) and earlier in this run;
 *  4. fund the amounts against the budget in the campaign's mode with the engine's allocator;
 *  5. dry run: keep the outcome on the run row only; commit: write awards, per-loan years, cap ledger entries,
 *     application statuses and the campaign's total in ONE transaction.
 *
 * A commit locks the campaign row (`FOR UPDATE`) after a transaction-level advisory lock shared by all commits
 * (the cap ledger spans campaigns); a second commit, from this or any other app instance, waits, then sees the
 * first one's result and is refused. The campaign update is also conditional (status open, no committed run),
 * and a partial unique index allows one committed run per campaign.
 */
import { eq, sql } from 'drizzle-orm';
import type { AllocationMode, TAllocationOutcome } from '../../contracts/subsidy';
import type { DbOrTx, Tx } from '../../db/client';
import { subsidyAllocationRuns, subsidyApplications, subsidyCampaigns } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import {
  ALLOCATION_ORDER_CITATION,
  ALLOCATION_PRINCIPLE_CITATION,
  awardStatusOf,
  explainAward,
  orderSentence,
  rankDecideAndAllocate,
} from '../../domain/allocation';
import { defaultCalendar } from '../../domain/calendar/calendar';
import { formatDateZh } from '../../domain/calendar/dates';
import { type Fen, fenToYuan, formatPercent } from '../../domain/money';
import { citationLabel } from '../../domain/policies/core/citation';
import { formatTraceValue, type TraceValue } from '../../domain/policies/core/trace';
import {
  type AppliedReading,
  RANKING_TIES_READING,
  readingOn,
  readingSentence,
} from '../../domain/policies/interpretations';
import type { ZybOverrides } from '../../domain/policies/zyb/params';
import type { ZybVersion } from '../../domain/policies/zyb/versions';
import { type ApplicationDecision, decideApplication, explainApplication } from '../../domain/subsidy/facts';
import { chinaDateOf } from '../../domain/subsidy/notice';
import { acceptsApplications } from '../../domain/workflow/application';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadRulings } from '../interpretations';
import { loadZybVersions } from '../policy-versions';
import { bulkInsert } from './bulk';
import { loadCampaign } from './campaigns';
import { enterpriseNamesOf } from './enterprise-names';
import { projectLabels } from './project-lookup';
import { type ApplicationMeta, capUsedByEnterprise, loadApplicationRecords } from './records';

/** Serialises committed runs across campaigns (the per-enterprise cap ledger is shared). */
export const ALLOCATION_LOCK_KEY = 7300101;
const PREVIEW_ROWS = 200;
const OMITTED = /^(参数：|6个自然月间隔|县（市、区）核实时限|排序依据)/;

/** What a run computed (first or 递补), by input index: its preview rows and awards are written from these. */
export interface ComputedRun {
  meta: ApplicationMeta[];
  decisions: ApplicationDecision[];
  /** Amount after the cap, before the budget, by input index. */
  amounts: Fen[];
  order: Uint32Array;
  awarded: BigInt64Array;
  statusOf: (i: number) => string;
  explanation: (i: number) => string;
  totalRequested: Fen;
  totalAwarded: Fen;
}

export interface ComputedAllocation extends ComputedRun {
  rank: Uint32Array;
  parameters: Record<string, unknown>;
}

/** Steps 1–4, pure computation over loaded rows (no writes). */
export async function computeAllocation(
  db: DbOrTx,
  campaign: {
    id: string;
    year: number;
    budgetFen: bigint;
    allocationMode: string;
    interestFrom: string;
    interestTo: string;
  },
  /** Simulation values (the what-if sandbox); the live rules are not touched. */
  overrides?: ZybOverrides,
  /** The versions of the rules to apply instead of the approved ones (a draft version's sandbox). */
  versions?: readonly ZybVersion[],
): Promise<ComputedAllocation> {
  const { records, meta } = await loadApplicationRecords(
    db,
    sql`${subsidyApplications.campaignId} = ${campaign.id} and ${subsidyApplications.status} = 'verified'`,
  );
  const used = await capUsedByEnterprise(
    db,
    meta.map((m) => m.enterpriseId),
  );
  const rulings = await loadRulings(db);
  const options = {
    ...(await decisionOptions(db, campaign, rulings, versions)),
    ...(overrides ? { overrides } : {}),
  };
  const mode = campaign.allocationMode as AllocationMode;
  // Ties in the ranking: the register's reading in force on the decision date (submission time, then id; or id).
  const ties = readingOn(rulings, RANKING_TIES_READING, campaign.interestTo);
  const tiesById = ties.option === 'id_only';
  const tieNote = { byIdOnly: tiesById, sentence: readingSentence(ties) };
  const { cols, decisions, amounts, result, totalRequested } = rankDecideAndAllocate<ApplicationDecision>({
    apps: meta,
    heldBefore: (i) => used.get(meta[i]!.enterpriseId) ?? 0n,
    decide: (i, capUsed) => decideApplication(records.get(meta[i]!.applicationId)!, capUsed, options),
    budget: campaign.budgetFen,
    mode,
    tiesById,
  });

  const statusOf = (i: number): string => {
    if (amounts[i] === 0n) return 'zero';
    return awardStatusOf(result, i);
  };
  // Stored per award: the application's own sentences. Sentences that are the same for every award (the
  // parameters read, the ordering rule) are stored once on the run; the project library's verification deadline
  // and gap-limit sentences do not bear on the amount and are left out.
  const explanation = (i: number): string => {
    const lines = explainApplication(decisions[i]!).filter((l) => !OMITTED.test(l));
    if (amounts[i] === 0n) {
      lines.push(`核定金额为0，不参与预算安排（排第${result.rank[i]}位）。`);
    } else {
      lines.push(...explainAward(cols, result, i, tieNote).filter((l) => !OMITTED.test(l)));
    }
    return lines.join('\n');
  };
  return {
    meta,
    decisions,
    amounts,
    order: result.order,
    rank: result.rank,
    awarded: result.awarded,
    statusOf,
    explanation,
    totalRequested,
    totalAwarded: result.totalAwarded,
    parameters: {
      ...parametersUsed(decisions, campaign, mode),
      ties: orderSentence(tieNote),
      readings: readingsOfRun(decisions, ties),
    },
  };
}

/** How a run decides each application: on the campaign's interest period, with the rules and rulings in force. */
export async function decisionOptions(
  db: DbOrTx,
  campaign: { interestFrom: string; interestTo: string },
  rulings: Awaited<ReturnType<typeof loadRulings>>,
  versions?: readonly ZybVersion[],
) {
  return {
    asOf: campaign.interestTo,
    interestPeriod: { from: campaign.interestFrom, to: campaign.interestTo },
    versions: versions ?? (await loadZybVersions(db)),
    calendar: defaultCalendar(),
    rulings,
  };
}

/** The readings of the register the run followed (named once on the run, like the parameters). */
function readingsOfRun(decisions: ApplicationDecision[], ties: AppliedReading): string[] {
  const first = decisions.find((d) => d?.loans.length)?.loans[0]?.decision;
  return [...(first?.readings ?? []), ties].map(readingSentence);
}

/** The parameters read (value + source), the mode, the budget and the ordering rule — stored once per run. */
function parametersUsed(
  decisions: ApplicationDecision[],
  campaign: { budgetFen: bigint; interestTo: string },
  mode: AllocationMode,
): Record<string, unknown> {
  const first = decisions.find((d) => d?.loans.length)?.loans[0]?.decision;
  const params = (first?.trace.params ?? []).map((p) => ({
    key: p.read.key,
    label: p.label,
    value: formatTraceValue(p.read.value as TraceValue),
    from: p.read.from,
    to: p.read.to,
    citation: citationLabel(p.read.citation),
  }));
  return {
    asOf: campaign.interestTo,
    mode,
    budget: fenToYuan(campaign.budgetFen),
    order: citationLabel(ALLOCATION_ORDER_CITATION),
    principle: citationLabel(ALLOCATION_PRINCIPLE_CITATION),
    params,
  };
}

export function inputsOf(d: ApplicationDecision): Record<string, unknown> {
  return {
    loans: d.loans.map((l) => ({
      loanId: l.loanId,
      year: l.yearIndex,
      I: fenToYuan(l.interestUsedFen),
      R: formatPercent(l.decision.subsidy.ratio),
      C: formatPercent(l.decision.subsidy.coefficient),
      S: fenToYuan(l.awardFen),
      fen: String(l.awardFen),
      status: l.decision.status,
    })),
    winner: d.winner,
  };
}

function runView(run: typeof subsidyAllocationRuns.$inferSelect): Omit<TAllocationOutcome, 'rows'> {
  return {
    id: run.id,
    campaignId: run.campaignId,
    kind: run.kind as 'dry_run' | 'commit',
    mode: run.mode as AllocationMode,
    budget: fenToYuan(run.budgetFen),
    totalRequested: fenToYuan(run.totalRequestedFen),
    totalAwarded: fenToYuan(run.totalAwardedFen),
    remaining: fenToYuan(run.budgetFen - run.totalAwardedFen),
    applicationCount: run.applicationCount,
    fundedCount: run.fundedCount,
    partialCount: run.partialCount,
    unfundedCount: run.unfundedCount,
    runBy: run.runBy,
    runByName: run.runByName,
    startedAt: run.startedAt.toISOString(),
    durationMs: run.durationMs,
  };
}

export { runView };

/** The first rows of a run (a committed run or a 递补 round) in funding order, with names and project labels. */
export async function previewRows(db: DbOrTx, c: ComputedRun, rankOf: (i: number) => number) {
  const firstIdx = Array.from(c.order.subarray(0, PREVIEW_ROWS));
  const enterpriseNames = await enterpriseNamesOf(
    db,
    firstIdx.map((i) => c.meta[i]!.enterpriseId),
  );
  const labels = await projectLabels(
    db,
    firstIdx.map((i) => c.meta[i]!.applicationId),
  );
  return firstIdx.map((i) => {
    const m = c.meta[i]!;
    return {
      id: null,
      applicationId: m.applicationId,
      enterpriseId: m.enterpriseId,
      enterpriseName: enterpriseNames.get(m.enterpriseId) ?? '',
      projectNo: labels.get(m.applicationId)?.projectNo ?? null,
      projectName: labels.get(m.applicationId)?.projectName ?? null,
      districtCode: m.districtCode,
      rank: rankOf(i),
      computed: fenToYuan(c.decisions[i]!.uncappedFen),
      capped: fenToYuan(c.amounts[i]!),
      awarded: fenToYuan(c.awarded[i]!),
      status: c.statusOf(i),
      winner: c.decisions[i]!.winner,
      explanation: c.explanation(i).split('\n'),
    };
  });
}

/** Funded / partly funded / not funded among computed applications (a committed run or a 递补 round). */
export function counts(c: { meta: readonly unknown[]; statusOf(i: number): string }) {
  let funded = 0;
  let partial = 0;
  let unfunded = 0;
  for (let i = 0; i < c.meta.length; i++) {
    const s = c.statusOf(i);
    if (s === 'funded') funded++;
    else if (s === 'partial') partial++;
    else unfunded++;
  }
  return { funded, partial, unfunded };
}

/**
 * The campaign a run works on. A commit takes the allocation lock and the campaign row's lock, so two commits (from
 * any app instance) run one after the other; a dry run reads without locking. Unknown campaign → 404.
 */
async function campaignForRun(tx: Tx, campaignId: string, dryRun: boolean) {
  if (!dryRun) await tx.execute(sql`select pg_advisory_xact_lock(${ALLOCATION_LOCK_KEY})`);
  const [locked] = dryRun
    ? await tx.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, campaignId)).limit(1)
    : await tx.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, campaignId)).for('update').limit(1);
  if (!locked) await loadCampaign(tx, campaignId); // 404
  return locked!;
}

type CampaignRow = typeof subsidyCampaigns.$inferSelect;

/**
 * The frame of every run (first or 递补, dry or committed): the actor may run allocations, the clock starts, and in
 * one transaction the campaign is loaded (locked for a commit) and handed to `run`.
 */
export async function inAllocationRun<T>(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  dryRun: boolean,
  refusal: readonly [zh: string, en: string],
  run: (tx: Tx, campaign: CampaignRow, started: number) => Promise<T>,
): Promise<T> {
  if (!mayDo(ctx.actor, 'subsidy.allocation.run')) throw Errors.forbidden(...refusal);
  const started = performance.now();
  return inTx(ctx, async (tx) => run(tx, await campaignForRun(tx, campaignId, dryRun), started));
}

/** Runs the allocation: a dry run (nothing but the run record) or the one committed run. */
export async function runAllocation(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  opts: { dryRun: boolean; closeCampaign?: boolean },
): Promise<TAllocationOutcome> {
  const refusal = ['只有市级业务管理员可以执行补贴资金分配', 'Only the city administrator runs allocations'] as const;
  return inAllocationRun(ctx, campaignId, opts.dryRun, refusal, async (tx, campaign, started) => {
    if (!opts.dryRun && (campaign.status !== 'open' || campaign.committedRunId)) {
      throw Errors.conflict(
        'ALREADY_ALLOCATED',
        `${campaign.title}已于此前正式分配（共安排${fenToYuan(campaign.allocatedFen)}元），不能重复分配`,
        'The campaign has already been allocated',
        { committedRunId: campaign.committedRunId, allocated: fenToYuan(campaign.allocatedFen) },
      );
    }
    if (!opts.dryRun) await closeBeforeCommit(tx, ctx, campaign, opts.closeCampaign === true);
    const c = await computeAllocation(tx, campaign);
    if (!opts.dryRun && c.meta.length === 0) {
      throw Errors.unprocessable(
        'NOTHING_TO_ALLOCATE',
        '本批次没有市级核实通过的申请，无需分配',
        'No verified applications',
      );
    }
    const k = counts(c);
    const preview = await previewRows(tx, c, (i) => c.rank[i]!);
    const kind = opts.dryRun ? 'dry_run' : 'commit';
    const base = runRow(ctx, campaign, c, k, { kind, budgetFen: campaign.budgetFen, parameters: c.parameters });
    const runId = base.id;
    if (opts.dryRun) {
      return saveDryRun(tx, ctx, base, preview, started, {
        action: 'subsidy.allocation_dry_run',
        after: { campaignId, ...summary(c, k) },
      });
    }
    await tx.insert(subsidyAllocationRuns).values({ ...base, preview: null, durationMs: 0 });
    await persistAwards(tx, ctx, campaign, runId, c);
    const [updated] = await tx
      .update(subsidyCampaigns)
      .set({ status: 'allocated', allocatedFen: c.totalAwarded, committedRunId: runId, updatedAt: ctx.now })
      .where(
        sql`${subsidyCampaigns.id} = ${campaignId} and ${subsidyCampaigns.status} = 'open' and ${subsidyCampaigns.committedRunId} is null and ${c.totalAwarded} <= ${subsidyCampaigns.budgetFen}`,
      )
      .returning({ id: subsidyCampaigns.id });
    if (!updated) {
      throw Errors.conflict(
        'ALREADY_ALLOCATED',
        `${campaign.title}已被他人正式分配，不能重复分配`,
        'Allocated meanwhile',
      );
    }
    return finishCommittedRun(tx, ctx, runId, started, preview, {
      action: 'subsidy.allocation_committed',
      before: { status: campaign.status, allocated: fenToYuan(campaign.allocatedFen) },
      after: { campaignId, status: 'allocated', ...summary(c, k) },
    });
  });
}

/** The row of a run (dry or committed, first or 递补): what it was asked, what it awarded, who ran it and when. */
export function runRow(
  ctx: Ctx & { actor: Actor },
  campaign: { id: string; allocationMode: string },
  c: { meta: readonly unknown[]; totalRequested: Fen; totalAwarded: Fen },
  k: ReturnType<typeof counts>,
  run: { kind: string; budgetFen: Fen; parameters: Record<string, unknown> },
): Omit<typeof subsidyAllocationRuns.$inferInsert, 'durationMs'> & { id: string } {
  return {
    id: crypto.randomUUID(),
    campaignId: campaign.id,
    kind: run.kind,
    mode: campaign.allocationMode,
    budgetFen: run.budgetFen,
    parameters: run.parameters,
    totalRequestedFen: c.totalRequested,
    totalAwardedFen: c.totalAwarded,
    applicationCount: c.meta.length,
    fundedCount: k.funded,
    partialCount: k.partial,
    unfundedCount: k.unfunded,
    runBy: ctx.actor.id,
    runByName: ctx.actor.name,
    startedAt: ctx.now,
  };
}

type RunAudit = { action: string; before?: Record<string, unknown>; after: Record<string, unknown> };

/** A dry run keeps only its run row (with the preview and how long it took), audited in the same transaction. */
export async function saveDryRun(
  tx: Tx,
  ctx: Ctx,
  base: ReturnType<typeof runRow>,
  rows: TAllocationOutcome['rows'],
  started: number,
  audit: RunAudit,
): Promise<TAllocationOutcome> {
  const [run] = await tx
    .insert(subsidyAllocationRuns)
    .values({ ...base, preview: rows, durationMs: Math.round(performance.now() - started) })
    .returning();
  await recordAudit(tx, ctx, { ...audit, objectType: 'subsidy_allocation_run', objectId: base.id });
  return { ...runView(run!), rows };
}

/** The end of a committed run once its writes are done: its duration, its audit event, the outcome. */
export async function finishCommittedRun(
  tx: Tx,
  ctx: Ctx,
  runId: string,
  started: number,
  rows: TAllocationOutcome['rows'],
  audit: RunAudit,
): Promise<TAllocationOutcome> {
  const run = await finishRun(tx, runId, started);
  await recordAudit(tx, ctx, { ...audit, objectType: 'subsidy_allocation_run', objectId: runId });
  return { ...runView(run), rows };
}

/**
 * A committed run while the campaign still accepts applications would leave out what is submitted (or still under
 * review) in the rest of the period (申报指南 六（一）, 六（四）), so it is refused — unless the administrator
 * confirms, in the same request, that applications close today: the application period ends today (the committed
 * run then closes the campaign) and the early close is audited in this transaction.
 */
async function closeBeforeCommit(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  campaign: typeof subsidyCampaigns.$inferSelect,
  confirmed: boolean,
): Promise<void> {
  const today = chinaDateOf(ctx.now);
  if (!acceptsApplications(campaign, today)) return;
  const [pending] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(subsidyApplications)
    .where(
      sql`${subsidyApplications.campaignId} = ${campaign.id} and ${subsidyApplications.status} in ('submitted', 'district_returned', 'district_passed', 'city_returned')`,
    );
  const unverified = pending?.n ?? 0;
  if (!confirmed) {
    throw Errors.conflict(
      'CAMPAIGN_STILL_OPEN',
      `${campaign.title}仍在受理申请（截止${formatDateZh(campaign.applyTo)}），不能正式分配：正式分配后，受理期内此后提交的申请${unverified > 0 ? `和尚未核实完毕的${unverified}份申请` : ''}将不能参与本批次分配（申报指南 六（一）：按通知定期组织补贴申请；六（四）：按入库申报月份和放款时间先后安排）。请在受理期结束后再正式分配，或确认先截止受理再分配。`,
      `The ${campaign.year} campaign still accepts applications (until ${campaign.applyTo}); a committed run now would leave out later applications${unverified > 0 ? ` and the ${unverified} not yet verified` : ''}. Commit after the period ends, or confirm closing applications first.`,
      { applyTo: campaign.applyTo, unverified },
    );
  }
  await tx
    .update(subsidyCampaigns)
    .set({ applyTo: today, updatedAt: ctx.now })
    .where(eq(subsidyCampaigns.id, campaign.id));
  await recordAudit(tx, ctx, {
    action: 'subsidy.campaign_closed_early',
    objectType: 'subsidy_campaign',
    objectId: campaign.id,
    before: { applyTo: campaign.applyTo, acceptingApplications: true },
    after: { applyTo: today, acceptingApplications: false, unverified, reason: '正式分配前截止受理' },
  });
  campaign.applyTo = today;
}

function summary(c: ComputedAllocation, k: ReturnType<typeof counts>) {
  return {
    applications: c.meta.length,
    requested: fenToYuan(c.totalRequested),
    awarded: fenToYuan(c.totalAwarded),
    ...k,
  };
}

async function persistAwards(
  tx: Tx,
  ctx: Ctx,
  campaign: { id: string; year: number },
  runId: string,
  c: ComputedAllocation,
): Promise<void> {
  const now = ctx.now.toISOString();
  // Awards, with the explanation rendered chunk by chunk while the previous chunk is being inserted.
  await insertAwards(tx, {
    runId,
    campaign,
    now,
    c,
    positions: Array.from({ length: c.meta.length }, (_, i) => i),
    rank: (i) => c.rank[i]!,
    inputs: (i) => inputsOf(c.decisions[i]!),
  });
  // Application statuses: verified → awarded / unfunded.
  await tx.execute(sql`
    update subsidy_applications a
    set status = case when aw.awarded_fen > 0 then 'awarded' else 'unfunded' end,
        version = a.version + 1, updated_at = ${now}::timestamptz
    from subsidy_awards aw
    where aw.run_id = ${runId} and aw.application_id = a.id and a.status = 'verified'`);
}

/**
 * Writes a run's awards, one per input index in `positions`, and derives the rest inside the database from the
 * awards just written (no second upload): the per-loan lines (the loans' subsidy years are counted from these) and
 * the cap ledger, one entry per award above zero.
 */
export async function insertAwards(
  tx: Tx,
  a: {
    runId: string;
    campaign: { id: string; year: number };
    now: string;
    c: ComputedRun;
    positions: readonly number[];
    rank: (i: number) => number;
    inputs: (i: number) => unknown;
    supplementary?: boolean;
  },
): Promise<void> {
  const { runId, campaign, now, c, positions: at } = a;
  await bulkInsert(tx, 'subsidy_awards', at.length, [
    { name: 'id', value: () => crypto.randomUUID() },
    { name: 'run_id', value: () => runId },
    { name: 'campaign_id', value: () => campaign.id },
    { name: 'application_id', value: (k) => c.meta[at[k]!]!.applicationId },
    { name: 'enterprise_id', value: (k) => c.meta[at[k]!]!.enterpriseId },
    { name: 'district_code', value: (k) => c.meta[at[k]!]!.districtCode },
    { name: 'rank', value: (k) => a.rank(at[k]!) },
    { name: 'computed_fen', value: (k) => String(c.decisions[at[k]!]!.uncappedFen) },
    { name: 'capped_fen', value: (k) => String(c.amounts[at[k]!]!) },
    { name: 'awarded_fen', value: (k) => String(c.awarded[at[k]!]!) },
    { name: 'status', value: (k) => c.statusOf(at[k]!) },
    ...(a.supplementary ? [{ name: 'supplementary', json: true, value: () => 'true' }] : []),
    { name: 'winner', value: (k) => c.decisions[at[k]!]!.winner },
    { name: 'subsidy_years', json: true, value: (k) => JSON.stringify(c.decisions[at[k]!]!.subsidyYears) },
    { name: 'explanation', value: (k) => c.explanation(at[k]!) },
    { name: 'inputs', json: true, value: (k) => JSON.stringify(a.inputs(at[k]!)) },
    { name: 'created_at', value: () => now },
  ]);
  await tx.execute(sql`
    insert into subsidy_award_loans (award_id, loan_id, campaign_id, campaign_year, enterprise_id, year_index, computed_fen)
    select aw.id, (l->>'loanId')::uuid, aw.campaign_id, ${campaign.year}::int, aw.enterprise_id, (l->>'year')::int,
           (l->>'fen')::bigint
    from subsidy_awards aw, jsonb_array_elements(aw.inputs->'loans') l
    where aw.run_id = ${runId}`);
  await tx.execute(sql`
    insert into subsidy_cap_ledger (id, enterprise_id, campaign_id, award_id, amount_fen, reason, created_at)
    select gen_random_uuid(), aw.enterprise_id, aw.campaign_id, aw.id, aw.awarded_fen, 'award', ${now}::timestamptz
    from subsidy_awards aw where aw.run_id = ${runId} and aw.awarded_fen > 0`);
}

/** Records how long a committed run took (measured from `started`, once its writes are done); the run's row. */
async function finishRun(tx: Tx, runId: string, started: number) {
  const durationMs = Math.round(performance.now() - started);
  const [run] = await tx
    .update(subsidyAllocationRuns)
    .set({ durationMs })
    .where(eq(subsidyAllocationRuns.id, runId))
    .returning();
  return run!;
}
