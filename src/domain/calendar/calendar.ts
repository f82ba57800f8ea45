/**
 * China's working-day calendar: weekdays work, weekends rest, except as the State Council's yearly notice
 * moves them — 放假 periods rest, 调休 weekend days work.
 *
 * What "public holiday" (节假日) means here: a holiday is the official 放假 period of a State Council notice,
 * widened over the weekend days that adjoin it (a notice's "与周末连休"), i.e. the whole unbroken rest break.
 * Ordinary weekends are not holidays. This is the reading of 申报指南 三（四）, which calls 2024-06-08…10 the
 * 端午节 although the notice gives only 6月10日 "与周末连休".
 *
 * A `Calendar` is built once from the base schedules plus whatever administrators add (later years, corrected
 * years, filing-window overrides announced by notice). It is immutable; functions take it as an argument.
 */
import {
  fromDayNumber,
  type IsoDate,
  type IsoMonth,
  isIsoDate,
  isIsoMonth,
  toDayNumber,
  weekdayOfDayNumber,
  yearOf,
} from './dates';
import { type HolidayScheduleData, STATE_COUNCIL_SCHEDULES } from './holidays';

/** One holiday as the calendar uses it: the notice's 放假 days widened to the whole rest break. */
export interface HolidayBreak {
  readonly name: string;
  /** First and last rest day of the break (inclusive), adjoining weekend included. */
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** The 放假 days as the notice states them. */
  readonly declaredStart: IsoDate;
  readonly declaredEnd: IsoDate;
  readonly makeUpWorkdays: readonly IsoDate[];
  readonly year: number;
  readonly notice: string;
  readonly clause: string;
  readonly statement: string;
}

/** A filing window fixed by an administrator's notice; it wins over the computed one. */
export interface FilingWindowOverride {
  readonly month: IsoMonth;
  readonly opens: IsoDate;
  readonly closes: IsoDate;
  /** The notice that set it, e.g. its document number or title. */
  readonly notice: string;
  readonly reason?: string;
}

export interface CalendarAdditions {
  /** Extra years, or corrected years (a year given here replaces the base schedule of that year). */
  readonly schedules?: readonly HolidayScheduleData[];
  readonly windowOverrides?: readonly FilingWindowOverride[];
}

export interface Calendar {
  readonly schedules: ReadonlyMap<number, HolidayScheduleData>;
  readonly breaks: readonly HolidayBreak[];
  readonly windowOverrides: ReadonlyMap<IsoMonth, FilingWindowOverride>;
  /** Day number → the holiday break that day belongs to. */
  readonly restDays: ReadonlyMap<number, HolidayBreak>;
  /** Day number → the holiday whose 调休 makes that weekend day a working day. */
  readonly makeUpDays: ReadonlyMap<number, HolidayBreak>;
}

function assertDate(d: string, what: string): void {
  if (!isIsoDate(d)) throw new RangeError(`${what}: not a date: ${d}`);
}

function isWeekendDay(n: number): boolean {
  const w = weekdayOfDayNumber(n);
  return w === 0 || w === 6;
}

/**
 * Builds a calendar from the base State Council schedules plus administrators' additions. Malformed data
 * throws (validate at the boundary with the contract schemas first).
 */
export function buildCalendar(
  additions: CalendarAdditions = {},
  base: readonly HolidayScheduleData[] = STATE_COUNCIL_SCHEDULES,
): Calendar {
  const schedules = new Map<number, HolidayScheduleData>();
  for (const s of base) schedules.set(s.year, s);
  for (const s of additions.schedules ?? []) schedules.set(s.year, s);

  const makeUpDays = new Map<number, HolidayBreak>();
  const pending: { data: HolidayScheduleData; index: number }[] = [];
  for (const s of [...schedules.values()].sort((a, b) => a.year - b.year)) {
    s.periods.forEach((p, index) => {
      assertDate(p.start, `${s.year} ${p.name}`);
      assertDate(p.end, `${s.year} ${p.name}`);
      if (p.end < p.start) throw new RangeError(`${s.year} ${p.name}: ends before it starts`);
      for (const w of p.makeUpWorkdays) assertDate(w, `${s.year} ${p.name} 调休`);
      pending.push({ data: s, index });
    });
  }
  // Make-up days first: they bound how far a break may widen over a weekend.
  const makeUpSet = new Set<number>();
  for (const { data, index } of pending)
    for (const w of data.periods[index]!.makeUpWorkdays) makeUpSet.add(toDayNumber(w));

  const breaks: HolidayBreak[] = [];
  const restDays = new Map<number, HolidayBreak>();
  for (const { data, index } of pending) {
    const p = data.periods[index]!;
    let first = toDayNumber(p.start);
    let last = toDayNumber(p.end);
    while (isWeekendDay(first - 1) && !makeUpSet.has(first - 1)) first--;
    while (isWeekendDay(last + 1) && !makeUpSet.has(last + 1)) last++;
    const b: HolidayBreak = {
      name: p.name,
      start: fromDayNumber(first),
      end: fromDayNumber(last),
      declaredStart: p.start,
      declaredEnd: p.end,
      makeUpWorkdays: p.makeUpWorkdays,
      year: data.year,
      notice: data.notice,
      clause: p.clause,
      statement: p.statement,
    };
    breaks.push(b);
    for (let n = first; n <= last; n++) restDays.set(n, b);
    for (const w of p.makeUpWorkdays) makeUpDays.set(toDayNumber(w), b);
  }
  breaks.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  const windowOverrides = new Map<IsoMonth, FilingWindowOverride>();
  for (const o of additions.windowOverrides ?? []) {
    if (!isIsoMonth(o.month)) throw new RangeError(`window override: not a month: ${o.month}`);
    assertDate(o.opens, `window override ${o.month}`);
    assertDate(o.closes, `window override ${o.month}`);
    if (o.closes < o.opens) throw new RangeError(`window override ${o.month}: closes before it opens`);
    windowOverrides.set(o.month, o);
  }
  return { schedules, breaks, windowOverrides, restDays, makeUpDays };
}

