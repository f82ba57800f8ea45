/** Lists and reads applications inside the actor's scope; the detail shows the engine's current decision. */
import { and, asc, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type {
  OtherSubsidyKind,
  TApplicationDetail,
  TApplicationListQuery,
  TApplicationSummary,
  TDecision,
} from '../../contracts/subsidy';
import type { DbOrTx } from '../../db/client';
import {
  attachments,
  enterprises,
  institutions,
  loans,
  projects,
  subsidyApplicationLoans,
  subsidyApplications,
  subsidyAwards,
  subsidyCampaigns,
  subsidyOtherSubsidies,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan } from '../../domain/money';
import { decideApplication, decisionCitations, explainApplication } from '../../domain/subsidy/facts';
import type { ApplicationStatus } from '../../domain/workflow/application';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loadZybVersions } from '../policy-versions';
import { capUsedByEnterprise, loadApplicationRecords } from './records';
import type { ReviewEntry } from './review-application';
import { APPLICATION } from './review-application';
import { applicationScope } from './scope';
import { APPLICATION_OWNER_TYPE } from './submit-application';
import { awardView } from './views';

function requireReader(actor: Actor): void {
  if (!mayDo(actor, 'subsidy.application.read')) {
    throw Errors.forbidden('您的角色不能查看补贴申请', 'Your role does not read subsidy applications');
  }
}

const summarySelection = {
  app: subsidyApplications,
  campaignYear: subsidyCampaigns.year,
  enterpriseName: enterprises.name,
  projectNo: projects.libraryNumber,
  projectName: projects.name,
};

function selectSummaries(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(summarySelection)
    .from(subsidyApplications)
    .innerJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyApplications.campaignId))
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .innerJoin(projects, eq(projects.id, subsidyApplications.projectId))
    .where(where);
}

type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

function summaryView(r: SummaryRow): TApplicationSummary {
  const a = r.app;
  return {
    id: a.id,
    campaignId: a.campaignId,
    campaignYear: r.campaignYear,
    enterpriseId: a.enterpriseId,
    enterpriseName: r.enterpriseName,
    projectId: a.projectId,
    projectNo: r.projectNo,
    projectName: r.projectName,
    districtCode: a.districtCode,
    status: a.status as ApplicationStatus,
    declarationMonth: a.declarationMonth,
    firstDisbursedAt: a.firstDisbursedAt.toISOString(),
    claimedInterest: fenToYuan(a.claimedInterestFen),
    bankInterest: fenToYuan(a.bankInterestFen),
    interestDifference: fenToYuan(a.claimedInterestFen - a.bankInterestFen),
    submittedAt: a.submittedAt.toISOString(),
    version: a.version,
  };
}

