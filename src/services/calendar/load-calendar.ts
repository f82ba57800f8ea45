/**
 * The calendar every use case reads: the committed State Council schedules plus what administrators have added
 * (years, corrections, filing-window overrides by notice). Rebuilt only when the administrators' rows change.
 */
import { asc } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { calendarHolidaySchedules, filingWindowOverrides } from '../../db/schema';
import { buildCalendar, type Calendar, type CalendarAdditions } from '../../domain/calendar/calendar';
import type { HolidayPeriodData, HolidayScheduleData } from '../../domain/calendar/holidays';
import { cachedReference } from '../reference-cache';

let cached: { key: string; rows: CalendarRows; cal: Calendar } | null = null;

export interface CalendarRows {
  schedules: (typeof calendarHolidaySchedules.$inferSelect)[];
  overrides: (typeof filingWindowOverrides.$inferSelect)[];
}

/** The administrators' calendar rows (kept briefly in memory outside transactions: see reference-cache). */
export function readCalendarRows(db: DbOrTx): Promise<CalendarRows> {
  return cachedReference(db, 'calendar', queryCalendarRows);
}

async function queryCalendarRows(db: DbOrTx): Promise<CalendarRows> {
  const schedules = await db.select().from(calendarHolidaySchedules).orderBy(asc(calendarHolidaySchedules.year));
  const overrides = await db.select().from(filingWindowOverrides).orderBy(asc(filingWindowOverrides.month));
  return { schedules, overrides };
}

export function additionsOf(rows: CalendarRows): CalendarAdditions {
  return {
    schedules: rows.schedules.map(
      (s): HolidayScheduleData => ({
        year: s.year,
        notice: s.notice,
        title: s.title,
        issuedOn: s.issuedOn,
        periods: s.periods as HolidayPeriodData[],
      }),
    ),
    windowOverrides: rows.overrides.map((o) => ({
      month: o.month,
      opens: o.opens,
      closes: o.closes,
      notice: o.notice,
      ...(o.reason ? { reason: o.reason } : {}),
    })),
  };
}

export function calendarFromRows(rows: CalendarRows): Calendar {
  if (cached && cached.rows === rows) return cached.cal;
  const key = JSON.stringify(rows, (_k, v) => (v instanceof Date ? v.toISOString() : v));
  if (cached && cached.key === key) {
    cached.rows = rows;
    return cached.cal;
  }
  const cal = buildCalendar(additionsOf(rows));
  cached = { key, rows, cal };
  return cal;
}

export async function loadCalendar(db: DbOrTx): Promise<Calendar> {
  return calendarFromRows(await readCalendarRows(db));
}
