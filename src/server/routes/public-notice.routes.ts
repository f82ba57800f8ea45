/** Public notices (公示): open to everyone without sign-in, rate-limited; objections lodged here. */
import type { FastifyInstance } from 'fastify';
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
import { objectionLookupRateLimit, objectionRateLimit, publicRateLimit } from '../plugins/rate-limit-store';
import { routeKit } from '../route-kit/route';

export async function publicNoticeRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['public-notices']);
  route.get(
    '/',
    { guard: 'public', summary: '公示列表（公开）', config: publicRateLimit, ok: ZNoticeList },
    async (ctx) => ({ items: await listPublicNotices(ctx) }),
  );
  route.get(
    '/:id',
    {
      guard: 'public',
      summary: '公示详情：企业名称、项目、金额、公示期（公开）',
      config: publicRateLimit,
      params: ZIdParam,
      query: ZPage,
      ok: ZNoticeDetail,
    },
    (ctx, request) => getPublicNotice(ctx, request.params.id, request.query.page, request.query.pageSize),
  );
  route.post(
    '/:id/objections',
    {
      guard: 'public',
      summary: '提出异议（公开；姓名、联系方式、理由；每个地址每10分钟最多5次）',
      config: objectionRateLimit,
      params: ZIdParam,
      body: ZLodgeObjection,
      created: ZObjectionReceipt,
    },
    (ctx, request) => lodgeObjection(ctx, request.params.id, request.body),
  );
  route.post(
    '/objection-lookup',
    {
      guard: 'public',
      summary: '按案件编号查询异议的办理进度与结果（公开；须提供提出异议时填写的联系方式）',
      config: objectionLookupRateLimit,
      body: ZObjectionLookup,
      ok: ZObjectionCase,
    },
    // The fund's objections (ZX…) are looked up the same way as the 政银保 ones (ADR 0017).
    (ctx, request) =>
      isFundCaseNo(request.body.caseNo) ? lookupFundObjection(ctx, request.body) : lookupObjection(ctx, request.body),
  );
}
