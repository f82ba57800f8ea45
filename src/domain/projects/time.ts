/**
 * China time. Jiangmen keeps Asia/Shanghai (UTC+8, no daylight saving since 1991), so the calendar date of an
 * instant is the UTC date of the instant shifted by eight hours. Pure: the caller passes the instant.
 */
import type { IsoDate } from '../calendar/dates';

const EIGHT_HOURS_MS = 8 * 60 * 60 * 1000;

/** The Asia/Shanghai calendar date of an instant. */
export function shanghaiDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + EIGHT_HOURS_MS).toISOString().slice(0, 10);
}

/** The instant a Shanghai calendar date begins (00:00 +08:00). */
export function shanghaiStartOf(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}
