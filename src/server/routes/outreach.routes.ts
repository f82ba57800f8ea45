/**
 * Outreach (002 三（一） and 二): white lists pushed to banks with their visits and coverage, match-making events with
 * registrations, scheduled one-to-one meetings, check-in and outcomes, and the financing statistics (the city's
 * dashboard and the public summary), each table also as Excel.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtx, ctxOf } from '../http-context';
import { publicRateLimit } from '../plugins/rate-limit-store';

const TAGS = ['outreach'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(reply: FastifyReply, buf: Buffer, ascii: string, name: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .send(buf);
}

export async function outreachRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // ---------- white lists ----------
  app.get(
    '/whitelists',
    {
      schema: {
        tags: TAGS,
        summary: '融资服务白名单（市局全部；银行仅推送给本行的）',
        response: { 200: ZWhitelistList },
      },
    },
    async (request) => listWhitelists(actorCtx(request, 'outreach.whitelist.read')),
  );
  app.post(
    '/whitelists/preview',
    {
      schema: {
        tags: TAGS,
        summary: '按条件预览白名单（每家企业符合与不符合的条件）',
        body: ZWhitelistCriteria,
        response: { 200: ZFilterPreview },
      },
    },
    async (request) => previewWhitelistFilters(actorCtx(request, 'outreach.whitelist.manage'), request.body),
  );
  app.post(
    '/whitelists',
    {
      schema: {
        tags: TAGS,
        summary: '按条件建立一期白名单（草稿）',
        body: ZWhitelistInput,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWhitelist(actorCtx(request, 'outreach.whitelist.manage'), request.body)),
  );
  app.get(
    '/whitelists/:id',
    {
      schema: {
        tags: TAGS,
        summary: '一期白名单（企业、纳入理由、走访记录与覆盖率）',
        params: ZOutreachId,
        response: { 200: ZWhitelist },
      },
    },
    async (request) => readWhitelist(actorCtx(request, 'outreach.whitelist.read'), request.params.id),
  );
  app.get(
    '/whitelists/:id/xlsx',
    { schema: { tags: TAGS, summary: '下载白名单（Excel）', params: ZOutreachId } },
    async (request, reply) => {
      const list = await readWhitelist(actorCtx(request, 'outreach.whitelist.read'), request.params.id);
      return sendXlsx(reply, await whitelistXlsx(list), 'whitelist.xlsx', `${list.title}.xlsx`);
    },
  );
  app.post(
    '/whitelists/:id/entries',
    {
      schema: {
        tags: TAGS,
        summary: '手工加入企业（须写明理由）',
        params: ZOutreachId,
        body: ZManualEntryInput,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addWhitelistEntry(actorCtx(request, 'outreach.whitelist.manage'), request.params.id, request.body)),
  );
  app.delete(
    '/whitelists/:id/entries/:entryId',
    {
      schema: { tags: TAGS, summary: '从草稿名单移出企业', params: ZOutreachEntryParams, response: { 200: ZUpdated } },
    },
    async (request) =>
      removeWhitelistEntry(actorCtx(request, 'outreach.whitelist.manage'), request.params.id, request.params.entryId),
  );
  app.post(
    '/whitelists/:id/publish',
    { schema: { tags: TAGS, summary: '推送白名单至所选合作银行', params: ZOutreachId, response: { 200: ZUpdated } } },
    async (request) => publishWhitelist(actorCtx(request, 'outreach.whitelist.manage'), request.params.id),
  );
  app.put(
    '/whitelists/:id/entries/:entryId/visit',
    {
      schema: {
        tags: TAGS,
        summary: '记录本行对名单企业的走访对接',
        params: ZOutreachEntryParams,
        body: ZVisitInput,
        response: { 200: ZCreated },
      },
    },
    async (request) =>
      recordVisit(actorCtx(request, 'outreach.visit.record'), request.params.id, request.params.entryId, request.body),
  );

  // ---------- events ----------
  app.get(
    '/events',
    { schema: { tags: TAGS, summary: '融资对接会', response: { 200: ZEventList } } },
    async (request) => listEvents(actorCtx(request, 'outreach.event.read')),
  );
  app.post(
    '/events',
    {
      schema: {
        tags: TAGS,
        summary: '安排一场融资对接会（日期、方式、地点、主题、时段）',
        body: ZEventInput,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createEvent(actorCtx(request, 'outreach.event.manage'), request.body)),
  );
  app.get(
    '/events/:id',
    {
      schema: {
        tags: TAGS,
        summary: '一场对接会（报名、洽谈安排、未满足的意向）',
        params: ZOutreachId,
        response: { 200: ZEvent },
      },
    },
    async (request) => readEvent(actorCtx(request, 'outreach.event.read'), request.params.id),
  );
  app.post(
    '/events/:id/registrations',
    {
      schema: {
        tags: TAGS,
        summary: '报名对接会并填写希望对接的对象（市局可代为报名）',
        params: ZOutreachId,
        body: ZRegistrationInput,
        response: { 201: ZCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await registerForEvent(actorCtx(request, 'outreach.event.read'), request.params.id, request.body)),
  );
  app.post(
    '/events/:id/schedule',
    {
      schema: {
        tags: TAGS,
        summary: '按双方意向排定一对一洽谈（无人重复占用时段）',
        params: ZOutreachId,
        response: { 200: ZScheduleResult },
      },
    },
    async (request) => scheduleEvent(actorCtx(request, 'outreach.event.manage'), request.params.id),
  );
  app.get(
    '/events/:id/timetable',
    {
      schema: {
        tags: TAGS,
        summary: '本方的洽谈时间表（市局可查看任一参会方）',
        params: ZOutreachId,
        querystring: z.object({ partyId: z.uuid({ error: '应为编号（UUID）' }).optional().describe('参会方') }),
        response: { 200: ZTimetable },
      },
    },
    async (request) =>
      readTimetable(actorCtx(request, 'outreach.event.read'), request.params.id, request.query.partyId),
  );
  app.post(
    '/events/:id/registrations/:registrationId/check-in',
    { schema: { tags: TAGS, summary: '参会方签到', params: ZOutreachRegistrationParams, response: { 200: ZUpdated } } },
    async (request) =>
      checkInRegistration(
        actorCtx(request, 'outreach.event.checkin'),
        request.params.id,
        request.params.registrationId,
      ),
  );
  app.put(
    '/events/:id/meetings/:meetingId/outcome',
    {
      schema: {
        tags: TAGS,
        summary: '记录洽谈结果（意向金额、是否签约、后续对接单）',
        params: ZOutreachMeetingParams,
        body: ZOutcomeInput,
        response: { 200: ZUpdated },
      },
    },
    async (request) =>
      recordMeetingOutcome(
        actorCtx(request, 'outreach.meeting.outcome'),
        request.params.id,
        request.params.meetingId,
        request.body,
      ),
  );

  // ---------- statistics ----------
  app.get(
    '/statistics',
    {
      schema: {
        tags: TAGS,
        summary: '融资对接统计（按银行、县区、产品类型、月份；授信目标进度；答复时长）',
        response: { 200: ZStatistics },
      },
    },
    async (request) => readStatistics(actorCtx(request, 'outreach.statistics.read')),
  );
  app.get(
    '/statistics/xlsx',
    { schema: { tags: TAGS, summary: '下载融资对接统计（Excel，每张表一页）' } },
    async (request, reply) =>
      sendXlsx(
        reply,
        await statisticsXlsx(await readStatistics(actorCtx(request, 'outreach.statistics.read'))),
        'financing-statistics.xlsx',
        '融资对接统计.xlsx',
      ),
  );
  app.get(
    '/public/statistics',
    {
      config: publicRateLimit,
      schema: { tags: TAGS, summary: '融资对接成效（公开）', response: { 200: ZPublicStatistics } },
    },
    async (request) => readPublicStatistics(ctxOf(request)),
  );
  app.get(
    '/public/statistics/xlsx',
    { config: publicRateLimit, schema: { tags: TAGS, summary: '下载融资对接成效（Excel，公开）' } },
    async (request, reply) =>
      sendXlsx(
        reply,
        await statisticsXlsx(await readPublicStatistics(ctxOf(request))),
        'financing-summary.xlsx',
        '融资对接成效.xlsx',
      ),
  );
}
