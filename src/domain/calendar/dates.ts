/**
 * Civil dates without time zones or clocks. A date is an ISO string `YYYY-MM-DD`; arithmetic goes through
 * day numbers (days since 1970-01-01, proleptic Gregorian), computed with integer arithmetic only.
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A calendar month, `YYYY-MM`. */
export type IsoMonth = string;

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH_RE = /^(\d{4})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-29, 2024-13-01). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isIsoMonth(s: string): boolean {
  const m = ISO_MONTH_RE.exec(s);
  return !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

/** Year, month (1–12) and day of an ISO date, read by character codes (no allocation). */
export function yearOf(d: IsoDate): number {
  return (
    (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10 + d.charCodeAt(3) - 48
  );
}
export function monthOf(d: IsoDate): number {
  return (d.charCodeAt(5) - 48) * 10 + d.charCodeAt(6) - 48;
}
export function dayOf(d: IsoDate): number {
  return (d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isoMonth(year: number, month: number): IsoMonth {
  return `${year}-${pad2(month)}`;
}

/** Days since 1970-01-01 (days_from_civil, H. Hinnant). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toDayNumber(d: IsoDate): number {
  return dayNumberOf(yearOf(d), monthOf(d), dayOf(d));
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return isoDate(year, month, day);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekdayOf(d: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(d));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(d) + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** The result of month arithmetic: the date, and whether the day was clamped to the month's end. */
export interface MonthShift {
  readonly date: IsoDate;
  /** True when the source day does not exist in the target month (31 Aug + 6 months → 28 Feb). */
  readonly clamped: boolean;
  /** The day that was asked for before clamping, e.g. "2025-02-31"; equals `date` when not clamped. */
  readonly requested: string;
}

/**
 * Adds calendar months (negative to subtract). The day of month is kept; when the target month is shorter,
 * the result is that month's last day and `clamped` says so: 2024-08-31 + 6 → 2025-02-28 (clamped).
 */
export function addMonths(d: IsoDate, months: number): MonthShift {
  const y = yearOf(d);
  const m = monthOf(d);
  const day = dayOf(d);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  const last = daysInMonth(ty, tm);
  if (day <= last) {
    const date = isoDate(ty, tm, day);
    return { date, clamped: false, requested: date };
  }
  return { date: isoDate(ty, tm, last), clamped: true, requested: isoDate(ty, tm, day) };
}

/** Month index (year × 12 + month − 1) of an ISO date or month: cheap to compare and to subtract. */
export function monthIndexOf(dOrMonth: string): number {
  return yearOf(dOrMonth) * 12 + monthOf(dOrMonth) - 1;
}

/** "2024-02-20" → "2024年2月20日" */
export function formatDateZh(d: IsoDate): string {
  return `${yearOf(d)}年${monthOf(d)}月${dayOf(d)}日`;
}

/** "2024-02" → "2024年2月" */
export function formatMonthZh(m: IsoMonth): string {
  return `${yearOf(m)}年${monthOf(m)}月`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
