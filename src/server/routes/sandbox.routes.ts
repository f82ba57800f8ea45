/** The what-if sandbox of a subsidy campaign (city administrator): a scenario beside the live outcome. */
import type { FastifyInstance } from 'fastify';
import { ZPolicyVersionPath } from '../../contracts/policy-versions';
import {
  ZCompareExportQuery,
  ZCompareScenarios,
  ZDraftSandboxInput,
  ZSandboxResult,
  ZSandboxScenario,
  ZSavedScenario,
  ZSavedScenarioList,
  ZSaveScenario,
  ZScenarioComparison,
} from '../../contracts/sandbox';
import { ZIdParam } from '../../contracts/subsidy';
import {
  compareScenarios,
  exportScenarioComparison,
  listScenarios,
  runDraftVersionSandbox,
  runSandbox,
  saveScenario,
} from '../../services/subsidy';
import { sendExcel } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

export async function sandboxRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['sandbox']);
  route.post(
    '/campaigns/:id/sandbox',
    {
      guard: 'signed-in',
      summary:
        '政策沙盘：调整预算、分配方式、补助比例或封顶后，按本批次真实申请测算并与现行结果对比（不保存、不改变任何记录）',
      params: ZIdParam,
      body: ZSandboxScenario,
      ok: ZSandboxResult,
    },
    (ctx, request) => runSandbox(ctx, request.params.id, request.body),
  );

  route.post(
    '/campaigns/:id/sandbox/scenarios',
    {
      guard: 'signed-in',
      summary: '保存沙盘方案：按本批次真实申请重新测算，保存调整的参数与结果摘要（记入审计日志）',
      params: ZIdParam,
      body: ZSaveScenario,
      created: ZSavedScenario,
    },
    (ctx, request) => saveScenario(ctx, request.params.id, request.body),
  );
  route.get(
    '/campaigns/:id/sandbox/scenarios',
    { guard: 'signed-in', summary: '本批次已保存的沙盘方案', params: ZIdParam, ok: ZSavedScenarioList },
    async (ctx, request) => ({ items: await listScenarios(ctx, request.params.id) }),
  );
  route.post(
    '/campaigns/:id/sandbox/comparison',
    {
      guard: 'signed-in',
      summary: '沙盘方案对比：获安排申请数、按县（市、区）和按月份的金额、增减情况与预算结余并列',
      params: ZIdParam,
      body: ZCompareScenarios,
      ok: ZScenarioComparison,
    },
    (ctx, request) => compareScenarios(ctx, request.params.id, request.body),
  );
  route.get(
    '/campaigns/:id/sandbox/comparison/xlsx',
    {
      guard: 'signed-in',
      summary: '下载沙盘方案对比（Excel，记入审计日志）',
      params: ZIdParam,
      query: ZCompareExportQuery,
    },
    (ctx, request, reply) =>
      sendExcel(
        reply,
        'sandbox-comparison.xlsx',
        exportScenarioComparison(ctx, request.params.id, {
          scenarioIds: request.query.ids,
        }),
      ),
  );
}

/** The sandbox of a draft policy version, under /v1 (the version's page runs it on a campaign). */
export async function draftSandboxRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['sandbox']);
  route.post(
    '/policy-versions/:id/sandbox',
    {
      guard: 'signed-in',
      summary: '政策版本草稿测算：批准前按某批次真实申请以草稿参数测算，并与现行版本的结果对比（只读）',
      params: ZPolicyVersionPath,
      body: ZDraftSandboxInput,
      ok: ZSandboxResult,
    },
    (ctx, request) => runDraftVersionSandbox(ctx, request.params.id, request.body.campaignId),
  );
}
