/**
 * The financing zone (002 三（二）（三）（四）): the public catalogue and the reader of needs typed in plain Chinese;
 * banks' products and the city's review; enterprises' needs, consent and matches; orders with their due days; the
 * city's oversight.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAnswered,
  ZAnswerTimes,
  ZAnswerTimesInput,
  ZApplyInput,
  ZCatalogueQuery,
  ZCreatedVersion,
  ZDeclineInput,
  ZFinancingId,
  ZGreenChannel,
  ZGreenSet,
  ZIdEffective,
  ZIdOnly,
  ZNeed,
  ZNeedConsent,
  ZNeedInput,
  ZNeedList,
  ZNeedMatchList,
  ZNeedReading,
  ZOpenedOrder,
  ZOrder,
  ZOrderList,
  ZOrderListQuery,
  ZOrderStatusOnly,
  ZOutcomeInput,
  ZOversight,
  ZParseNeedInput,
  ZProduct,
  ZProductInput,
  ZProductList,
  ZProductMatchList,
  ZProductReview,
  ZRateInput,
  ZRegisteredLoan,
  ZRegisterLoanInput,
  ZReviewed,
  ZSweepResult,
  ZTakeInput,
} from '../../contracts/financing';
import {
  answerOrder,
  applyToProduct,
  flagGreenChannel,
  listCatalogue,
  listManagedProducts,
  listNeeds,
  listOrders,
  matchNeedsForBank,
  matchProductsForNeed,
  postNeed,
  publishProduct,
  rateOrder,
  readAnswerTimes,
  readCatalogueProduct,
  readNeed,
  readNeedSentence,
  readOrder,
  readOversight,
  registerOrderLoan,
  reportOutcome,
  reviewProduct,
  reviseProduct,
  setAnswerTimes,
  setNeedConsent,
  sweepOverdueOrders,
  takeNeed,
} from '../../services/financing';
import { actorCtx, ctxOf } from '../http-context';
import { publicRateLimit } from '../plugins/rate-limit-store';

const TAGS = ['financing'];

export async function financingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // ---------- public ----------
  app.get(
    '/products',
    {
      config: publicRateLimit,
      schema: {
        tags: TAGS,
        summary: '融资产品目录（已上架、在有效期内；可按关键字、类型、担保方式、区域、金额、期限筛选）',
        querystring: ZCatalogueQuery,
        response: { 200: ZProductList },
      },
    },
    async (request) => listCatalogue(ctxOf(request), request.query),
  );
  app.get(
    '/products/:id',
    {
      config: publicRateLimit,
      schema: { tags: TAGS, summary: '一个已上架的融资产品', params: ZFinancingId, response: { 200: ZProduct } },
    },
    async (request) => readCatalogueProduct(ctxOf(request), request.params.id),
  );
  app.post(
    '/needs/parse',
    {
      config: publicRateLimit,
      schema: {
        tags: TAGS,
        summary: '读取一句话融资需求（金额、期限、用途、担保方式；离线、可解释，不调用外部服务）',
        body: ZParseNeedInput,
        response: { 200: ZNeedReading },
      },
    },
    async (request) => readNeedSentence(app.deps.config, request.body.text),
  );

  // ---------- banks' products and the city's review ----------
  app.get(
    '/bank/products',
    {
      schema: { tags: TAGS, summary: '本行的融资产品（含各版本与审核意见）', response: { 200: ZProductList } },
    },
    async (request) => listManagedProducts(actorCtx(request, 'financing.product.manage')),
  );
  app.post(
    '/bank/products',
    {
      schema: {
        tags: TAGS,
        summary: '发布融资产品（提交市级上架审核；期限须符合设备贷≤5年、流动资金贷≤3年）',
        body: ZProductInput,
        response: { 201: ZCreatedVersion },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await publishProduct(actorCtx(request, 'financing.product.manage'), request.body)),
  );
  app.put(
    '/bank/products/:id',
    {
      schema: {
        tags: TAGS,
        summary: '修改融资产品（生成新版本，重新提交上架审核；已上架版本在审核通过前继续展示）',
        params: ZFinancingId,
        body: ZProductInput,
        response: { 200: ZCreatedVersion },
      },
    },
    async (request) => reviseProduct(actorCtx(request, 'financing.product.update'), request.params.id, request.body),
  );
  app.get(
    '/review/products',
    {
      schema: { tags: TAGS, summary: '待上架审核的融资产品（市级）', response: { 200: ZProductList } },
    },
    async (request) => listManagedProducts(actorCtx(request, 'financing.product.review'), { pendingOnly: true }),
  );
  app.post(
    '/review/products/:id',
    {
      schema: {
        tags: TAGS,
        summary: '上架审核：通过，或不予上架并写明理由',
        params: ZFinancingId,
        body: ZProductReview,
        response: { 200: ZReviewed },
      },
    },
    async (request) => reviewProduct(actorCtx(request, 'financing.product.review'), request.params.id, request.body),
  );

  // ---------- needs ----------
  app.get(
    '/needs',
    {
      schema: {
        tags: TAGS,
        summary: '融资需求（企业：本企业；银行：授权本行的开放需求；市级：全部）',
        response: { 200: ZNeedList },
      },
    },
    async (request) => listNeeds(actorCtx(request, 'financing.need.read')),
  );
  app.post(
    '/needs',
    {
      schema: {
        tags: TAGS,
        summary: '发布融资需求（含向银行提供企业档案的授权）',
        body: ZNeedInput,
        response: { 201: ZIdOnly },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await postNeed(actorCtx(request, 'financing.need.post'), request.body)),
  );
  app.get(
    '/needs/:id',
    { schema: { tags: TAGS, summary: '一个融资需求', params: ZFinancingId, response: { 200: ZNeed } } },
    async (request) => readNeed(actorCtx(request, 'financing.need.read'), request.params.id),
  );
  app.put(
    '/needs/:id/consent',
    {
      schema: {
        tags: TAGS,
        summary: '设置或撤回企业档案授权（立即生效）',
        params: ZFinancingId,
        body: ZNeedConsent,
        response: { 200: ZIdOnly },
      },
    },
    async (request) => setNeedConsent(actorCtx(request, 'financing.need.consent'), request.params.id, request.body),
  );
  app.put(
    '/needs/:id/green-channel',
    {
      schema: {
        tags: TAGS,
        summary: '纳入或移出绿色通道（市级）',
        params: ZFinancingId,
        body: ZGreenChannel,
        response: { 200: ZGreenSet },
      },
    },
    async (request) =>
      flagGreenChannel(actorCtx(request, 'financing.need.green_channel'), request.params.id, request.body),
  );
  app.get(
    '/needs/:id/matches',
    {
      schema: {
        tags: TAGS,
        summary: '为融资需求匹配的产品（逐项说明符合与不符合的条件）',
        params: ZFinancingId,
        response: { 200: ZProductMatchList },
      },
    },
    async (request) => matchProductsForNeed(actorCtx(request, 'financing.need.read'), request.params.id),
  );
  app.get(
    '/bank/matches',
    {
      schema: {
        tags: TAGS,
        summary: '与本行产品匹配、且企业授权本行查看的融资需求',
        response: { 200: ZNeedMatchList },
      },
    },
    async (request) => matchNeedsForBank(actorCtx(request, 'financing.need.take')),
  );

  // ---------- orders ----------
  app.post(
    '/needs/:id/orders',
    {
      schema: {
        tags: TAGS,
        summary: '企业以融资需求申请产品',
        params: ZFinancingId,
        body: ZApplyInput,
        response: { 201: ZOpenedOrder },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await applyToProduct(actorCtx(request, 'financing.order.apply'), request.params.id, request.body)),
  );
  app.post(
    '/needs/:id/take',
    {
      schema: {
        tags: TAGS,
        summary: '银行接洽融资需求（抢单）',
        params: ZFinancingId,
        body: ZTakeInput,
        response: { 201: ZOpenedOrder },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await takeNeed(actorCtx(request, 'financing.need.take'), request.params.id, request.body)),
  );
  app.get(
    '/orders',
    {
      schema: {
        tags: TAGS,
        summary: '对接单（按角色范围）',
        querystring: ZOrderListQuery,
        response: { 200: ZOrderList },
      },
    },
    async (request) => listOrders(actorCtx(request, 'financing.order.read'), request.query),
  );
  app.get(
    '/orders/:id',
    { schema: { tags: TAGS, summary: '一个对接单', params: ZFinancingId, response: { 200: ZOrder } } },
    async (request) => readOrder(actorCtx(request, 'financing.order.read'), request.params.id),
  );
  app.post(
    '/orders/:id/accept',
    {
      schema: {
        tags: TAGS,
        summary: '银行接单（开始计算授信决定时限）',
        params: ZFinancingId,
        response: { 200: ZAnswered },
      },
    },
    async (request) => answerOrder(actorCtx(request, 'financing.order.answer'), request.params.id, { accept: true }),
  );
  app.post(
    '/orders/:id/decline',
    {
      schema: {
        tags: TAGS,
        summary: '银行婉拒（理由告知企业）',
        params: ZFinancingId,
        body: ZDeclineInput,
        response: { 200: ZAnswered },
      },
    },
    async (request) =>
      answerOrder(actorCtx(request, 'financing.order.answer'), request.params.id, {
        accept: false,
        reason: request.body.reason,
      }),
  );
  app.post(
    '/orders/:id/outcome',
    {
      schema: {
        tags: TAGS,
        summary: '报告授信结果（获批金额、利率、期限、放款日，或未获批原因）',
        params: ZFinancingId,
        body: ZOutcomeInput,
        response: { 200: ZOrderStatusOnly },
      },
    },
    async (request) => reportOutcome(actorCtx(request, 'financing.order.answer'), request.params.id, request.body),
  );
  app.post(
    '/orders/:id/loan',
    {
      schema: {
        tags: TAGS,
        summary: '获批并已放款的政银保对接单转入贷款登记（无需重录；重复提交返回已登记的贷款）',
        params: ZFinancingId,
        body: ZRegisterLoanInput,
        response: { 200: ZRegisteredLoan },
      },
    },
    async (request) =>
      registerOrderLoan(actorCtx(request, 'financing.order.register_loan'), request.params.id, request.body),
  );
  app.post(
    '/orders/:id/rating',
    {
      schema: {
        tags: TAGS,
        summary: '企业评价银行服务',
        params: ZFinancingId,
        body: ZRateInput,
        response: { 200: ZIdOnly },
      },
    },
    async (request) => rateOrder(actorCtx(request, 'financing.order.rate'), request.params.id, request.body),
  );

  // ---------- the city's oversight ----------
  app.get(
    '/oversight',
    {
      schema: {
        tags: TAGS,
        summary: '各银行响应用时、逾期数、获批率与评价，以及逾期对接单（市级）',
        response: { 200: ZOversight },
      },
    },
    async (request) => readOversight(actorCtx(request, 'financing.oversight.read')),
  );
  app.post(
    '/oversight/sweep',
    {
      schema: { tags: TAGS, summary: '标记逾期对接单（提醒银行、告知市级）', response: { 200: ZSweepResult } },
    },
    async (request) => sweepOverdueOrders(actorCtx(request, 'financing.oversight.sweep')),
  );

  // ---------- the city's answer times ----------
  app.get(
    '/answer-times',
    {
      schema: {
        tags: TAGS,
        summary: '对接答复时限：现行值（市级设定或平台默认）与各次设定（市级）',
        response: { 200: ZAnswerTimes },
      },
    },
    async (request) => readAnswerTimes(actorCtx(request, 'financing.answer_times.read')),
  );
  app.post(
    '/answer-times',
    {
      schema: {
        tags: TAGS,
        summary: '设定对接答复时限（自施行日期起新对接单适用；市级管理员）',
        body: ZAnswerTimesInput,
        response: { 201: ZIdEffective },
      },
    },
    async (request, reply) => {
      const r = await setAnswerTimes(actorCtx(request, 'financing.answer_times.set'), request.body);
      return reply.code(201).send(r);
    },
  );
}