let defaultCal: Calendar | undefined;

/** The calendar of the committed State Council schedules only (built once, shared, immutable). */
export function defaultCalendar(): Calendar {
  defaultCal ??= buildCalendar();
  return defaultCal;
}

/** True when the calendar holds the State Council schedule of that year. */
export function isYearKnown(cal: Calendar, year: number): boolean {
  return cal.schedules.has(year);
}

export function isWorkingDayNumber(cal: Calendar, n: number): boolean {
  if (cal.makeUpDays.has(n)) return true;
  if (cal.restDays.has(n)) return false;
  return !isWeekendDay(n);
}

/** Working day: Monday–Friday outside holiday breaks, plus weekend days worked in lieu (调休上班). */
export function isWorkingDay(cal: Calendar, d: IsoDate): boolean {
  return isWorkingDayNumber(cal, toDayNumber(d));
}

/** The holiday break a day belongs to, if any (ordinary weekends belong to none). */
export function holidayOn(cal: Calendar, d: IsoDate): HolidayBreak | undefined {
  return cal.restDays.get(toDayNumber(d));
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export function dayKind(cal: Calendar, d: IsoDate): DayKind {
  const n = toDayNumber(d);
  if (cal.makeUpDays.has(n)) return 'makeup_workday';
  if (cal.restDays.has(n)) return 'holiday';
  return isWeekendDay(n) ? 'weekend' : 'workday';
}

export interface WorkingDayCount {
  /** The n-th working day after the start day. */
  readonly date: IsoDate;
  /** The working days counted, in order (the last is `date`). */
  readonly counted: readonly IsoDate[];
  /** False when the count crossed a year whose State Council schedule the calendar does not hold. */
  readonly scheduleKnown: boolean;
}

/**
 * The n-th working day after `from` (n ≥ 1). The start day itself is not counted (开始的当日不计入):
 * from Friday 2024-02-09, the 1st working day after is Sunday 2024-02-18 (调休上班) once 春节 has passed.
 */
export function nthWorkingDayAfter(cal: Calendar, from: IsoDate, n: number): WorkingDayCount {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working-day count must be ≥ 1: ${n}`);
  let day = toDayNumber(from);
  const counted: IsoDate[] = [];
  let scheduleKnown = isYearKnown(cal, yearOf(from));
  while (counted.length < n) {
    day++;
    if (isWorkingDayNumber(cal, day)) {
      const iso = fromDayNumber(day);
      if (!isYearKnown(cal, yearOf(iso))) scheduleKnown = false;
      counted.push(iso);
    }
  }
  return { date: counted[counted.length - 1]!, counted, scheduleKnown };
}

const deadlineCache = new WeakMap<Calendar, Map<string, WorkingDayCount>>();

/** `nthWorkingDayAfter`, memoised per calendar (deadlines repeat: one per filing window). */
export function workingDayDeadline(cal: Calendar, from: IsoDate, n: number): WorkingDayCount {
  let perCal = deadlineCache.get(cal);
  if (!perCal) {
    perCal = new Map();
    deadlineCache.set(cal, perCal);
  }
  const key = `${from}+${n}`;
  let r = perCal.get(key);
  if (!r) {
    r = nthWorkingDayAfter(cal, from, n);
    perCal.set(key, r);
  }
  return r;
}

/** Working days in [from, to], both inclusive. */
export function workingDaysBetween(cal: Calendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let n = toDayNumber(from), end = toDayNumber(to); n <= end; n++) if (isWorkingDayNumber(cal, n)) count++;
  return count;
}
