/** Read shapes of numbered projects, their progress reports and spot checks. */
import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { TProgressReport, TProjectDetail, TProjectSummary, TSpotCheck } from '../../contracts/projects';
import type { DbOrTx } from '../../db/client';
import { attachments, enterprises, projectProgressReports, projectSpotChecks, projects } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { districtName } from '../../domain/enterprise/districts';
import { fenToYuan } from '../../domain/money/money';
import type { DeclarationForm } from '../../domain/projects/forms';
import { shanghaiDate } from '../../domain/projects/time';
import {
  nextReportDue,
  pendingReport,
  reportablePeriods,
  SPOT_CHECK_OUTCOME_NAMES,
  type SpotCheckOutcome,
  TRACKED_STATUS_NAMES,
  type TrackedStatus,
  type TrackingState,
} from '../../domain/projects/tracking';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { projectScope } from './access';
import { projectErrors } from './errors';
import { toAttachmentRef } from './get-declaration';
import { escapeLike } from './list-declarations';
import { REPORT_OWNER } from './repository';

type ProjectRow = typeof projects.$inferSelect;
type ReportRow = typeof projectProgressReports.$inferSelect;
type CheckRow = typeof projectSpotChecks.$inferSelect;

async function reportedPeriods(db: DbOrTx, ids: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ projectId: projectProgressReports.projectId, period: projectProgressReports.period })
    .from(projectProgressReports)
    .where(and(inArray(projectProgressReports.projectId, ids), eq(projectProgressReports.state, 'submitted')));
  for (const r of rows) {
    if (!out.has(r.projectId)) out.set(r.projectId, new Set());
    out.get(r.projectId)!.add(r.period);
  }
  return out;
}

async function openChecks(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ projectId: projectSpotChecks.projectId, n: count() })
    .from(projectSpotChecks)
    .where(and(inArray(projectSpotChecks.projectId, ids), eq(projectSpotChecks.state, 'open')))
    .groupBy(projectSpotChecks.projectId);
  return new Map(rows.map((r) => [r.projectId, r.n]));
}

function summary(
  p: ProjectRow,
  enterpriseName: string,
  today: string,
  reported: Set<string>,
  open: number,
): TProjectSummary {
  const active = p.trackingState === 'active';
  const pending = active ? pendingReport(p.approvedOn, today, reported) : null;
  return {
    id: p.id,
    libraryNumber: p.libraryNumber,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName,
    districtCode: p.districtCode,
    districtName: districtName(p.districtCode),
    form: p.form as DeclarationForm,
    declarationId: p.declarationId,
    declarationMonth: p.declarationMonth,
    declaredOn: p.declaredOn,
    approvedOn: p.approvedOn,
    investmentAtDeclaration: fenToYuan(p.investmentAtDeclarationFen),
    plannedTotal: fenToYuan(p.plannedTotalFen),
    investmentToDate: fenToYuan(p.investmentToDateFen),
    resourcePoolLed: p.resourcePoolLed,
    trackingState: p.trackingState as TrackingState,
    currentStatus: p.currentStatus,
    currentStatusName: TRACKED_STATUS_NAMES[p.currentStatus as TrackedStatus]?.zh ?? p.currentStatus,
    lastReportPeriod: p.lastReportPeriod,
    nextReportDue: active ? nextReportDue(p.approvedOn, today, reported) : null,
    reportOverdue: pending?.overdue ?? false,
    openSpotChecks: open,
  };
}

