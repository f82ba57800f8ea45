/**
 * The financing zone (002 三（二）（三）（四）): the public catalogue and the reader of needs typed in plain Chinese;
 * banks' products and the city's review; enterprises' needs, consent and matches; orders with their due days; the
 * city's oversight.
 */
import type { FastifyInstance } from 'fastify';
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
import { publicRateLimit } from '../plugins/rate-limit-store';
import { routeKit } from '../route-kit/route';

export async function financingRoutes(app: FastifyInstance): Promise<void> {
  const route = routeKit(app, ['financing']);

  // ---------- public ----------
  route.get(
    '/products',
    {
      guard: 'public',
      summary: '融资产品目录（已上架、在有效期内；可按关键字、类型、担保方式、区域、金额、期限筛选）',
      config: publicRateLimit,
      query: ZCatalogueQuery,
      ok: ZProductList,
    },
    (ctx, request) => listCatalogue(ctx, request.query),
  );
  route.get(
    '/products/:id',
    { guard: 'public', summary: '一个已上架的融资产品', config: publicRateLimit, params: ZFinancingId, ok: ZProduct },
    (ctx, request) => readCatalogueProduct(ctx, request.params.id),
  );
  route.post(
    '/needs/parse',
    {
      guard: 'public',
      summary: '读取一句话融资需求（金额、期限、用途、担保方式；离线、可解释，不调用外部服务）',
      config: publicRateLimit,
      body: ZParseNeedInput,
      ok: ZNeedReading,
    },
    (_ctx, request) => readNeedSentence(app.deps.config, request.body.text),
  );

  // ---------- banks' products and the city's review ----------
  route.get(
    '/bank/products',
    { guard: 'financing.product.manage', summary: '本行的融资产品（含各版本与审核意见）', ok: ZProductList },
    (ctx) => listManagedProducts(ctx),
  );
  route.post(
    '/bank/products',
    {
      guard: 'financing.product.manage',
      summary: '发布融资产品（提交市级上架审核；期限须符合设备贷≤5年、流动资金贷≤3年）',
      body: ZProductInput,
      created: ZCreatedVersion,
    },
    (ctx, request) => publishProduct(ctx, request.body),
  );
  route.put(
    '/bank/products/:id',
    {
      guard: 'financing.product.update',
      summary: '修改融资产品（生成新版本，重新提交上架审核；已上架版本在审核通过前继续展示）',
      params: ZFinancingId,
      body: ZProductInput,
      ok: ZCreatedVersion,
    },
    (ctx, request) => reviseProduct(ctx, request.params.id, request.body),
  );
  route.get(
    '/review/products',
    { guard: 'financing.product.review', summary: '待上架审核的融资产品（市级）', ok: ZProductList },
    (ctx) => listManagedProducts(ctx, { pendingOnly: true }),
  );
  route.post(
    '/review/products/:id',
    {
      guard: 'financing.product.review',
      summary: '上架审核：通过，或不予上架并写明理由',
      params: ZFinancingId,
      body: ZProductReview,
      ok: ZReviewed,
    },
    (ctx, request) => reviewProduct(ctx, request.params.id, request.body),
  );

  // ---------- needs ----------
  route.get(
    '/needs',
    {
      guard: 'financing.need.read',
      summary: '融资需求（企业：本企业；银行：授权本行的开放需求；市级：全部）',
      ok: ZNeedList,
    },
    (ctx) => listNeeds(ctx),
  );
  route.post(
    '/needs',
    {
      guard: 'financing.need.post',
      summary: '发布融资需求（含向银行提供企业档案的授权）',
      body: ZNeedInput,
      created: ZIdOnly,
    },
    (ctx, request) => postNeed(ctx, request.body),
  );
  route.get(
    '/needs/:id',
    { guard: 'financing.need.read', summary: '一个融资需求', params: ZFinancingId, ok: ZNeed },
    (ctx, request) => readNeed(ctx, request.params.id),
  );
  route.put(
    '/needs/:id/consent',
    {
      guard: 'financing.need.consent',
      summary: '设置或撤回企业档案授权（立即生效）',
      params: ZFinancingId,
      body: ZNeedConsent,
      ok: ZIdOnly,
    },
    (ctx, request) => setNeedConsent(ctx, request.params.id, request.body),
  );
  route.put(
    '/needs/:id/green-channel',
    {
      guard: 'financing.need.green_channel',
      summary: '纳入或移出绿色通道（市级）',
      params: ZFinancingId,
      body: ZGreenChannel,
      ok: ZGreenSet,
    },
    (ctx, request) => flagGreenChannel(ctx, request.params.id, request.body),
  );
  route.get(
    '/needs/:id/matches',
    {
      guard: 'financing.need.read',
      summary: '为融资需求匹配的产品（逐项说明符合与不符合的条件）',
      params: ZFinancingId,
      ok: ZProductMatchList,
    },
    (ctx, request) => matchProductsForNeed(ctx, request.params.id),
  );
  route.get(
    '/bank/matches',
    { guard: 'financing.need.take', summary: '与本行产品匹配、且企业授权本行查看的融资需求', ok: ZNeedMatchList },
    (ctx) => matchNeedsForBank(ctx),
  );

  // ---------- orders ----------
  route.post(
    '/needs/:id/orders',
    {
      guard: 'financing.order.apply',
      summary: '企业以融资需求申请产品',
      params: ZFinancingId,
      body: ZApplyInput,
      created: ZOpenedOrder,
    },
    (ctx, request) => applyToProduct(ctx, request.params.id, request.body),
  );
  route.post(
    '/needs/:id/take',
    {
      guard: 'financing.need.take',
      summary: '银行接洽融资需求（抢单）',
      params: ZFinancingId,
      body: ZTakeInput,
      created: ZOpenedOrder,
    },
    (ctx, request) => takeNeed(ctx, request.params.id, request.body),
  );
  route.get(
    '/orders',
    { guard: 'financing.order.read', summary: '对接单（按角色范围）', query: ZOrderListQuery, ok: ZOrderList },
    (ctx, request) => listOrders(ctx, request.query),
  );
  route.get(
    '/orders/:id',
    { guard: 'financing.order.read', summary: '一个对接单', params: ZFinancingId, ok: ZOrder },
    (ctx, request) => readOrder(ctx, request.params.id),
  );
  route.post(
    '/orders/:id/accept',
    {
      guard: 'financing.order.answer',
      summary: '银行接单（开始计算授信决定时限）',
      params: ZFinancingId,
      ok: ZAnswered,
    },
    (ctx, request) => answerOrder(ctx, request.params.id, { accept: true }),
  );
  route.post(
    '/orders/:id/decline',
    {
      guard: 'financing.order.answer',
      summary: '银行婉拒（理由告知企业）',
      params: ZFinancingId,
      body: ZDeclineInput,
      ok: ZAnswered,
    },
    (ctx, request) =>
      answerOrder(ctx, request.params.id, {
        accept: false,
        reason: request.body.reason,
      }),
  );
  route.post(
    '/orders/:id/outcome',
    {
      guard: 'financing.order.answer',
      summary: '报告授信结果（获批金额、利率、期限、放款日，或未获批原因）',
      params: ZFinancingId,
      body: ZOutcomeInput,
      ok: ZOrderStatusOnly,
    },
    (ctx, request) => reportOutcome(ctx, request.params.id, request.body),
  );
  route.post(
    '/orders/:id/loan',
    {
      guard: 'financing.order.register_loan',
      summary: '获批并已放款的政银保对接单转入贷款登记（无需重录；重复提交返回已登记的贷款）',
      params: ZFinancingId,
      body: ZRegisterLoanInput,
      ok: ZRegisteredLoan,
    },
    (ctx, request) => registerOrderLoan(ctx, request.params.id, request.body),
  );
  route.post(
    '/orders/:id/rating',
    { guard: 'financing.order.rate', summary: '企业评价银行服务', params: ZFinancingId, body: ZRateInput, ok: ZIdOnly },
    (ctx, request) => rateOrder(ctx, request.params.id, request.body),
  );

  // ---------- the city's oversight ----------
  route.get(
    '/oversight',
    {
      guard: 'financing.oversight.read',
      summary: '各银行响应用时、逾期数、获批率与评价，以及逾期对接单（市级）',
      ok: ZOversight,
    },
    (ctx) => readOversight(ctx),
  );
  route.post(
    '/oversight/sweep',
    { guard: 'financing.oversight.sweep', summary: '标记逾期对接单（提醒银行、告知市级）', ok: ZSweepResult },
    (ctx) => sweepOverdueOrders(ctx),
  );

  // ---------- the city's answer times ----------
  route.get(
    '/answer-times',
    {
      guard: 'financing.answer_times.read',
      summary: '对接答复时限：现行值（市级设定或平台默认）与各次设定（市级）',
      ok: ZAnswerTimes,
    },
    (ctx) => readAnswerTimes(ctx),
  );
  route.post(
    '/answer-times',
    {
      guard: 'financing.answer_times.set',
      summary: '设定对接答复时限（自施行日期起新对接单适用；市级管理员）',
      body: ZAnswerTimesInput,
      created: ZIdEffective,
    },
    (ctx, request) => setAnswerTimes(ctx, request.body),
  );
}
