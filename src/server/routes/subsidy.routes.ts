/**
 * 政银保 interest subsidy: campaigns, applications with district and city review, allocation runs, the notice,
 * objections and the funding plan (江工信工业互联网〔2023〕33号 第七条（四）–（六）).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ZAllocationOutcome,
  ZAllocationRun,
  ZAllocationRunList,
  ZApplicationDetail,
  ZApplicationExportQuery,
  ZApplicationList,
  ZApplicationListQuery,
  ZApplyOptions,
  ZAwardList,
  ZAwardListQuery,
  ZCampaign,
  ZCampaignList,
  ZCreateCampaign,
  ZFundingPlan,
  ZHandleObjection,
  ZIdParam,
  ZIssuePlan,
  ZMySubsidy,
  ZNotice,
  ZNoticeList,
  ZNoticeOrNull,
  ZNoticePeriod,
  ZObjection,
  ZObjectionList,
  ZPublishNotice,
  ZResubmitApplication,
  ZReviewApplication,
  ZRunAllocation,
  ZStatus,
  ZSubmitApplication,
  ZSubmitApplicationWithId,
  ZSubmitted,
  ZSupplementaryStatus,
} from '../../contracts/subsidy';
import {
  applicationsXlsx,
  applyOptions,
  createCampaign,
  fundingPlanXlsx,
  getApplication,
  getCampaign,
  getFundingPlan,
  getPlanByCampaign,
  getRun,
  handleObjection,
  issueFundingPlan,
  listApplications,
  listAwards,
  listCampaigns,
  listObjections,
  listRuns,
  mySubsidy,
  noticeOfCampaign,
  noticesOfCampaign,
  publishNotice,
  publishSupplementaryNotice,
  resubmitApplication,
  reviewApplication,
  runAllocation,
  runSupplementaryAllocation,
  submitApplication,
  supplementaryStatus,
} from '../../services/subsidy';
import { sendDownload, sendExcel, xlsxDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

export async function subsidyRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['subsidy']);

  // ---- campaigns ----
  route.get(
    '/campaigns',
    { guard: 'subsidy.campaign.read', summary: '年度补贴申请批次列表', ok: ZCampaignList },
    async (ctx) => ({ items: await listCampaigns(ctx) }),
  );
  route.post(
    '/campaigns',
    {
      guard: 'signed-in',
      summary: '发起年度补贴申请批次（市级业务管理员：贴息期间、申请时间、预算、分配方式、公示天数）',
      body: ZCreateCampaign,
      created: ZCampaign,
    },
    (ctx, request) => createCampaign(ctx, request.body),
  );
  route.get(
    '/campaigns/:id',
    { guard: 'subsidy.campaign.read', summary: '批次详情', params: ZIdParam, ok: ZCampaign },
    (ctx, request) => getCampaign(ctx, request.params.id),
  );
  route.get(
    '/campaigns/:id/apply-options',
    {
      guard: 'signed-in',
      summary: '本企业可申请的入库项目与贷款（含银行记录的贴息期间已付利息）',
      params: ZIdParam,
      ok: ZApplyOptions,
    },
    (ctx, request) => applyOptions(ctx, request.params.id),
  );

  // ---- applications ----
  route.post(
    '/applications',
    {
      guard: 'signed-in',
      summary: '提交补贴申请（企业；同一幂等键 Idempotency-Key 重复提交只生效一次）',
      body: ZSubmitApplicationWithId,
      response: { 200: ZSubmitted, 201: ZSubmitted },
    },
    async (ctx, request, reply) => {
      const key = request.headers['idempotency-key'];
      const r = await submitApplication(ctx, request.body, typeof key === 'string' ? key : undefined);
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  route.get(
    '/applications',
    {
      guard: 'signed-in',
      summary: '补贴申请列表（按权限范围：企业本企业，县区本辖区，市级全部，银行本行贷款）',
      query: ZApplicationListQuery,
      ok: ZApplicationList,
      noStore: true,
    },
    (ctx, request) => listApplications(ctx, request.query),
  );
  route.get(
    '/applications/xlsx',
    {
      guard: 'signed-in',
      summary: '导出补贴申请审核清单（Excel，按权限范围，筛选同列表，全部条目）',
      query: ZApplicationExportQuery,
      ...xlsxDownload(),
      noStore: true,
    },
    (ctx, request, reply) => sendExcel(reply, 'applications.xlsx', applicationsXlsx(ctx, request.query)),
  );
  route.get(
    '/applications/:id',
    {
      guard: 'signed-in',
      summary: '补贴申请详情（含利息核对差额、其他贴息、附件、审核记录、测算结果与说明）',
      params: ZIdParam,
      ok: ZApplicationDetail,
      noStore: true,
    },
    (ctx, request) => getApplication(ctx, request.params.id),
  );
  route.post(
    '/applications/:id/resubmit',
    {
      guard: 'signed-in',
      summary: '退回后修改并重新提交（企业）',
      params: ZIdParam,
      body: ZResubmitApplication,
      ok: ZStatus,
    },
    (ctx, request) => resubmitApplication(ctx, request.params.id, request.body),
  );
  route.post(
    '/applications/:id/district-review',
    {
      guard: 'signed-in',
      summary: '县（市、区）核查：通过或退回（须写明原因）',
      params: ZIdParam,
      body: ZReviewApplication,
      ok: ZStatus,
    },
    (ctx, request) => reviewApplication(ctx, request.params.id, 'district', request.body),
  );
  route.post(
    '/applications/:id/city-review',
    {
      guard: 'signed-in',
      summary: '市级核实：通过或退回（须写明原因）',
      params: ZIdParam,
      body: ZReviewApplication,
      ok: ZStatus,
    },
    (ctx, request) => reviewApplication(ctx, request.params.id, 'city', request.body),
  );

  // ---- allocation ----
  route.post(
    '/campaigns/:id/allocation-runs',
    {
      guard: 'signed-in',
      summary:
        '执行分配（市级业务管理员）：dryRun=true 为试算，不改变任何申请；false 为正式分配，每批次仅一次；批次仍在受理申请时须 closeCampaign=true 确认先截止受理',
      params: ZIdParam,
      body: ZRunAllocation,
      response: { 200: ZAllocationOutcome, 201: ZAllocationOutcome },
    },
    async (ctx, request, reply) => {
      const { dryRun, closeCampaign } = request.body;
      return reply
        .status(dryRun ? 200 : 201)
        .send(await runAllocation(ctx, request.params.id, { dryRun, closeCampaign }));
    },
  );
  route.get(
    '/campaigns/:id/allocation-runs',
    { guard: 'signed-in', summary: '分配记录（含试算）', params: ZIdParam, ok: ZAllocationRunList },
    async (ctx, request) => ({ items: await listRuns(ctx, request.params.id) }),
  );
  route.get(
    '/allocation-runs/:id',
    {
      guard: 'signed-in',
      summary: '分配记录详情（所用参数及来源；试算的前若干行结果）',
      params: ZIdParam,
      response: {
        200: ZAllocationRun.extend({
          parameters: z.record(z.string(), z.unknown()),
          preview: z.array(z.unknown()).nullable(),
        }),
      },
    },
    (ctx, request) => getRun(ctx, request.params.id),
  );
  route.get(
    '/allocation-runs/:id/awards',
    {
      guard: 'signed-in',
      summary: '正式分配结果（按先到先得顺序，分页）',
      params: ZIdParam,
      query: ZAwardListQuery,
      ok: ZAwardList,
    },
    (ctx, request) => listAwards(ctx, request.params.id, request.query.page, request.query.pageSize),
  );

  // ---- 递补: budget freed during the notice goes to the next in line ----
  route.get(
    '/campaigns/:id/supplementary',
    {
      guard: 'signed-in',
      summary: '递补情况：预算、仍有效的安排、释放的预算、撤销/核减数、各轮递补（市级人员）',
      params: ZIdParam,
      ok: ZSupplementaryStatus,
      noStore: true,
    },
    (ctx, request) => supplementaryStatus(ctx, request.params.id),
  );
  route.post(
    '/campaigns/:id/supplementary-runs',
    {
      guard: 'signed-in',
      summary:
        '递补分配（市级业务管理员；公示发布后、计划下达前）：释放的预算按申报指南 六（四）顺序递补原分配未安排或未足额安排的申请；dryRun=true 为试算',
      params: ZIdParam,
      body: ZRunAllocation,
      response: { 200: ZAllocationOutcome, 201: ZAllocationOutcome },
    },
    async (ctx, { params, body }, reply) =>
      reply
        .status(body.dryRun ? 200 : 201)
        .send(await runSupplementaryAllocation(ctx, params.id, { dryRun: body.dryRun })),
  );
  route.post(
    '/campaigns/:id/supplementary-notices',
    {
      guard: 'signed-in',
      summary: '发布递补公示（市级业务管理员；仅列本轮递补安排，公示期按批次设定天数）',
      params: ZIdParam,
      body: ZPublishNotice,
      created: ZNoticePeriod,
    },
    (ctx, request) => publishSupplementaryNotice(ctx, request.params.id, request.body),
  );
  route.get(
    '/campaigns/:id/notices',
    { guard: 'subsidy.notice.read', summary: '批次的全部公示（含递补公示）', params: ZIdParam, ok: ZNoticeList },
    async (ctx, request) => ({
      items: await noticesOfCampaign(ctx, request.params.id),
    }),
  );

  // ---- notice, objections, plan ----
  route.post(
    '/campaigns/:id/notice',
    {
      guard: 'signed-in',
      summary: '发布公示（市级业务管理员；公示期按批次设定天数）',
      params: ZIdParam,
      body: ZPublishNotice,
      created: ZNoticePeriod,
    },
    (ctx, request) => publishNotice(ctx, request.params.id, request.body),
  );
  route.get(
    '/campaigns/:id/notice',
    { guard: 'subsidy.notice.read', summary: '批次的公示', params: ZIdParam, ok: ZNoticeOrNull },
    (ctx, request) => noticeOfCampaign(ctx, request.params.id),
  );
  route.get(
    '/notices/:id/objections',
    { guard: 'signed-in', summary: '公示异议（市级人员）', params: ZIdParam, ok: ZObjectionList, noStore: true },
    async (ctx, request) => ({ items: await listObjections(ctx, request.params.id) }),
  );
  route.post(
    '/objections/:id/handle',
    {
      guard: 'signed-in',
      summary: '处理公示异议：调查核实或办结（异议成立时可撤销或核减所指补贴，释放的预算可递补）',
      params: ZIdParam,
      body: ZHandleObjection,
      ok: ZObjection,
    },
    (ctx, request) => handleObjection(ctx, request.params.id, request.body),
  );
  route.post(
    '/campaigns/:id/funding-plan',
    {
      guard: 'signed-in',
      summary: '下达补贴资金安排计划（公示期满且异议全部办结后）',
      params: ZIdParam,
      body: ZIssuePlan,
      created: ZFundingPlan,
    },
    (ctx, request) => issueFundingPlan(ctx, request.params.id, request.body),
  );
  route.get(
    '/campaigns/:id/funding-plan',
    { guard: 'subsidy.funding_plan.read', summary: '批次的补贴资金安排计划', params: ZIdParam, ok: ZFundingPlan },
    (ctx, request) => getPlanByCampaign(ctx, request.params.id),
  );
  route.get(
    '/funding-plans/:id',
    {
      guard: 'subsidy.funding_plan.read',
      summary: '补贴资金安排计划（含大写金额）',
      params: ZIdParam,
      ok: ZFundingPlan,
    },
    (ctx, request) => getFundingPlan(ctx, request.params.id),
  );
  route.get(
    '/funding-plans/:id/xlsx',
    { guard: 'subsidy.funding_plan.read', summary: '下载补贴资金安排计划（Excel）', params: ZIdParam },
    async (ctx, request, reply) => {
      const plan = await getFundingPlan(ctx, request.params.id);
      const buf = await fundingPlanXlsx(plan);
      return sendDownload(reply, { ascii: 'funding-plan.xlsx', name: `${plan.title}.xlsx`, body: buf });
    },
  );

  // ---- the enterprise's own view ----
  route.get(
    '/mine',
    {
      guard: 'signed-in',
      summary: '本企业获得的补贴、计算说明及剩余额度（100万元上限）',
      ok: ZMySubsidy,
      noStore: true,
    },
    (ctx) => mySubsidy(ctx),
  );
}
