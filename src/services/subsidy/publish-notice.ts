/**
 * Publishes the committed allocation as a public notice (公示) for the campaign's notice period (7 days by
 * default), and each 递补 round's new awards as a 递补公示 with its own period of the same length.
 * 第七条（六）: the funding plan follows only "在完成公示后" — for 递补 awards too.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { subsidyAwards, subsidyCampaigns, subsidyNotices } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan } from '../../domain/money';
import { chinaDateOf, noticeEndsOn } from '../../domain/subsidy/notice';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { lockCampaign } from './campaigns';
import { unpublishedSupplementRuns } from './supplementary-allocation';

type CampaignRow = Awaited<ReturnType<typeof lockCampaign>>;

/** A notice (公示 or 递补公示) published: its id and its period. */
type Publication = (
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  input: NoticeInput,
) => Promise<{ id: string; startsOn: string; endsOn: string }>;

/** Who may publish a notice, and the transaction it is published in with the campaign row locked. */
async function publishing<T>(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  publish: (tx: Tx, campaign: CampaignRow) => Promise<T>,
): Promise<T> {
  if (!mayDo(ctx.actor, 'subsidy.notice.publish'))
    throw Errors.forbidden('只有市级业务管理员可以发布公示', 'Only the city administrator publishes notices');
  return inTx(ctx, async (tx) => publish(tx, await lockCampaign(tx, campaignId)));
}

export const publishNotice: Publication = (ctx, campaignId, input) =>
  publishing(ctx, campaignId, async (tx, campaign) => {
    if (campaign.status === 'open' || !campaign.committedRunId) {
      throw Errors.unprocessable(
        'NOT_ALLOCATED',
        '本批次尚未正式分配，请先执行并提交分配后再发布公示',
        'Commit the allocation before publishing the notice',
      );
    }
    if (campaign.status !== 'allocated') {
      throw Errors.conflict('NOTICE_EXISTS', '本批次的公示已经发布', 'The notice is already published');
    }
    const notice = await insertNotice(tx, ctx, campaign, input, {
      runId: campaign.committedRunId,
      kind: 'original',
      title: `${campaign.year}年度江门市“政银保”融资项目促进制造业数字化转型补贴拟安排名单公示`,
      body: (startsOn, endsOn) =>
        `根据《江门市“政银保”融资项目促进制造业数字化转型实施细则》（江工信工业互联网〔2023〕33号）第七条，现将${campaign.year}年度拟安排补贴的企业名单及金额予以公示，公示期为${startsOn}至${endsOn}（共${campaign.noticeDays}天）。公示期间，任何单位或个人如有异议，可通过本页面实名提出，并提供联系方式和事实依据。`,
    });
    await tx
      .update(subsidyCampaigns)
      .set({ status: 'notice', updatedAt: ctx.now })
      .where(and(eq(subsidyCampaigns.id, campaignId), eq(subsidyCampaigns.status, 'allocated')));
    await recordAudit(tx, ctx, {
      action: 'subsidy.notice_published',
      objectType: 'subsidy_notice',
      objectId: notice.id,
      after: { campaignId, ...notice.summary },
    });
    return { id: notice.id, startsOn: notice.startsOn, endsOn: notice.endsOn };
  });

