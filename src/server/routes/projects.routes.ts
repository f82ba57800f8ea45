/**
 * The project library (数字化转型项目库): declarations from draft to numbering, the reviewers' queues and batch
 * decisions, numbered projects with their progress reports and spot checks. Every list and read is scoped in
 * SQL; what is outside the actor's scope answers 404.
 */
import type { FastifyInstance } from 'fastify';
import {
  ZBatchResult,
  ZCheckDeclaration,
  ZChecklistDefinition,
  ZCheckResult,
  ZCityReview,
  ZCloseSpotCheck,
  ZCreateDeclaration,
  ZDeclarationDetail,
  ZDeclarationList,
  ZDeclarationListQuery,
  ZDistrictReview,
  ZFormQuery,
  ZIdempotencyHeaders,
  ZIdParams,
  ZOpenSpotCheck,
  ZProgressReport,
  ZProjectDetail,
  ZProjectList,
  ZProjectListQuery,
  ZReportInput,
  ZReportParams,
  ZReviewQueue,
  ZReviewQueueExportQuery,
  ZReviewQueueQuery,
  ZSpotCheck,
  ZSpotCheckParams,
  ZUpdateDeclaration,
  ZWithdraw,
} from '../../contracts/projects';
import { FORM_NAMES, INVESTMENT_ITEMS, PROJECT_CATEGORIES } from '../../domain/projects/forms';
import { MATERIALS } from '../../domain/projects/materials';
import { startLoop } from '../../services/notifications';
import {
  checkDeclaration,
  closeSpotCheck,
  createDeclaration,
  getDeclaration,
  getProject,
  listDeclarations,
  listProjects,
  openSpotCheck,
  reviewByCity,
  reviewByDistrict,
  reviewQueue,
  reviewQueueXlsx,
  saveProgressReport,
  submitDeclaration,
  submitProgressReport,
  sweepProjectLibrary,
  updateDeclaration,
  withdrawDeclaration,
} from '../../services/projects';
import { langOf } from '../http-context';
import { sendExcel, xlsxDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

export async function projectsRoutes(app: FastifyInstance): Promise<void> {
  // Periodic duties (lapses, window-open notices, due/overdue reminders) run only in a listening server.
  let loop: ReturnType<typeof startLoop> | null = null;
  const route = routeKit(app, ['project-library']);
  app.addHook('onListen', async () => {
    loop = startLoop(
      () => sweepProjectLibrary(app.deps),
      10 * 60_000,
      (e) => app.log.error({ err: e }, 'project sweep failed'),
    );
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });

  route.get(
    '/declarations/form',
    {
      guard: 'public',
      summary: '申报表定义：建设内容类别、投资构成项、材料清单（附件3/附件4）',
      query: ZFormQuery,
      ok: ZChecklistDefinition,
    },
    (_ctx, request) => {
      const form = request.query.form;
      // Names in the request's language (Accept-Language: en); the citations are the documents' own.
      const name = (i: { zh: string; en: string }) => (langOf(request) === 'en' ? i.en : i.zh);
      return {
        form,
        annex: FORM_NAMES[form].annex,
        categories: {
          citation: PROJECT_CATEGORIES[form].citation,
          items: PROJECT_CATEGORIES[form].items.map((i) => ({ code: i.code, name: name(i) })),
        },
        investmentItems: {
          citation: INVESTMENT_ITEMS[form].citation,
          items: INVESTMENT_ITEMS[form].items.map((i) => ({ code: i.code, name: name(i) })),
        },
        materials: MATERIALS[form].map((m) => ({
          code: m.code,
          name: name(m),
          requirement: m.requirement,
          citation: m.citation,
        })),
      };
    },
  );

  route.get(
    '/declarations',
    {
      guard: 'project.declaration.read',
      summary: '入库申报列表（企业看本企业；区县看本辖区已提交的；市级看全部；按更新时间倒序）',
      query: ZDeclarationListQuery,
      ok: ZDeclarationList,
      noStore: true,
    },
    (ctx, request) => listDeclarations(ctx, request.query),
  );

  route.get(
    '/declarations/review-queue',
    {
      guard: 'project.declaration.read',
      summary: '审核队列（区县：待核实，按核实截止日排序并标记逾期；市级：待复核，资源池牵头优先）',
      query: ZReviewQueueQuery,
      ok: ZReviewQueue,
      noStore: true,
    },
    (ctx, request) => reviewQueue(ctx, request.query),
  );

  route.get(
    '/declarations/review-queue/xlsx',
    {
      guard: 'project.declaration.read',
      summary: '导出审核队列（Excel，本人权限范围与阶段内的全部条目，筛选同队列）',
      query: ZReviewQueueExportQuery,
      ...xlsxDownload(),
      noStore: true,
    },
    (ctx, request, reply) => sendExcel(reply, 'review-queue.xlsx', reviewQueueXlsx(ctx, request.query)),
  );

  route.post(
    '/declarations',
    {
      guard: 'project.declare',
      summary: '新建入库申报草稿（可随时保存；重新申报时填写 predecessorId，草稿复制原申报内容和材料）',
      headers: ZIdempotencyHeaders,
      body: ZCreateDeclaration,
      response: { 201: ZDeclarationDetail, 200: ZDeclarationDetail },
    },
    async (ctx, request, reply) => {
      const r = await createDeclaration(ctx, request.body, request.headers['idempotency-key']);
      return reply.status(r.replayed ? 200 : 201).send(await getDeclaration(ctx, r.id));
    },
  );

  route.post(
    '/declarations/check',
    {
      guard: 'project.declare',
      summary: '填报时实时检查：申报窗口、必填项、材料清单与政策条件（含依据），不保存',
      body: ZCheckDeclaration,
      ok: ZCheckResult,
      noStore: true,
    },
    (ctx, request) => checkDeclaration(ctx, request.body),
  );

  route.post(
    '/declarations/review/district',
    {
      guard: 'project.review.district',
      summary: '区县核实（可批量）：verify 核实通过报市复核；return 退回补正（须填理由与补正期限）',
      body: ZDistrictReview,
      ok: ZBatchResult,
    },
    (ctx, request) => reviewByDistrict(ctx, request.body),
  );

  route.post(
    '/declarations/review/city',
    {
      guard: 'project.review.city',
      summary: '市级复核（可批量）：approve 通过并编号（JMSZ-年份-序号）；reject 不予通过（须填理由）',
      body: ZCityReview,
      ok: ZBatchResult,
    },
    (ctx, request) => reviewByCity(ctx, request.body),
  );

  route.get(
    '/declarations/:id',
    {
      guard: 'project.declaration.read',
      summary: '入库申报详情（含材料清单、政策条件检查、审核时间线与理由、与原申报的变化）',
      params: ZIdParams,
      ok: ZDeclarationDetail,
      noStore: true,
    },
    (ctx, request) => getDeclaration(ctx, request.params.id),
  );

  route.put(
    '/declarations/:id',
    {
      guard: 'project.declare',
      summary: '保存草稿或修改退回的申报（整表替换；version 防止覆盖）',
      params: ZIdParams,
      body: ZUpdateDeclaration,
      ok: ZDeclarationDetail,
    },
    async (ctx, request) => {
      await updateDeclaration(ctx, request.params.id, request.body);
      return getDeclaration(ctx, request.params.id);
    },
  );

  route.post(
    '/declarations/:id/submit',
    {
      guard: 'project.declare',
      summary: '提交（或补正后重新提交）入库申报；仅在申报窗口内；带 Idempotency-Key 的重复请求只生效一次',
      headers: ZIdempotencyHeaders,
      params: ZIdParams,
      ok: ZDeclarationDetail,
    },
    async (ctx, request) => {
      await submitDeclaration(ctx, request.params.id, request.headers['idempotency-key']);
      return getDeclaration(ctx, request.params.id);
    },
  );

  route.post(
    '/declarations/:id/withdraw',
    {
      guard: 'project.declare',
      summary: '撤回申报（草稿、待核实或退回补正时）',
      params: ZIdParams,
      body: ZWithdraw,
      ok: ZDeclarationDetail,
    },
    async (ctx, request) => {
      await withdrawDeclaration(ctx, request.params.id, request.body.reason ?? null);
      return getDeclaration(ctx, request.params.id);
    },
  );

  // ---------- numbered projects ----------

  route.get(
    '/projects',
    {
      guard: 'project.read',
      summary: '入库项目列表（按权限范围；编号倒序）',
      query: ZProjectListQuery,
      ok: ZProjectList,
      noStore: true,
    },
    (ctx, request) => listProjects(ctx, request.query),
  );

  route.get(
    '/projects/:id',
    {
      guard: 'project.read',
      summary: '入库项目详情（进展报告、抽查记录、待报送的报告期）',
      params: ZIdParams,
      ok: ZProjectDetail,
      noStore: true,
    },
    (ctx, request) => getProject(ctx, request.params.id),
  );

  route.post(
    '/projects/:id/reports',
    {
      guard: 'project.report.write',
      summary: '新建季度进展报告草稿（随后上传投资凭证并报送）',
      params: ZIdParams,
      body: ZReportInput,
      created: ZProgressReport,
    },
    (ctx, request) => saveProgressReport(ctx, request.params.id, request.body),
  );

  route.put(
    '/projects/:id/reports/:reportId',
    {
      guard: 'project.report.write',
      summary: '修改进展报告草稿',
      params: ZReportParams,
      body: ZReportInput,
      ok: ZProgressReport,
    },
    (ctx, request) => saveProgressReport(ctx, request.params.id, request.body, request.params.reportId),
  );

  route.post(
    '/projects/:id/reports/:reportId/submit',
    {
      guard: 'project.report.write',
      summary: '报送进展报告（累计投资不减少；投资增加须附凭证）',
      params: ZReportParams,
      ok: ZProgressReport,
    },
    (ctx, request) => submitProgressReport(ctx, request.params.id, request.params.reportId),
  );

  route.post(
    '/projects/:id/spot-checks',
    {
      guard: 'project.spot_check',
      summary: '区县开展项目跟踪抽查（第九条）',
      params: ZIdParams,
      body: ZOpenSpotCheck,
      created: ZSpotCheck,
    },
    (ctx, request) => openSpotCheck(ctx, request.params.id, request.body),
  );

  route.post(
    '/projects/:id/spot-checks/:checkId/close',
    {
      guard: 'project.spot_check',
      summary: '记录抽查结论',
      params: ZSpotCheckParams,
      body: ZCloseSpotCheck,
      ok: ZSpotCheck,
    },
    (ctx, request) => closeSpotCheck(ctx, request.params.id, request.params.checkId, request.body),
  );
}
