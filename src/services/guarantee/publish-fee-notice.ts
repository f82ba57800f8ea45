/**
 * The city administrator publishes the year's allocated fee subsidies for a 7-day notice (公示), as for the interest
 * subsidy (the notice period rule of domain/subsidy/notice.ts, reused): starting today unless told, never earlier;
 * the body lists every claim awarded above zero with its amount.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { TFeeYear } from '../../contracts/guarantee';
import { enterprises, guaranteeFeeClaims, guaranteeFeeYears } from '../../db/schema';
import { fenToYuan } from '../../domain/money/index';
import { chinaDateOf, noticeEndsOn } from '../../domain/subsidy/notice';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { feeYearView, lockFeeYear } from './fee-years';
import { actorFor } from './shared';

const NOTICE_DAYS = 7;

export async function publishFeeNotice(
  ctx: Ctx,
  year: number,
  input: { startsOn?: string | undefined },
): Promise<TFeeYear> {
  actorFor(ctx, 'guarantee.fee.year.manage');
  return inTx(ctx, async (tx) => {
    const fy = await lockFeeYear(tx, year);
    if (fy.status !== 'allocated') {
      throw Errors.conflict(
        'FEE_NOTICE_NOT_READY',
        fy.status === 'open' ? `${year}年度担保费补贴尚未分配，不能公示` : `${year}年度担保费补贴已公示`,
        'The year is not ready for a notice',
      );
    }
    const today = chinaDateOf(ctx.now);
    const startsOn = input.startsOn ?? today;
    if (startsOn < today) throw fieldError('startsOn', '公示开始日', '不能早于今天', 'cannot be in the past');
    const endsOn = noticeEndsOn(startsOn, NOTICE_DAYS);
    const rows = await tx
      .select({ name: enterprises.name, awarded: guaranteeFeeClaims.awardedFen, rank: guaranteeFeeClaims.awardRank })
      .from(guaranteeFeeClaims)
      .innerJoin(enterprises, eq(enterprises.id, guaranteeFeeClaims.enterpriseId))
      .where(and(eq(guaranteeFeeClaims.year, year), gt(guaranteeFeeClaims.awardedFen, 0n)))
      .orderBy(asc(guaranteeFeeClaims.awardRank));
    const title = `${year}年度担保费补贴安排结果公示`;
    const body = [
      `根据珠海市中小企业数字化转型融资服务工作方案 三（五）1，现将${year}年度担保费补贴安排结果予以公示，公示期${startsOn}至${endsOn}（${NOTICE_DAYS}天）。`,
      ...rows.map((r, i) => `${i + 1}. ${r.name}：${fenToYuan(r.awarded ?? 0n)}元`),
      `合计${fenToYuan(fy.allocatedFen)}元。公示期内如有异议，请向市工业和信息化局反映。`,
    ].join('\n');
    const [updated] = await tx
      .update(guaranteeFeeYears)
      .set({
        status: 'published',
        noticeTitle: title,
        noticeBody: body,
        noticeStartsOn: startsOn,
        noticeEndsOn: endsOn,
        updatedAt: ctx.now,
      })
      .where(eq(guaranteeFeeYears.id, fy.id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_notice_published',
      objectType: 'guarantee_fee_year',
      objectId: fy.id,
      after: { startsOn, endsOn, entries: rows.length },
    });
    return feeYearView(updated!);
  });
}
