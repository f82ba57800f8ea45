/**
 * Public policy endpoints (no sign-in, rate-limited): filing windows, the 政银保 subsidy and eligibility
 * calculators, policy matching, and the policy library with its source texts. They call the engine's contract
 * adapters (src/services/calculators/api.ts) — the same code the `huiqi` CLI runs — with the calendar that includes
 * administrators' additions (new years' schedules, window overrides by notice).
 */
import type { FastifyInstance } from 'fastify';
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
import { publicReadConfig } from '../plugins/public-cache';
import { publicRateLimit } from '../plugins/rate-limit-store';
import { routeKit } from '../route-kit/route';

export async function calculatorsRoutes(app: FastifyInstance): Promise<void> {
  const tags = ['policies'];
  const route = routeKit(app, tags);

  route.get(
    '/filing-windows',
    {
      guard: 'public',
      summary: '某年 12 个月的项目入库申报时间（节假日顺延、延长及公告调整）',
      config: publicReadConfig,
      query: ZFilingWindowsQuery,
      ok: ZFilingWindowsResult,
    },
    async (_ctx, request) => filingWindowsApi(request.query, { calendar: await loadCalendar(app.deps.readDb) }),
  );

  route.post(
    '/calculators/zyb-subsidy',
    {
      guard: 'public',
      summary: '政银保贴息测算：S = I × R × C（含封顶与中文说明）',
      config: publicRateLimit,
      body: ZZybSubsidyInput,
      ok: ZZybSubsidyResult,
    },
    async (ctx, request) =>
      zybSubsidyApi(request.body, {
        zybVersions: await loadZybVersions(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
        today: chinaDateOf(ctx.now),
      }),
  );

  route.post(
    '/calculators/zyb-eligibility',
    {
      guard: 'public',
      summary: '政银保贴息资格自测：逐条列出不符合与待证明的条件及依据',
      config: publicRateLimit,
      body: ZZybEligibilityInput,
      ok: ZZybEligibilityResult,
    },
    async (_ctx, request) => zybEligibilityApi(request.body, { calendar: await loadCalendar(app.deps.readDb) }),
  );

  route.post(
    '/calculators/zyb-decision',
    {
      guard: 'public',
      summary: '政银保贴息完整决定：资格、金额（按利息期间适用的政策版本）、就高不重复与中文说明',
      config: publicRateLimit,
      body: ZZybDecisionInput,
      ok: ZZybDecisionResult,
    },
    async (_ctx, request) =>
      zybDecisionApi(request.body, {
        calendar: await loadCalendar(app.deps.readDb),
        zybVersions: await loadZybVersions(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
      }),
  );

  route.post(
    '/calculators/policy-match',
    {
      guard: 'public',
      summary: '政策匹配：按企业情况列出可申请的扶持政策、估算金额与待证明条件',
      config: publicRateLimit,
      body: ZPolicyMatchInput,
      ok: ZPolicyMatchResult,
    },
    async (_ctx, request) =>
      policyMatchApi(request.body, {
        calendar: await loadCalendar(app.deps.readDb),
        rulings: await loadRulings(app.deps.readDb),
      }),
  );

  route.get(
    '/policies',
    {
      guard: 'public',
      summary: '政策库：各项政策的有效期、参数与规则（均注明文号条款）',
      config: publicReadConfig,
      query: ZPolicyListQuery,
      ok: ZPolicyListResult,
    },
    (_ctx, request) => policyListApi(request.query),
  );

  route.get(
    '/policies/sources/:doc',
    { guard: 'public', summary: '政策原文', config: publicReadConfig, params: ZSourceDocParams, ok: ZSourceDoc },
    async (_ctx, request) => {
      const doc = await readPolicySource(request.params.doc);
      if (!doc) throw Errors.notFound({ zh: '政策文件', en: 'Policy document' });
      return doc;
    },
  );
}
