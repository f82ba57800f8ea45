/**
 * The guarantee-fee year's 补贴资金安排计划, on the interest subsidy's plan machinery: refused until the day after the
 * year's 公示 ends and while any objection to it is open, issued once with a unique document number, then read as
 * JSON (amounts with 大写金额), as the same .xlsx workbook, and printed by the same web page.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { TFundingPlan, ZIssuePlan } from '../../contracts/subsidy';
import { guaranteeFeeYears, subsidyFundingPlans, subsidyNotices } from '../../db/schema';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { getFundingPlan, noticeSource, recordFundingPlan } from '../subsidy';
import { lockFeeYear } from './fee-years';
import { actorFor } from './shared';

const PLAN = { zh: '担保费补贴资金安排计划', en: 'Fee-subsidy funding plan' };

export async function issueFeePlan(ctx: Ctx, year: number, input: z.infer<typeof ZIssuePlan>): Promise<TFundingPlan> {
  const actor = actorFor(ctx, 'guarantee.fee.plan.issue');
  const id = await inTx(ctx, async (tx) => {
    const fy = await lockFeeYear(tx, year);
    if (fy.status === 'plan_issued')
      throw Errors.conflict('PLAN_EXISTS', `${year}年度担保费补贴资金安排计划已经下达`, 'The plan is already issued');
    const notices = await tx.select().from(subsidyNotices).where(eq(subsidyNotices.feeYearId, fy.id));
    if (fy.status !== 'published' || notices.length === 0) {
      throw Errors.unprocessable(
        'NOTICE_REQUIRED',
        `${year}年度担保费补贴尚未公示；须完成公示后方可下达资金安排计划（参照江工信工业互联网〔2023〕33号 第七条（六））`,
        'Publish the notice first',
      );
    }
    const items = await noticeSource('guarantee_fee').planItems(tx, fy.id);
    const totalFen = items.reduce((s, i) => s + i.amountFen, 0n);
    const planId = await recordFundingPlan(
      tx,
      { ...ctx, actor },
      {
        notices,
        campaignId: null,
        documentNumber: input.documentNumber,
        title: input.title ?? `${year}年度担保费补贴资金安排计划`,
        totalFen,
        itemCount: items.length,
      },
    );
    await tx
      .update(guaranteeFeeYears)
      .set({ status: 'plan_issued', updatedAt: ctx.now })
      .where(eq(guaranteeFeeYears.id, fy.id));
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_plan_issued',
      objectType: 'guarantee_fee_year',
      objectId: fy.id,
      after: { planId, documentNumber: input.documentNumber, total: fenToYuan(totalFen), items: items.length },
    });
    return planId;
  });
  return getFundingPlan(ctx, id);
}

/** The year's plan: a published document, read by everyone in the scheme. */
export async function getFeePlan(ctx: Ctx, year: number): Promise<TFundingPlan> {
  actorFor(ctx, 'guarantee.fee.read');
  const [row] = await ctx.deps.db
    .select({ id: subsidyFundingPlans.id })
    .from(subsidyFundingPlans)
    .innerJoin(subsidyNotices, eq(subsidyNotices.id, subsidyFundingPlans.noticeId))
    .innerJoin(guaranteeFeeYears, eq(guaranteeFeeYears.id, subsidyNotices.feeYearId))
    .where(eq(guaranteeFeeYears.year, year))
    .limit(1);
  if (!row) throw Errors.notFound(PLAN);
  return getFundingPlan(ctx, row.id);
}
