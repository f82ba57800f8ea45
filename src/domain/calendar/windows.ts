/**
 * Monthly filing windows and how holidays move them.
 *
 * The rule (申报指南 三（四）, on top of 第七条（一）"每月10-15日"):
 *  - a holiday that covers the whole window → the window starts on the third working day after the holiday
 *    and keeps its length in calendar days (2024-02: 春节 2月10–17日, 18日 is a 调休 working day → 20–25日);
 *  - a holiday that covers part of the window → the window closes later by the number of covered days
 *    (2024-06: 端午 6月8–10日 covers the 10th → 10–16日);
 *  - other special cases → the city's notice (an administrator's override), which wins over the computation.
 *
 * Reading of edge cases, to the letter: the extension adds calendar days after the normal closing day and does
 * not skip holidays. When those added days are themselves inside the holiday — 2024-09 (中秋 15–17日 → 10–16日)
 * and 2026-02 (春节 2月15–23日 → 10–16日) — the result still follows the text and is flagged
 * `extensionInHoliday`, so administrators can decide whether to publish a notice (override). Only holiday breaks
 * count as covered days; ordinary weekends inside the window do not move it. A window postponed past a holiday
 * is not moved again if it meets another holiday (the text has no such rule; none occurs 2023–2026).
 */
import { type Calendar, type HolidayBreak, isWorkingDayNumber, isYearKnown } from './calendar';
import {
  daysInMonth,
  fromDayNumber,
  type IsoDate,
  type IsoMonth,
  isoDate,
  isoMonth,
  monthOf,
  toDayNumber,
  yearOf,
} from './dates';

/** The window rule's numbers (they are cited policy parameters; see the 政银保 policy). */
export interface FilingWindowRule {
  /** Day of month the window opens (10). */
  readonly openDay: number;
  /** Day of month the window closes (15). */
  readonly closeDay: number;
  /** Working day after a covering holiday on which a postponed window opens (3). */
  readonly postponeToWorkingDay: number;
  /**
   * The extension of a partly covered window skips days inside a holiday break (reading `working_days` of the
   * register's "部分重复时延长的日期仍在节假日内"); default: calendar days, to the letter.
   */
  readonly extensionSkipsHolidays?: boolean;
}

export type WindowAdjustment = 'none' | 'postponed' | 'extended' | 'notice';

export interface FilingWindow {
  readonly month: IsoMonth;
  readonly opens: IsoDate;
  readonly closes: IsoDate;
  /** True whenever the window differs from the plain openDay–closeDay of the month. */
  readonly shifted: boolean;
  readonly adjustment: WindowAdjustment;
  /** Holiday name(s) or the notice's reason; null when unchanged. */
  readonly reason: string | null;
  /** The window before holidays: the openDay–closeDay of the month. */
  readonly base: { readonly opens: IsoDate; readonly closes: IsoDate };
  /** Holiday breaks that touch the base window. */
  readonly holidays: readonly HolidayBreak[];
  /** Days of the base window inside a holiday break. */
  readonly coveredDays: number;
  /** The extension (partial overlap) lands on days that are themselves holiday. */
  readonly extensionInHoliday: boolean;
  /** The extension skipped holiday days (the rule's `extensionSkipsHolidays`), closing after the holiday. */
  readonly extensionSkippedHoliday: boolean;
  /** For a postponed window: the working days counted after the holiday (the last is the opening day). */
  readonly countedWorkingDays: readonly IsoDate[];
  /** False when the calendar lacks the State Council schedule for the month's year: computed on weekends only. */
  readonly scheduleKnown: boolean;
  /** The notice that fixed this window, when an administrator's override applies. */
  readonly notice: string | null;
}

const cache = new WeakMap<Calendar, Map<number, FilingWindow>>();

/** Numeric memo key: month index and the rule's three small numbers. */
function ruleKey(rule: FilingWindowRule, monthIndex: number): number {
  return (
    (((monthIndex * 64 + rule.openDay) * 64 + rule.closeDay) * 64 + rule.postponeToWorkingDay) * 2 +
    (rule.extensionSkipsHolidays ? 1 : 0)
  );
}

function clampDay(year: number, month: number, day: number): number {
  return Math.min(day, daysInMonth(year, month));
}

