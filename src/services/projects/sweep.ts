/**
 * The project library's periodic duties, safe to run on several instances at once and more than once a day:
 * - a returned declaration past its correction deadline lapses (row locks skip rows another sweep holds);
 * - when a filing window opens, every enterprise user is told (once per window);
 * - district reviewers are told of verifications due today and of overdue ones (once per reviewer and day);
 * - enterprises are reminded of a progress report due within 7 days, and told when it is overdue (once each).
 */
import { and, eq, inArray, lt, lte } from 'drizzle-orm';
import { projectDeclarations, projectProgressReports, projects } from '../../db/schema';
import { addDays, formatDateZh, formatMonthZh } from '../../domain/calendar/dates';
import { shanghaiDate } from '../../domain/projects/time';
import { pendingReport, REPORT_REMINDER_DAYS } from '../../domain/projects/tracking';
import { openWindowOn } from '../../domain/projects/windows';
import { transition } from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import { loadCalendar, policyWindowOf } from '../calendar';
import { type Ctx, type Deps, inTx, systemCtx } from '../context';
import {
  allEnterpriseUsers,
  districtReviewers,
  enterpriseUsers,
  enterpriseUsersOf,
  notifyUsers,
} from '../notifications';
import { appendTimeline } from './timeline';

export interface SweepResult {
  lapsed: number;
  windowNotices: number;
  reviewNotices: number;
  reportNotices: number;
}

