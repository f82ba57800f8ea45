/**
 * 递补分配: budget freed during the public notice (an upheld objection revoked or reduced an award) goes to the
 * next in line (申报指南 六（四）先到先得、用完即止). The city administrator runs it for a campaign whose notice is
 * published and whose funding plan is not yet issued:
 *
 *  1. freed budget = budget − awards still standing (original and earlier 递补 awards, revoked ones excluded);
 *  2. candidates = the verified applications the committed run left unfunded or partly funded (partial,
 *     unfunded, skipped, stopped), except those an upheld objection revoked or reduced;
 *  3. each is decided again with the engine exactly as in the committed run — S = I × R × C, non-stacking, the
 *     ¥1,000,000 cap with what the enterprise holds now (cap ledger: earlier years and this campaign's standing
 *     awards) and what earlier candidates of the same enterprise are offered in this run — and asks for the
 *     difference between that amount and what it already has;
 *  4. the differences are funded in the same order (declaration month, then loan disbursement time) and the
 *     campaign's mode against the freed budget.
 *
 * A dry run writes only its run row; a commit writes the 递补 awards (marked `supplementary`), their per-loan
 * lines and cap ledger entries, moves unfunded applications to awarded and raises the campaign's total, in ONE
 * transaction under the same advisory lock as the committed run and with the campaign row locked. A second commit
 * at the same time waits, then finds the first round not yet published (409) — each round needs its own 递补公示
 * before the next.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { AllocationMode, TAllocationOutcome, TSupplementaryStatus } from '../../contracts/subsidy';
import { type DbOrTx, rowsOf, type Tx } from '../../db/client';
import { subsidyAllocationRuns, subsidyApplications, subsidyCampaigns } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import {
  ALLOCATION_ORDER_CITATION,
  ALLOCATION_PRINCIPLE_CITATION,
  awardStatusOf,
  explainSupplementaryRun,
  explainTopUp,
  freedBudget,
  rankDecideAndAllocate,
  SUPPLEMENT_CANDIDATE_STATUSES,
  topUpNeed,
} from '../../domain/allocation';
import { type Fen, fenToYuan } from '../../domain/money';
import { citationLabel } from '../../domain/policies/core/citation';
import { RANKING_TIES_READING, readingOn } from '../../domain/policies/interpretations';
import { type ApplicationDecision, decideApplication, explainApplication } from '../../domain/subsidy/facts';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loadRulings } from '../interpretations';
import { loadCampaign } from './campaigns';
import { capUsedByEnterprise, loadApplicationRecords } from './records';
import {
  type ComputedRun,
  counts,
  decisionOptions,
  finishCommittedRun,
  inAllocationRun,
  inputsOf,
  insertAwards,
  previewRows,
  runRow,
  runView,
  saveDryRun,
} from './run-allocation';

const OMITTED = /^(参数：|6个自然月间隔|县（市、区）核实时限|排序依据)/;

type CampaignRow = typeof subsidyCampaigns.$inferSelect;

/** Budget, awards still standing and the freed budget of a campaign (read in the caller's transaction). */
export async function campaignStanding(db: DbOrTx, campaign: { id: string; budgetFen: bigint }) {
  const [row] = rowsOf<{ standing: string }>(
    await db.execute(
      sql`select coalesce(sum(awarded_fen), 0)::text as standing from subsidy_awards where campaign_id = ${campaign.id} and status <> 'revoked'`,
    ),
  );
  const standing = BigInt(row?.standing ?? '0');
  return { budget: campaign.budgetFen, standing, freed: freedBudget(campaign.budgetFen, standing) };
}

