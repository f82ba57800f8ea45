/**
 * Competitive programmes (江工信工业互联网〔2021〕4号 special fund; the 资源池 selection): calls, applications, formal
 * review, experts and their scores, ranking and proposal, deliberation, the public notice with objections, the
 * plan, acceptance, spot checks and clawback, the auditor's export, renewals of 003.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZAcceptanceInput,
  ZApplication,
  ZApplicationList,
  ZApproveCall,
  ZAssignmentList,
  ZCallList,
  ZCallSummary,
  ZCloseObjection,
  ZCreateCall,
  ZCreated,
  ZCreateExpert,
  ZDeclareConflict,
  ZDeliberation,
  ZExpertList,
  ZExpertQueue,
  ZFindingInput,
  ZFormalReview,
  ZFundDashboard,
  ZFundObjectionReceipt,
  ZIifundRenewal,
  ZIssuePlan,
  ZObjectionInput,
  ZPlan,
  ZProposal,
  ZPublicFundNotice,
  ZPublicFundNoticeList,
  ZPublishNotice,
  ZRepaymentInput,
  ZResubmitApplication,
  ZScoreInput,
  ZSpotCheckInput,
  ZSubmitApplication,
  ZTrainingEventInput,
  ZTrainingList,
  ZTrainingQuery,
} from '../../contracts/fund';
import { ZIdParam } from '../../contracts/subsidy';
import * as fund from '../../services/fund';
import { actorCtx, ctxOf } from '../http-context';
import { publicRateLimit } from '../plugins/rate-limit-store';

const TAGS = ['fund'];
const ZAppQuery = z.object({ callId: z.uuid({ message: '申报通知编号应为 UUID' }).optional().describe('申报通知') });
const ZFindingPath = z.object({
  id: z.uuid({ message: '抽查编号应为 UUID' }).describe('抽查编号'),
  applicationId: z.uuid({ message: '申报编号应为 UUID' }).describe('申报编号'),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function fundRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const s = <E extends object = object>(summary: string, extra?: E) => ({
    schema: { tags: TAGS, summary, ...(extra as E) },
  });

  // ---- calls ----
  app.get('/calls', s('申报通知列表', { response: { 200: ZCallList } }), async (r) =>
    fund.listCalls(actorCtx(r, 'fund.call.read')),
  );
  app.post(
    '/calls',
    s('起草申报通知（受托机构）', { body: ZCreateCall, response: { 201: ZCreated } }),
    async (r, reply) => reply.code(201).send(await fund.createCall(actorCtx(r, 'fund.call.create'), r.body)),
  );
  app.get(
    '/calls/:id',
    s('一个申报通知（方向、支持标准、预算、评分模板）', { params: ZIdParam, response: { 200: ZCallSummary } }),
    async (r) => fund.getCall(actorCtx(r, 'fund.call.read'), r.params.id),
  );
  app.post(
    '/calls/:id/approve',
    s('审批申报通知（市工业和信息化局）', { params: ZIdParam, body: ZApproveCall, response: { 200: ZCreated } }),
    async (r) => fund.approveCall(actorCtx(r, 'fund.call.approve'), r.params.id, r.body.auditInstitutionId ?? null),
  );
  app.post(
    '/calls/:id/close',
    s('申报截止，进入评审（受托机构）', { params: ZIdParam, response: { 200: ZCreated } }),
    async (r) => fund.closeCall(actorCtx(r, 'fund.call.close'), r.params.id),
  );
  app.post(
    '/calls/:id/applications',
    s('企业申报', { params: ZIdParam, body: ZSubmitApplication, response: { 201: ZCreated } }),
    async (r, reply) =>
      reply
        .code(201)
        .send(await fund.submitFundApplication(actorCtx(r, 'fund.application.submit'), r.params.id, r.body)),
  );
  app.post(
    '/calls/:id/proposal',
    s('排序并提出资金安排方案（受托机构）', { params: ZIdParam, response: { 200: ZProposal } }),
    async (r) => fund.proposeFundAwards(actorCtx(r, 'fund.proposal.make'), r.params.id),
  );
  app.get(
    '/calls/:id/proposal',
    s('排序结果与资金安排方案', { params: ZIdParam, response: { 200: ZProposal } }),
    async (r) => fund.readProposal(actorCtx(r, 'fund.ranking.read'), r.params.id),
  );
  app.post(
    '/calls/:id/deliberation',
    s('记录集体审议（市工业和信息化局）', { params: ZIdParam, body: ZDeliberation, response: { 200: ZCreated } }),
    async (r) => fund.recordDeliberation(actorCtx(r, 'fund.deliberation.record'), r.params.id, r.body),
  );
  app.post('/calls/:id/notice', s('发布公示（不少于7日）', { params: ZIdParam, body: ZPublishNotice }), async (r) =>
    fund.publishFundNotice(actorCtx(r, 'fund.notice.publish'), r.params.id, r.body),
  );
  app.get('/calls/:id/objections', s('公示异议', { params: ZIdParam }), async (r) =>
    fund.listFundObjections(actorCtx(r, 'fund.ranking.read'), r.params.id),
  );
  app.post(
    '/calls/:id/plan',
    s('下达项目计划（市工业和信息化局）', { params: ZIdParam, body: ZIssuePlan }),
    async (r) => fund.issueFundPlan(actorCtx(r, 'fund.plan.issue'), r.params.id, r.body),
  );
  app.post(
    '/calls/:id/plan/filing',
    s('项目计划备案（受托机构）', { params: ZIdParam, response: { 200: ZCreated } }),
    async (r) => fund.fileFundPlan(actorCtx(r, 'fund.plan.file'), r.params.id),
  );
  app.get(
    '/calls/:id/plan',
    s('项目计划（含大写金额、资源池名单）', { params: ZIdParam, response: { 200: ZPlan } }),
    async (r) => fund.readFundPlan(actorCtx(r, 'fund.call.read'), r.params.id),
  );
  app.get('/calls/:id/plan/xlsx', s('下载项目计划（Excel）', { params: ZIdParam }), async (r, reply) => {
    const f = await fund.fundPlanXlsx(actorCtx(r, 'fund.call.read'), r.params.id);
    return reply
      .header('content-type', XLSX)
      .header(
        'content-disposition',
        `attachment; filename="fund-plan.xlsx"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      )
      .send(f.body);
  });
  app.get('/calls/:id/export', s('导出专项资金档案（审计机构）', { params: ZIdParam }), async (r, reply) => {
    const f = await fund.exportFundRecords(actorCtx(r, 'fund.records.export'), r.params.id);
    return reply
      .header('content-type', XLSX)
      .header(
        'content-disposition',
        `attachment; filename="fund-records.xlsx"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      )
      .send(f.body);
  });
  app.get(
    '/calls/:id/dashboard',
    s('专项资金看板', { params: ZIdParam, response: { 200: ZFundDashboard } }),
    async (r) => fund.fundDashboard(actorCtx(r, 'fund.dashboard.read'), r.params.id),
  );
  app.post(
    '/calls/:id/spot-checks',
    s('随机抽查（市工业和信息化局）', { params: ZIdParam, body: ZSpotCheckInput }),
    async (r) => fund.drawSpotCheck(actorCtx(r, 'fund.spot_check.run'), r.params.id, r.body),
  );
  app.post(
    '/spot-checks/:id/findings/:applicationId',
    s('记录抽查结果（违规则立案追缴）', { params: ZFindingPath, body: ZFindingInput, response: { 200: ZCreated } }),
    async (r) => fund.recordFinding(actorCtx(r, 'fund.clawback.manage'), r.params.id, r.params.applicationId, r.body),
  );
  app.post('/clawbacks/:id/repayments', s('登记追缴收回款项', { params: ZIdParam, body: ZRepaymentInput }), async (r) =>
    fund.recordClawbackRepayment(actorCtx(r, 'fund.clawback.manage'), r.params.id, r.body),
  );

  // ---- applications ----
  app.get(
    '/applications',
    s('申报列表（按范围）', { querystring: ZAppQuery, response: { 200: ZApplicationList } }),
    async (r) => fund.listFundApplications(actorCtx(r, 'fund.application.read'), r.query.callId),
  );
  app.get(
    '/applications/:id',
    s('一项申报（含每一步）', { params: ZIdParam, response: { 200: ZApplication } }),
    async (r) => fund.getFundApplication(actorCtx(r), r.params.id),
  );
  app.post(
    '/applications/:id/resubmit',
    s('补正后重新提交', { params: ZIdParam, body: ZResubmitApplication, response: { 200: ZCreated } }),
    async (r) => fund.resubmitFundApplication(actorCtx(r, 'fund.application.submit'), r.params.id, r.body),
  );
  app.post(
    '/applications/:id/formal-review',
    s('形式审查（受托机构）', { params: ZIdParam, body: ZFormalReview, response: { 200: ZCreated } }),
    async (r) => fund.formalReview(actorCtx(r, 'fund.application.formal_review'), r.params.id, r.body),
  );
  app.post('/applications/:id/experts', s('随机抽取评审专家（受托机构）', { params: ZIdParam }), async (r) =>
    fund.drawExperts(actorCtx(r, 'fund.expert.draw'), r.params.id),
  );
  app.get(
    '/applications/:id/assignments',
    s('评审专家与评分（全部评完后显示分数）', { params: ZIdParam, response: { 200: ZAssignmentList } }),
    async (r) => fund.listAssignments(actorCtx(r, 'fund.ranking.read'), r.params.id),
  );
  app.post('/applications/:id/acceptance-panel', s('随机抽取验收专家（受托机构）', { params: ZIdParam }), async (r) =>
    fund.drawAcceptancePanel(actorCtx(r, 'fund.expert.draw'), r.params.id),
  );
  app.post(
    '/applications/:id/acceptance',
    s('记录验收结果（受托机构）', { params: ZIdParam, body: ZAcceptanceInput }),
    async (r) => fund.recordAcceptance(actorCtx(r, 'fund.acceptance.record'), r.params.id, r.body),
  );

  // ---- experts ----
  app.get('/experts', s('专家库（受托机构）', { response: { 200: ZExpertList } }), async (r) =>
    fund.listExperts(actorCtx(r, 'fund.expert.manage')),
  );
  app.post(
    '/experts',
    s('专家入库（受托机构）', { body: ZCreateExpert, response: { 201: ZCreated } }),
    async (r, reply) => reply.code(201).send(await fund.createExpert(actorCtx(r, 'fund.expert.manage'), r.body)),
  );
  app.get('/reviews', s('我的评审任务（专家）', { response: { 200: ZExpertQueue } }), async (r) =>
    fund.expertQueue(actorCtx(r, 'fund.review.score')),
  );
  app.post(
    '/reviews/:id/declaration',
    s('声明是否存在利益冲突（专家）', { params: ZIdParam, body: ZDeclareConflict }),
    async (r) => fund.declareConflict(actorCtx(r, 'fund.review.score'), r.params.id, r.body),
  );
  app.post('/reviews/:id/scores', s('提交评分（专家）', { params: ZIdParam, body: ZScoreInput }), async (r) =>
    fund.scoreApplication(actorCtx(r, 'fund.review.score'), r.params.id, r.body),
  );

  // ---- 人才培养 (第八条（四）): the operator's training programme ----
  app.get(
    '/training',
    s('人才培养：年度预算、培训活动与目标进度', { querystring: ZTrainingQuery, response: { 200: ZTrainingList } }),
    async (r) => fund.readTraining(actorCtx(r, 'fund.training.read'), r.query.year),
  );
  app.post(
    '/training/events',
    s('登记人才培养培训活动（受托机构）', { body: ZTrainingEventInput, response: { 201: ZCreated } }),
    async (r, reply) =>
      reply.code(201).send(await fund.recordTrainingEvent(actorCtx(r, 'fund.training.record'), r.body)),
  );

  // ---- objections (city) and renewals of 003 ----
  app.post(
    '/objections/:id/close',
    s('异议办结（市工业和信息化局）', { params: ZIdParam, body: ZCloseObjection, response: { 200: ZCreated } }),
    async (r) => fund.closeFundObjection(actorCtx(r, 'fund.objection.handle'), r.params.id, r.body),
  );
  app.post(
    '/renewals',
    s('登记专项资金细则续期文件（草稿）', { body: ZIifundRenewal, response: { 201: ZCreated } }),
    async (r, reply) => reply.code(201).send(await fund.draftIifundRenewal(actorCtx(r, 'fund.policy.renew'), r.body)),
  );
  app.post(
    '/renewals/:id/approve',
    s('批准续期文件（双人复核）', { params: ZIdParam, response: { 200: ZCreated } }),
    async (r) => fund.approveIifundRenewal(actorCtx(r, 'fund.policy.approve_renewal'), r.params.id),
  );

  // ---- public ----
  app.get(
    '/public/notices',
    { config: publicRateLimit, ...s('公开：专项资金公示列表', { response: { 200: ZPublicFundNoticeList } }) },
    async (r) => fund.listPublicFundNotices(ctxOf(r)),
  );
  app.get(
    '/public/notices/:id',
    { config: publicRateLimit, ...s('公开：专项资金公示', { params: ZIdParam, response: { 200: ZPublicFundNotice } }) },
    async (r) => fund.readPublicFundNotice(ctxOf(r), r.params.id),
  );
  app.post(
    '/public/notices/:id/objections',
    {
      config: publicRateLimit,
      ...s('公开：对公示提出异议（回执含案件编号）', {
        params: ZIdParam,
        body: ZObjectionInput,
        response: { 201: ZFundObjectionReceipt },
      }),
    },
    async (r, reply) => reply.code(201).send(await fund.submitFundObjection(ctxOf(r), r.params.id, r.body)),
  );
}
