/**
 * Competitive programmes (江工信工业互联网〔2021〕4号 special fund; the 资源池 selection): calls, applications, formal
 * review, experts and their scores, ranking and proposal, deliberation, the public notice with objections, the
 * plan, acceptance, spot checks and clawback, the auditor's export, renewals of 003.
 */
import type { FastifyInstance } from 'fastify';
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
import { publicRateLimit } from '../plugins/rate-limit-store';
import { sendExcel } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

const ZAppQuery = z.object({ callId: z.uuid({ message: '申报通知编号应为 UUID' }).optional().describe('申报通知') });
const ZFindingPath = z.object({
  id: z.uuid({ message: '抽查编号应为 UUID' }).describe('抽查编号'),
  applicationId: z.uuid({ message: '申报编号应为 UUID' }).describe('申报编号'),
});

export async function fundRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['fund']);

  // ---- calls ----
  route.get('/calls', { guard: 'fund.call.read', summary: '申报通知列表', ok: ZCallList }, (ctx) =>
    fund.listCalls(ctx),
  );
  route.post(
    '/calls',
    { guard: 'fund.call.create', summary: '起草申报通知（受托机构）', body: ZCreateCall, created: ZCreated },
    (ctx, r) => fund.createCall(ctx, r.body),
  );
  route.get(
    '/calls/:id',
    {
      guard: 'fund.call.read',
      summary: '一个申报通知（方向、支持标准、预算、评分模板）',
      params: ZIdParam,
      ok: ZCallSummary,
    },
    (ctx, r) => fund.getCall(ctx, r.params.id),
  );
  route.post(
    '/calls/:id/approve',
    {
      guard: 'fund.call.approve',
      summary: '审批申报通知（市工业和信息化局）',
      params: ZIdParam,
      body: ZApproveCall,
      ok: ZCreated,
    },
    (ctx, r) => fund.approveCall(ctx, r.params.id, r.body.auditInstitutionId ?? null),
  );
  route.post(
    '/calls/:id/close',
    { guard: 'fund.call.close', summary: '申报截止，进入评审（受托机构）', params: ZIdParam, ok: ZCreated },
    (ctx, r) => fund.closeCall(ctx, r.params.id),
  );
  route.post(
    '/calls/:id/applications',
    {
      guard: 'fund.application.submit',
      summary: '企业申报',
      params: ZIdParam,
      body: ZSubmitApplication,
      created: ZCreated,
    },
    (ctx, r) => fund.submitFundApplication(ctx, r.params.id, r.body),
  );
  route.post(
    '/calls/:id/proposal',
    { guard: 'fund.proposal.make', summary: '排序并提出资金安排方案（受托机构）', params: ZIdParam, ok: ZProposal },
    (ctx, r) => fund.proposeFundAwards(ctx, r.params.id),
  );
  route.get(
    '/calls/:id/proposal',
    { guard: 'fund.ranking.read', summary: '排序结果与资金安排方案', params: ZIdParam, ok: ZProposal },
    (ctx, r) => fund.readProposal(ctx, r.params.id),
  );
  route.post(
    '/calls/:id/deliberation',
    {
      guard: 'fund.deliberation.record',
      summary: '记录集体审议（市工业和信息化局）',
      params: ZIdParam,
      body: ZDeliberation,
      ok: ZCreated,
    },
    (ctx, r) => fund.recordDeliberation(ctx, r.params.id, r.body),
  );
  route.post(
    '/calls/:id/notice',
    { guard: 'fund.notice.publish', summary: '发布公示（不少于7日）', params: ZIdParam, body: ZPublishNotice },
    (ctx, r) => fund.publishFundNotice(ctx, r.params.id, r.body),
  );
  route.get('/calls/:id/objections', { guard: 'fund.ranking.read', summary: '公示异议', params: ZIdParam }, (ctx, r) =>
    fund.listFundObjections(ctx, r.params.id),
  );
  route.post(
    '/calls/:id/plan',
    { guard: 'fund.plan.issue', summary: '下达项目计划（市工业和信息化局）', params: ZIdParam, body: ZIssuePlan },
    (ctx, r) => fund.issueFundPlan(ctx, r.params.id, r.body),
  );
  route.post(
    '/calls/:id/plan/filing',
    { guard: 'fund.plan.file', summary: '项目计划备案（受托机构）', params: ZIdParam, ok: ZCreated },
    (ctx, r) => fund.fileFundPlan(ctx, r.params.id),
  );
  route.get(
    '/calls/:id/plan',
    { guard: 'fund.call.read', summary: '项目计划（含大写金额、资源池名单）', params: ZIdParam, ok: ZPlan },
    (ctx, r) => fund.readFundPlan(ctx, r.params.id),
  );
  route.get(
    '/calls/:id/plan/xlsx',
    { guard: 'fund.call.read', summary: '下载项目计划（Excel）', params: ZIdParam },
    (ctx, r, reply) => sendExcel(reply, 'fund-plan.xlsx', fund.fundPlanXlsx(ctx, r.params.id)),
  );
  route.get(
    '/calls/:id/export',
    { guard: 'fund.records.export', summary: '导出专项资金档案（审计机构）', params: ZIdParam },
    (ctx, r, reply) => sendExcel(reply, 'fund-records.xlsx', fund.exportFundRecords(ctx, r.params.id)),
  );
  route.get(
    '/calls/:id/dashboard',
    { guard: 'fund.dashboard.read', summary: '专项资金看板', params: ZIdParam, ok: ZFundDashboard },
    (ctx, r) => fund.fundDashboard(ctx, r.params.id),
  );
  route.post(
    '/calls/:id/spot-checks',
    { guard: 'fund.spot_check.run', summary: '随机抽查（市工业和信息化局）', params: ZIdParam, body: ZSpotCheckInput },
    (ctx, r) => fund.drawSpotCheck(ctx, r.params.id, r.body),
  );
  route.post(
    '/spot-checks/:id/findings/:applicationId',
    {
      guard: 'fund.clawback.manage',
      summary: '记录抽查结果（违规则立案追缴）',
      params: ZFindingPath,
      body: ZFindingInput,
      ok: ZCreated,
    },
    (ctx, r) => fund.recordFinding(ctx, r.params.id, r.params.applicationId, r.body),
  );
  route.post(
    '/clawbacks/:id/repayments',
    { guard: 'fund.clawback.manage', summary: '登记追缴收回款项', params: ZIdParam, body: ZRepaymentInput },
    (ctx, r) => fund.recordClawbackRepayment(ctx, r.params.id, r.body),
  );

  // ---- applications ----
  route.get(
    '/applications',
    { guard: 'fund.application.read', summary: '申报列表（按范围）', query: ZAppQuery, ok: ZApplicationList },
    (ctx, r) => fund.listFundApplications(ctx, r.query.callId),
  );
  route.get(
    '/applications/:id',
    { guard: 'signed-in', summary: '一项申报（含每一步）', params: ZIdParam, ok: ZApplication },
    (ctx, r) => fund.getFundApplication(ctx, r.params.id),
  );
  route.post(
    '/applications/:id/resubmit',
    {
      guard: 'fund.application.submit',
      summary: '补正后重新提交',
      params: ZIdParam,
      body: ZResubmitApplication,
      ok: ZCreated,
    },
    (ctx, r) => fund.resubmitFundApplication(ctx, r.params.id, r.body),
  );
  route.post(
    '/applications/:id/formal-review',
    {
      guard: 'fund.application.formal_review',
      summary: '形式审查（受托机构）',
      params: ZIdParam,
      body: ZFormalReview,
      ok: ZCreated,
    },
    (ctx, r) => fund.formalReview(ctx, r.params.id, r.body),
  );
  route.post(
    '/applications/:id/experts',
    { guard: 'fund.expert.draw', summary: '随机抽取评审专家（受托机构）', params: ZIdParam },
    (ctx, r) => fund.drawExperts(ctx, r.params.id),
  );
  route.get(
    '/applications/:id/assignments',
    {
      guard: 'fund.ranking.read',
      summary: '评审专家与评分（全部评完后显示分数）',
      params: ZIdParam,
      ok: ZAssignmentList,
    },
    (ctx, r) => fund.listAssignments(ctx, r.params.id),
  );
  route.post(
    '/applications/:id/acceptance-panel',
    { guard: 'fund.expert.draw', summary: '随机抽取验收专家（受托机构）', params: ZIdParam },
    (ctx, r) => fund.drawAcceptancePanel(ctx, r.params.id),
  );
  route.post(
    '/applications/:id/acceptance',
    { guard: 'fund.acceptance.record', summary: '记录验收结果（受托机构）', params: ZIdParam, body: ZAcceptanceInput },
    (ctx, r) => fund.recordAcceptance(ctx, r.params.id, r.body),
  );

  // ---- experts ----
  route.get('/experts', { guard: 'fund.expert.manage', summary: '专家库（受托机构）', ok: ZExpertList }, (ctx) =>
    fund.listExperts(ctx),
  );
  route.post(
    '/experts',
    { guard: 'fund.expert.manage', summary: '专家入库（受托机构）', body: ZCreateExpert, created: ZCreated },
    (ctx, r) => fund.createExpert(ctx, r.body),
  );
  route.get('/reviews', { guard: 'fund.review.score', summary: '我的评审任务（专家）', ok: ZExpertQueue }, (ctx) =>
    fund.expertQueue(ctx),
  );
  route.post(
    '/reviews/:id/declaration',
    { guard: 'fund.review.score', summary: '声明是否存在利益冲突（专家）', params: ZIdParam, body: ZDeclareConflict },
    (ctx, r) => fund.declareConflict(ctx, r.params.id, r.body),
  );
  route.post(
    '/reviews/:id/scores',
    { guard: 'fund.review.score', summary: '提交评分（专家）', params: ZIdParam, body: ZScoreInput },
    (ctx, r) => fund.scoreApplication(ctx, r.params.id, r.body),
  );

  // ---- 人才培养 (第八条（四）): the operator's training programme ----
  route.get(
    '/training',
    {
      guard: 'fund.training.read',
      summary: '人才培养：年度预算、培训活动与目标进度',
      query: ZTrainingQuery,
      ok: ZTrainingList,
    },
    (ctx, r) => fund.readTraining(ctx, r.query.year),
  );
  route.post(
    '/training/events',
    {
      guard: 'fund.training.record',
      summary: '登记人才培养培训活动（受托机构）',
      body: ZTrainingEventInput,
      created: ZCreated,
    },
    (ctx, r) => fund.recordTrainingEvent(ctx, r.body),
  );

  // ---- objections (city) and renewals of 003 ----
  route.post(
    '/objections/:id/close',
    {
      guard: 'fund.objection.handle',
      summary: '异议办结（市工业和信息化局）',
      params: ZIdParam,
      body: ZCloseObjection,
      ok: ZCreated,
    },
    (ctx, r) => fund.closeFundObjection(ctx, r.params.id, r.body),
  );
  route.post(
    '/renewals',
    {
      guard: 'fund.policy.renew',
      summary: '登记专项资金细则续期文件（草稿）',
      body: ZIifundRenewal,
      created: ZCreated,
    },
    (ctx, r) => fund.draftIifundRenewal(ctx, r.body),
  );
  route.post(
    '/renewals/:id/approve',
    { guard: 'fund.policy.approve_renewal', summary: '批准续期文件（双人复核）', params: ZIdParam, ok: ZCreated },
    (ctx, r) => fund.approveIifundRenewal(ctx, r.params.id),
  );

  // ---- public ----
  route.get(
    '/public/notices',
    { guard: 'public', summary: '公开：专项资金公示列表', config: publicRateLimit, ok: ZPublicFundNoticeList },
    (ctx) => fund.listPublicFundNotices(ctx),
  );
  route.get(
    '/public/notices/:id',
    {
      guard: 'public',
      summary: '公开：专项资金公示',
      config: publicRateLimit,
      params: ZIdParam,
      ok: ZPublicFundNotice,
    },
    (ctx, r) => fund.readPublicFundNotice(ctx, r.params.id),
  );
  route.post(
    '/public/notices/:id/objections',
    {
      guard: 'public',
      summary: '公开：对公示提出异议（回执含案件编号）',
      config: publicRateLimit,
      params: ZIdParam,
      body: ZObjectionInput,
      created: ZFundObjectionReceipt,
    },
    (ctx, r) => fund.submitFundObjection(ctx, r.params.id, r.body),
  );
}
