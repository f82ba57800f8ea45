/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五））: fee-subsidy years, claims, review, allocation and
 * notice; risk pools, compensation claims with their steps and recoveries; awards registered as credit enhancement.
 */
import type { FastifyInstance } from 'fastify';
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
import { sendDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

const ZFeeClaimsQuery = z.object({ year: z.coerce.number().int().min(2024).max(2100).optional().describe('年度') });
const ZEnhancementList = z.object({ items: z.array(ZEnhancement) });

export async function guaranteeRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['guarantee']);

  route.get(
    '/fee-years',
    { guard: 'guarantee.fee.read', summary: '担保费补贴年度预算与公示', ok: ZFeeYearList },
    (ctx) => listFeeYears(ctx),
  );
  route.post(
    '/fee-years',
    {
      guard: 'guarantee.fee.year.manage',
      summary: '设立担保费补贴年度预算（市级业务管理员）',
      body: ZCreateFeeYear,
      created: ZFeeYear,
    },
    (ctx, request) => createFeeYear(ctx, request.body),
  );
  route.post(
    '/fee-years/:year/allocate',
    {
      guard: 'guarantee.fee.year.manage',
      summary: '按先到先得原则分配年度担保费补贴预算（一次）',
      params: ZYearParam,
      ok: ZFeeAllocationResult,
    },
    (ctx, request) => allocateFeeYear(ctx, request.params.year),
  );
  route.post(
    '/fee-years/:year/notice',
    {
      guard: 'guarantee.fee.year.manage',
      summary: '公示年度担保费补贴安排结果',
      params: ZYearParam,
      body: ZPublishFeeNotice,
      ok: ZFeeYear,
    },
    (ctx, request) => publishFeeNotice(ctx, request.params.year, request.body),
  );

  route.post(
    '/fee-years/:year/funding-plan',
    {
      guard: 'guarantee.fee.plan.issue',
      summary: '下达年度担保费补贴资金安排计划（公示期满、异议办结后）',
      params: ZYearParam,
      body: ZIssuePlan,
      created: ZFundingPlan,
    },
    (ctx, request) => issueFeePlan(ctx, request.params.year, request.body),
  );
  route.get(
    '/fee-years/:year/funding-plan',
    {
      guard: 'guarantee.fee.read',
      summary: '年度担保费补贴资金安排计划（含大写金额）',
      params: ZYearParam,
      ok: ZFundingPlan,
    },
    (ctx, request) => getFeePlan(ctx, request.params.year),
  );
  route.get(
    '/fee-years/:year/funding-plan/xlsx',
    { guard: 'guarantee.fee.read', summary: '下载年度担保费补贴资金安排计划（Excel）', params: ZYearParam },
    async (ctx, request, reply) => {
      const plan = await getFeePlan(ctx, request.params.year);
      const buf = await fundingPlanXlsx(plan);
      return sendDownload(reply, { ascii: 'fee-funding-plan.xlsx', name: `${plan.title}.xlsx`, body: buf });
    },
  );

  route.get(
    '/fee-claims',
    { guard: 'guarantee.fee.read', summary: '担保费补贴申请（按角色范围）', query: ZFeeClaimsQuery, ok: ZFeeClaimList },
    (ctx, request) => listFeeClaims(ctx, request.query),
  );
  route.post(
    '/fee-claims',
    {
      guard: 'guarantee.fee.claim',
      summary: '申请担保费补贴（企业或其担保机构）',
      body: ZCreateFeeClaim,
      created: ZFeeClaim,
    },
    (ctx, request) => submitFeeClaim(ctx, request.body),
  );
  route.get(
    '/fee-claims/:id',
    { guard: 'guarantee.fee.read', summary: '一件担保费补贴申请及其计算说明', params: ZIdParam, ok: ZFeeClaim },
    (ctx, request) => getFeeClaim(ctx, request.params.id),
  );
  route.post(
    '/fee-claims/:id/review',
    {
      guard: 'signed-in',
      summary: '县（市、区）核查或市级核实担保费补贴申请（通过或退回）',
      params: ZIdParam,
      body: ZFeeClaimReview,
      ok: ZFeeClaim,
    },
    (ctx, request) => reviewFeeClaim(ctx, request.params.id, request.body),
  );
  route.post(
    '/fee-claims/:id/resubmit',
    {
      guard: 'guarantee.fee.resubmit',
      summary: '修改被退回的担保费补贴申请并重新提交',
      params: ZIdParam,
      body: ZResubmitFeeClaim,
      ok: ZFeeClaim,
    },
    (ctx, request) => resubmitFeeClaim(ctx, request.params.id, request.body),
  );

  route.get(
    '/pools',
    {
      guard: 'guarantee.pool.read',
      summary: '风险补偿资金池台账（预算、已核定、已拨付、已返还、余额）',
      ok: ZPoolList,
    },
    (ctx) => listPools(ctx),
  );
  route.post(
    '/pools',
    { guard: 'guarantee.pool.manage', summary: '设立年度风险补偿资金池', body: ZCreatePool, created: ZPool },
    (ctx, request) => createPool(ctx, request.body),
  );

  route.get(
    '/risk-claims',
    { guard: 'guarantee.risk.read', summary: '风险补偿申请（按角色范围）', ok: ZRiskClaimList },
    (ctx) => listRiskClaims(ctx),
  );
  route.post(
    '/risk-claims',
    {
      guard: 'guarantee.risk.claim',
      summary: '申请不良贷款风险补偿（合作银行或担保/保险机构）',
      body: ZCreateRiskClaim,
      created: ZRiskClaim,
    },
    (ctx, request) => submitRiskClaim(ctx, request.body),
  );
  route.get(
    '/risk-claims/:id',
    { guard: 'guarantee.risk.read', summary: '一件风险补偿申请、核定说明与追偿记录', params: ZIdParam, ok: ZRiskClaim },
    (ctx, request) => getRiskClaim(ctx, request.params.id),
  );
  route.post(
    '/risk-claims/:id/steps',
    {
      guard: 'signed-in',
      summary: '风险补偿申请的审核步骤：核查、核实（超过限额须第二人复核）、退回、拨付、结案',
      params: ZIdParam,
      body: ZRiskClaimStep,
      ok: ZRiskClaim,
    },
    (ctx, request) => stepRiskClaim(ctx, request.params.id, request.body),
  );
  route.post(
    '/risk-claims/:id/recoveries',
    {
      guard: 'guarantee.risk.recovery.report',
      summary: '报告补偿后的追偿款（按比例返还资金池）',
      params: ZIdParam,
      body: ZReportRecovery,
      ok: ZRiskClaim,
    },
    (ctx, request) => reportRecovery(ctx, request.params.id, request.body),
  );
  route.post(
    '/risk-claims/:id/resubmit',
    {
      guard: 'guarantee.risk.resubmit',
      summary: '修改被退回的风险补偿申请并重新提交',
      params: ZIdParam,
      body: ZResubmitRiskClaim,
      ok: ZRiskClaim,
    },
    (ctx, request) => resubmitRiskClaim(ctx, request.params.id, request.body),
  );

  route.post(
    '/enhancements',
    {
      guard: 'guarantee.enhancement.register',
      summary: '登记以事后奖补作为贷款增信（放款银行）',
      body: ZRegisterEnhancement,
      ok: ZEnhancement,
    },
    (ctx, request) => registerEnhancement(ctx, request.body),
  );
  route.get(
    '/loans/:id/enhancements',
    { guard: 'guarantee.risk.read', summary: '一笔贷款登记的奖补增信', params: ZIdParam, ok: ZEnhancementList },
    (ctx, request) => listEnhancements(ctx, request.params.id),
  );
}
