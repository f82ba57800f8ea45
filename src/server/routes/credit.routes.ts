/**
 * The enterprise credit profile and risk warnings (002 三（三）2, 三（四）2): profiles under consent with their
 * transparent score and view log, digital-level assessments, warnings for their recipients with acknowledgement,
 * and the sweep of the time-based causes.
 */
import type { FastifyInstance } from 'fastify';
import {
  ZAcknowledged,
  ZAcknowledgeInput,
  ZCreditCreated,
  ZCreditEnterpriseId,
  ZCreditProfile,
  ZCreditSweepResult,
  ZCreditWarningId,
  ZCreditWarningList,
  ZDigitalLevelInput,
  ZProfileSummaryList,
  ZProfileViewList,
  ZWarningListQuery,
} from '../../contracts/credit';
import {
  acknowledgeWarning,
  listProfiles,
  listProfileViews,
  listWarnings,
  readProfile,
  recordDigitalLevel,
  sweepCreditWarnings,
} from '../../services/credit';
import { routeKit } from '../route-kit/route';

export async function creditRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['credit']);

  route.get(
    '/profiles',
    {
      guard: 'credit.profile.read',
      summary: '可查看的企业画像（银行：授权本行的企业；县（市、区）：本辖区；市级：全部）',
      ok: ZProfileSummaryList,
    },
    (ctx) => listProfiles(ctx),
  );
  route.get(
    '/profiles/:id',
    {
      guard: 'credit.profile.read',
      summary: '企业画像（逐项注明来源和日期，附透明评分明细；银行须经企业授权，每次查看均记录）',
      params: ZCreditEnterpriseId,
      ok: ZCreditProfile,
    },
    (ctx, request) => readProfile(ctx, request.params.id),
  );
  route.get(
    '/profiles/:id/views',
    {
      guard: 'credit.profile.views',
      summary: '企业画像的查看记录（谁、何时查看）',
      params: ZCreditEnterpriseId,
      ok: ZProfileViewList,
    },
    (ctx, request) => listProfileViews(ctx, request.params.id),
  );
  route.post(
    '/profiles/:id/digital-levels',
    {
      guard: 'credit.digital_level.record',
      summary: '登记数字化水平评测结果（一级～四级，评测得分、日期、机构、依据、有效期）',
      params: ZCreditEnterpriseId,
      body: ZDigitalLevelInput,
      created: ZCreditCreated,
    },
    (ctx, request) => recordDigitalLevel(ctx, request.params.id, request.body),
  );
  route.get(
    '/warnings',
    {
      guard: 'credit.warning.read',
      summary: '风险预警（银行：发给本行的；县（市、区）：本辖区的；企业：本企业的；市级：全部）',
      query: ZWarningListQuery,
      ok: ZCreditWarningList,
    },
    (ctx, request) => listWarnings(ctx, request.query),
  );
  route.post(
    '/warnings/:id/acknowledge',
    {
      guard: 'credit.warning.acknowledge',
      summary: '确认风险预警并登记处理措施',
      params: ZCreditWarningId,
      body: ZAcknowledgeInput,
      ok: ZAcknowledged,
    },
    (ctx, request) => acknowledgeWarning(ctx, request.params.id, request.body),
  );
  route.post(
    '/warnings/sweep',
    {
      guard: 'credit.warning.sweep',
      summary: '巡检到期未还清本金和数字化水平评测过期（幂等，与 huiqi sweep 相同）',
      ok: ZCreditSweepResult,
    },
    (ctx) => sweepCreditWarnings(ctx),
  );
}
