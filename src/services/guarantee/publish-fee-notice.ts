/**
 * The city administrator publishes the year's allocated fee subsidies for a 7-day notice (公示) on the interest
 * subsidy's machinery (services/subsidy insertFeeYearNotice): the same period rule, listed on the public notices
 * page, open to objections with case numbers and the public lookup, and followed by the funding plan.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { TFeeYear } from '../../contracts/guarantee';
import { enterprises, guaranteeFeeClaims, guaranteeFeeYears } from '../../db/schema';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { insertFeeYearNotice } from '../subsidy';
import { feeYearView, lockFeeYear } from './fee-years';
import { actorFor } from './shared';

/** The notice period, as the interest subsidy's default (江工信工业互联网〔2023〕33号 第七条（六）). */
export const FEE_NOTICE_DAYS = 7;

export async function publishFeeNotice(
  ctx: Ctx,
  year: number,
  input: { startsOn?: string | undefined },
): Promise<TFeeYear> {
  const actor = actorFor(ctx, 'guarantee.fee.year.manage');
  return inTx(ctx, async (tx) => {
    const fy = await lockFeeYear(tx, year);
    if (fy.status !== 'allocated') {
      throw Errors.conflict(
        'FEE_NOTICE_NOT_READY',
        fy.status === 'open' ? `${year}年度担保费补贴尚未分配，不能公示` : `${year}年度担保费补贴已公示`,
        'The year is not ready for a notice',
      );
    }
    const rows = await tx
      .select({ name: enterprises.name, awarded: guaranteeFeeClaims.awardedFen, rank: guaranteeFeeClaims.awardRank })
      .from(guaranteeFeeClaims)
      .innerJoin(enterprises, eq(enterprises.id, guaranteeFeeClaims.enterpriseId))
      .where(and(eq(guaranteeFeeClaims.year, year), gt(guaranteeFeeClaims.awardedFen, 0n)))
      .orderBy(asc(guaranteeFeeClaims.awardRank));
    const notice = await insertFeeYearNotice(
      tx,
      { ...ctx, actor },
      {
        feeYearId: fy.id,
        noticeDays: FEE_NOTICE_DAYS,
        startsOn: input.startsOn,
        title: `${year}年度担保费补贴安排结果公示`,
        body: (startsOn, endsOn) =>
          `根据珠海市中小企业数字化转型融资服务工作方案 三（五）1，现将${year}年度担保费补贴拟安排的企业名单及金额予以公示，公示期为${startsOn}至${endsOn}（共${FEE_NOTICE_DAYS}天），合计${fenToYuan(fy.allocatedFen)}元。公示期间，任何单位或个人如有异议，可通过本页面实名提出，并提供联系方式和事实依据。`,
      },
    );
    const [updated] = await tx
      .update(guaranteeFeeYears)
      .set({ status: 'published', updatedAt: ctx.now })
      .where(eq(guaranteeFeeYears.id, fy.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_notice_published',
      objectType: 'guarantee_fee_year',
      objectId: fy.id,
      after: { noticeId: notice.id, startsOn: notice.startsOn, endsOn: notice.endsOn, entries: rows.length },
    });
    return feeYearView(tx, ctx, updated!);
  });
}
