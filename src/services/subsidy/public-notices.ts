/**
 * The public side of a 公示: no sign-in, read from the read replica, and only what a notice shows — enterprise
 * name, project number and name, district, amount. Revoked entries drop out; reduced ones show the new amount.
 * A 递补公示 (kind `supplementary`) lists only its round's new awards.
 */
import { and, asc, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { TNotice, TNoticeDetail } from '../../contracts/subsidy';
import type { DbOrTx } from '../../db/client';
import {
  districts,
  enterprises,
  projects,
  subsidyApplications,
  subsidyAwards,
  subsidyCampaigns,
  subsidyNotices,
} from '../../db/schema';
import { fenToYuan } from '../../domain/money';
import { chinaDateOf, noticePhase } from '../../domain/subsidy/notice';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { noticeSource } from './notice-sources';
import { awardStands } from './records';

const NOTICE = { zh: '公示', en: 'Public notice' };

const visibleEntry = (runId: unknown) => and(eq(subsidyAwards.runId, runId as string), awardStands());

async function noticeViews(db: DbOrTx, today: string, where?: SQL): Promise<TNotice[]> {
  const rows = await db
    .select({
      n: subsidyNotices,
      year: subsidyCampaigns.year,
      noticeDays: subsidyCampaigns.noticeDays,
      total: sql<string>`(select coalesce(sum(aw.awarded_fen), 0)::text from subsidy_awards aw where aw.run_id = ${subsidyNotices.runId} and aw.awarded_fen > 0 and aw.status <> 'revoked')`,
      entries: sql<number>`(select count(*)::int from subsidy_awards aw where aw.run_id = ${subsidyNotices.runId} and aw.awarded_fen > 0 and aw.status <> 'revoked')`,
    })
    .from(subsidyNotices)
    .leftJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyNotices.campaignId))
    .where(where)
    .orderBy(desc(subsidyNotices.publishedAt));
  const out: TNotice[] = [];
  for (const r of rows) {
    // A guarantee-fee notice's year, period and entries come from its scheme.
    const fee = r.n.feeYearId ? await noticeSource('guarantee_fee').summary(db, r.n.feeYearId) : null;
    out.push({
      id: r.n.id,
      scheme: fee ? 'guarantee_fee' : 'interest',
      campaignId: r.n.campaignId,
      kind: r.n.kind === 'supplementary' ? 'supplementary' : 'original',
      runId: r.n.runId,
      campaignYear: fee?.year ?? r.year ?? 0,
      title: r.n.title,
      body: r.n.body,
      startsOn: r.n.startsOn,
      endsOn: r.n.endsOn,
      noticeDays: fee?.noticeDays ?? r.noticeDays ?? 0,
      phase: noticePhase(today, r.n.startsOn, r.n.endsOn),
      publishedAt: r.n.publishedAt.toISOString(),
      totalAmount: fenToYuan(fee ? fee.totalFen : BigInt(r.total)),
      entryCount: fee ? fee.count : Number(r.entries),
    });
  }
  return out;
}

export async function listPublicNotices(ctx: Ctx): Promise<TNotice[]> {
  return noticeViews(ctx.deps.readDb, chinaDateOf(ctx.now));
}

export async function getPublicNotice(ctx: Ctx, id: string, page: number, pageSize: number): Promise<TNoticeDetail> {
  const db = ctx.deps.readDb;
  const [notice] = await noticeViews(db, chinaDateOf(ctx.now), eq(subsidyNotices.id, id));
  if (!notice) throw Errors.notFound(NOTICE);
  const [n] = await db
    .select({ runId: subsidyNotices.runId, feeYearId: subsidyNotices.feeYearId })
    .from(subsidyNotices)
    .where(eq(subsidyNotices.id, id));
  if (n?.feeYearId) {
    const fee = await noticeSource('guarantee_fee').entries(db, n.feeYearId, page, pageSize);
    return {
      ...notice,
      entries: fee.items.map((e, i) => ({
        awardId: e.entryId,
        seq: (page - 1) * pageSize + i + 1,
        enterpriseName: e.enterpriseName,
        projectNo: e.projectNo,
        projectName: e.projectName,
        districtName: e.districtName,
        amount: fenToYuan(e.amountFen),
      })),
      total: fee.total,
      page,
      pageSize,
    };
  }
  const where = visibleEntry(n!.runId);
  const rows = await db
    .select({
      awardId: subsidyAwards.id,
      rank: subsidyAwards.rank,
      enterpriseName: enterprises.name,
      projectNo: projects.libraryNumber,
      projectName: projects.name,
      districtName: districts.name,
      amount: subsidyAwards.awardedFen,
    })
    .from(subsidyAwards)
    .innerJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyAwards.applicationId))
    .innerJoin(projects, eq(projects.id, subsidyApplications.projectId))
    .innerJoin(districts, eq(districts.code, subsidyAwards.districtCode))
    .where(where)
    .orderBy(asc(subsidyAwards.rank))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await db.select({ n: count() }).from(subsidyAwards).where(where);
  return {
    ...notice,
    entries: rows.map((r, i) => ({
      awardId: r.awardId,
      seq: (page - 1) * pageSize + i + 1,
      enterpriseName: r.enterpriseName,
      projectNo: r.projectNo,
      projectName: r.projectName,
      districtName: r.districtName,
      amount: fenToYuan(r.amount),
    })),
    total: total?.n ?? 0,
    page,
    pageSize,
  };
}

/** The notice of a guarantee-fee year (方案 三（五）1.), or null before it is published. */
export async function noticeOfFeeYear(db: DbOrTx, today: string, feeYearId: string): Promise<TNotice | null> {
  const [n] = await noticeViews(db, today, eq(subsidyNotices.feeYearId, feeYearId));
  return n ?? null;
}

/** The (original) notice of a campaign (for the city's pages). */
export async function noticeOfCampaign(ctx: Ctx, campaignId: string): Promise<TNotice | null> {
  const [n] = await noticeViews(
    ctx.deps.db,
    chinaDateOf(ctx.now),
    and(eq(subsidyNotices.campaignId, campaignId), eq(subsidyNotices.kind, 'original')),
  );
  return n ?? null;
}

/** Every notice of a campaign, the original and each 递补公示, newest first. */
export async function noticesOfCampaign(ctx: Ctx, campaignId: string): Promise<TNotice[]> {
  return noticeViews(ctx.deps.db, chinaDateOf(ctx.now), eq(subsidyNotices.campaignId, campaignId));
}
