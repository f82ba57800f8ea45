/** Reads around the allocation: what an enterprise may apply with, runs and awards, its own awards and cap. */
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { TAllocationRun, TAward, TMySubsidy } from '../../contracts/subsidy';
import {
  enterprises,
  institutions,
  loans,
  projects,
  subsidyAllocationRuns,
  subsidyApplications,
  subsidyAwards,
  subsidyCampaigns,
  subsidyFundingPlans,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan } from '../../domain/money';
import { ZYB_PARAMS } from '../../domain/policies/zyb/params';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { bankInterestByLoan } from './bank-interest';
import { loadCampaign } from './campaigns';
import { projectLabels } from './project-lookup';
import { capUsedByEnterprise } from './records';
import { runView } from './run-allocation';
import { awardView } from './views';

function requireCity(actor: Actor): void {
  if (!mayDo(actor, 'subsidy.allocation.read')) {
    throw Errors.forbidden('只有市级人员可以查看分配结果', 'Only city staff read allocation runs');
  }
}

/** The enterprise's numbered projects and loans, with the interest its bank recorded in the campaign's period. */
export async function applyOptions(ctx: Ctx & { actor: Actor }, campaignId: string) {
  if (!mayDo(ctx.actor, 'subsidy.application.submit') || !ctx.actor.enterpriseId) {
    throw Errors.forbidden('只有企业用户可以提交补贴申请', 'Only enterprise users apply');
  }
  const campaign = await loadCampaign(ctx.deps.db, campaignId);
  const enterpriseId = ctx.actor.enterpriseId;
  const ps = await ctx.deps.db
    .select()
    .from(projects)
    .where(and(eq(projects.enterpriseId, enterpriseId), ne(projects.trackingState, 'terminated')))
    .orderBy(asc(projects.declarationMonth));
  const ls = await ctx.deps.db
    .select({ loan: loans, bankName: institutions.name })
    .from(loans)
    .innerJoin(institutions, eq(institutions.id, loans.bankId))
    .where(and(eq(loans.enterpriseId, enterpriseId), eq(loans.status, 'active')))
    .orderBy(asc(loans.disbursedAt));
  const interest = await bankInterestByLoan(
    ctx.deps.db,
    ls.map((l) => l.loan.id),
    campaign.interestFrom,
    campaign.interestTo,
  );
  // a project applies once per campaign: the form says so when it opens, not only when it is submitted
  const applied = await ctx.deps.db
    .select({ id: subsidyApplications.id, projectId: subsidyApplications.projectId })
    .from(subsidyApplications)
    .where(and(eq(subsidyApplications.campaignId, campaignId), eq(subsidyApplications.enterpriseId, enterpriseId)));
  const appliedBy = new Map(applied.map((a) => [a.projectId, a.id]));
  return {
    projects: ps.map((p) => ({
      id: p.id,
      appliedApplicationId: appliedBy.get(p.id) ?? null,
      projectNo: p.libraryNumber,
      name: p.name,
      declarationMonth: p.declarationMonth,
      investmentAtDeclaration: fenToYuan(p.investmentAtDeclarationFen),
      loans: ls
        .filter((l) => l.loan.projectId === p.id || l.loan.projectId === null)
        .map((l) => ({
          id: l.loan.id,
          contractNo: l.loan.contractNo,
          bankName: l.bankName,
          amount: fenToYuan(l.loan.amountFen),
          disbursedOn: l.loan.disbursedOn,
          bankInterest: fenToYuan(interest.get(l.loan.id) ?? 0n),
        })),
    })),
  };
}

export async function listRuns(ctx: Ctx & { actor: Actor }, campaignId: string): Promise<TAllocationRun[]> {
  requireCity(ctx.actor);
  const rows = await ctx.deps.db
    .select()
    .from(subsidyAllocationRuns)
    .where(eq(subsidyAllocationRuns.campaignId, campaignId))
    .orderBy(desc(subsidyAllocationRuns.startedAt));
  return rows.map(runView);
}

export async function getRun(ctx: Ctx & { actor: Actor }, runId: string) {
  requireCity(ctx.actor);
  const [run] = await ctx.deps.db
    .select()
    .from(subsidyAllocationRuns)
    .where(eq(subsidyAllocationRuns.id, runId))
    .limit(1);
  if (!run) throw Errors.notFound({ zh: '分配记录', en: 'Allocation run' });
  return {
    ...runView(run),
    parameters: run.parameters as Record<string, unknown>,
    preview: (run.preview as unknown[]) ?? null,
  };
}

export async function listAwards(
  ctx: Ctx & { actor: Actor },
  runId: string,
  page: number,
  pageSize: number,
): Promise<{ items: TAward[]; total: number; page: number; pageSize: number }> {
  requireCity(ctx.actor);
  const db = ctx.deps.db;
  const rows = await db
    .select({ award: subsidyAwards, enterpriseName: enterprises.name })
    .from(subsidyAwards)
    .innerJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .where(eq(subsidyAwards.runId, runId))
    .orderBy(asc(subsidyAwards.rank))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(subsidyAwards).where(eq(subsidyAwards.runId, runId));
  const labels = await projectLabels(
    db,
    rows.map((r) => r.award.applicationId),
  );
  return {
    items: rows.map((r) =>
      awardView(r.award, {
        enterpriseName: r.enterpriseName,
        projectNo: labels.get(r.award.applicationId)?.projectNo ?? null,
        projectName: labels.get(r.award.applicationId)?.projectName ?? null,
      }),
    ),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

/** The enterprise's awards (committed runs), explanations, and what remains of its ¥1,000,000 cap (第五条). */
export async function mySubsidy(ctx: Ctx & { actor: Actor }): Promise<TMySubsidy> {
  if (!mayDo(ctx.actor, 'subsidy.award.read_own') || !ctx.actor.enterpriseId) {
    throw Errors.forbidden('只有企业用户可以查看本企业补贴', 'Only enterprise users');
  }
  const enterpriseId = ctx.actor.enterpriseId;
  const db = ctx.deps.db;
  const cap = ZYB_PARAMS.enterpriseCap[ZYB_PARAMS.enterpriseCap.length - 1]!.value;
  const used = (await capUsedByEnterprise(db, [enterpriseId])).get(enterpriseId) ?? 0n;
  const rows = await db
    .select({
      award: subsidyAwards,
      enterpriseName: enterprises.name,
      year: subsidyCampaigns.year,
      planNo: subsidyFundingPlans.documentNumber,
    })
    .from(subsidyAwards)
    .innerJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyAwards.campaignId))
    .innerJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .leftJoin(subsidyFundingPlans, eq(subsidyFundingPlans.campaignId, subsidyCampaigns.id))
    .where(eq(subsidyAwards.enterpriseId, enterpriseId))
    .orderBy(desc(subsidyCampaigns.year), asc(subsidyAwards.rank));
  const labels = await projectLabels(
    db,
    rows.map((r) => r.award.applicationId),
  );
  return {
    cap: fenToYuan(cap),
    used: fenToYuan(used),
    remaining: fenToYuan(cap > used ? cap - used : 0n),
    awards: rows.map((r) => ({
      ...awardView(r.award, {
        enterpriseName: r.enterpriseName,
        projectNo: labels.get(r.award.applicationId)?.projectNo ?? null,
        projectName: labels.get(r.award.applicationId)?.projectName ?? null,
      }),
      campaignYear: r.year,
      planDocumentNumber: r.planNo ?? null,
    })),
  };
}
