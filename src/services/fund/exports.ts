/**
 * Workbooks: the project plan (项目计划, with 大写金额) and the auditor's export of a call's records (第十条（四）
 * 审计: applications, amounts, experts' scores, objections, spot checks and clawback cases).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  enterprises,
  fundApplications,
  fundAssignments,
  fundClawbacks,
  fundExperts,
  fundObjections,
} from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { DIRECTION_ZH, type Direction } from '../../domain/fund/standards';
import { APPLICATION_STATE_ZH, type ApplicationState } from '../../domain/fund/workflow';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { beijingDateCell, bureauSheet, DATE_TIME_FORMAT, MONEY_FORMAT } from '../spreadsheet';
import { readFundPlan } from './plan';
import { loadCall, requireActor } from './records';

async function bufferOf(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function fundPlanXlsx(ctx: Ctx, callId: string): Promise<{ name: string; body: Buffer }> {
  const plan = await readFundPlan(ctx, callId);
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  // rows 1–2: the title and the dates; row 3: the header, repeated on every printed page
  const ws = wb.addWorksheet('项目计划', bureauSheet(3));
  ws.addRow([`${plan.title} 项目计划`]).font = { bold: true, size: 14 };
  ws.addRow([`下达日期：${plan.issuedOn}    备案日期：${plan.filedOn ?? '未备案'}    单位：元`]);
  ws.addRow(['序号', '企业名称', '项目名称', '方向', '安排金额（元）', '大写金额']).font = { bold: true };
  plan.items.forEach((i, k) => {
    ws
      .addRow([k + 1, i.enterpriseName, i.projectName, DIRECTION_ZH[i.direction], Number(i.amount), i.amountInWords])
      .getCell(5).numFmt = '#,##0.00';
  });
  ws.addRow(['', '合计', `${plan.items.length}项`, '', Number(plan.total), plan.totalInWords]).font = { bold: true };
  ws.addRow(['', '依据：江工信工业互联网〔2021〕4号 第五条、第十一条']);
  return { name: `${plan.title}-项目计划.xlsx`, body: await bufferOf(wb) };
}

export async function exportFundRecords(ctx: Ctx, callId: string): Promise<{ name: string; body: Buffer }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.records.export')) throw Errors.forbidden('专项资金档案由审计机构或市级业务管理员导出');
  const call = await loadCall(ctx.deps.db, actor, callId);
  const db = ctx.deps.db;
  const apps = await db
    .select({ a: fundApplications, name: enterprises.name, uscc: enterprises.uscc })
    .from(fundApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundApplications.enterpriseId))
    .where(eq(fundApplications.callId, callId))
    .orderBy(asc(fundApplications.submittedAt));
  const ids = apps.map((r) => r.a.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const [reviews, objections, clawbacks] = await Promise.all([
    db
      .select({ r: fundAssignments, expert: fundExperts.name })
      .from(fundAssignments)
      .innerJoin(fundExperts, eq(fundExperts.id, fundAssignments.expertId))
      .where(inArray(fundAssignments.applicationId, ids.length ? ids : none)),
    db.select().from(fundObjections).where(eq(fundObjections.callId, callId)),
    db
      .select()
      .from(fundClawbacks)
      .where(inArray(fundClawbacks.applicationId, ids.length ? ids : none)),
  ]);
  const wb = new ExcelJS.Workbook();
  wb.creator = '惠企 Huiqi';
  const a = wb.addWorksheet('申报', bureauSheet(1));
  a.addRow([
    '申报编号',
    '企业',
    '统一社会信用代码',
    '方向',
    '项目',
    '提交时间（北京时间）',
    '状态',
    '发票合计',
    '得分',
    '名次',
    '拟安排',
    '审议确定',
    '调整理由',
    '下达',
    '验收核定',
  ]).font = { bold: true };
  const yuan = (fen: bigint | null) => (fen === null ? null : Number(fenToYuan(fen)));
  for (const { a: x, name, uscc } of apps) {
    const row = a.addRow([
      x.id,
      name,
      uscc,
      DIRECTION_ZH[x.direction as Direction],
      x.projectName,
      x.submittedAt ? beijingDateCell(x.submittedAt) : null,
      APPLICATION_STATE_ZH[x.state as ApplicationState],
      yuan(x.invoiceTotalFen),
      x.score ?? '',
      x.rank ?? '',
      yuan(x.proposedFen),
      yuan(x.decidedFen),
      x.changeReason ?? '',
      yuan(x.awardedFen),
      yuan(x.finalFen),
    ]);
    row.getCell(6).numFmt = DATE_TIME_FORMAT;
    for (const col of [8, 11, 12, 14, 15]) row.getCell(col).numFmt = MONEY_FORMAT;
  }
  const r = wb.addWorksheet('专家评分', bureauSheet(1));
  r.addRow(['申报编号', '专家', '席位', '抽取种子', '状态', '加权总分', '评审意见']).font = { bold: true };
  for (const { r: x, expert } of reviews)
    r.addRow([x.applicationId, expert, x.seat, x.seed, x.status, x.total ?? '', x.comment ?? '']);
  const o = wb.addWorksheet('公示异议', bureauSheet(1));
  o.addRow(['异议编号', '针对申报', '异议人', '内容', '状态', '处理意见']).font = { bold: true };
  for (const x of objections) o.addRow([x.id, x.applicationId ?? '', x.name, x.content, x.status, x.outcome ?? '']);
  const c = wb.addWorksheet('抽查与追缴', bureauSheet(1));
  c.addRow(['案件编号', '申报编号', '违规', '检查发现', '追缴金额', '已收回', '期限', '状态']).font = { bold: true };
  for (const x of clawbacks)
    c.addRow([
      x.id,
      x.applicationId,
      x.misuse ? '是' : '否',
      x.findings,
      fenToYuan(x.amountFen),
      fenToYuan(x.repaidFen),
      x.dueOn ?? '',
      x.status,
    ]);
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'fund.records_exported',
      objectType: 'fund_call',
      objectId: callId,
      after: { rows: apps.length },
    }),
  );
  return { name: `${call.title}-档案.xlsx`, body: await bufferOf(wb) };
}