/** The committed 递补 runs of a campaign that have no 递补公示 yet (normally none or one). */
export async function unpublishedSupplementRuns(db: DbOrTx, campaignId: string): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      select r.id from subsidy_allocation_runs r
      where r.campaign_id = ${campaignId} and r.kind = 'supplement'
        and not exists (select 1 from subsidy_notices n where n.run_id = r.id)
      order by r.started_at`),
  );
  return rows.map((r) => r.id);
}

interface Candidate {
  applicationId: string;
  originalRank: number;
  originalStatus: string;
  alreadyFen: Fen;
}

interface ComputedSupplement extends ComputedRun {
  cand: Candidate[];
  needs: Fen[];
}

async function computeSupplement(tx: Tx, campaign: CampaignRow, freed: Fen): Promise<ComputedSupplement> {
  const statuses = sql.join(
    SUPPLEMENT_CANDIDATE_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = rowsOf<{ application_id: string; rank: number; status: string; given: string }>(
    await tx.execute(sql`
      select o.application_id, o.rank, o.status,
             (select coalesce(sum(x.awarded_fen), 0) from subsidy_awards x
               where x.campaign_id = o.campaign_id and x.application_id = o.application_id
                 and x.status <> 'revoked')::text as given
      from subsidy_awards o
      where o.run_id = ${campaign.committedRunId} and o.status in (${statuses})
        and not exists (select 1 from subsidy_awards y
                        where y.campaign_id = o.campaign_id and y.application_id = o.application_id
                          and y.status in ('revoked', 'reduced'))`),
  );
  const byApp = new Map<string, Candidate>(
    rows.map((r) => [
      r.application_id,
      {
        applicationId: r.application_id,
        originalRank: Number(r.rank),
        originalStatus: r.status,
        alreadyFen: BigInt(r.given),
      },
    ]),
  );
  const ids = [...byApp.keys()];
  const { records, meta } = await loadApplicationRecords(
    tx,
    sql`${subsidyApplications.id} = any(${sql.param(ids)}::uuid[])`,
  );
  const cand = meta.map((m) => byApp.get(m.applicationId)!);
  const used = await capUsedByEnterprise(
    tx,
    meta.map((m) => m.enterpriseId),
  );
  // Decide in the first-come-first-served order, so an enterprise's earlier application is offered first. What
  // the enterprise holds is counted less this application's own standing awards (its amount is decided whole);
  // each asks the budget only for what it still lacks.
  // The same readings of the register as the campaign's run (on its decision date).
  const rulings = await loadRulings(tx);
  const options = await decisionOptions(tx, campaign, rulings);
  const {
    decisions,
    amounts,
    asks: needs,
    result,
    totalRequested,
  } = rankDecideAndAllocate<ApplicationDecision>({
    apps: meta,
    heldBefore: (i) => (used.get(meta[i]!.enterpriseId) ?? 0n) - cand[i]!.alreadyFen,
    decide: (i, capUsed) => decideApplication(records.get(meta[i]!.applicationId)!, capUsed, options),
    ask: (i, d) => topUpNeed(d.amountFen, cand[i]!.alreadyFen),
    budget: freed,
    mode: campaign.allocationMode as AllocationMode,
    tiesById: readingOn(rulings, RANKING_TIES_READING, campaign.interestTo).option === 'id_only',
  });
  const statusOf = (i: number): string => (needs[i] === 0n ? 'zero' : awardStatusOf(result, i));
  const explanation = (i: number): string => {
    const c = cand[i]!;
    const lines = explainApplication(decisions[i]!).filter((l) => !OMITTED.test(l));
    lines.push(
      ...explainTopUp({
        originalRank: c.originalRank,
        originalStatus: c.originalStatus,
        alreadyAwarded: c.alreadyFen,
        amountNow: amounts[i]!,
        need: needs[i]!,
        remainingBefore: result.remainingBefore[i]!,
        awarded: result.awarded[i]!,
        status: needs[i] === 0n ? 'zero' : awardStatusOf(result, i),
      }),
    );
    return lines.join('\n');
  };
  return {
    meta,
    cand,
    decisions,
    amounts,
    needs,
    order: result.order,
    awarded: result.awarded,
    statusOf,
    explanation,
    totalRequested,
    totalAwarded: result.totalAwarded,
  };
}

/** Runs a 递补 allocation: a dry run (nothing but the run record) or a committed round. */
export async function runSupplementaryAllocation(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  opts: { dryRun: boolean },
): Promise<TAllocationOutcome> {
  const refusal = ['只有市级业务管理员可以执行递补分配', 'Only the city administrator runs allocations'] as const;
  return inAllocationRun(ctx, campaignId, opts.dryRun, refusal, async (tx, campaign, started) => {
    if (campaign.status === 'plan_issued') {
      throw Errors.conflict(
        'PLAN_ISSUED',
        '本批次的补贴资金安排计划已下达，不能再递补分配',
        'The funding plan is issued; no supplementary allocation',
      );
    }
    if (campaign.status !== 'notice' || !campaign.committedRunId) {
      throw Errors.unprocessable(
        'NOTICE_REQUIRED',
        '递补分配须在正式分配结果公示发布后、补贴资金安排计划下达前进行',
        'A supplementary allocation needs a published notice and no plan yet',
      );
    }
    const pending = await unpublishedSupplementRuns(tx, campaignId);
    if (!opts.dryRun && pending.length > 0) {
      throw Errors.conflict(
        'SUPPLEMENT_PENDING',
        '上一轮递补分配尚未发布递补公示，请先发布递补公示后再进行下一轮递补',
        'Publish the notice of the previous supplementary round first',
        { runId: pending[0] },
      );
    }
    const money = await campaignStanding(tx, campaign);
    if (!opts.dryRun && money.freed === 0n) {
      throw Errors.unprocessable(
        'NO_FREED_BUDGET',
        `本批次预算${fenToYuan(money.budget)}元已全部安排，没有可递补的预算`,
        'No budget is free for a supplementary allocation',
      );
    }
    const c = await computeSupplement(tx, campaign, money.freed);
    if (!opts.dryRun && c.totalAwarded === 0n) {
      throw Errors.unprocessable(
        'NOTHING_TO_SUPPLEMENT',
        c.meta.length === 0
          ? '原分配中没有未安排或未足额安排的申请，无需递补'
          : `释放的预算${fenToYuan(money.freed)}元按先到先得顺序和本批次分配方式不足以递补任何申请`,
        'No application can be funded from the freed budget',
      );
    }
    const [{ rounds }] = rowsOf<{ rounds: number }>(
      await tx.execute(
        sql`select count(*)::int as rounds from subsidy_allocation_runs where campaign_id = ${campaignId} and kind = 'supplement'`,
      ),
    ) as [{ rounds: number }];
    const round = Number(rounds) + 1;
    const k = counts(c);
    const rows = await previewRows(tx, c, (i) => c.cand[i]!.originalRank);
    const parameters = {
      supplementary: true,
      round,
      asOf: campaign.interestTo,
      mode: campaign.allocationMode,
      budget: fenToYuan(money.budget),
      standing: fenToYuan(money.standing),
      freed: fenToYuan(money.freed),
      order: citationLabel(ALLOCATION_ORDER_CITATION),
      principle: citationLabel(ALLOCATION_PRINCIPLE_CITATION),
      explanation: explainSupplementaryRun({ ...money, round }),
      committedRunId: campaign.committedRunId,
    };
    const kind = opts.dryRun ? 'supplement_dry_run' : 'supplement';
    const base = runRow(ctx, campaign, c, k, { kind, budgetFen: money.freed, parameters });
    const runId = base.id;
    const summary = {
      campaignId,
      round,
      freed: fenToYuan(money.freed),
      candidates: c.meta.length,
      requested: fenToYuan(c.totalRequested),
      awarded: fenToYuan(c.totalAwarded),
      ...k,
    };
    if (opts.dryRun) {
      return saveDryRun(tx, ctx, base, rows, started, { action: 'subsidy.supplementary_dry_run', after: summary });
    }
    await tx.insert(subsidyAllocationRuns).values({ ...base, preview: rows, durationMs: 0 });
    await persistTopUps(tx, ctx, campaign, runId, c);
    const newTotal = money.standing + c.totalAwarded;
    const [updated] = await tx
      .update(subsidyCampaigns)
      .set({ allocatedFen: newTotal, updatedAt: ctx.now })
      .where(
        and(
          eq(subsidyCampaigns.id, campaignId),
          eq(subsidyCampaigns.status, 'notice'),
          sql`${newTotal} <= ${subsidyCampaigns.budgetFen}`,
        ),
      )
      .returning({ id: subsidyCampaigns.id });
    if (!updated) {
      throw Errors.conflict('CAMPAIGN_CHANGED', '批次状态已变化，请刷新后重试', 'The campaign changed meanwhile');
    }
    return finishCommittedRun(tx, ctx, runId, started, rows, {
      action: 'subsidy.supplementary_committed',
      before: { allocated: fenToYuan(campaign.allocatedFen) },
      after: { ...summary, allocated: fenToYuan(newTotal) },
    });
  });
}

async function persistTopUps(
  tx: Tx,
  ctx: Ctx,
  campaign: CampaignRow,
  runId: string,
  c: ComputedSupplement,
): Promise<void> {
  const now = ctx.now.toISOString();
  // Only the applications that receive something become 递补 awards (and notice entries).
  const idx = Array.from(c.order).filter((i) => c.awarded[i]! > 0n);
  await insertAwards(tx, {
    runId,
    campaign,
    now,
    c,
    positions: idx,
    rank: (i) => c.cand[i]!.originalRank,
    inputs: (i) => ({
      ...inputsOf(c.decisions[i]!),
      supplementary: {
        previous: fenToYuan(c.cand[i]!.alreadyFen),
        originalStatus: c.cand[i]!.originalStatus,
        need: fenToYuan(c.needs[i]!),
      },
    }),
    supplementary: true,
  });
  await tx.execute(sql`
    update subsidy_applications a
    set status = 'awarded', version = a.version + 1, updated_at = ${now}::timestamptz
    from subsidy_awards aw
    where aw.run_id = ${runId} and aw.application_id = a.id and a.status = 'unfunded'`);
}

/** Freed budget and the 递补 rounds of a campaign (city staff). */
export async function supplementaryStatus(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
): Promise<TSupplementaryStatus> {
  if (!mayDo(ctx.actor, 'subsidy.allocation.read')) {
    throw Errors.forbidden('只有市级人员可以查看分配结果', 'Only city staff read allocation runs');
  }
  const db = ctx.deps.db;
  const campaign = await loadCampaign(db, campaignId);
  const money = await campaignStanding(db, campaign);
  const [adj] = rowsOf<{ revoked: number; reduced: number }>(
    await db.execute(sql`
      select count(*) filter (where status = 'revoked')::int as revoked,
             count(*) filter (where status = 'reduced')::int as reduced
      from subsidy_awards where campaign_id = ${campaignId}`),
  );
  const pending = await unpublishedSupplementRuns(db, campaignId);
  const rounds = await db
    .select()
    .from(subsidyAllocationRuns)
    .where(and(eq(subsidyAllocationRuns.campaignId, campaignId), eq(subsidyAllocationRuns.kind, 'supplement')))
    .orderBy(asc(subsidyAllocationRuns.startedAt));
  return {
    campaignId,
    budget: fenToYuan(money.budget),
    standing: fenToYuan(money.standing),
    freed: fenToYuan(money.freed),
    revokedCount: Number(adj?.revoked ?? 0),
    reducedCount: Number(adj?.reduced ?? 0),
    canRun: campaign.status === 'notice' && pending.length === 0 && money.freed > 0n,
    pendingRunId: pending[0] ?? null,
    rounds: rounds.map(runView),
  };
}