export async function listProjects(
  ctx: Ctx,
  q: {
    q?: string | undefined;
    districtCode?: string | undefined;
    trackingState?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  if (!ctx.actor) throw Errors.unauthenticated();
  const db = ctx.deps.db;
  const conds: (SQL | undefined)[] = [projectScope(ctx.actor)];
  if (q.districtCode) conds.push(eq(projects.districtCode, q.districtCode));
  if (q.trackingState) conds.push(eq(projects.trackingState, q.trackingState));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(or(ilike(projects.name, like), ilike(enterprises.name, like), ilike(projects.libraryNumber, like)));
  }
  const where = and(...conds);
  const rows = await db
    .select({ p: projects, enterpriseName: enterprises.name })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(where)
    .orderBy(desc(projects.numberYear), desc(projects.numberSeq))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [t] = await db
    .select({ n: count() })
    .from(projects)
    .innerJoin(enterprises, eq(enterprises.id, projects.enterpriseId))
    .where(where);
  const ids = rows.map((r) => r.p.id);
  const reported = await reportedPeriods(db, ids);
  const open = await openChecks(db, ids);
  const today = shanghaiDate(ctx.now);
  return {
    items: rows.map((r) =>
      summary(r.p, r.enterpriseName, today, reported.get(r.p.id) ?? new Set(), open.get(r.p.id) ?? 0),
    ),
    total: t?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findProject(db: DbOrTx, ctx: Ctx, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = db
    .select()
    .from(projects)
    .where(and(eq(projects.id, id), projectScope(ctx.actor)));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export function toReport(r: ReportRow, vouchers: (typeof attachments.$inferSelect)[]): TProgressReport {
  const status = r.status as TrackedStatus;
  return {
    id: r.id,
    projectId: r.projectId,
    period: r.period,
    state: r.state as 'draft' | 'submitted',
    investmentToDate: fenToYuan(r.investmentToDateFen),
    status,
    statusName: TRACKED_STATUS_NAMES[status]?.zh ?? r.status,
    milestones: ((r.milestones as TProgressReport['milestones'] | null) ?? []).map((m) => ({
      name: m.name,
      plannedOn: m.plannedOn ?? null,
      achievedOn: m.achievedOn ?? null,
      note: m.note ?? null,
    })),
    narrative: r.narrative,
    reportedOn: r.reportedOn,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    createdByName: r.createdByName,
    vouchers: vouchers.map(toAttachmentRef),
  };
}

export function toSpotCheck(c: CheckRow): TSpotCheck {
  const outcome = c.outcome as SpotCheckOutcome | null;
  return {
    id: c.id,
    projectId: c.projectId,
    state: c.state as 'open' | 'closed',
    reason: c.reason,
    plannedOn: c.plannedOn,
    openedByName: c.openedByName,
    openedAt: c.openedAt.toISOString(),
    outcome,
    outcomeName: outcome ? SPOT_CHECK_OUTCOME_NAMES[outcome].zh : null,
    findings: c.findings,
    rectifyBy: c.rectifyBy,
    closedByName: c.closedByName,
    closedAt: c.closedAt?.toISOString() ?? null,
  };
}

export async function getProject(ctx: Ctx, id: string): Promise<TProjectDetail> {
  if (!ctx.actor) throw Errors.unauthenticated();
  const db = ctx.deps.db;
  const p = await findProject(db, ctx, id);
  if (!p) throw projectErrors.projectNotFound();
  const [e] = await db.select({ name: enterprises.name }).from(enterprises).where(eq(enterprises.id, p.enterpriseId));
  const reports = await db
    .select()
    .from(projectProgressReports)
    .where(eq(projectProgressReports.projectId, id))
    .orderBy(desc(projectProgressReports.period));
  // Drafts are the enterprise's own work in progress.
  const visibleReports = mayDo(ctx.actor, 'project.report.read_draft')
    ? reports
    : reports.filter((r) => r.state === 'submitted');
  const files = visibleReports.length
    ? await db
        .select()
        .from(attachments)
        .where(
          and(
            eq(attachments.ownerType, REPORT_OWNER),
            inArray(
              attachments.ownerId,
              visibleReports.map((r) => r.id),
            ),
          ),
        )
        .orderBy(asc(attachments.createdAt))
    : [];
  const checks = await db
    .select()
    .from(projectSpotChecks)
    .where(eq(projectSpotChecks.projectId, id))
    .orderBy(desc(projectSpotChecks.openedAt));
  const today = shanghaiDate(ctx.now);
  const reported = new Set(reports.filter((r) => r.state === 'submitted').map((r) => r.period));
  const open = checks.filter((c) => c.state === 'open').length;
  return {
    ...summary(p, e?.name ?? '', today, reported, open),
    startDate: p.startDate,
    endDate: p.endDate,
    loanBankId: p.loanBankId,
    loanId: p.loanId,
    reports: visibleReports.map((r) =>
      toReport(
        r,
        files.filter((f) => f.ownerId === r.id),
      ),
    ),
    spotChecks: checks.map(toSpotCheck),
    pendingReport: p.trackingState === 'active' ? pendingReport(p.approvedOn, today, reported) : null,
    reportablePeriods:
      p.trackingState === 'active' ? reportablePeriods(p.approvedOn, today).filter((x) => !reported.has(x)) : [],
  };
}
