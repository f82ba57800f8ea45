/**
 * 政银保 loans: banks record loans and repayments (web session or bank system bearer token), import them in
 * bulk from .xlsx/CSV, and everyone in scope reads them (bank, insurer/guarantor, enterprise, district, city).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZCancelLoan,
  ZCorrectLoan,
  ZCoverInstitutionList,
  ZCreateLoan,
  ZExtendLoan,
  ZImportQuery,
  ZImportRefused,
  ZImportResult,
  ZImportTemplateQuery,
  ZLoanDetail,
  ZLoanId,
  ZLoanList,
  ZLoanListQuery,
  ZRawImportQuery,
  ZRecordLoanResult,
  ZRecordRepayment,
  ZRecordRepaymentResult,
} from '../../contracts/loans';
import {
  buildCsvTemplate,
  buildXlsxTemplate,
  cancelLoan,
  correctLoan,
  extendLoan,
  getLoan,
  importLoans,
  listLoans,
  recordLoan,
  recordRepayment,
  templateFileName,
} from '../../services/loans';
import '../../services/loans';
import { AppError } from '../../services/errors';
import { listCoverInstitutions } from '../../services/loans';
import { readMultipartForm } from '../multipart';
import { sendDownload, XLSX_TYPE } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

const RAW_TYPES = [XLSX_TYPE, 'text/csv', 'application/csv', 'application/octet-stream'];

interface Upload {
  fileName: string;
  bytes: Buffer;
}

async function readUpload(request: FastifyRequest, limit: number, rawName?: string): Promise<Upload> {
  if (Buffer.isBuffer(request.body)) {
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const ext = type === XLSX_TYPE ? '.xlsx' : '.csv';
    return { fileName: rawName ?? `upload${ext}`, bytes: request.body };
  }
  const { file: upload } = await readMultipartForm(request, {
    fileSize: limit,
    fields: 10,
    tooLarge: () =>
      new AppError('FILE_TOO_LARGE', 413, {
        zh: `文件超过 ${Math.round(limit / 1024 / 1024)} MB 上限，请分批导入`,
        en: 'The file is too large',
      }),
    notMultipart: () =>
      new AppError('NOT_MULTIPART', 415, {
        zh: '请以 multipart/form-data 上传文件（字段名 file），或直接以 text/csv、xlsx 类型发送文件内容',
        en: 'Upload the file as multipart/form-data (field "file") or send it as the raw body',
      }),
  });
  if (!upload) {
    throw new AppError('NO_FILE', 400, { zh: '请选择要导入的文件', en: 'No file was uploaded' }, [
      { path: 'file', label: '导入文件', message: '请选择要导入的文件' },
    ]);
  }
  return upload;
}

export async function loansRoutes(app: FastifyInstance): Promise<void> {
  const limit = app.deps.config.maxUploadBytes;
  const route = routeKit(app, ['loans']);

  // Bank systems may post the file itself as the body (scoped to these routes only).
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: limit }, (_req, body, done) => {
    done(null, body);
  });

  route.get(
    '/',
    {
      guard: 'loan.read',
      summary: '贷款列表（按权限范围：银行看本行，保险/担保看承保，企业看本企业，区县看辖区，市级看全部）',
      query: ZLoanListQuery,
      ok: ZLoanList,
      noStore: true,
    },
    (ctx, request) => listLoans(ctx, request.query),
  );

  route.post(
    '/',
    {
      guard: 'loan.record',
      summary: '登记一笔政银保贷款（合作银行；同一合同编号重复提交相同内容时返回已登记的贷款）',
      security: [{ session: [] }, { bankToken: [] }],
      body: ZCreateLoan,
      response: { 200: ZRecordLoanResult, 201: ZRecordLoanResult },
    },
    async (ctx, request, reply) => {
      const result = await recordLoan(ctx, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  route.get(
    '/cover-institutions',
    { guard: 'signed-in', summary: '可选的合作保险公司和融资性担保公司', ok: ZCoverInstitutionList },
    async () => ({ items: await listCoverInstitutions(app.deps.readDb) }),
  );

  route.get(
    '/import/template',
    {
      guard: 'signed-in',
      summary: '下载贷款及还款导入模板（xlsx 含填写说明和下拉列表；csv 每个文件一种表）',
      query: ZImportTemplateQuery,
      produces: [XLSX_TYPE, 'text/csv'],
      ok: z.any().describe('模板文件'),
      noStore: true,
    },
    async (_ctx, request, reply) => {
      const { format, kind } = request.query;
      const body = format === 'xlsx' ? await buildXlsxTemplate(app.deps.readDb) : buildCsvTemplate(kind);
      const name = templateFileName(format, kind);
      const ascii = format === 'xlsx' ? 'zyb-loan-import-template.xlsx' : `zyb-loan-import-${kind}.csv`;
      const type = format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8';
      return sendDownload(reply, { type, ascii, name, body });
    },
  );

  route.post(
    '/import',
    {
      guard: 'loan.import',
      summary:
        '批量导入贷款及还款（xlsx 或 csv；先整体检查，全部无误才导入，否则列出行级错误且不导入；同一文件重复导入不产生变化）',
      description:
        '以 multipart/form-data 上传（字段名 file），或直接以 text/csv、application/vnd.openxmlformats-officedocument.spreadsheetml.sheet 类型发送文件内容（可加 ?fileName=）。?dryRun=true 仅检查不导入。被拒绝时返回 422，error.details 含错误列表。',
      security: [{ session: [] }, { bankToken: [] }],
      consumes: ['multipart/form-data', ...RAW_TYPES],
      query: ZRawImportQuery,
      response: { 200: ZImportResult, 422: ZImportRefused },
      noStore: true,
    },
    async (ctx, request) => {
      const upload = await readUpload(request, limit, request.query.fileName);
      const result = await importLoans(ctx, { ...upload, dryRun: request.query.dryRun });
      return result;
    },
  );

  route.get(
    '/:id',
    {
      guard: 'signed-in',
      summary: '贷款详情及还款记录（范围外的贷款返回 404）',
      params: ZLoanId,
      ok: ZLoanDetail,
      noStore: true,
    },
    (ctx, request) => getLoan(ctx, request.params.id),
  );

  route.post(
    '/:id/repayments',
    {
      guard: 'loan.repay',
      summary: '登记一期还款（实还本金、实还利息；同一期次重复提交相同内容时返回已登记的记录）',
      security: [{ session: [] }, { bankToken: [] }],
      params: ZLoanId,
      body: ZRecordRepayment,
      response: { 200: ZRecordRepaymentResult, 201: ZRecordRepaymentResult },
    },
    async (ctx, request, reply) => {
      const result = await recordRepayment(ctx, request.params.id, request.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );

  route.post(
    '/:id/corrections',
    {
      guard: 'loan.correct',
      summary:
        '更正贷款登记信息（登记银行；须填更正原因和读取时的版本号 version；已用于补贴申请的贷款不能更正；版本过期返回 409）',
      description:
        '可更正合同编号、贷款用途、金额、年利率、期限、放款时间、保险/担保机构、入库项目编号（null 表示解除关联）和备注；未提交的字段保持不变。借款企业不能更正：登记错企业的贷款请作废后重新登记。校验与登记相同，且已登记的还款须仍然相符。',
      security: [{ session: [] }, { bankToken: [] }],
      params: ZLoanId,
      body: ZCorrectLoan,
      ok: ZLoanDetail,
      noStore: true,
    },
    (ctx, request) => correctLoan(ctx, request.params.id, request.body),
  );

  route.post(
    '/:id/cancel',
    {
      guard: 'loan.cancel',
      summary:
        '作废误登记的贷款（登记银行；须填作废原因和版本号；保留贷款及还款记录，显示为已作废，不再可用于补贴申请；已用于补贴申请的不能作废）',
      security: [{ session: [] }, { bankToken: [] }],
      params: ZLoanId,
      body: ZCancelLoan,
      ok: ZLoanDetail,
      noStore: true,
    },
    (ctx, request) => cancelLoan(ctx, request.params.id, request.body),
  );

  route.post(
    '/:id/extensions',
    {
      guard: 'loan.extend',
      summary: '登记展期协议（登记银行；展期后到期日须晚于当前到期日，展期后期限按贷款用途的期限上限检查；须填版本号）',
      security: [{ session: [] }, { bankToken: [] }],
      params: ZLoanId,
      body: ZExtendLoan,
      ok: ZLoanDetail,
      noStore: true,
    },
    (ctx, request) => extendLoan(ctx, request.params.id, request.body),
  );
}
