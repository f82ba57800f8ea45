/**
 * Project tracking after numbering (第七条（七）"指导申报主体定期报送数字化转型项目建设进展情况"; 第九条 district
 * spot checks). The policy says "定期" without a period; the platform asks for one progress report per calendar
 * quarter, due by the 15th day of the month after the quarter ends (2024-Q2 → 2024-07-15). That cadence is a
 * platform setting, not a policy rule.
 */
import { addDays, type IsoDate, isoDate, monthOf, yearOf } from '../calendar/dates';
import { codesOf, zhEnNames } from '../text/codes';

export const REPORT_DUE_DAY = 15;
/** Days before the due date on which the enterprise is reminded. */
export const REPORT_REMINDER_DAYS = 7;

export const TRACKED_STATUS_NAMES = zhEnNames({
  planned: { zh: '待建', en: 'Not started' },
  in_progress: { zh: '在建', en: 'Under construction' },
  completed: { zh: '已建成', en: 'Completed' },
  suspended: { zh: '暂停', en: 'Suspended' },
  terminated: { zh: '终止', en: 'Terminated' },
});
export const TRACKED_STATUSES = codesOf(TRACKED_STATUS_NAMES);
export type TrackedStatus = (typeof TRACKED_STATUSES)[number];

/** A project is tracked until a report says it is completed or terminated. */
export type TrackingState = 'active' | 'completed' | 'terminated';
export function trackingStateAfter(status: TrackedStatus): TrackingState {
  return status === 'completed' ? 'completed' : status === 'terminated' ? 'terminated' : 'active';
}

export const SPOT_CHECK_OUTCOME_NAMES = zhEnNames({
  compliant: { zh: '符合', en: 'Compliant' },
  rectification_required: { zh: '限期整改', en: 'Rectification required' },
  non_compliant: { zh: '不符合', en: 'Non-compliant' },
});
export const SPOT_CHECK_OUTCOMES = codesOf(SPOT_CHECK_OUTCOME_NAMES);
export type SpotCheckOutcome = (typeof SPOT_CHECK_OUTCOMES)[number];

/** "2024-Q2" */
export type ReportPeriod = string;
const PERIOD_RE = /^(\d{4})-Q([1-4])$/;

export function isReportPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

export function periodOf(date: IsoDate): ReportPeriod {
  return `${yearOf(date)}-Q${Math.floor((monthOf(date) - 1) / 3) + 1}`;
}

export function periodBounds(period: ReportPeriod): { start: IsoDate; end: IsoDate } {
  const m = PERIOD_RE.exec(period);
  if (!m) throw new RangeError(`not a report period: ${period}`);
  const y = Number(m[1]);
  const q = Number(m[2]);
  const start = isoDate(y, (q - 1) * 3 + 1, 1);
  const nextStart = q === 4 ? isoDate(y + 1, 1, 1) : isoDate(y, q * 3 + 1, 1);
  return { start, end: addDays(nextStart, -1) };
}

export function nextPeriod(period: ReportPeriod): ReportPeriod {
  return periodOf(addDays(periodBounds(period).end, 1));
}

/** The day a period's report is due: the 15th of the month after the quarter. */
export function reportDueOn(period: ReportPeriod): IsoDate {
  const after = addDays(periodBounds(period).end, 1);
  return isoDate(yearOf(after), monthOf(after), REPORT_DUE_DAY);
}

/**
 * Periods a project may report on `today`: from the quarter it was numbered in up to the current quarter.
 */
export function reportablePeriods(approvedOn: IsoDate, today: IsoDate): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let p = periodOf(approvedOn), last = periodOf(today); p <= last; p = nextPeriod(p)) out.push(p);
  return out;
}

/**
 * The report the enterprise should be working on: the earliest ended period without a report, whose due date
 * is `dueOn`; null when every ended period is reported (then the current quarter is next, not yet due).
 */
export function pendingReport(
  approvedOn: IsoDate,
  today: IsoDate,
  reported: ReadonlySet<ReportPeriod>,
): { period: ReportPeriod; dueOn: IsoDate; overdue: boolean } | null {
  for (const p of reportablePeriods(approvedOn, today)) {
    if (reported.has(p)) continue;
    if (periodBounds(p).end >= today) return null;
    const dueOn = reportDueOn(p);
    return { period: p, dueOn, overdue: today > dueOn };
  }
  return null;
}

/** The next date a report falls due (for display): the pending one, else the current quarter's. */
export function nextReportDue(approvedOn: IsoDate, today: IsoDate, reported: ReadonlySet<ReportPeriod>): IsoDate {
  const pending = pendingReport(approvedOn, today, reported);
  if (pending) return pending.dueOn;
  let p = periodOf(today);
  while (reported.has(p)) p = nextPeriod(p);
  return reportDueOn(p);
}
