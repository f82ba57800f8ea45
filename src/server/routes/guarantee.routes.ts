/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五））: fee-subsidy years, claims, review, allocation and
 * notice; risk pools, compensation claims with their steps and recoveries; awards registered as credit enhancement.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateFeeClaim,
  ZCreateFeeYear,
  ZCreatePool,
  ZCreateRiskClaim,
  ZEnhancement,
  ZFeeAllocationResult,
  ZFeeClaim,
  ZFeeClaimList,
  ZFeeClaimReview,
  ZFeeYear,
  ZFeeYearList,
  ZPool,
  ZPoolList,
  ZPublishFeeNotice,
  ZRegisterEnhancement,
  ZReportRecovery,
  ZResubmitFeeClaim,
  ZResubmitRiskClaim,
  ZRiskClaim,
  ZRiskClaimList,
  ZRiskClaimStep,
  ZYearParam,
} from '../../contracts/guarantee';
import { ZFundingPlan, ZIdParam, ZIssuePlan } from '../../contracts/subsidy';
import {
  allocateFeeYear,
  createFeeYear,
  createPool,
  getFeeClaim,
  getFeePlan,
  getRiskClaim,
  issueFeePlan,
  listEnhancements,
  listFeeClaims,
  listFeeYears,
  listPools,
  listRiskClaims,
  publishFeeNotice,
  registerEnhancement,
  reportRecovery,
  resubmitFeeClaim,
  resubmitRiskClaim,
  reviewFeeClaim,
  stepRiskClaim,
  submitFeeClaim,
  submitRiskClaim,
} from '../../services/guarantee';
import { fundingPlanXlsx } from '../../services/subsidy';
import { actorCtx } from '../http-context';

const tags = ['guarantee'];
const ZFeeClaimsQuery = z.object({ year: z.coerce.number().int().min(2024).max(2100).optional().describe('年度') });
const ZEnhancementList = z.object({ items: z.array(ZEnhancement) });