/** Publishes the 递补公示 of the committed 递补 round that has none: only that round's new awards, its own period. */
export const publishSupplementaryNotice: Publication = (ctx, campaignId, input) =>
  publishing(ctx, campaignId, async (tx, campaign) => {
    if (campaign.status === 'plan_issued') {
      throw Errors.conflict('PLAN_ISSUED', '本批次的补贴资金安排计划已下达', 'The plan is already issued');
    }
    const [runId] = await unpublishedSupplementRuns(tx, campaignId);
    if (campaign.status !== 'notice' || !runId) {
      throw Errors.unprocessable(
        'NO_SUPPLEMENT',
        '没有待公示的递补分配，请先执行并提交递补分配',
        'Commit a supplementary allocation before publishing its notice',
      );
    }
    const notice = await insertNotice(tx, ctx, campaign, input, {
      runId,
      kind: 'supplementary',
      title: `${campaign.year}年度江门市“政银保”融资项目促进制造业数字化转型补贴递补安排名单公示`,
      body: (startsOn, endsOn) =>
        `${campaign.year}年度补贴拟安排名单公示期间，部分补贴经异议核实后撤销或核减，释放的预算按申报指南 六（四）“先到先得、用完即止”的顺序（先比较入库申报月份，再比较贷款放款时间）递补安排。根据《江门市“政银保”融资项目促进制造业数字化转型实施细则》（江工信工业互联网〔2023〕33号）第七条，现将递补安排的企业名单及金额予以公示，公示期为${startsOn}至${endsOn}（共${campaign.noticeDays}天）。公示期间，任何单位或个人如有异议，可通过本页面实名提出，并提供联系方式和事实依据。`,
    });
    await recordAudit(tx, ctx, {
      action: 'subsidy.supplementary_notice_published',
      objectType: 'subsidy_notice',
      objectId: notice.id,
      after: { campaignId, runId, ...notice.summary },
    });
    return { id: notice.id, startsOn: notice.startsOn, endsOn: notice.endsOn };
  });

type NoticeInput = { title?: string | undefined; body?: string | undefined; startsOn?: string | undefined };

/**
 * Writes a notice of a run's awards above zero for the campaign's notice period, starting today unless told (not
 * earlier), with the default title and body unless given; the notice with its period and what the audit records.
 */
async function insertNotice(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  campaign: { id: string; noticeDays: number },
  input: NoticeInput,
  n: {
    runId: string;
    kind: 'original' | 'supplementary';
    title: string;
    body: (startsOn: string, endsOn: string) => string;
  },
) {
  const today = chinaDateOf(ctx.now);
  const startsOn = input.startsOn ?? today;
  if (startsOn < today) throw fieldError('startsOn', '公示开始日', '不能早于今天', 'cannot be in the past');
  const endsOn = noticeEndsOn(startsOn, campaign.noticeDays);
  const [totals] = await tx
    .select({
      count: sql<number>`count(*)::int`,
      total: sql<string>`coalesce(sum(${subsidyAwards.awardedFen}), 0)::text`,
    })
    .from(subsidyAwards)
    .where(and(eq(subsidyAwards.runId, n.runId), gt(subsidyAwards.awardedFen, 0n)));
  const [notice] = await tx
    .insert(subsidyNotices)
    .values({
      campaignId: campaign.id,
      runId: n.runId,
      kind: n.kind,
      title: input.title ?? n.title,
      body: input.body ?? n.body(startsOn, endsOn),
      startsOn,
      endsOn,
      publishedBy: ctx.actor.id,
      publishedAt: ctx.now,
    })
    .returning();
  const summary = { startsOn, endsOn, entries: totals?.count ?? 0, total: fenToYuan(BigInt(totals?.total ?? '0')) };
  return { id: notice!.id, startsOn, endsOn, summary };
}

/**
 * A guarantee-fee year's notice (方案 三（五）1.) on this machinery: the same period rule (starting today unless
 * told, never earlier, `noticeDays` calendar days) and the same row, naming the year instead of a campaign, so the
 * public page lists it and objections and the plan follow it. The caller locks its year and audits.
 */
export async function insertFeeYearNotice(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  n: {
    feeYearId: string;
    noticeDays: number;
    startsOn?: string | undefined;
    title: string;
    body: (startsOn: string, endsOn: string) => string;
  },
): Promise<{ id: string; startsOn: string; endsOn: string }> {
  const today = chinaDateOf(ctx.now);
  const startsOn = n.startsOn ?? today;
  if (startsOn < today) throw fieldError('startsOn', '公示开始日', '不能早于今天', 'cannot be in the past');
  const endsOn = noticeEndsOn(startsOn, n.noticeDays);
  const [notice] = await tx
    .insert(subsidyNotices)
    .values({
      feeYearId: n.feeYearId,
      kind: 'original',
      title: n.title,
      body: n.body(startsOn, endsOn),
      startsOn,
      endsOn,
      publishedBy: ctx.actor.id,
      publishedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: subsidyNotices.id });
  if (!notice) throw Errors.conflict('NOTICE_EXISTS', '该年度的公示已经发布', 'The notice is already published');
  return { id: notice.id, startsOn, endsOn };
}
