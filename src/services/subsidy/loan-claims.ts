/**
 * The subsidy applications that claim a loan, for the loans module's lifecycle guard. Any application claiming the
 * loan — whatever its status — freezes the loan's recorded facts: they are the basis of S = I × R × C and of the
 * first-come-first-served order (申报指南 六（二）（四）).
 */
import { asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { projects, subsidyApplicationLoans, subsidyApplications, subsidyCampaigns } from '../../db/schema';
import { APPLICATION_STATUS_ZH, type ApplicationStatus } from '../../domain/workflow/application';
import type { LoanClaim } from '../loans';

export async function applicationsClaimingLoan(tx: Tx, loanId: string): Promise<LoanClaim[]> {
  const apps = await tx
    .select({
      id: subsidyApplications.id,
      status: subsidyApplications.status,
      campaignTitle: subsidyCampaigns.title,
      projectNo: projects.libraryNumber,
    })
    .from(subsidyApplicationLoans)
    .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyApplicationLoans.applicationId))
    .innerJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyApplications.campaignId))
    .innerJoin(projects, eq(projects.id, subsidyApplications.projectId))
    .where(eq(subsidyApplicationLoans.loanId, loanId))
    .orderBy(asc(subsidyApplications.submittedAt));
  return apps.map((a) => ({
    id: a.id,
    describedZh: `${a.campaignTitle}、项目 ${a.projectNo} 的补贴申请（申请编号 ${a.id}，状态：${
      APPLICATION_STATUS_ZH[a.status as ApplicationStatus] ?? a.status
    }）`,
  }));
}
