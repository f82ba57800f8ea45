/**
 * The working-day calendar as administrators maintain it and everyone reads it: State Council holiday
 * schedules by year, filing windows by month (computed, or fixed by the city's notice), and the district
 * verification due date of each window.
 */
import { z } from 'zod';
import { isIsoMonth } from '../domain/calendar/dates';
import { ZDate, ZWindowView } from './projects';

export const ZMonth = (label: string) =>
  z
    .string()
    .refine(isIsoMonth, { message: '应为月份（YYYY-MM）', params: { en: 'must be a month (YYYY-MM)' } })
    .describe(label);

export const ZHolidayPeriod = z.object({
  name: z.string().trim().min(1).max(40).describe('节日名称'),
  start: ZDate('放假开始日期'),
  end: ZDate('放假结束日期'),
  makeUpWorkdays: z.array(ZDate('调休上班日期')).max(10).default([]).describe('调休上班日期'),
  clause: z.string().trim().min(1).max(10).describe('通知条款（一、二、…）'),
  statement: z.string().trim().min(1).max(500).describe('通知原文'),
});

export const ZHolidayScheduleInput = z.object({
  notice: z.string().trim().min(2).max(100).describe('通知文号'),
  title: z.string().trim().min(2).max(200).describe('通知标题'),
  issuedOn: ZDate('发布日期'),
  periods: z.array(ZHolidayPeriod).min(1).max(20).describe('节假日安排'),
});
export type THolidayScheduleInput = z.infer<typeof ZHolidayScheduleInput>;

export const ZYearParams = z.object({ year: z.coerce.number().int().min(2020).max(2100).describe('年份') });
export const ZMonthParams = z.object({ month: ZMonth('月份') });

export const ZWindowOverrideInput = z.object({
  opens: ZDate('申报开始日期'),
  closes: ZDate('申报结束日期'),
  notice: z.string().trim().min(2).max(200).describe('通知文号或标题'),
  reason: z.string().trim().max(500).nullable().optional().describe('原因'),
});
export type TWindowOverrideInput = z.infer<typeof ZWindowOverrideInput>;

export const ZHolidayView = z.object({
  name: z.string(),
  start: z.string().describe('连休开始'),
  end: z.string().describe('连休结束'),
  declaredStart: z.string(),
  declaredEnd: z.string(),
  makeUpWorkdays: z.array(z.string()),
  notice: z.string(),
  clause: z.string(),
  statement: z.string(),
});

export const ZCalendarYear = z.object({
  year: z.number().int(),
  scheduleKnown: z.boolean().describe('是否已收录当年国务院节假日安排'),
  scheduleSource: z.enum(['builtin', 'admin', 'none']),
  notice: z.string().nullable(),
  holidays: z.array(ZHolidayView),
  windows: z.array(ZWindowView.extend({ inForce: z.boolean().describe('政策有效期内是否受理') })),
  overrides: z.array(
    z.object({
      month: z.string(),
      opens: z.string(),
      closes: z.string(),
      notice: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
export type TCalendarYear = z.infer<typeof ZCalendarYear>;

export const ZCurrentWindows = z.object({
  today: z.string(),
  open: ZWindowView.nullable(),
  next: ZWindowView.nullable(),
});
export type TCurrentWindows = z.infer<typeof ZCurrentWindows>;
