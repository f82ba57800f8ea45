/**
 * City administrators maintain the calendar: add a new year's State Council holiday schedule (or correct one),
 * and fix any month's filing window by notice (申报指南 三（四）"如遇其它特殊情况，由市工业和信息化局提前发布通知").
 * Every change is validated by building the calendar with it before it is saved, and audited.
 */
import { eq } from 'drizzle-orm';
import type { THolidayScheduleInput, TWindowOverrideInput } from '../../contracts/calendar';
import { calendarHolidaySchedules, filingWindowOverrides } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { buildCalendar } from '../../domain/calendar/calendar';
import { addDays, monthOf, toDayNumber, yearOf } from '../../domain/calendar/dates';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { changingReference } from '../reference-cache';
import { additionsOf, readCalendarRows } from './load-calendar';

function requireCityAdmin(ctx: Ctx) {
  const a = ctx.actor;
  if (!a) throw Errors.unauthenticated();
  if (!mayDo(a, 'calendar.maintain'))
    throw Errors.forbidden('只有市级业务管理员可以维护日历', 'Only the city administrator maintains the calendar');
  return a;
}

export async function saveHolidaySchedule(ctx: Ctx, year: number, input: THolidayScheduleInput): Promise<void> {
  const actor = requireCityAdmin(ctx);
  input.periods.forEach((p, i) => {
    if (p.end < p.start)
      throw fieldError(`periods.${i}.end`, '放假结束日期', '不能早于开始日期', 'must not be before the start');
    if (yearOf(p.start) !== year && yearOf(p.end) !== year)
      throw fieldError(`periods.${i}.start`, '放假开始日期', `不在 ${year} 年`, `is not in ${year}`);
    if (toDayNumber(p.end) - toDayNumber(p.start) > 15)
      throw fieldError(`periods.${i}.end`, '放假结束日期', '一次放假不超过 16 天', 'a holiday lasts at most 16 days');
  });
  await changingReference('calendar', () =>
    inTx(ctx, async (tx) => {
      const rows = await readCalendarRows(tx);
      const [before] = await tx
        .select()
        .from(calendarHolidaySchedules)
        .where(eq(calendarHolidaySchedules.year, year))
        .for('update');
      const schedule = {
        year,
        notice: input.notice,
        title: input.title,
        issuedOn: input.issuedOn,
        periods: input.periods,
      };
      try {
        buildCalendar({
          ...additionsOf(rows),
          schedules: [...(additionsOf(rows).schedules ?? []).filter((s) => s.year !== year), schedule],
        });
      } catch (e) {
        throw Errors.badRequest('VALIDATION_FAILED', `节假日安排有误：${(e as Error).message}`, (e as Error).message);
      }
      const values = { ...schedule, updatedBy: actor.id, updatedAt: ctx.now };
      if (before) await tx.update(calendarHolidaySchedules).set(values).where(eq(calendarHolidaySchedules.year, year));
      else await tx.insert(calendarHolidaySchedules).values(values);
      await recordAudit(tx, ctx, {
        action: 'calendar.schedule_saved',
        objectType: 'calendar_holiday_schedule',
        objectId: String(year),
        before: before ? { notice: before.notice, periods: before.periods } : null,
        after: { notice: input.notice, periods: input.periods },
      });
    }),
  );
}

export async function deleteHolidaySchedule(ctx: Ctx, year: number): Promise<void> {
  requireCityAdmin(ctx);
  await changingReference('calendar', () =>
    inTx(ctx, async (tx) => {
      const [before] = await tx
        .delete(calendarHolidaySchedules)
        .where(eq(calendarHolidaySchedules.year, year))
        .returning();
      if (!before) throw Errors.notFound({ zh: `${year}年的节假日安排（管理员添加）`, en: `Schedule of ${year}` });
      await recordAudit(tx, ctx, {
        action: 'calendar.schedule_deleted',
        objectType: 'calendar_holiday_schedule',
        objectId: String(year),
        before: { notice: before.notice, periods: before.periods },
      });
    }),
  );
}

export async function saveWindowOverride(ctx: Ctx, month: string, input: TWindowOverrideInput): Promise<void> {
  requireCityAdmin(ctx);
  if (input.closes < input.opens)
    throw fieldError('closes', '申报结束日期', '不能早于申报开始日期', 'must not be before the opening day');
  // A window belongs to its month: it may open in the month or run over into the next one.
  const y = yearOf(`${month}-01`);
  const m = monthOf(`${month}-01`);
  if (input.opens.slice(0, 7) !== month)
    throw fieldError('opens', '申报开始日期', `须在 ${y}年${m}月 内`, `must fall in ${month}`);
  if (input.closes > addDays(input.opens, 31))
    throw fieldError('closes', '申报结束日期', '申报窗口不超过一个月', 'a window lasts at most a month');
  const actor = ctx.actor!;
  await changingReference('calendar', () =>
    inTx(ctx, async (tx) => {
      const [before] = await tx
        .select()
        .from(filingWindowOverrides)
        .where(eq(filingWindowOverrides.month, month))
        .for('update');
      const values = {
        month,
        opens: input.opens,
        closes: input.closes,
        notice: input.notice,
        reason: input.reason ?? null,
        updatedBy: actor.id,
        updatedAt: ctx.now,
      };
      if (before) await tx.update(filingWindowOverrides).set(values).where(eq(filingWindowOverrides.month, month));
      else await tx.insert(filingWindowOverrides).values(values);
      await recordAudit(tx, ctx, {
        action: 'calendar.window_override_saved',
        objectType: 'filing_window_override',
        objectId: month,
        before: before ? { opens: before.opens, closes: before.closes, notice: before.notice } : null,
        after: { opens: input.opens, closes: input.closes, notice: input.notice, reason: input.reason ?? null },
      });
    }),
  );
}

export async function deleteWindowOverride(ctx: Ctx, month: string): Promise<void> {
  requireCityAdmin(ctx);
  await changingReference('calendar', () =>
    inTx(ctx, async (tx) => {
      const [before] = await tx.delete(filingWindowOverrides).where(eq(filingWindowOverrides.month, month)).returning();
      if (!before) throw Errors.notFound({ zh: `${month}的申报窗口调整`, en: `Override of ${month}` });
      await recordAudit(tx, ctx, {
        action: 'calendar.window_override_deleted',
        objectType: 'filing_window_override',
        objectId: month,
        before: { opens: before.opens, closes: before.closes, notice: before.notice },
      });
    }),
  );
}