export async function guaranteeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/fee-years',
    { schema: { tags, summary: '担保费补贴年度预算与公示', response: { 200: ZFeeYearList } } },
    async (request) => listFeeYears(actorCtx(request, 'guarantee.fee.read')),
  );
  app.post(
    '/fee-years',
    {
      schema: {
        tags,
        summary: '设立担保费补贴年度预算（市级业务管理员）',
        body: ZCreateFeeYear,
        response: { 201: ZFeeYear },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFeeYear(actorCtx(request, 'guarantee.fee.year.manage'), request.body)),
  );
  app.post(
    '/fee-years/:year/allocate',
    {
      schema: {
        tags,
        summary: '按先到先得原则分配年度担保费补贴预算（一次）',
        params: ZYearParam,
        response: { 200: ZFeeAllocationResult },
      },
    },
    async (request) => allocateFeeYear(actorCtx(request, 'guarantee.fee.year.manage'), request.params.year),
  );
  app.post(
    '/fee-years/:year/notice',
    {
      schema: {
        tags,
        summary: '公示年度担保费补贴安排结果',
        params: ZYearParam,
        body: ZPublishFeeNotice,
        response: { 200: ZFeeYear },
      },
    },
    async (request) =>
      publishFeeNotice(actorCtx(request, 'guarantee.fee.year.manage'), request.params.year, request.body),
  );

  app.post(
    '/fee-years/:year/funding-plan',
    {
      schema: {
        tags,
        summary: '下达年度担保费补贴资金安排计划（公示期满、异议办结后）',
        params: ZYearParam,
        body: ZIssuePlan,
        response: { 201: ZFundingPlan },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await issueFeePlan(actorCtx(request, 'guarantee.fee.plan.issue'), request.params.year, request.body)),
  );
  app.get(
    '/fee-years/:year/funding-plan',
    {
      schema: {
        tags,
        summary: '年度担保费补贴资金安排计划（含大写金额）',
        params: ZYearParam,
        response: { 200: ZFundingPlan },
      },
    },
    async (request) => getFeePlan(actorCtx(request, 'guarantee.fee.read'), request.params.year),
  );
  app.get(
    '/fee-years/:year/funding-plan/xlsx',
    { schema: { tags, summary: '下载年度担保费补贴资金安排计划（Excel）', params: ZYearParam } },
    async (request, reply) => {
      const plan = await getFeePlan(actorCtx(request, 'guarantee.fee.read'), request.params.year);
      const buf = await fundingPlanXlsx(plan);
      const name = encodeURIComponent(`${plan.title}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="fee-funding-plan.xlsx"; filename*=UTF-8''${name}`)
        .send(buf);
    },
  );

  app.get(
    '/fee-claims',
    {
      schema: {
        tags,
        summary: '担保费补贴申请（按角色范围）',
        querystring: ZFeeClaimsQuery,
        response: { 200: ZFeeClaimList },
      },
    },
    async (request) => listFeeClaims(actorCtx(request, 'guarantee.fee.read'), request.query),
  );
  app.post(
    '/fee-claims',
    {
      schema: {
        tags,
        summary: '申请担保费补贴（企业或其担保机构）',
        body: ZCreateFeeClaim,
        response: { 201: ZFeeClaim },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitFeeClaim(actorCtx(request, 'guarantee.fee.claim'), request.body)),
  );
  app.get(
    '/fee-claims/:id',
    { schema: { tags, summary: '一件担保费补贴申请及其计算说明', params: ZIdParam, response: { 200: ZFeeClaim } } },
    async (request) => getFeeClaim(actorCtx(request, 'guarantee.fee.read'), request.params.id),
  );
  app.post(
    '/fee-claims/:id/review',
    {
      schema: {
        tags,
        summary: '县（市、区）核查或市级核实担保费补贴申请（通过或退回）',
        params: ZIdParam,
        body: ZFeeClaimReview,
        response: { 200: ZFeeClaim },
      },
    },
    async (request) => reviewFeeClaim(actorCtx(request), request.params.id, request.body),
  );
  app.post(
    '/fee-claims/:id/resubmit',
    {
      schema: {
        tags,
        summary: '修改被退回的担保费补贴申请并重新提交',
        params: ZIdParam,
        body: ZResubmitFeeClaim,
        response: { 200: ZFeeClaim },
      },
    },
    async (request) => resubmitFeeClaim(actorCtx(request, 'guarantee.fee.resubmit'), request.params.id, request.body),
  );

  app.get(
    '/pools',
    {
      schema: {
        tags,
        summary: '风险补偿资金池台账（预算、已核定、已拨付、已返还、余额）',
        response: { 200: ZPoolList },
      },
    },
    async (request) => listPools(actorCtx(request, 'guarantee.pool.read')),
  );
  app.post(
    '/pools',
    { schema: { tags, summary: '设立年度风险补偿资金池', body: ZCreatePool, response: { 201: ZPool } } },
    async (request, reply) =>
      reply.code(201).send(await createPool(actorCtx(request, 'guarantee.pool.manage'), request.body)),
  );

  app.get(
    '/risk-claims',
    { schema: { tags, summary: '风险补偿申请（按角色范围）', response: { 200: ZRiskClaimList } } },
    async (request) => listRiskClaims(actorCtx(request, 'guarantee.risk.read')),
  );
  app.post(
    '/risk-claims',
    {
      schema: {
        tags,
        summary: '申请不良贷款风险补偿（合作银行或担保/保险机构）',
        body: ZCreateRiskClaim,
        response: { 201: ZRiskClaim },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await submitRiskClaim(actorCtx(request, 'guarantee.risk.claim'), request.body)),
  );
  app.get(
    '/risk-claims/:id',
    {
      schema: {
        tags,
        summary: '一件风险补偿申请、核定说明与追偿记录',
        params: ZIdParam,
        response: { 200: ZRiskClaim },
      },
    },
    async (request) => getRiskClaim(actorCtx(request, 'guarantee.risk.read'), request.params.id),
  );
  app.post(
    '/risk-claims/:id/steps',
    {
      schema: {
        tags,
        summary: '风险补偿申请的审核步骤：核查、核实（超过限额须第二人复核）、退回、拨付、结案',
        params: ZIdParam,
        body: ZRiskClaimStep,
        response: { 200: ZRiskClaim },
      },
    },
    async (request) => stepRiskClaim(actorCtx(request), request.params.id, request.body),
  );
  app.post(
    '/risk-claims/:id/recoveries',
    {
      schema: {
        tags,
        summary: '报告补偿后的追偿款（按比例返还资金池）',
        params: ZIdParam,
        body: ZReportRecovery,
        response: { 200: ZRiskClaim },
      },
    },
    async (request) =>
      reportRecovery(actorCtx(request, 'guarantee.risk.recovery.report'), request.params.id, request.body),
  );
  app.post(
    '/risk-claims/:id/resubmit',
    {
      schema: {
        tags,
        summary: '修改被退回的风险补偿申请并重新提交',
        params: ZIdParam,
        body: ZResubmitRiskClaim,
        response: { 200: ZRiskClaim },
      },
    },
    async (request) => resubmitRiskClaim(actorCtx(request, 'guarantee.risk.resubmit'), request.params.id, request.body),
  );

  app.post(
    '/enhancements',
    {
      schema: {
        tags,
        summary: '登记以事后奖补作为贷款增信（放款银行）',
        body: ZRegisterEnhancement,
        response: { 200: ZEnhancement },
      },
    },
    async (request) => registerEnhancement(actorCtx(request, 'guarantee.enhancement.register'), request.body),
  );
  app.get(
    '/loans/:id/enhancements',
    { schema: { tags, summary: '一笔贷款登记的奖补增信', params: ZIdParam, response: { 200: ZEnhancementList } } },
    async (request) => listEnhancements(actorCtx(request, 'guarantee.risk.read'), request.params.id),
  );
}