export async function listApplications(ctx: Ctx & { actor: Actor }, q: TApplicationListQuery) {
  requireReader(ctx.actor);
  const where = and(
    applicationScope(ctx.actor),
    q.campaignId ? eq(subsidyApplications.campaignId, q.campaignId) : undefined,
    q.status ? eq(subsidyApplications.status, q.status) : undefined,
    q.districtCode ? eq(subsidyApplications.districtCode, q.districtCode) : undefined,
    q.q ? ilike(enterprises.name, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  );
  const db = ctx.deps.db;
  const [rows, [total]] = await Promise.all([
    selectSummaries(db, where)
      .orderBy(
        asc(subsidyApplications.declarationMonth),
        asc(subsidyApplications.firstDisbursedAt),
        desc(subsidyApplications.submittedAt),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(subsidyApplications)
      .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
      .where(where),
  ]);
  return { items: rows.map(summaryView), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** The engine's decision for one application as it stands (cap use from the ledger, this application alone). */
export async function currentDecision(
  db: DbOrTx,
  applicationId: string,
  campaign: { interestFrom: string; interestTo: string },
): Promise<TDecision | null> {
  const asOf = campaign.interestTo;
  const { records, meta } = await loadApplicationRecords(db, eq(subsidyApplications.id, applicationId));
  const rec = records.get(applicationId);
  const m = meta[0];
  if (!rec || !m) return null;
  const used = (await capUsedByEnterprise(db, [m.enterpriseId])).get(m.enterpriseId) ?? 0n;
  const d = decideApplication(rec, used, {
    asOf,
    interestPeriod: { from: campaign.interestFrom, to: campaign.interestTo },
    versions: await loadZybVersions(db),
  });
  return {
    amount: fenToYuan(d.amountFen),
    winner: d.winner,
    winnerName: d.winnerName,
    explanation: explainApplication(d),
    citations: decisionCitations(d),
    subsidyYears: { ...d.subsidyYears },
  };
}

export async function getApplication(ctx: Ctx & { actor: Actor }, id: string): Promise<TApplicationDetail> {
  requireReader(ctx.actor);
  const db = ctx.deps.db;
  const [row] = await selectSummaries(db, and(eq(subsidyApplications.id, id), applicationScope(ctx.actor))).limit(1);
  if (!row) throw Errors.notFound(APPLICATION);
  const a = row.app;
  const [campaign] = await db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, a.campaignId)).limit(1);
  const loanRows = await db
    .select({
      line: subsidyApplicationLoans,
      contractNo: loans.contractNo,
      bankName: institutions.name,
    })
    .from(subsidyApplicationLoans)
    .innerJoin(loans, eq(loans.id, subsidyApplicationLoans.loanId))
    .innerJoin(institutions, eq(institutions.id, subsidyApplicationLoans.bankId))
    .where(eq(subsidyApplicationLoans.applicationId, id))
    .orderBy(asc(subsidyApplicationLoans.disbursedAt));
  const others = await db
    .select()
    .from(subsidyOtherSubsidies)
    .where(eq(subsidyOtherSubsidies.applicationId, id))
    .orderBy(asc(subsidyOtherSubsidies.createdAt));
  const files = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, APPLICATION_OWNER_TYPE), eq(attachments.ownerId, id)))
    .orderBy(asc(attachments.createdAt));
  const [award] = campaign?.committedRunId
    ? await db
        .select()
        .from(subsidyAwards)
        .where(and(eq(subsidyAwards.applicationId, id), eq(subsidyAwards.runId, campaign.committedRunId)))
        .limit(1)
    : [];
  const supplementary = campaign?.committedRunId
    ? await db
        .select()
        .from(subsidyAwards)
        .where(and(eq(subsidyAwards.applicationId, id), eq(subsidyAwards.supplementary, true)))
        .orderBy(asc(subsidyAwards.createdAt))
    : [];
  let decision: TDecision | null = null;
  let decisionError: string | null = null;
  try {
    decision = await currentDecision(db, id, campaign!);
  } catch (e) {
    decisionError = `无法计算：${(e as Error).message}`;
  }
  const total = a.investmentAtDeclarationFen + a.newInvestmentFen;
  return {
    ...summaryView(row),
    interestFrom: a.interestFrom,
    interestTo: a.interestTo,
    investmentAtDeclaration: fenToYuan(a.investmentAtDeclarationFen),
    newInvestment: fenToYuan(a.newInvestmentFen),
    totalInvestment: fenToYuan(total),
    progressReport: a.progressReport,
    loans: loanRows.map((l) => ({
      loanId: l.line.loanId,
      contractNo: l.contractNo,
      bankName: l.bankName,
      loanAmount: fenToYuan(l.line.loanAmountFen),
      disbursedAt: l.line.disbursedAt.toISOString(),
      claimedInterest: fenToYuan(l.line.claimedInterestFen),
      bankInterest: fenToYuan(l.line.bankInterestFen),
      interestDifference: fenToYuan(l.line.claimedInterestFen - l.line.bankInterestFen),
    })),
    otherSubsidies: others.map((o) => ({
      id: o.id,
      loanId: o.loanId,
      kind: o.kind as OtherSubsidyKind,
      name: o.name,
      documentRef: o.documentRef,
      amount: fenToYuan(o.amountFen),
    })),
    attachments: files.map((f) => ({
      id: f.id,
      kind: f.kind,
      fileName: f.fileName,
      sizeBytes: f.sizeBytes,
      contentType: f.contentType,
    })),
    reviews: (a.reviews as ReviewEntry[]).map((r) => ({ ...r, comment: r.comment ?? null })),
    decision,
    decisionError,
    award: award
      ? awardView(award, { enterpriseName: row.enterpriseName, projectNo: row.projectNo, projectName: row.projectName })
      : null,
    supplementaryAwards: supplementary.map((s) =>
      awardView(s, { enterpriseName: row.enterpriseName, projectNo: row.projectNo, projectName: row.projectName }),
    ),
  };
}
