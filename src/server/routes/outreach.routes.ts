/**
 * Outreach (002 三（一） and 二): white lists pushed to banks with their visits and coverage, match-making events with
 * registrations, scheduled one-to-one meetings, check-in and outcomes, and the financing statistics (the city's
 * dashboard and the public summary), each table also as Excel.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZCreated,
  ZEvent,
  ZEventInput,
  ZEventList,
  ZFilterPreview,
  ZManualEntryInput,
  ZOutcomeInput,
  ZOutreachEntryParams,
  ZOutreachId,
  ZOutreachMeetingParams,
  ZOutreachRegistrationParams,
  ZPublicStatistics,
  ZRegistrationInput,
  ZScheduleResult,
  ZStatistics,
  ZTimetable,
  ZUpdated,
  ZVisitInput,
  ZWhitelist,
  ZWhitelistCriteria,
  ZWhitelistInput,
  ZWhitelistList,
} from '../../contracts/outreach';
import {
  addWhitelistEntry,
  checkInRegistration,
  createEvent,
  createWhitelist,
  listEvents,
  listWhitelists,
  previewWhitelistFilters,
  publishWhitelist,
  readEvent,
  readPublicStatistics,
  readStatistics,
  readTimetable,
  readWhitelist,
  recordMeetingOutcome,
  recordVisit,
  registerForEvent,
  removeWhitelistEntry,
  scheduleEvent,
  statisticsXlsx,
  whitelistXlsx,
} from '../../services/outreach';
import { publicRateLimit } from '../plugins/rate-limit-store';
import { sendDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

export async function outreachRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['outreach']);

  // ---------- white lists ----------
  route.get(
    '/whitelists',
    { guard: 'outreach.whitelist.read', summary: '融资服务白名单（市局全部；银行仅推送给本行的）', ok: ZWhitelistList },
    (ctx) => listWhitelists(ctx),
  );
  route.post(
    '/whitelists/preview',
    {
      guard: 'outreach.whitelist.manage',
      summary: '按条件预览白名单（每家企业符合与不符合的条件）',
      body: ZWhitelistCriteria,
      ok: ZFilterPreview,
    },
    (ctx, request) => previewWhitelistFilters(ctx, request.body),
  );
  route.post(
    '/whitelists',
    {
      guard: 'outreach.whitelist.manage',
      summary: '按条件建立一期白名单（草稿）',
      body: ZWhitelistInput,
      created: ZCreated,
    },
    (ctx, request) => createWhitelist(ctx, request.body),
  );
  route.get(
    '/whitelists/:id',
    {
      guard: 'outreach.whitelist.read',
      summary: '一期白名单（企业、纳入理由、走访记录与覆盖率）',
      params: ZOutreachId,
      ok: ZWhitelist,
    },
    (ctx, request) => readWhitelist(ctx, request.params.id),
  );
  route.get(
    '/whitelists/:id/xlsx',
    { guard: 'outreach.whitelist.read', summary: '下载白名单（Excel）', params: ZOutreachId },
    async (ctx, request, reply) => {
      const list = await readWhitelist(ctx, request.params.id);
      return sendDownload(reply, {
        ascii: 'whitelist.xlsx',
        name: `${list.title}.xlsx`,
        body: await whitelistXlsx(list),
      });
    },
  );
  route.post(
    '/whitelists/:id/entries',
    {
      guard: 'outreach.whitelist.manage',
      summary: '手工加入企业（须写明理由）',
      params: ZOutreachId,
      body: ZManualEntryInput,
      created: ZCreated,
    },
    (ctx, request) => addWhitelistEntry(ctx, request.params.id, request.body),
  );
  route.delete(
    '/whitelists/:id/entries/:entryId',
    { guard: 'outreach.whitelist.manage', summary: '从草稿名单移出企业', params: ZOutreachEntryParams, ok: ZUpdated },
    (ctx, request) => removeWhitelistEntry(ctx, request.params.id, request.params.entryId),
  );
  route.post(
    '/whitelists/:id/publish',
    { guard: 'outreach.whitelist.manage', summary: '推送白名单至所选合作银行', params: ZOutreachId, ok: ZUpdated },
    (ctx, request) => publishWhitelist(ctx, request.params.id),
  );
  route.put(
    '/whitelists/:id/entries/:entryId/visit',
    {
      guard: 'outreach.visit.record',
      summary: '记录本行对名单企业的走访对接',
      params: ZOutreachEntryParams,
      body: ZVisitInput,
      ok: ZCreated,
    },
    (ctx, request) => recordVisit(ctx, request.params.id, request.params.entryId, request.body),
  );

  // ---------- events ----------
  route.get('/events', { guard: 'outreach.event.read', summary: '融资对接会', ok: ZEventList }, (ctx) =>
    listEvents(ctx),
  );
  route.post(
    '/events',
    {
      guard: 'outreach.event.manage',
      summary: '安排一场融资对接会（日期、方式、地点、主题、时段）',
      body: ZEventInput,
      created: ZCreated,
    },
    (ctx, request) => createEvent(ctx, request.body),
  );
  route.get(
    '/events/:id',
    {
      guard: 'outreach.event.read',
      summary: '一场对接会（报名、洽谈安排、未满足的意向）',
      params: ZOutreachId,
      ok: ZEvent,
    },
    (ctx, request) => readEvent(ctx, request.params.id),
  );
  route.post(
    '/events/:id/registrations',
    {
      guard: 'outreach.event.read',
      summary: '报名对接会并填写希望对接的对象（市局可代为报名）',
      params: ZOutreachId,
      body: ZRegistrationInput,
      created: ZCreated,
    },
    (ctx, request) => registerForEvent(ctx, request.params.id, request.body),
  );
  route.post(
    '/events/:id/schedule',
    {
      guard: 'outreach.event.manage',
      summary: '按双方意向排定一对一洽谈（无人重复占用时段）',
      params: ZOutreachId,
      ok: ZScheduleResult,
    },
    (ctx, request) => scheduleEvent(ctx, request.params.id),
  );
  route.get(
    '/events/:id/timetable',
    {
      guard: 'outreach.event.read',
      summary: '本方的洽谈时间表（市局可查看任一参会方）',
      params: ZOutreachId,
      query: z.object({ partyId: z.uuid({ error: '应为编号（UUID）' }).optional().describe('参会方') }),
      ok: ZTimetable,
    },
    (ctx, request) => readTimetable(ctx, request.params.id, request.query.partyId),
  );
  route.post(
    '/events/:id/registrations/:registrationId/check-in',
    { guard: 'outreach.event.checkin', summary: '参会方签到', params: ZOutreachRegistrationParams, ok: ZUpdated },
    (ctx, request) => checkInRegistration(ctx, request.params.id, request.params.registrationId),
  );
  route.put(
    '/events/:id/meetings/:meetingId/outcome',
    {
      guard: 'outreach.meeting.outcome',
      summary: '记录洽谈结果（意向金额、是否签约、后续对接单）',
      params: ZOutreachMeetingParams,
      body: ZOutcomeInput,
      ok: ZUpdated,
    },
    (ctx, request) => recordMeetingOutcome(ctx, request.params.id, request.params.meetingId, request.body),
  );

  // ---------- statistics ----------
  route.get(
    '/statistics',
    {
      guard: 'outreach.statistics.read',
      summary: '融资对接统计（按银行、县区、产品类型、月份；授信目标进度；答复时长）',
      ok: ZStatistics,
    },
    (ctx) => readStatistics(ctx),
  );
  route.get(
    '/statistics/xlsx',
    { guard: 'outreach.statistics.read', summary: '下载融资对接统计（Excel，每张表一页）' },
    async (ctx, _request, reply) =>
      sendDownload(reply, {
        ascii: 'financing-statistics.xlsx',
        name: '融资对接统计.xlsx',
        body: await statisticsXlsx(await readStatistics(ctx)),
      }),
  );
  route.get(
    '/public/statistics',
    { guard: 'public', summary: '融资对接成效（公开）', config: publicRateLimit, ok: ZPublicStatistics },
    (ctx) => readPublicStatistics(ctx),
  );
  route.get(
    '/public/statistics/xlsx',
    { guard: 'public', summary: '下载融资对接成效（Excel，公开）', config: publicRateLimit },
    async (ctx, _request, reply) =>
      sendDownload(reply, {
        ascii: 'financing-summary.xlsx',
        name: '融资对接成效.xlsx',
        body: await statisticsXlsx(await readPublicStatistics(ctx)),
      }),
  );
}