export async function sweepProjectLibrary(deps: Deps, now: Date = deps.clock()): Promise<SweepResult> {
  const ctx: Ctx = { ...systemCtx(deps, 'system'), now };
  const today = shanghaiDate(now);
  const result: SweepResult = { lapsed: 0, windowNotices: 0, reviewNotices: 0, reportNotices: 0 };

  // 1. Lapse returned declarations past their deadline.
  const due = await deps.db
    .select({ id: projectDeclarations.id })
    .from(projectDeclarations)
    .where(and(eq(projectDeclarations.state, 'returned'), lt(projectDeclarations.returnDeadline, today)));
  for (const { id } of due) {
    const lapsed = await inTx(ctx, async (tx) => {
      const [row] = await tx
        .select()
        .from(projectDeclarations)
        .where(eq(projectDeclarations.id, id))
        .for('update', { skipLocked: true });
      if (row?.state !== 'returned' || !row.returnDeadline || row.returnDeadline >= today) return false;
      const t = transition('returned', 'lapse', 'system');
      if (!t.ok) return false;
      await tx
        .update(projectDeclarations)
        .set({ state: t.to, updatedAt: now, version: row.version + 1 })
        .where(eq(projectDeclarations.id, id));
      await appendTimeline(tx, ctx, {
        declarationId: id,
        event: 'lapse',
        fromState: 'returned',
        toState: t.to,
        reason: `补正期限 ${row.returnDeadline} 已过，未重新提交`,
      });
      await notifyUsers(tx, deps, now, await enterpriseUsers(tx, row.enterpriseId), {
        kind: 'declaration_lapsed',
        title: `申报逾期未补正：${row.name ?? ''}`,
        body: `入库申报“${row.name ?? ''}”的补正期限（${formatDateZh(row.returnDeadline)}）已过，本次申报结束。项目完善后可于后续申报周期重新申报。`,
        link: `/enterprise/declarations/${id}`,
        objectType: 'project_declaration',
        objectId: id,
        dedupeKey: `lapsed:${id}`,
      });
      await recordAudit(tx, ctx, {
        action: 'project_declaration.lapsed',
        objectType: 'project_declaration',
        objectId: id,
        before: { state: 'returned', returnDeadline: row.returnDeadline },
        after: { state: t.to },
      });
      return true;
    });
    if (lapsed) result.lapsed++;
  }

  const cal = await loadCalendar(deps.db);
  // 2. A window is open today: tell enterprise users once per window.
  const open = openWindowOn(policyWindowOf(cal), today);
  if (open) {
    result.windowNotices += await inTx(ctx, async (tx) => {
      const r = await notifyUsers(tx, deps, now, await allEnterpriseUsers(tx), {
        kind: 'window_open',
        title: `${formatMonthZh(open.month)}入库申报窗口已开放`,
        body: `数字化转型项目入库申报窗口：${formatDateZh(open.opens)}至${formatDateZh(open.closes)}${open.explanation ? `（${open.explanation}）` : ''}。请在窗口内提交申报（江工信工业互联网〔2023〕33号 第七条（一））。`,
        link: '/enterprise/declarations',
        dedupeKey: `window_open:${open.month}`,
      });
      return r.notified;
    });
  }

  // 3. Verification due today / overdue, per district.
  const waiting = await deps.db
    .select({ district: projectDeclarations.districtCode, due: projectDeclarations.verifyDueOn })
    .from(projectDeclarations)
    .where(and(eq(projectDeclarations.state, 'submitted'), lte(projectDeclarations.verifyDueOn, addDays(today, 1))));
  const perDistrict = new Map<string, { dueSoon: number; overdue: number }>();
  for (const w of waiting) {
    if (!w.district || !w.due) continue;
    const e = perDistrict.get(w.district) ?? { dueSoon: 0, overdue: 0 };
    if (w.due < today) e.overdue++;
    else e.dueSoon++;
    perDistrict.set(w.district, e);
  }
  for (const [district, n] of perDistrict) {
    result.reviewNotices += await inTx(ctx, async (tx) => {
      const reviewers = await districtReviewers(tx, district);
      let sent = 0;
      if (n.overdue > 0)
        sent += (
          await notifyUsers(tx, deps, now, reviewers, {
            kind: 'review_overdue',
            title: `${n.overdue} 件入库申报核实已逾期`,
            body: `辖区有 ${n.overdue} 件入库申报已超过核实时限（申报结束之日起 5 个工作日，第七条（二）），请尽快核实。`,
            link: '/district/declarations',
            dedupeKey: `review_overdue:${district}:${today}`,
          })
        ).notified;
      if (n.dueSoon > 0)
        sent += (
          await notifyUsers(tx, deps, now, reviewers, {
            kind: 'review_due',
            title: `${n.dueSoon} 件入库申报今明两日到期`,
            body: `辖区有 ${n.dueSoon} 件入库申报核实将于今明两日到期，请及时核实。`,
            link: '/district/declarations',
            dedupeKey: `review_due:${district}:${today}`,
          })
        ).notified;
      return sent;
    });
  }

  // 4. Progress reports due within REPORT_REMINDER_DAYS, or overdue.
  const active = await deps.db.select().from(projects).where(eq(projects.trackingState, 'active'));
  if (active.length > 0) {
    const submitted = await deps.db
      .select({ projectId: projectProgressReports.projectId, period: projectProgressReports.period })
      .from(projectProgressReports)
      .where(
        and(
          inArray(
            projectProgressReports.projectId,
            active.map((p) => p.id),
          ),
          eq(projectProgressReports.state, 'submitted'),
        ),
      );
    for (const p of active) {
      const reported = new Set(submitted.filter((s) => s.projectId === p.id).map((s) => s.period));
      const pending = pendingReport(p.approvedOn, today, reported);
      if (!pending) continue;
      const soon = addDays(today, REPORT_REMINDER_DAYS) >= pending.dueOn;
      if (!pending.overdue && !soon) continue;
      result.reportNotices += await inTx(ctx, async (tx) => {
        const r = await notifyUsers(tx, deps, now, await enterpriseUsersOf(tx, [p.enterpriseId]), {
          kind: pending.overdue ? 'report_overdue' : 'report_due',
          title: `${pending.overdue ? '进展报告已逾期' : '请报送项目进展'}：${p.libraryNumber}`,
          body: `项目“${p.name}”（${p.libraryNumber}）${pending.period} 进展报告${pending.overdue ? '已逾期' : '应于'}${formatDateZh(pending.dueOn)}${pending.overdue ? '前报送，请尽快补报' : '前报送'}（第七条（七））。`,
          link: `/enterprise/projects/${p.id}`,
          objectType: 'project',
          objectId: p.id,
          dedupeKey: `${pending.overdue ? 'report_overdue' : 'report_due'}:${p.id}:${pending.period}`,
          channels: pending.overdue ? ['sms'] : [],
        });
        return r.notified;
      });
    }
  }
  return result;
}
