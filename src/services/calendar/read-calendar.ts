/** The calendar as everyone reads it: a year's holidays and filing windows, and today's open/next window. */
import type { TCalendarYear, TCurrentWindows } from '../../contracts/calendar';
import { isoMonth } from '../../domain/calendar/dates';
import { STATE_COUNCIL_SCHEDULES } from '../../domain/calendar/holidays';
import { shanghaiDate } from '../../domain/projects/time';
import { nextWindowAfter, openWindowOn } from '../../domain/projects/windows';
import type { Ctx } from '../context';
import { calendarFromRows, readCalendarRows } from './load-calendar';
import { engineWindow, policyWindowOf, windowInForce, windowView } from './policy-windows';

export async function readCalendarYear(ctx: Ctx, year: number): Promise<TCalendarYear> {
  const rows = await readCalendarRows(ctx.deps.db);
  const cal = calendarFromRows(rows);
  const schedule = cal.schedules.get(year) ?? null;
  const adminRow = rows.schedules.find((s) => s.year === year);
  const builtin = STATE_COUNCIL_SCHEDULES.some((s) => s.year === year);
  return {
    year,
    scheduleKnown: schedule !== null,
    scheduleSource: adminRow ? 'admin' : builtin ? 'builtin' : 'none',
    notice: schedule?.notice ?? null,
    holidays: cal.breaks
      .filter((b) => b.year === year)
      .map((b) => ({
        name: b.name,
        start: b.start,
        end: b.end,
        declaredStart: b.declaredStart,
        declaredEnd: b.declaredEnd,
        makeUpWorkdays: [...b.makeUpWorkdays],
        notice: b.notice,
        clause: b.clause,
        statement: b.statement,
      })),
    windows: Array.from({ length: 12 }, (_, i) => {
      const month = isoMonth(year, i + 1);
      return { ...windowView(cal, month), inForce: windowInForce(engineWindow(cal, month)) };
    }),
    overrides: rows.overrides
      .filter((o) => o.month.startsWith(`${year}-`))
      .map((o) => ({ month: o.month, opens: o.opens, closes: o.closes, notice: o.notice, reason: o.reason })),
  };
}

export async function readCurrentWindows(ctx: Ctx): Promise<TCurrentWindows> {
  const cal = calendarFromRows(await readCalendarRows(ctx.deps.db));
  const today = shanghaiDate(ctx.now);
  const windowOf = policyWindowOf(cal);
  const open = openWindowOn(windowOf, today);
  const next = nextWindowAfter(windowOf, today);
  return {
    today,
    open: open ? windowView(cal, open.month) : null,
    next: next ? windowView(cal, next.month) : null,
  };
}
