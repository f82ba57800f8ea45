/**
 * China time, written once. Jiangmen keeps Asia/Shanghai: UTC+8 all year, no daylight saving since 1991, so the
 * calendar date (and wall time) of an instant is the UTC one shifted by eight hours. Pure: the caller passes the
 * instant; nothing here reads the clock.
 */
import type { IsoDate } from './dates';

/** The fixed offset of China Standard Time from UTC, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The Beijing-time calendar date (YYYY-MM-DD) of an instant. */
export function chinaDateOf(instant: Date): IsoDate {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a Beijing-time calendar date begins (00:00 +08:00). */
export function chinaStartOf(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** "2024-03-15 10:30": the Beijing wall time of an instant, to the minute, for people. */
export function formatChinaDateTime(instant: Date): string {
  const s = new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
