/** Row → contract mappers shared by the subsidy use cases. */
import type { AllocationMode, TAward, TCampaign } from '../../contracts/subsidy';
import type { subsidyAwards, subsidyCampaigns } from '../../db/schema';
import { fenToYuan } from '../../domain/money';
import { acceptsApplications, type CampaignStatus } from '../../domain/workflow/application';

type CampaignRow = typeof subsidyCampaigns.$inferSelect;
type AwardRow = typeof subsidyAwards.$inferSelect;

export function campaignView(c: CampaignRow, today: string): TCampaign {
  return {
    id: c.id,
    year: c.year,
    title: c.title,
    interestFrom: c.interestFrom,
    interestTo: c.interestTo,
    applyFrom: c.applyFrom,
    applyTo: c.applyTo,
    budget: fenToYuan(c.budgetFen),
    allocated: fenToYuan(c.allocatedFen),
    remaining: fenToYuan(c.budgetFen - c.allocatedFen),
    allocationMode: c.allocationMode as AllocationMode,
    noticeDays: c.noticeDays,
    status: c.status as CampaignStatus,
    committedRunId: c.committedRunId,
    acceptingApplications: acceptsApplications(c, today),
    createdAt: c.createdAt.toISOString(),
  };
}

export function awardView(
  a: AwardRow,
  names: { enterpriseName: string; projectNo: string | null; projectName: string | null },
): TAward {
  return {
    id: a.id,
    runId: a.runId,
    applicationId: a.applicationId,
    enterpriseId: a.enterpriseId,
    enterpriseName: names.enterpriseName,
    projectNo: names.projectNo,
    projectName: names.projectName,
    districtCode: a.districtCode,
    rank: a.rank,
    computed: fenToYuan(a.computedFen),
    capped: fenToYuan(a.cappedFen),
    awarded: fenToYuan(a.awardedFen),
    status: a.status,
    winner: a.winner,
    explanation: a.explanation ? a.explanation.split('\n') : [],
  };
}
