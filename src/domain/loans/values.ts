/**
 * Value parsing and formatting for loans: annual rates as exact decimals, yuan amounts, China-time instants.
 * Pure: no clock, no I/O. China Standard Time is UTC+8 all year (no daylight saving), so the offset is fixed.
 */

import { CHINA_OFFSET_MS } from '../calendar/china-time';
import type { IsoDate } from '../calendar/dates';
import { isIsoDate } from '../calendar/dates';
import { formatPercent, type Ratio, ratio } from '../money/money';
import { LOAN_LIMITS } from './params';

export { chinaDateOf } from '../calendar/china-time';

/** A rate written as a decimal fraction: "0.0385", ".0385", "0.24". */
const RATE_RE = /^(\d{1,2})?(?:\.(\d+))?$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; zh: string; en: string };

/**
 * Parses an annual rate given as a decimal fraction ("0.0385") into the canonical 6-decimal string
 * ("0.038500") and checks 0 < rate ≤ 0.24. With `allowPercent`, "3.85%" is read as 0.0385 (imports).
 */
export function parseAnnualRate(input: string, opts: { allowPercent?: boolean } = {}): Parsed<string> {
  let s = input.trim().replace(/\s+/g, '');
  let scale = 0;
  if (opts.allowPercent && (s.endsWith('%') || s.endsWith('％'))) {
    s = s.slice(0, -1);
    scale = 2;
  }
  const m = RATE_RE.exec(s);
  if (!s || !m || (m[1] === undefined && m[2] === undefined)) {
    return {
      ok: false,
      zh: `“${input}”不是有效的年利率，应为小数，如 0.0385 表示 3.85%`,
      en: `"${input}" is not a valid annual rate; write a decimal fraction such as 0.0385 for 3.85%`,
    };
  }
  const int = m[1] ?? '0';
  const frac = m[2] ?? '';
  // Shift the decimal point left by `scale` places (percent → fraction) on the digit string, exactly.
  const digits = (int + frac).replace(/^0+(?=\d)/, '');
  const fracLen = frac.length + scale;
  const padded = digits.padStart(fracLen + 1, '0');
  const intPart = padded.slice(0, padded.length - fracLen) || '0';
  const fracPart = padded.slice(padded.length - fracLen).replace(/0+$/, '');
  if (fracPart.length > LOAN_LIMITS.rateDecimals) {
    return {
      ok: false,
      zh: `最多保留 ${LOAN_LIMITS.rateDecimals} 位小数（如 0.038500）`,
      en: `an annual rate has at most ${LOAN_LIMITS.rateDecimals} decimal places`,
    };
  }
  const canonical = `${Number(intPart)}.${fracPart.padEnd(LOAN_LIMITS.rateDecimals, '0')}`;
  const r = ratio(canonical);
  const max = ratio(LOAN_LIMITS.maxRate);
  if (r.num <= 0n) return { ok: false, zh: '必须大于 0', en: 'must be greater than 0' };
  if (r.num * max.den > max.num * r.den) {
    return {
      ok: false,
      zh: `“${formatRate(canonical)}”超过上限 ${LOAN_LIMITS.maxRate}（${formatPercent(max)}）；请填写小数形式，如 3.85% 填 0.0385`,
      en: `the annual rate ${formatRate(canonical)} exceeds ${LOAN_LIMITS.maxRate} (${formatPercent(max)}); write 3.85% as 0.0385`,
    };
  }
  return { ok: true, value: canonical };
}

/** The rate as an exact ratio (from a canonical or any decimal string). */
export function rateRatio(rate: string): Ratio {
  return ratio(rate);
}

/** "0.038500" → "0.0385" (trailing zeros dropped, at least two decimals kept: "0.050000" → "0.05"). */
export function formatRate(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.');
  const trimmed = frac.replace(/0+$/, '');
  return `${int}.${trimmed.padEnd(2, '0')}`;
}

