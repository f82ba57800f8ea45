/**
 * The working-day calendar and filing windows: everyone reads them (no sign-in); the city administrator adds a
 * year's State Council holiday schedule and fixes a month's filing window by notice.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtx, ctxOf } from '../http-context';

const TAGS = ['calendar'];

export async function calendarRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/windows/current',
    {
      schema: {
        tags: TAGS,
        summary: '今日所在的入库申报窗口与下一窗口（Asia/Shanghai）',
        response: { 200: ZCurrentWindows },
      },
    },
    async (request) => readCurrentWindows(ctxOf(request)),
  );

  app.get(
    '/years/:year',
    {
      schema: {
        tags: TAGS,
        summary: '某年的节假日、每月入库申报窗口（含节假日顺延/延长、通知调整）与区县核实截止日',
        params: ZYearParams,
        response: { 200: ZCalendarYear },
      },
    },
    async (request) => readCalendarYear(ctxOf(request), request.params.year),
  );

  app.put(
    '/years/:year/schedule',
    {
      schema: {
        tags: TAGS,
        summary: '添加或更正某年的国务院节假日安排（市级业务管理员）',
        params: ZYearParams,
        body: ZHolidayScheduleInput,
        response: { 200: ZCalendarYear },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, 'calendar.maintain');
      await saveHolidaySchedule(ctx, request.params.year, request.body);
      return readCalendarYear(ctx, request.params.year);
    },
  );

  app.delete(
    '/years/:year/schedule',
    {
      schema: {
        tags: TAGS,
        summary: '删除管理员添加的某年节假日安排（恢复内置数据）',
        params: ZYearParams,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await deleteHolidaySchedule(actorCtx(request, 'calendar.maintain'), request.params.year);
      return { ok: true as const };
    },
  );

  app.put(
    '/windows/:month',
    {
      schema: {
        tags: TAGS,
        summary: '按通知调整某月入库申报窗口（市级业务管理员）',
        params: ZMonthParams,
        body: ZWindowOverrideInput,
        response: { 200: ZCalendarYear },
      },
    },
    async (request) => {
      const ctx = actorCtx(request, 'calendar.maintain');
      await saveWindowOverride(ctx, request.params.month, request.body);
      return readCalendarYear(ctx, Number(request.params.month.slice(0, 4)));
    },
  );

  app.delete(
    '/windows/:month',
    {
      schema: {
        tags: TAGS,
        summary: '取消某月的窗口调整（恢复按规则计算）',
        params: ZMonthParams,
        response: { 200: ZOk },
      },
    },
    async (request) => {
      await deleteWindowOverride(actorCtx(request, 'calendar.maintain'), request.params.month);
      return { ok: true as const };
    },
  );
}
