/**
 * 第九条（二） 申报项目未获得过其他财政资金支持: an invoice number already claimed in any programme on the platform, or
 * a project already funded by another programme (the 政银保 interest subsidy included), is refused with the other
 * record named.
 */
import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { fundApplications, fundCalls, fundInvoices, subsidyApplications, subsidyAwards } from '../../db/schema';
import { citationLabel, cite } from '../../domain/policies/core/citation';
import { Errors } from '../errors';

const NO_OTHER = cite('003', ['第九条', '（二）'], '申报项目未获得过其他财政资金支持');

export async function refuseDoubleFunding(
  tx: Tx,
  input: { applicationId: string | null; invoiceNos: readonly string[]; projectId: string | null },
): Promise<void> {
  const where = citationLabel(NO_OTHER);
  if (input.invoiceNos.length > 0) {
    const claimed = await tx
      .select({ invoiceNo: fundInvoices.invoiceNo, appId: fundApplications.id, title: fundCalls.title })
      .from(fundInvoices)
      .innerJoin(fundApplications, eq(fundApplications.id, fundInvoices.applicationId))
      .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
      .where(
        and(
          inArray(fundInvoices.invoiceNo, [...input.invoiceNos]),
          eq(fundInvoices.stage, 'application'),
          input.applicationId ? ne(fundInvoices.applicationId, input.applicationId) : undefined,
        ),
      )
      .limit(1);
    if (claimed[0])
      throw Errors.conflict(
        'FUND_INVOICE_CLAIMED',
        `发票 ${claimed[0].invoiceNo} 已在“${claimed[0].title}”的申报（编号 ${claimed[0].appId}）中申报，同一发票不得重复申请财政资金（依据${where}）`,
        `Invoice ${claimed[0].invoiceNo} is already claimed by application ${claimed[0].appId}`,
        { invoiceNo: claimed[0].invoiceNo, otherApplicationId: claimed[0].appId },
      );
  }
  if (!input.projectId) return;
  const [subsidy] = await tx
    .select({ id: subsidyAwards.id, applicationId: subsidyAwards.applicationId })
    .from(subsidyAwards)
    .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyAwards.applicationId))
    .where(and(eq(subsidyApplications.projectId, input.projectId), gt(subsidyAwards.awardedFen, 0n)))
    .limit(1);
  if (subsidy)
    throw Errors.conflict(
      'FUND_PROJECT_FUNDED',
      `该项目已获“政银保”贴息（贴息申请编号 ${subsidy.applicationId}），不得再申请专项资金（依据${where}）`,
      'The project already received the interest subsidy',
      { otherSubsidyApplicationId: subsidy.applicationId },
    );
  const [fund] = await tx
    .select({ id: fundApplications.id, title: fundCalls.title })
    .from(fundApplications)
    .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
    .where(
      and(
        eq(fundApplications.projectId, input.projectId),
        inArray(fundApplications.state, ['awarded', 'accepted', 'rectify']),
        input.applicationId ? ne(fundApplications.id, input.applicationId) : undefined,
      ),
    )
    .limit(1);
  if (fund)
    throw Errors.conflict(
      'FUND_PROJECT_FUNDED',
      `该项目已在“${fund.title}”获得安排（申报编号 ${fund.id}），不得重复申请财政资金（依据${where}）`,
      'The project is already funded by another call',
      { otherApplicationId: fund.id },
    );
}
