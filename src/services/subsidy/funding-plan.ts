/**
 * 补贴资金安排计划 (第七条（六）): issued by the city with a document number once every public notice — the original
 * and each 递补公示 — has ended and every objection is closed; it lists the original awards still standing and the
 * 递补 awards (marked); downloadable as Excel and printable with amounts in figures and in capitals.
 */

import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { TFundingPlan } from '../../contracts/subsidy';
import type { DbOrTx, Tx } from '../../db/client';
import {
  districts,
  enterprises,
  subsidyAwards,
  subsidyCampaigns,
  subsidyFundingPlans,
  subsidyNotices,
  subsidyObjections,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan, toChineseCapitals } from '../../domain/money';
import { checkPlanIssuable, chinaDateOf } from '../../domain/subsidy/notice';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { bureauSheet } from '../spreadsheet';
import { lockCampaign } from './campaigns';
import { noticeSource } from './notice-sources';
import { projectLabels } from './project-lookup';
import { awardStands } from './records';
import { unpublishedSupplementRuns } from './supplementary-allocation';

const PLAN = { zh: '补贴资金安排计划', en: 'Funding plan' };

interface PlanItemRow {
  awardId: string;
  enterpriseName: string;
  uscc: string;
  districtName: string;
  applicationId: string;
  amountFen: bigint;
  supplementary: boolean;
}

/**
 * The plan's lines: every award of the campaign still standing — the committed run's and each 递补 round's
 * (marked) — in the first-come-first-served order, a 递补 top-up right after the same application's original line.
 */
async function planItems(db: DbOrTx, campaignId: string): Promise<PlanItemRow[]> {
  const rows = await db
    .select({
      awardId: subsidyAwards.id,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      districtName: districts.name,
      applicationId: subsidyAwards.applicationId,
      amountFen: subsidyAwards.awardedFen,
      supplementary: subsidyAwards.supplementary,
    })
    .from(subsidyAwards)
    .innerJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .innerJoin(districts, eq(districts.code, subsidyAwards.districtCode))
    .where(and(eq(subsidyAwards.campaignId, campaignId), awardStands()))
    .orderBy(asc(subsidyAwards.rank), asc(subsidyAwards.supplementary), asc(subsidyAwards.createdAt));
  return rows;
}

export async function issueFundingPlan(
  ctx: Ctx & { actor: Actor },
  campaignId: string,
  input: { documentNumber: string; title?: string | undefined },
): Promise<TFundingPlan> {
  if (!mayDo(ctx.actor, 'subsidy.funding_plan.issue')) {
    throw Errors.forbidden('只有市级业务管理员可以下达补贴资金安排计划', 'Only the city administrator issues the plan');
  }
  const id = await inTx(ctx, async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    if (campaign.status === 'plan_issued') {
      throw Errors.conflict('PLAN_EXISTS', '本批次的补贴资金安排计划已经下达', 'The plan is already issued');
    }
    const notices = await tx
      .select()
      .from(subsidyNotices)
      .where(eq(subsidyNotices.campaignId, campaignId))
      .orderBy(asc(subsidyNotices.endsOn));
    const notice = notices.find((n) => n.kind === 'original');
    if (!notice || campaign.status !== 'notice') {
      throw Errors.unprocessable(
        'NOTICE_REQUIRED',
        '本批次尚未发布公示；须完成公示后方可下达补贴资金安排计划（依据江工信工业互联网〔2023〕33号 第七条（六））',
        'Publish the public notice first',
      );
    }
    // 递补 awards need their own 递补公示 before the plan (第七条（六）).
    const pending = await unpublishedSupplementRuns(tx, campaignId);
    if (pending.length > 0) {
      throw Errors.unprocessable(
        'SUPPLEMENT_NOTICE_REQUIRED',
        '递补分配的结果尚未公示；须发布递补公示并期满后方可下达补贴资金安排计划（依据江工信工业互联网〔2023〕33号 第七条（六））',
        'Publish the notice of the supplementary allocation first',
        { runId: pending[0] },
      );
    }
    const items = await planItems(tx, campaignId);
    const planId = await recordFundingPlan(tx, ctx, {
      notices,
      campaignId,
      documentNumber: input.documentNumber,
      title: input.title ?? `${campaign.year}年度江门市“政银保”融资项目促进制造业数字化转型补贴资金安排计划`,
      totalFen: items.reduce((s, i) => s + i.amountFen, 0n),
      itemCount: items.length,
    });
    await tx
      .update(subsidyCampaigns)
      .set({ status: 'plan_issued', updatedAt: ctx.now })
      .where(and(eq(subsidyCampaigns.id, campaignId), eq(subsidyCampaigns.status, 'notice')));
    await recordAudit(tx, ctx, {
      action: 'subsidy.plan_issued',
      objectType: 'subsidy_funding_plan',
      objectId: planId,
      after: {
        campaignId,
        documentNumber: input.documentNumber,
        total: fenToYuan(items.reduce((s, i) => s + i.amountFen, 0n)),
        items: items.length,
        supplementary: items.filter((i) => i.supplementary).length,
        notices: notices.length,
      },
    });
    return planId;
  });
  return getFundingPlan(ctx, id);
}

