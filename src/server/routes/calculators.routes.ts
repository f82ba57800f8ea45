/**
 * Public policy endpoints (no sign-in, rate-limited): filing windows, the 政银保 subsidy and eligibility
 * calculators, policy matching, and the policy library with its source texts. They call the engine's contract
 * adapters (src/services/calculators/api.ts) — the same code the `huiqi` CLI runs — with the calendar that includes
 * administrators' additions (new years' schedules, window overrides by notice).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZFilingWindowsQuery,
  ZFilingWindowsResult,
  ZPolicyListQuery,
  ZPolicyListResult,
  ZPolicyMatchInput,
  ZPolicyMatchResult,
  ZSourceDoc,
  ZSourceDocParams,
  ZZybDecisionInput,
  ZZybDecisionResult,
  ZZybEligibilityInput,
  ZZybEligibilityResult,
  ZZybSubsidyInput,
  ZZybSubsidyResult,
} from '../../contracts/calculators';
import { chinaDateOf } from '../../domain/calendar/china-time';
import {
  filingWindowsApi,
  policyListApi,
  policyMatchApi,
  readPolicySource,
  zybDecisionApi,
  zybEligibilityApi,
  zybSubsidyApi,
} from '../../services/calculators';
import { loadCalendar } from '../../services/calendar';
import { Errors } from '../../services/errors';
import { loadRulings } from '../../services/interpretations';
import { loadZybVersions } from '../../services/policy-versions';
import { ctxOf } from '../http-context';
import { publicReadConfig } from '../plugins/public-cache';
import { publicRateLimit } from '../plugins/rate-limit-store';

export async function calculatorsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  app.get(
    '/filing-windows',
    {
      config: publicReadConfig,
      schema: {
        tags,
        summary: '某年 12 个月的项目入库申报时间（节假日顺延、延长及公告调整）',
        querystring: ZFilingWindowsQuery,
        response: { 200: ZFilingWindowsResult },
      },
    },
    async (request) => filingWindowsApi(request.query, { calendar: await loadCalendar(app.deps.readDb) }),
  );

  app.post(
    '/calculators/zyb-subsidy',
    {
      config: publicRateLimit,
      schema: {
        tags,
        summary: '政银保贴息测算：S = I × R × C（含封顶与中文说明）',
        body: ZZybSubsidyInput,
        response: { 200: ZZybSubsidyResult },
      },
    },
    async (request) =>
      zybSubsidyApi(request.body, {
        zybVersions: await loadZybVersions(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
        today: chinaDateOf(ctxOf(request).now),
      }),
  );

  app.post(
    '/calculators/zyb-eligibility',
    {
      config: publicRateLimit,
      schema: {
        tags,
        summary: '政银保贴息资格自测：逐条列出不符合与待证明的条件及依据',
        body: ZZybEligibilityInput,
        response: { 200: ZZybEligibilityResult },
      },
    },
    async (request) => zybEligibilityApi(request.body, { calendar: await loadCalendar(app.deps.readDb) }),
  );

  app.post(
    '/calculators/zyb-decision',
    {
      config: publicRateLimit,
      schema: {
        tags,
        summary: '政银保贴息完整决定：资格、金额（按利息期间适用的政策版本）、就高不重复与中文说明',
        body: ZZybDecisionInput,
        response: { 200: ZZybDecisionResult },
      },
    },
    async (request) =>
      zybDecisionApi(request.body, {
        calendar: await loadCalendar(app.deps.readDb),
        zybVersions: await loadZybVersions(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
      }),
  );

  app.post(
    '/calculators/policy-match',
    {
      config: publicRateLimit,
      schema: {
        tags,
        summary: '政策匹配：按企业情况列出可申请的扶持政策、估算金额与待证明条件',
        body: ZPolicyMatchInput,
        response: { 200: ZPolicyMatchResult },
      },
    },
    async (request) =>
      policyMatchApi(request.body, {
        calendar: await loadCalendar(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
      }),
  );

  app.get(
    '/policies',
    {
      config: publicReadConfig,
      schema: {
        tags,
        summary: '政策库：各项政策的有效期、参数与规则（均注明文号条款）',
        querystring: ZPolicyListQuery,
        response: { 200: ZPolicyListResult },
      },
    },
    async (request) => policyListApi(request.query),
  );

  app.get(
    '/policies/sources/:doc',
    {
      config: publicReadConfig,
      schema: {
        tags,
        summary: '政策原文',
        params: ZSourceDocParams,
        response: { 200: ZSourceDoc },
      },
    },
    async (request) => {
      const doc = await readPolicySource(request.params.doc);
      if (!doc) throw Errors.notFound({ zh: '政策文件', en: 'Policy document' });
      return doc;
    },
  );
}
