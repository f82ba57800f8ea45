/**
 * The working-day calendar and filing windows: everyone reads them (no sign-in); the city administrator adds a
 * year's State Council holiday schedule and fixes a month's filing window by notice.
 */
import type { FastifyInstance } from 'fastify';
import {
  ZCalendarYear,
  ZCurrentWindows,
  ZHolidayScheduleInput,
  ZMonthParams,
  ZWindowOverrideInput,
  ZYearParams,
} from '../../contracts/calendar';
import { ZOk } from '../../contracts/common';
import {
  deleteHolidaySchedule,
  deleteWindowOverride,
  readCalendarYear,
  readCurrentWindows,
  saveHolidaySchedule,
  saveWindowOverride,
} from '../../services/calendar';
import { acknowledged } from '../route-kit/answers';
import { routeKit } from '../route-kit/route';

export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['calendar']);

  route.get(
    '/windows/current',
    { guard: 'public', summary: '今日所在的入库申报窗口与下一窗口（Asia/Shanghai）', ok: ZCurrentWindows },
    (ctx) => readCurrentWindows(ctx),
  );

  route.get(
    '/years/:year',
    {
      guard: 'public',
      summary: '某年的节假日、每月入库申报窗口（含节假日顺延/延长、通知调整）与区县核实截止日',
      params: ZYearParams,
      ok: ZCalendarYear,
    },
    (ctx, request) => readCalendarYear(ctx, request.params.year),
  );

  route.put(
    '/years/:year/schedule',
    {
      guard: 'calendar.maintain',
      summary: '添加或更正某年的国务院节假日安排（市级业务管理员）',
      params: ZYearParams,
      body: ZHolidayScheduleInput,
      ok: ZCalendarYear,
    },
    async (ctx, request) => {
      await saveHolidaySchedule(ctx, request.params.year, request.body);
      return readCalendarYear(ctx, request.params.year);
    },
  );

  route.delete(
    '/years/:year/schedule',
    {
      guard: 'calendar.maintain',
      summary: '删除管理员添加的某年节假日安排（恢复内置数据）',
      params: ZYearParams,
      ok: ZOk,
    },
    (ctx, request) => acknowledged(deleteHolidaySchedule(ctx, request.params.year)),
  );

  route.put(
    '/windows/:month',
    {
      guard: 'calendar.maintain',
      summary: '按通知调整某月入库申报窗口（市级业务管理员）',
      params: ZMonthParams,
      body: ZWindowOverrideInput,
      ok: ZCalendarYear,
    },
    async (ctx, request) => {
      await saveWindowOverride(ctx, request.params.month, request.body);
      return readCalendarYear(ctx, Number(request.params.month.slice(0, 4)));
    },
  );

  route.delete(
    '/windows/:month',
    { guard: 'calendar.maintain', summary: '取消某月的窗口调整（恢复按规则计算）', params: ZMonthParams, ok: ZOk },
    (ctx, request) => acknowledged(deleteWindowOverride(ctx, request.params.month)),
  );
}