type NoticeRow = typeof subsidyNotices.$inferSelect;

/**
 * What every scheme's plan shares (第七条（六）): refused until the day after the notice that ends last and while any
 * objection to any of `notices` is open, or when the document number is taken; then the plan's row. The caller
 * holds the lock on its campaign or year and writes its own audit event.
 */
export async function recordFundingPlan(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  a: {
    notices: NoticeRow[];
    campaignId: string | null;
    documentNumber: string;
    title: string;
    totalFen: bigint;
    itemCount: number;
  },
): Promise<string> {
  const sorted = [...a.notices].sort((x, y) => x.endsOn.localeCompare(y.endsOn));
  const last = sorted[sorted.length - 1]!;
  const [{ open }] = (await tx
    .select({ open: sql<number>`count(*)::int` })
    .from(subsidyObjections)
    .where(
      and(
        inArray(
          subsidyObjections.noticeId,
          sorted.map((n) => n.id),
        ),
        ne(subsidyObjections.status, 'closed'),
      ),
    )) as [{ open: number }];
  const check = checkPlanIssuable({
    today: chinaDateOf(ctx.now),
    endsOn: last.endsOn,
    openObjections: open,
    noticeLabel: last.kind === 'supplementary' ? '递补公示' : '公示',
  });
  if (!check.ok)
    throw Errors.unprocessable(check.code, check.zh, check.en, {
      endsOn: last.endsOn,
      notice: last.kind,
      openObjections: open,
    });
  const [dup] = await tx
    .select({ id: subsidyFundingPlans.id })
    .from(subsidyFundingPlans)
    .where(eq(subsidyFundingPlans.documentNumber, a.documentNumber))
    .limit(1);
  if (dup)
    throw Errors.conflict('DOCUMENT_NUMBER_TAKEN', `文号“${a.documentNumber}”已被使用`, 'Document number in use');
  const original = sorted.find((n) => n.kind === 'original') ?? last;
  const [plan] = await tx
    .insert(subsidyFundingPlans)
    .values({
      campaignId: a.campaignId,
      noticeId: original.id,
      documentNumber: a.documentNumber,
      title: a.title,
      totalFen: a.totalFen,
      itemCount: a.itemCount,
      issuedBy: ctx.actor.id,
      issuedByName: ctx.actor.name,
      issuedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: subsidyFundingPlans.id });
  if (!plan) throw Errors.conflict('PLAN_EXISTS', '该公示的资金安排计划已经下达', 'The plan is already issued');
  return plan.id;
}