function compute(cal: Calendar, month: IsoMonth, rule: FilingWindowRule): FilingWindow {
  const y = yearOf(month);
  const m = monthOf(month);
  const baseOpens = isoDate(y, m, clampDay(y, m, rule.openDay));
  const baseCloses = isoDate(y, m, clampDay(y, m, rule.closeDay));
  const base = { opens: baseOpens, closes: baseCloses };
  const scheduleKnown = isYearKnown(cal, y);

  const override = cal.windowOverrides.get(month);
  const first = toDayNumber(baseOpens);
  const last = toDayNumber(baseCloses);
  const holidays: HolidayBreak[] = [];
  let covered = 0;
  for (let n = first; n <= last; n++) {
    const b = cal.restDays.get(n);
    if (b) {
      covered++;
      if (!holidays.includes(b)) holidays.push(b);
    }
  }
  const reasonOf = () => holidays.map((h) => h.name).join('、');

  if (override) {
    return {
      month,
      opens: override.opens,
      closes: override.closes,
      shifted: override.opens !== baseOpens || override.closes !== baseCloses,
      adjustment: 'notice',
      reason: override.reason ?? `市工业和信息化局通知（${override.notice}）`,
      base,
      holidays,
      coveredDays: covered,
      extensionInHoliday: false,
      extensionSkippedHoliday: false,
      countedWorkingDays: [],
      scheduleKnown,
      notice: override.notice,
    };
  }

  const length = last - first + 1;
  if (covered === length && holidays.length > 0) {
    // Wholly covered: third working day after the (last) holiday, same length.
    const lastBreak = holidays[holidays.length - 1]!;
    let n = toDayNumber(lastBreak.end);
    const counted: IsoDate[] = [];
    while (counted.length < rule.postponeToWorkingDay) {
      n++;
      if (isWorkingDayNumber(cal, n)) counted.push(fromDayNumber(n));
    }
    return {
      month,
      opens: fromDayNumber(n),
      closes: fromDayNumber(n + length - 1),
      shifted: true,
      adjustment: 'postponed',
      reason: reasonOf(),
      base,
      holidays,
      coveredDays: covered,
      extensionInHoliday: false,
      extensionSkippedHoliday: false,
      countedWorkingDays: counted,
      scheduleKnown,
      notice: null,
    };
  }
  if (covered > 0) {
    let extensionInHoliday = false;
    let closes = last + covered;
    let skipped = false;
    if (rule.extensionSkipsHolidays) {
      // Each added day must be outside every holiday break.
      closes = last;
      for (let added = 0; added < covered; ) {
        closes++;
        if (cal.restDays.has(closes)) skipped = true;
        else added++;
      }
    } else for (let n = last + 1; n <= last + covered; n++) if (cal.restDays.has(n)) extensionInHoliday = true;
    return {
      month,
      opens: baseOpens,
      closes: fromDayNumber(closes),
      shifted: true,
      adjustment: 'extended',
      reason: reasonOf(),
      base,
      holidays,
      coveredDays: covered,
      extensionInHoliday,
      extensionSkippedHoliday: skipped,
      countedWorkingDays: [],
      scheduleKnown,
      notice: null,
    };
  }
  return {
    month,
    opens: baseOpens,
    closes: baseCloses,
    shifted: false,
    adjustment: 'none',
    reason: null,
    base,
    holidays,
    coveredDays: 0,
    extensionInHoliday: false,
    extensionSkippedHoliday: false,
    countedWorkingDays: [],
    scheduleKnown,
    notice: null,
  };
}

/** The filing window of a month under a rule (memoised per calendar; the calendar is immutable). */
export function filingWindow(cal: Calendar, month: IsoMonth, rule: FilingWindowRule): FilingWindow {
  return windowByIndex(cal, yearOf(month) * 12 + monthOf(month) - 1, rule);
}

function windowByIndex(cal: Calendar, monthIndex: number, rule: FilingWindowRule): FilingWindow {
  let perCal = cache.get(cal);
  if (!perCal) {
    perCal = new Map();
    cache.set(cal, perCal);
  }
  const key = ruleKey(rule, monthIndex);
  let w = perCal.get(key);
  if (!w) {
    const y = Math.floor(monthIndex / 12);
    w = compute(cal, isoMonth(y, monthIndex - y * 12 + 1), rule);
    perCal.set(key, w);
  }
  return w;
}

export function filingWindowsOfYear(cal: Calendar, year: number, rule: FilingWindowRule): FilingWindow[] {
  const out: FilingWindow[] = [];
  for (let m = 1; m <= 12; m++) out.push(filingWindow(cal, isoMonth(year, m), rule));
  return out;
}

export interface WindowCheck {
  /** The window the date falls in, or the window of the date's month when it falls in none. */
  readonly window: FilingWindow;
  readonly inside: boolean;
}

/** Does a date fall inside a filing window? Checks the date's month and, for windows moved late, the month before. */
export function checkFilingWindow(cal: Calendar, date: IsoDate, rule: FilingWindowRule): WindowCheck {
  const index = yearOf(date) * 12 + monthOf(date) - 1;
  const own = windowByIndex(cal, index, rule);
  if (own.opens <= date && date <= own.closes) return { window: own, inside: true };
  const prev = windowByIndex(cal, index - 1, rule);
  if (prev.opens <= date && date <= prev.closes) return { window: prev, inside: true };
  return { window: own, inside: false };
}

/** The first window that has not closed by `date` (this month's or a later one). */
export function nextFilingWindow(cal: Calendar, date: IsoDate, rule: FilingWindowRule): FilingWindow {
  let y = yearOf(date);
  let m = monthOf(date);
  for (let i = 0; i < 24; i++) {
    const w = filingWindow(cal, isoMonth(y, m), rule);
    if (w.closes >= date) return w;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  throw new Error('no filing window within two years');
}
