/**
 * The what-if sandbox (政策沙盘): the campaign's verified applications allocated under the live parameters and
 * under the city administrator's scenario (budget, mode, ratio schedule, cap), compared. Read-only: it runs in a
 * read transaction, writes nothing and audits nothing; the live records, runs and versions stay as they are.
 */
import type { TSandboxResult, TSandboxScenario } from '../../contracts/sandbox';
import type { AllocationMode } from '../../contracts/subsidy';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { formatMonthZh } from '../../domain/calendar/dates';
import { districtName } from '../../domain/enterprise/districts';
import { type Fen, fenToYuan, yuanToFen } from '../../domain/money';
import { compareOutcomes, type SandboxGroup } from '../../domain/subsidy/sandbox';
import { toZybOverrides } from '../calculators';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loadCampaign } from './campaigns';
import { enterpriseNamesOf } from './enterprise-names';
import { type ComputedAllocation, computeAllocation } from './run-allocation';

const MODE_ZH: Record<AllocationMode, string> = { partial: '部分安排', stop: '用完即止', skip: '跳过继续' };

function changedLabels(s: TSandboxScenario, live: { budget: Fen; mode: AllocationMode }): string[] {
  const out: string[] = [];
  if (s.budget !== undefined) out.push(`预算：${fenToYuan(live.budget)}元 → ${fenToYuan(yuanToFen(s.budget))}元`);
  if (s.allocationMode !== undefined) out.push(`分配方式：${MODE_ZH[live.mode]} → ${MODE_ZH[s.allocationMode]}`);
  if (s.firstYearRatio !== undefined) out.push(`第一年补助比例：${s.firstYearRatio}`);
  if (s.annualDecrement !== undefined) out.push(`补助比例每年递减：${s.annualDecrement}`);
  if (s.enterpriseCap !== undefined) out.push(`单个企业累计补助上限：${s.enterpriseCap}元`);
  return out;
}

const group = (label: (k: string) => string) => (g: SandboxGroup) => ({
  key: g.key,
  label: label(g.key),
  live: fenToYuan(g.live),
  scenario: fenToYuan(g.scenario),
  difference: fenToYuan(g.difference),
});

export async function runSandbox(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  scenario: TSandboxScenario,
): Promise<TSandboxResult> {
  if (!mayDo(ctx.actor, 'subsidy.sandbox.run'))
    throw Errors.forbidden('只有市级业务管理员可以使用政策沙盘', 'Only the city administrator uses the sandbox');
  const db = ctx.deps.readDb;
  const campaign = await loadCampaign(db, campaignId);
  const liveMode = campaign.allocationMode as AllocationMode;
  const live = await computeAllocation(db, campaign);
  const budget = scenario.budget !== undefined ? yuanToFen(scenario.budget) : campaign.budgetFen;
  const mode = scenario.allocationMode ?? liveMode;
  const sim = await computeAllocation(
    db,
    { ...campaign, budgetFen: budget, allocationMode: mode },
    toZybOverrides({
      ...(scenario.firstYearRatio !== undefined ? { firstYearRatio: scenario.firstYearRatio } : {}),
      ...(scenario.annualDecrement !== undefined ? { annualDecrement: scenario.annualDecrement } : {}),
      ...(scenario.enterpriseCap !== undefined ? { enterpriseCap: scenario.enterpriseCap } : {}),
    }),
  );
  return compareComputed(ctx, campaign, live, sim, {
    liveMode,
    mode,
    budget,
    changed: changedLabels(scenario, { budget: campaign.budgetFen, mode: liveMode }),
  });
}

/** The two computed allocations of one campaign compared, in the contract's form. */
export async function compareComputed(
  ctx: Ctx,
  campaign: { id: string; budgetFen: bigint },
  live: ComputedAllocation,
  sim: ComputedAllocation,
  o: { liveMode: AllocationMode; mode: AllocationMode; budget: Fen; changed: string[] },
): Promise<TSandboxResult> {
  const { liveMode, mode, budget } = o;
  const campaignId = campaign.id;
  const db = ctx.deps.readDb;
  // Both runs load the same rows in the same order; match by id anyway.
  const simById = new Map(sim.meta.map((m, i) => [m.applicationId, sim.awarded[i]!]));
  const rows = live.meta.map((m, i) => ({
    applicationId: m.applicationId,
    enterpriseId: m.enterpriseId,
    districtCode: m.districtCode,
    declarationMonth: m.declarationMonth,
    live: live.awarded[i]!,
    scenario: simById.get(m.applicationId) ?? 0n,
  }));
  const c = compareOutcomes(rows, { live: campaign.budgetFen, scenario: budget });
  const names = await enterpriseNamesOf(
    db,
    c.changes.map((x) => x.enterpriseId),
  );
  const side = (s: typeof c.live, m: AllocationMode) => ({
    budget: fenToYuan(s.budget),
    awarded: fenToYuan(s.awarded),
    remaining: fenToYuan(s.remaining),
    funded: s.funded,
    mode: m,
  });
  return {
    campaignId,
    applications: c.applications,
    live: side(c.live, liveMode),
    scenario: side(c.scenario, mode),
    byDistrict: c.byDistrict.map(group((k) => districtName(k) ?? k)),
    byMonth: c.byMonth.map(group((k) => formatMonthZh(k))),
    losers: c.losers,
    gainers: c.gainers,
    changes: c.changes.map((x) => ({
      applicationId: x.applicationId,
      enterpriseName: names.get(x.enterpriseId) ?? '',
      district: districtName(x.districtCode) ?? x.districtCode,
      declarationMonth: x.declarationMonth,
      live: fenToYuan(x.live),
      scenario: fenToYuan(x.scenario),
      difference: fenToYuan(x.difference),
    })),
    changed: o.changed,
  };
}