/** "0.038500" → "3.85%" for people. */
export function formatRatePercent(rate: string): string {
  const [int = '0', frac = ''] = rate.split('.');
  const digits = `${int}${frac.padEnd(6, '0')}`; // value × 10^6
  const n = BigInt(digits);
  const whole = n / 10000n;
  const rest = (n % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** An instant written in China time with an explicit offset: "2024-03-15T10:30:00+08:00". */
export function toChinaIso(instant: Date): string {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString(); // "...Z" in China wall time
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}

const LOCAL_DT_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const OFFSET_DT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Parses a date written in an imported file: "2024-03-15", "2024/3/15", "2024.3.15". Spreadsheet date
 * cells arrive as Date objects holding the wall-clock day in UTC fields.
 */
export function parseDateCell(value: string | Date): Parsed<IsoDate> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, zh: '不是有效日期', en: 'is not a valid date' };
    return { ok: true, value: value.toISOString().slice(0, 10) };
  }
  const m = LOCAL_DT_RE.exec(value.trim());
  if (m && m[4] === undefined) {
    const d = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    if (isIsoDate(d)) return { ok: true, value: d };
  }
  if (m) {
    return {
      ok: false,
      zh: `“${value}”的日期不存在（月份应为 1–12，日应在当月天数之内）`,
      en: `"${value}" is not a real date (month 1–12, day within the month)`,
    };
  }
  return {
    ok: false,
    zh: `“${value}”不是有效日期，应为 YYYY-MM-DD，如 2024-03-15`,
    en: `"${value}" is not a valid date; use YYYY-MM-DD`,
  };
}

/**
 * Parses a disbursement time: ISO 8601 with an offset ("2024-03-15T10:30:00+08:00"), or China wall-clock
 * time with hours and minutes ("2024-03-15 10:30", "2024/3/15 10:30:00"). Spreadsheet date-time cells
 * arrive as Date objects whose UTC fields hold the wall-clock time, which is China time.
 */
export function parseDateTimeCell(value: string | Date): Parsed<Date> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false, zh: '不是有效时间', en: 'is not a valid time' };
    return { ok: true, value: new Date(value.getTime() - CHINA_OFFSET_MS) };
  }
  const s = value.trim();
  if (OFFSET_DT_RE.test(s)) {
    const d = new Date(s);
    if (!Number.isNaN(d.getTime()) && isIsoDate(s.slice(0, 10))) return { ok: true, value: d };
  }
  const m = LOCAL_DT_RE.exec(s);
  if (m && !isIsoDate(`${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`)) {
    // an impossible day (2026-13-45, 2026-02-30) is said to be an invalid date, whether or not a time follows
    return {
      ok: false,
      zh: `“${value}”的日期不存在（月份应为 1–12，日应在当月天数之内），应为 2024-03-15 10:30（北京时间）`,
      en: `"${value}" is not a real date (month 1–12, day within the month); write e.g. 2024-03-15 10:30`,
    };
  }
  if (m && m[4] !== undefined) {
    const day = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    const h = Number(m[4]);
    const min = Number(m[5]);
    const sec = Number(m[6] ?? '0');
    if (isIsoDate(day) && h < 24 && min < 60 && sec < 60) {
      return { ok: true, value: new Date(`${day}T${pad2(h)}:${pad2(min)}:${pad2(sec)}+08:00`) };
    }
  }
  if (m && m[4] === undefined) {
    return {
      ok: false,
      zh: `“${value}”缺少时刻：放款时间须精确到分钟，如 2024-03-15 10:30（北京时间）`,
      en: `"${value}" has no time of day; write e.g. 2024-03-15 10:30 (China time)`,
    };
  }
  return {
    ok: false,
    zh: `“${value}”不是有效的放款时间，应为 2024-03-15 10:30（北京时间）或 2024-03-15T10:30:00+08:00`,
    en: `"${value}" is not a valid time; use 2024-03-15 10:30 (China time) or ISO 8601 with offset`,
  };
}
