/**
 * What administrators add to the working-day calendar (src/domain/calendar): State Council holiday schedules for
 * years the code does not carry (or corrections), and filing-window overrides fixed by the city's notice
 * (申报指南 三（四）"如遇其它特殊情况，由市工业和信息化局提前发布通知"). Loaded into `buildCalendar`.
 */
import { date, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { act } from './columns';

export const calendarHolidaySchedules = pgTable('calendar_holiday_schedules', {
  year: integer('year').primaryKey(),
  /** Notice number, e.g. 国办发明电〔2025〕7号. */
  notice: text('notice').notNull(),
  title: text('title').notNull(),
  issuedOn: date('issued_on').notNull(),
  /** HolidayPeriodData[] (name, start, end, makeUpWorkdays, clause, statement). */
  periods: jsonb('periods').notNull(),
  ...act('updated'),
});

export const filingWindowOverrides = pgTable('filing_window_overrides', {
  /** YYYY-MM */
  month: text('month').primaryKey(),
  opens: date('opens').notNull(),
  closes: date('closes').notNull(),
  notice: text('notice').notNull(),
  reason: text('reason'),
  ...act('updated'),
});
