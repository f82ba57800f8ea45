/**
 * Progress reports on numbered projects (第七条（七）"指导申报主体定期报送数字化转型项目建设进展情况"). The enterprise
 * drafts a report for a quarter, attaches its vouchers (owner project_progress_report, kind voucher), and submits
 * it. Investment to date never goes down, and any increase must carry at least one voucher. A report saying the
 * project is completed or terminated ends its tracking.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { TProgressReport, TReportInput } from '../../contracts/projects';
import type { Tx } from '../../db/client';
import { attachments, projectProgressReports, projects } from '../../db/schema';
import { fenToYuan, formatYuanDisplay, maxFen, yuanToFen } from '../../domain/money/money';
import { shanghaiDate } from '../../domain/projects/time';
import {
  reportablePeriods,
  TRACKED_STATUS_NAMES,
  type TrackedStatus,
  trackingStateAfter,
} from '../../domain/projects/tracking';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { districtReviewers, notifyUsers } from '../notifications';
import { requireEnterpriseActor } from './create-declaration';
import { projectErrors } from './errors';
import { findProject, toReport } from './project-view';
import { REPORT_OWNER } from './repository';

function checkPeriod(approvedOn: string, today: string, period: string): void {
  if (!reportablePeriods(approvedOn, today).includes(period))
    throw fieldError(
      'period',
      '报告期',
      `只能报送入库所在季度至本季度（${reportablePeriods(approvedOn, today).join('、')}）`,
      'must be a quarter from the numbering quarter to the current one',
    );
}

async function previousInvestment(tx: Tx, projectId: string, floor: bigint, exceptId?: string): Promise<bigint> {
  const [last] = await tx
    .select({ v: projectProgressReports.investmentToDateFen })
    .from(projectProgressReports)
    .where(
      and(
        eq(projectProgressReports.projectId, projectId),
        eq(projectProgressReports.state, 'submitted'),
        exceptId ? sql`${projectProgressReports.id} <> ${exceptId}` : undefined,
      ),
    )
    .orderBy(desc(projectProgressReports.investmentToDateFen))
    .limit(1);
  return last && last.v > floor ? last.v : floor;
}

async function loadReport(tx: Tx, projectId: string, reportId: string) {
  const [r] = await tx
    .select()
    .from(projectProgressReports)
    .where(and(eq(projectProgressReports.id, reportId), eq(projectProgressReports.projectId, projectId)))
    .for('update');
  return r ?? null;
}

async function vouchersOf(tx: Tx, reportId: string) {
  return tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, REPORT_OWNER), eq(attachments.ownerId, reportId)));
}

/** Creates the quarter's draft report, or updates the existing draft (one report per quarter). */
export async function saveProgressReport(
  ctx: Ctx,
  projectId: string,
  input: TReportInput,
  reportId?: string,
): Promise<TProgressReport> {
  const actor = requireEnterpriseActor(ctx);
  const today = shanghaiDate(ctx.now);
  return inTx(ctx, async (tx) => {
    const p = await findProject(tx, ctx, projectId, { forUpdate: true });
    if (!p) throw projectErrors.projectNotFound();
    if (p.trackingState !== 'active')
      throw Errors.conflict('TRACKING_ENDED', '项目已结束跟踪，不再报送进展', 'The project is no longer tracked');
    checkPeriod(p.approvedOn, today, input.period);
    const values = {
      period: input.period,
      investmentToDateFen: yuanToFen(input.investmentToDate),
      status: input.status,
      milestones: input.milestones.map((m) => ({
        name: m.name,
        plannedOn: m.plannedOn ?? null,
        achievedOn: m.achievedOn ?? null,
        note: m.note ?? null,
      })),
      narrative: input.narrative ?? null,
      updatedAt: ctx.now,
    };
    let row: typeof projectProgressReports.$inferSelect;
    if (reportId) {
      const r = await loadReport(tx, projectId, reportId);
      if (!r) throw projectErrors.reportNotFound();
      if (r.state !== 'draft')
        throw Errors.conflict('REPORT_SUBMITTED', '进展报告已报送，不能修改', 'The report was already submitted');
      [row] = (await tx
        .update(projectProgressReports)
        .set(values)
        .where(eq(projectProgressReports.id, reportId))
        .returning()) as [typeof row];
    } else {
      const [dup] = await tx
        .select({ n: count() })
        .from(projectProgressReports)
        .where(and(eq(projectProgressReports.projectId, projectId), eq(projectProgressReports.period, input.period)));
      if ((dup?.n ?? 0) > 0)
        throw Errors.conflict(
          'REPORT_EXISTS',
          `报告期 ${input.period} 的进展报告已存在`,
          `A report for ${input.period} already exists`,
        );
      [row] = (await tx
        .insert(projectProgressReports)
        .values({
          ...values,
          projectId,
          enterpriseId: p.enterpriseId,
          districtCode: p.districtCode,
          state: 'draft',
          createdBy: actor.id,
          createdByName: actor.name,
          createdAt: ctx.now,
        })
        .returning()) as [typeof row];
    }
    await recordAudit(tx, ctx, {
      action: reportId ? 'project_report.updated' : 'project_report.created',
      objectType: 'project_progress_report',
      objectId: row.id,
      after: {
        projectId,
        period: row.period,
        investmentToDate: fenToYuan(row.investmentToDateFen),
        status: row.status,
      },
    });
    return toReport(row, await vouchersOf(tx, row.id));
  });
}

