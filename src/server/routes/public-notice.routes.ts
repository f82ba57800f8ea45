/** Public notices (公示): open to everyone without sign-in, rate-limited; objections lodged here. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZPage } from '../../contracts/common';
import {
  ZIdParam,
  ZLodgeObjection,
  ZNoticeDetail,
  ZNoticeList,
  ZObjectionCase,
  ZObjectionLookup,
  ZObjectionReceipt,
} from '../../contracts/subsidy';
import { isFundCaseNo, lookupFundObjection } from '../../services/fund';
import { getPublicNotice, listPublicNotices, lodgeObjection, lookupObjection } from '../../services/subsidy';
import { ctxOf } from '../http-context';
import { objectionLookupRateLimit, objectionRateLimit, publicRateLimit } from '../plugins/rate-limit-store';

const TAGS = ['public-notices'];

export async function publicNoticeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/',
    {
      config: publicRateLimit,
      schema: { tags: TAGS, summary: '公示列表（公开）', response: { 200: ZNoticeList } },
    },
    async (request) => ({ items: await listPublicNotices(ctxOf(request)) }),
  );
  app.get(
    '/:id',
    {
      config: publicRateLimit,
      schema: {
        tags: TAGS,
        summary: '公示详情：企业名称、项目、金额、公示期（公开）',
        params: ZIdParam,
        querystring: ZPage,
        response: { 200: ZNoticeDetail },
      },
    },
    async (request) => getPublicNotice(ctxOf(request), request.params.id, request.query.page, request.query.pageSize),
  );
  app.post(
    '/:id/objections',
    {
      config: objectionRateLimit,
      schema: {
        tags: TAGS,
        summary: '提出异议（公开；姓名、联系方式、理由；每个地址每10分钟最多5次）',
        params: ZIdParam,
        body: ZLodgeObjection,
        response: { 201: ZObjectionReceipt },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await lodgeObjection(ctxOf(request), request.params.id, request.body)),
  );
  app.post(
    '/objection-lookup',
    {
      config: objectionLookupRateLimit,
      schema: {
        tags: TAGS,
        summary: '按案件编号查询异议的办理进度与结果（公开；须提供提出异议时填写的联系方式）',
        body: ZObjectionLookup,
        response: { 200: ZObjectionCase },
      },
    },
    // The fund's objections (ZX…) are looked up the same way as the 政银保 ones (ADR 0017).
    async (request) =>
      isFundCaseNo(request.body.caseNo)
        ? lookupFundObjection(ctxOf(request), request.body)
        : lookupObjection(ctxOf(request), request.body),
  );
}
