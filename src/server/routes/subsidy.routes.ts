/**
 * 政银保 interest subsidy: campaigns, applications with district and city review, allocation runs, the notice,
 * objections and the funding plan (江工信工业互联网〔2023〕33号 第七条（四）–（六）).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtx, noStore } from '../http-context';

const TAGS = ['subsidy'];
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function subsidyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  // ---- campaigns ----
  app.get(
    '/campaigns',
    { schema: { tags: TAGS, summary: '年度补贴申请批次列表', response: { 200: ZCampaignList } } },
    async (request) => {
      const ctx = actorCtx(request, 'subsidy.campaign.read');
      return { items: await listCampaigns(ctx) };
    },
  );
  app.post(
    '/campaigns',
    {
      schema: {
        tags: TAGS,
        summary: '发起年度补贴申请批次（市级业务管理员：贴息期间、申请时间、预算、分配方式、公示天数）',
        body: ZCreateCampaign,
        response: { 201: ZCampaign },
      },
    },
    async (request, reply) => reply.status(201).send(await createCampaign(actorCtx(request), request.body)),
  );
  app.get(
    '/campaigns/:id',
    { schema: { tags: TAGS, summary: '批次详情', params: ZIdParam, response: { 200: ZCampaign } } },
    async (request) => getCampaign(actorCtx(request, 'subsidy.campaign.read'), request.params.id),
  );
  app.get(
    '/campaigns/:id/apply-options',
    {
      schema: {
        tags: TAGS,
        summary: '本企业可申请的入库项目与贷款（含银行记录的贴息期间已付利息）',
        params: ZIdParam,
        response: { 200: ZApplyOptions },
      },
    },
    async (request) => applyOptions(actorCtx(request), request.params.id),
  );

  // ---- applications ----
  app.post(
    '/applications',
    {
      schema: {
        tags: TAGS,
        summary: '提交补贴申请（企业；同一幂等键 Idempotency-Key 重复提交只生效一次）',
        body: ZSubmitApplicationWithId,
        response: { 200: ZSubmitted, 201: ZSubmitted },
      },
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key'];
      const r = await submitApplication(actorCtx(request), request.body, typeof key === 'string' ? key : undefined);
      return reply.status(r.replayed ? 200 : 201).send(r);
    },
  );
  app.get(
    '/applications',
    {
      schema: {
        tags: TAGS,
        summary: '补贴申请列表（按权限范围：企业本企业，县区本辖区，市级全部，银行本行贷款）',
        querystring: ZApplicationListQuery,
        response: { 200: ZApplicationList },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return listApplications(actorCtx(request), request.query);
    },
  );
  app.get(
    '/applications/xlsx',
    {
      schema: {
        tags: TAGS,
        summary: '导出补贴申请审核清单（Excel，按权限范围，筛选同列表，全部条目）',
        querystring: ZApplicationExportQuery,
        produces: [XLSX_CONTENT_TYPE],
        response: { 200: z.any().describe('Excel 文件') },
      },
    },
    async (request, reply) => {
      const file = await applicationsXlsx(actorCtx(request), request.query);
      noStore(reply)
        .header('content-type', XLSX_CONTENT_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="applications.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
      return reply.send(file.buffer);
    },
  );
  app.get(
    '/applications/:id',
    {
      schema: {
        tags: TAGS,
        summary: '补贴申请详情（含利息核对差额、其他贴息、附件、审核记录、测算结果与说明）',
        params: ZIdParam,
        response: { 200: ZApplicationDetail },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return getApplication(actorCtx(request), request.params.id);
    },
  );
  app.post(
    '/applications/:id/resubmit',
    {
      schema: {
        tags: TAGS,
        summary: '退回后修改并重新提交（企业）',
        params: ZIdParam,
        body: ZResubmitApplication,
        response: { 200: ZStatus },
      },
    },
    async (request) => resubmitApplication(actorCtx(request), request.params.id, request.body),
  );
  app.post(
    '/applications/:id/district-review',
    {
      schema: {
        tags: TAGS,
        summary: '县（市、区）核查：通过或退回（须写明原因）',
        params: ZIdParam,
        body: ZReviewApplication,
        response: { 200: ZStatus },
      },
    },
    async (request) => reviewApplication(actorCtx(request), request.params.id, 'district', request.body),
  );
  app.post(
    '/applications/:id/city-review',
    {
      schema: {
        tags: TAGS,
        summary: '市级核实：通过或退回（须写明原因）',
        params: ZIdParam,
        body: ZReviewApplication,
        response: { 200: ZStatus },
      },
    },
    async (request) => reviewApplication(actorCtx(request), request.params.id, 'city', request.body),
  );

  // ---- allocation ----
  app.post(
    '/campaigns/:id/allocation-runs',
    {
      schema: {
        tags: TAGS,
        summary:
          '执行分配（市级业务管理员）：dryRun=true 为试算，不改变任何申请；false 为正式分配，每批次仅一次；批次仍在受理申请时须 closeCampaign=true 确认先截止受理',
        params: ZIdParam,
        body: ZRunAllocation,
        response: { 200: ZAllocationOutcome, 201: ZAllocationOutcome },
      },
    },
    async (request, reply) => {
      const r = await runAllocation(actorCtx(request), request.params.id, {
        dryRun: request.body.dryRun,
        closeCampaign: request.body.closeCampaign,
      });
      return reply.status(request.body.dryRun ? 200 : 201).send(r);
    },
  );
  app.get(
    '/campaigns/:id/allocation-runs',
    {
      schema: { tags: TAGS, summary: '分配记录（含试算）', params: ZIdParam, response: { 200: ZAllocationRunList } },
    },
    async (request) => ({ items: await listRuns(actorCtx(request), request.params.id) }),
  );
  app.get(
    '/allocation-runs/:id',
    {
      schema: {
        tags: TAGS,
        summary: '分配记录详情（所用参数及来源；试算的前若干行结果）',
        params: ZIdParam,
        response: {
          200: ZAllocationRun.extend({
            parameters: z.record(z.string(), z.unknown()),
            preview: z.array(z.unknown()).nullable(),
          }),
        },
      },
    },
    async (request) => getRun(actorCtx(request), request.params.id),
  );
  app.get(
    '/allocation-runs/:id/awards',
    {
      schema: {
        tags: TAGS,
        summary: '正式分配结果（按先到先得顺序，分页）',
        params: ZIdParam,
        querystring: ZAwardListQuery,
        response: { 200: ZAwardList },
      },
    },
    async (request) => listAwards(actorCtx(request), request.params.id, request.query.page, request.query.pageSize),
  );

  // ---- 递补: budget freed during the notice goes to the next in line ----
  app.get(
    '/campaigns/:id/supplementary',
    {
      schema: {
        tags: TAGS,
        summary: '递补情况：预算、仍有效的安排、释放的预算、撤销/核减数、各轮递补（市级人员）',
        params: ZIdParam,
        response: { 200: ZSupplementaryStatus },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return supplementaryStatus(actorCtx(request), request.params.id);
    },
  );
  app.post(
    '/campaigns/:id/supplementary-runs',
    {
      schema: {
        tags: TAGS,
        summary:
          '递补分配（市级业务管理员；公示发布后、计划下达前）：释放的预算按申报指南 六（四）顺序递补原分配未安排或未足额安排的申请；dryRun=true 为试算',
        params: ZIdParam,
        body: ZRunAllocation,
        response: { 200: ZAllocationOutcome, 201: ZAllocationOutcome },
      },
    },
    async (request, reply) => {
      const r = await runSupplementaryAllocation(actorCtx(request), request.params.id, {
        dryRun: request.body.dryRun,
      });
      return reply.status(request.body.dryRun ? 200 : 201).send(r);
    },
  );
  app.post(
    '/campaigns/:id/supplementary-notices',
    {
      schema: {
        tags: TAGS,
        summary: '发布递补公示（市级业务管理员；仅列本轮递补安排，公示期按批次设定天数）',
        params: ZIdParam,
        body: ZPublishNotice,
        response: { 201: ZNoticePeriod },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishSupplementaryNotice(actorCtx(request), request.params.id, request.body)),
  );
  app.get(
    '/campaigns/:id/notices',
    {
      schema: {
        tags: TAGS,
        summary: '批次的全部公示（含递补公示）',
        params: ZIdParam,
        response: { 200: ZNoticeList },
      },
    },
    async (request) => ({
      items: await noticesOfCampaign(actorCtx(request, 'subsidy.notice.read'), request.params.id),
    }),
  );

  // ---- notice, objections, plan ----
  app.post(
    '/campaigns/:id/notice',
    {
      schema: {
        tags: TAGS,
        summary: '发布公示（市级业务管理员；公示期按批次设定天数）',
        params: ZIdParam,
        body: ZPublishNotice,
        response: { 201: ZNoticePeriod },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishNotice(actorCtx(request), request.params.id, request.body)),
  );
  app.get(
    '/campaigns/:id/notice',
    { schema: { tags: TAGS, summary: '批次的公示', params: ZIdParam, response: { 200: ZNoticeOrNull } } },
    async (request) => noticeOfCampaign(actorCtx(request, 'subsidy.notice.read'), request.params.id),
  );
  app.get(
    '/notices/:id/objections',
    {
      schema: { tags: TAGS, summary: '公示异议（市级人员）', params: ZIdParam, response: { 200: ZObjectionList } },
    },
    async (request, reply) => {
      noStore(reply);
      return { items: await listObjections(actorCtx(request), request.params.id) };
    },
  );
  app.post(
    '/objections/:id/handle',
    {
      schema: {
        tags: TAGS,
        summary: '处理公示异议：调查核实或办结（异议成立时可撤销或核减所指补贴，释放的预算可递补）',
        params: ZIdParam,
        body: ZHandleObjection,
        response: { 200: ZObjection },
      },
    },
    async (request) => handleObjection(actorCtx(request), request.params.id, request.body),
  );
  app.post(
    '/campaigns/:id/funding-plan',
    {
      schema: {
        tags: TAGS,
        summary: '下达补贴资金安排计划（公示期满且异议全部办结后）',
        params: ZIdParam,
        body: ZIssuePlan,
        response: { 201: ZFundingPlan },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueFundingPlan(actorCtx(request), request.params.id, request.body)),
  );
  app.get(
    '/campaigns/:id/funding-plan',
    { schema: { tags: TAGS, summary: '批次的补贴资金安排计划', params: ZIdParam, response: { 200: ZFundingPlan } } },
    async (request) => getPlanByCampaign(actorCtx(request, 'subsidy.funding_plan.read'), request.params.id),
  );
  app.get(
    '/funding-plans/:id',
    {
      schema: {
        tags: TAGS,
        summary: '补贴资金安排计划（含大写金额）',
        params: ZIdParam,
        response: { 200: ZFundingPlan },
      },
    },
    async (request) => getFundingPlan(actorCtx(request, 'subsidy.funding_plan.read'), request.params.id),
  );
  app.get(
    '/funding-plans/:id/xlsx',
    { schema: { tags: TAGS, summary: '下载补贴资金安排计划（Excel）', params: ZIdParam } },
    async (request, reply) => {
      const plan = await getFundingPlan(actorCtx(request, 'subsidy.funding_plan.read'), request.params.id);
      const buf = await fundingPlanXlsx(plan);
      const name = encodeURIComponent(`${plan.title}.xlsx`);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="funding-plan.xlsx"; filename*=UTF-8''${name}`)
        .send(buf);
    },
  );

  // ---- the enterprise's own view ----
  app.get(
    '/mine',
    {
      schema: {
        tags: TAGS,
        summary: '本企业获得的补贴、计算说明及剩余额度（100万元上限）',
        response: { 200: ZMySubsidy },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return mySubsidy(actorCtx(request));
    },
  );
}