export async function submitProgressReport(ctx: Ctx, projectId: string, reportId: string): Promise<TProgressReport> {
  requireEnterpriseActor(ctx);
  const today = shanghaiDate(ctx.now);
  return inTx(ctx, async (tx) => {
    const p = await findProject(tx, ctx, projectId, { forUpdate: true });
    if (!p) throw projectErrors.projectNotFound();
    const r = await loadReport(tx, projectId, reportId);
    if (!r) throw projectErrors.reportNotFound();
    if (r.state !== 'draft')
      throw Errors.conflict('REPORT_SUBMITTED', '进展报告已报送', 'The report was already submitted');
    if (p.trackingState !== 'active')
      throw Errors.conflict('TRACKING_ENDED', '项目已结束跟踪，不再报送进展', 'The project is no longer tracked');
    checkPeriod(p.approvedOn, today, r.period);
    const previous = await previousInvestment(tx, projectId, p.investmentAtDeclarationFen, r.id);
    if (r.investmentToDateFen < previous)
      throw fieldError(
        'investmentToDate',
        '累计完成投资',
        `不能少于此前已报的累计投资 ${fenToYuan(previous)} 元`,
        `must not be below the ${fenToYuan(previous)} yuan reported before`,
      );
    const vouchers = await vouchersOf(tx, r.id);
    if (r.investmentToDateFen > previous && !vouchers.some((v) => v.kind === 'voucher'))
      throw Errors.unprocessable(
        'VOUCHERS_MISSING',
        `累计完成投资较此前增加 ${fenToYuan(r.investmentToDateFen - previous)} 元，须上传投资凭证`,
        'An increase in investment needs at least one voucher',
      );
    const [row] = await tx
      .update(projectProgressReports)
      .set({ state: 'submitted', reportedOn: today, submittedAt: ctx.now, updatedAt: ctx.now })
      .where(eq(projectProgressReports.id, r.id))
      .returning();
    const isLatest = !p.lastReportPeriod || r.period >= p.lastReportPeriod;
    await tx
      .update(projects)
      .set({
        investmentToDateFen: maxFen(r.investmentToDateFen, p.investmentToDateFen),
        ...(isLatest
          ? {
              currentStatus: r.status,
              lastReportPeriod: r.period,
              trackingState: trackingStateAfter(r.status as TrackedStatus),
            }
          : {}),
        lastReportedOn: today,
        version: sql`${projects.version} + 1`,
        updatedAt: ctx.now,
      })
      .where(eq(projects.id, projectId));
    await notifyUsers(tx, ctx.deps, ctx.now, await districtReviewers(tx, p.districtCode), {
      kind: 'report_submitted',
      title: `项目进展已报送：${p.libraryNumber} ${p.name}`,
      body: `${p.libraryNumber}“${p.name}”报送了 ${r.period} 进展：累计完成投资 ${formatYuanDisplay(r.investmentToDateFen)}，状态：${TRACKED_STATUS_NAMES[r.status as TrackedStatus]?.zh ?? r.status}。`,
      link: `/district/projects/${projectId}`,
      objectType: 'project',
      objectId: projectId,
    });
    await recordAudit(tx, ctx, {
      action: 'project_report.submitted',
      objectType: 'project_progress_report',
      objectId: r.id,
      before: { state: 'draft', projectInvestmentToDate: fenToYuan(p.investmentToDateFen) },
      after: {
        state: 'submitted',
        projectId,
        period: r.period,
        investmentToDate: fenToYuan(r.investmentToDateFen),
        status: r.status,
        vouchers: vouchers.length,
      },
    });
    return toReport(row!, vouchers);
  });
}
