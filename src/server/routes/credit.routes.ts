/**
 * The enterprise credit profile and risk warnings (002 三（三）2, 三（四）2): profiles under consent with their
 * transparent score and view log, digital-level assessments, warnings for their recipients with acknowledgement,
 * and the sweep of the time-based causes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtx } from '../http-context';

const TAGS = ['credit'];

export async function creditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/profiles',
    {
      schema: {
        tags: TAGS,
        summary: '可查看的企业画像（银行：授权本行的企业；县（市、区）：本辖区；市级：全部）',
        response: { 200: ZProfileSummaryList },
      },
    },
    async (request) => listProfiles(actorCtx(request, 'credit.profile.read')),
  );
  app.get(
    '/profiles/:id',
    {
      schema: {
        tags: TAGS,
        summary: '企业画像（逐项注明来源和日期，附透明评分明细；银行须经企业授权，每次查看均记录）',
        params: ZCreditEnterpriseId,
        response: { 200: ZCreditProfile },
      },
    },
    async (request) => readProfile(actorCtx(request, 'credit.profile.read'), request.params.id),
  );
  app.get(
    '/profiles/:id/views',
    {
      schema: {
        tags: TAGS,
        summary: '企业画像的查看记录（谁、何时查看）',
        params: ZCreditEnterpriseId,
        response: { 200: ZProfileViewList },
      },
    },
    async (request) => listProfileViews(actorCtx(request, 'credit.profile.views'), request.params.id),
  );
  app.post(
    '/profiles/:id/digital-levels',
    {
      schema: {
        tags: TAGS,
        summary: '登记数字化水平评测结果（一级～四级，评测得分、日期、机构、依据、有效期）',
        params: ZCreditEnterpriseId,
        body: ZDigitalLevelInput,
        response: { 201: ZCreditCreated },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await recordDigitalLevel(actorCtx(request, 'credit.digital_level.record'), request.params.id, request.body),
        ),
  );
  app.get(
    '/warnings',
    {
      schema: {
        tags: TAGS,
        summary: '风险预警（银行：发给本行的；县（市、区）：本辖区的；企业：本企业的；市级：全部）',
        querystring: ZWarningListQuery,
        response: { 200: ZCreditWarningList },
      },
    },
    async (request) => listWarnings(actorCtx(request, 'credit.warning.read'), request.query),
  );
  app.post(
    '/warnings/:id/acknowledge',
    {
      schema: {
        tags: TAGS,
        summary: '确认风险预警并登记处理措施',
        params: ZCreditWarningId,
        body: ZAcknowledgeInput,
        response: { 200: ZAcknowledged },
      },
    },
    async (request) =>
      acknowledgeWarning(actorCtx(request, 'credit.warning.acknowledge'), request.params.id, request.body),
  );
  app.post(
    '/warnings/sweep',
    {
      schema: {
        tags: TAGS,
        summary: '巡检到期未还清本金和数字化水平评测过期（幂等，与 huiqi sweep 相同）',
        response: { 200: ZCreditSweepResult },
      },
    },
    async (request) => sweepCreditWarnings(actorCtx(request, 'credit.warning.sweep')),
  );
}