/** The plan is a published government document: every signed-in business role may read it. */
export async function getFundingPlan(ctx: Ctx, planId: string): Promise<TFundingPlan> {
  const db = ctx.deps.readDb;
  const [row] = await db
    .select({ plan: subsidyFundingPlans, year: subsidyCampaigns.year, feeYearId: subsidyNotices.feeYearId })
    .from(subsidyFundingPlans)
    .innerJoin(subsidyNotices, eq(subsidyNotices.id, subsidyFundingPlans.noticeId))
    .leftJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyFundingPlans.campaignId))
    .where(eq(subsidyFundingPlans.id, planId))
    .limit(1);
  if (!row) throw Errors.notFound(PLAN);
  const head = {
    id: row.plan.id,
    campaignId: row.plan.campaignId,
    documentNumber: row.plan.documentNumber,
    title: row.plan.title,
    total: fenToYuan(row.plan.totalFen),
    totalCapitals: toChineseCapitals(row.plan.totalFen),
    itemCount: row.plan.itemCount,
    issuedByName: row.plan.issuedByName,
    issuedAt: row.plan.issuedAt.toISOString(),
  };
  if (row.feeYearId) {
    // A guarantee-fee year's plan: its lines come from its scheme (notice-sources.ts).
    const source = noticeSource('guarantee_fee');
    const [summary, items] = await Promise.all([
      source.summary(db, row.feeYearId),
      source.planItems(db, row.feeYearId),
    ]);
    return {
      ...head,
      scheme: 'guarantee_fee',
      campaignYear: summary.year,
      supplementaryCount: 0,
      supplementaryTotal: '0.00',
      basis: source.planBasis,
      items: items.map((i, idx) => ({
        seq: idx + 1,
        enterpriseName: i.enterpriseName,
        uscc: i.uscc,
        districtName: i.districtName,
        projectNo: i.projectNo,
        projectName: i.projectName,
        amount: fenToYuan(i.amountFen),
        amountCapitals: toChineseCapitals(i.amountFen),
        supplementary: false,
      })),
    };
  }
  const items = await planItems(db, row.plan.campaignId!);
  const supp = items.filter((i) => i.supplementary);
  const labels = await projectLabels(
    db,
    items.map((i) => i.applicationId),
  );
  return {
    ...head,
    scheme: 'interest',
    campaignYear: row.year ?? 0,
    supplementaryCount: supp.length,
    supplementaryTotal: fenToYuan(supp.reduce((s, i) => s + i.amountFen, 0n)),
    basis: '江工信工业互联网〔2023〕33号 第七条（六）',
    items: items.map((i, idx) => ({
      seq: idx + 1,
      enterpriseName: i.enterpriseName,
      uscc: i.uscc,
      districtName: i.districtName,
      projectNo: labels.get(i.applicationId)?.projectNo ?? null,
      projectName: labels.get(i.applicationId)?.projectName ?? null,
      amount: fenToYuan(i.amountFen),
      amountCapitals: toChineseCapitals(i.amountFen),
      supplementary: i.supplementary,
    })),
  };
}

export async function getPlanByCampaign(ctx: Ctx, campaignId: string): Promise<TFundingPlan> {
  const [row] = await ctx.deps.readDb
    .select({ id: subsidyFundingPlans.id })
    .from(subsidyFundingPlans)
    .where(eq(subsidyFundingPlans.campaignId, campaignId))
    .limit(1);
  if (!row) throw Errors.notFound(PLAN);
  return getFundingPlan(ctx, row.id);
}

/** The plan as a real .xlsx workbook (exceljs): title, document number, one row per enterprise, total. */
export async function fundingPlanXlsx(plan: TFundingPlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  wb.created = new Date(plan.issuedAt);
  // rows 1–2 are the title and the document line; row 3 is the table's header, repeated on every printed page
  const ws = wb.addWorksheet('补贴资金安排计划', bureauSheet(3));
  ws.columns = [
    { key: 'seq', width: 6 },
    { key: 'enterpriseName', width: 36 },
    { key: 'uscc', width: 22 },
    { key: 'districtName', width: 10 },
    { key: 'projectNo', width: 18 },
    { key: 'projectName', width: 32 },
    { key: 'amount', width: 16 },
    { key: 'amountCapitals', width: 30 },
    { key: 'note', width: 10 },
  ];
  ws.mergeCells('A1:I1');
  ws.getCell('A1').value = plan.title;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.mergeCells('A2:I2');
  ws.getCell('A2').value =
    `文号：${plan.documentNumber}    下达日期：${chinaDateOf(new Date(plan.issuedAt))}    单位：元`;
  ws.getCell('A2').alignment = { horizontal: 'center' };
  const header = ws.addRow([
    '序号',
    '企业名称',
    '统一社会信用代码',
    '县（市、区）',
    '项目编号',
    '项目名称',
    '补贴金额（元）',
    '大写金额',
    '备注',
  ]);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const i of plan.items) {
    const r = ws.addRow([
      i.seq,
      i.enterpriseName,
      i.uscc,
      i.districtName,
      i.projectNo ?? '',
      i.projectName ?? '',
      Number(i.amount),
      i.amountCapitals,
      i.supplementary ? '递补' : '',
    ]);
    r.getCell(7).numFmt = '#,##0.00';
  }
  const total = ws.addRow(['', '合计', '', '', '', `${plan.itemCount}项`, Number(plan.total), plan.totalCapitals]);
  total.font = { bold: true };
  total.getCell(7).numFmt = '#,##0.00';
  ws.addRow([]);
  if (plan.supplementaryCount > 0) {
    ws.addRow([
      '',
      `其中递补安排${plan.supplementaryCount}项，合计${plan.supplementaryTotal}元（公示期间释放的预算按申报指南 六（四）顺序递补，已经递补公示）`,
    ]);
  }
  ws.addRow(['', `依据：${plan.basis}；下达人：${plan.issuedByName}`]);
  const buf = await wb.xlsx.writeBuffer();
  return Buffer.from(buf as ArrayBuffer);
}
