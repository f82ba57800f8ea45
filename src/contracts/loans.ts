/**
 * 政银保 loans and repayments recorded by partner banks, and their bulk import: schemas shared by the API
 * (route schemas, OpenAPI) and the web forms. Money is a decimal yuan string ("5000000.00"); rates are decimal
 * fractions ("0.0385" = 3.85%); the disbursement time is ISO 8601 with an offset ("2024-03-15T10:30:00+08:00").
 */
import { z } from 'zod';
import { LOAN_STATUS_LABELS } from '../domain/loans/labels';
import { LOAN_LIMITS, LOAN_PURPOSES, PURPOSE_RULES } from '../domain/loans/params';
import { parseAnnualRate } from '../domain/loans/values';
import { isYuanString } from '../domain/money/money';
import { SAYS_SOMETHING, ZIsoDate, ZYuanAmount } from './common';
import { ZUscc } from './enterprises';
import { itemList, pagedList } from './fields';

export { LOAN_PURPOSES, PURPOSE_RULES };

export const ZLoanPurpose = z.enum(LOAN_PURPOSES).describe('贷款用途');

const ZYuan = (label: string, opts: { positive: boolean }) =>
  ZYuanAmount(label)
    .refine((v) => !opts.positive || !isYuanString(v) || v.startsWith('-') || /[1-9]/.test(v), {
      message: '必须大于 0',
      params: { en: 'must be greater than 0' },
    })
    .describe(label);

/** 统一社会信用代码, checked with the GB 32100-2015 check character and normalised (upper case). */
export const ZLoanUscc = ZUscc.describe('借款企业统一社会信用代码');

export const ZAnnualRate = z
  .string()
  .trim()
  .max(12)
  .superRefine((v, ctx) => {
    const r = parseAnnualRate(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.zh, params: { en: r.en } });
  })
  .describe('年利率');

export const ZCreateLoan = z.object({
  enterpriseUscc: ZLoanUscc,
  contractNo: z
    .string()
    .trim()
    .min(1)
    .max(LOAN_LIMITS.contractNoMaxLength)
    .regex(/^\S+$/, { message: '不能包含空格' })
    .describe('贷款合同编号'),
  purpose: ZLoanPurpose,
  amount: ZYuan('贷款金额', { positive: true }),
  annualRate: ZAnnualRate,
  termMonths: z.number().int().min(LOAN_LIMITS.minTermMonths).max(LOAN_LIMITS.maxTermMonths).describe('贷款期限（月）'),
  disbursedAt: z.iso
    .datetime({ offset: true, message: '应为带时区的时间，如 2024-03-15T10:30:00+08:00' })
    .describe('放款时间'),
  coverInstitutionId: z.uuid({ message: '应为机构编号（UUID）' }).describe('保险/担保机构'),
  /** The library number of the numbered project this loan finances (入库项目编号, e.g. JMSZ-2024-0001). */
  projectNo: z.string().trim().min(1).max(64).nullish().describe('入库项目编号'),
  remarks: z.string().trim().max(200).nullish().describe('备注'),
});
export type TCreateLoan = z.input<typeof ZCreateLoan>;
export type TCreateLoanParsed = z.output<typeof ZCreateLoan>;

export const ZRecordRepayment = z.object({
  periodNo: z.number().int().min(1).max(LOAN_LIMITS.maxPeriodNo).describe('期次'),
  dueDate: ZIsoDate('应还日期'),
  paidDate: ZIsoDate('实还日期'),
  principalPaid: ZYuan('实还本金', { positive: false }),
  interestPaid: ZYuan('实还利息', { positive: false }),
});
export type TRecordRepayment = z.infer<typeof ZRecordRepayment>;

export const ZLoanId = z.object({ id: z.uuid({ message: '应为贷款编号（UUID）' }).describe('贷款编号') });

export const ZLoanStatus = z.enum(['repaying', 'settled', 'cancelled']).describe('状态');
export const LOAN_STATUS_NAMES: Record<z.infer<typeof ZLoanStatus>, string> = {
  repaying: LOAN_STATUS_LABELS.repaying.zh,
  settled: LOAN_STATUS_LABELS.settled.zh,
  cancelled: LOAN_STATUS_LABELS.cancelled.zh,
};

// ---- lifecycle: correction (更正), cancellation (作废), extension (展期) ----

const ZVersion = z.number().int().min(1).describe('版本号（读取贷款时返回的 version；已被他人修改时返回 409）');
const ZReason = (label: string) =>
  z
    .string()
    .trim()
    .min(2)
    .max(500)
    .refine(...SAYS_SOMETHING)
    .describe(label);

/**
 * A correction of the loan's recorded facts. Fields left out keep their value; `projectNo: null` unlinks the
 * project. The borrowing enterprise cannot be corrected: a loan recorded for the wrong enterprise is cancelled.
 */
export const ZCorrectLoan = ZCreateLoan.omit({ enterpriseUscc: true })
  .partial()
  .extend({ version: ZVersion, reason: ZReason('更正原因') });
export type TCorrectLoan = z.input<typeof ZCorrectLoan>;
export type TCorrectLoanParsed = z.output<typeof ZCorrectLoan>;

export const ZCancelLoan = z.object({ version: ZVersion, reason: ZReason('作废原因') });
export type TCancelLoan = z.infer<typeof ZCancelLoan>;

export const ZExtendLoan = z.object({
  version: ZVersion,
  agreementNo: z.string().trim().min(1).max(64).regex(/^\S+$/, { message: '不能包含空格' }).describe('展期协议编号'),
  agreementDate: ZIsoDate('展期协议签订日期'),
  newMaturityDate: ZIsoDate('展期后到期日'),
  remarks: z.string().trim().max(200).nullish().describe('备注'),
});
export type TExtendLoan = z.infer<typeof ZExtendLoan>;

export const ZLoanCorrection = z.object({
  id: z.string(),
  version: z.number().int(),
  reason: z.string(),
  /** Changed fields only: { field: value } in API form. */
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  byName: z.string().nullable(),
  via: z.string(),
  at: z.string(),
});
export type TLoanCorrection = z.infer<typeof ZLoanCorrection>;

export const ZLoanExtension = z.object({
  id: z.string(),
  seq: z.number().int(),
  agreementNo: z.string(),
  agreementDate: z.string(),
  previousMaturityDate: z.string(),
  newMaturityDate: z.string(),
  termMonthsAfter: z.number().int(),
  remarks: z.string().nullable(),
  byName: z.string().nullable(),
  via: z.string(),
  at: z.string(),
});
export type TLoanExtension = z.infer<typeof ZLoanExtension>;

/** Chinese names of the correctable fields (for the history and audit views). */
export const LOAN_FIELD_NAMES: Record<string, string> = {
  contractNo: '贷款合同编号',
  purpose: '贷款用途',
  amount: '贷款金额',
  annualRate: '年利率',
  termMonths: '贷款期限（月）',
  disbursedAt: '放款时间',
  coverInstitution: '保险/担保机构',
  project: '入库项目',
  remarks: '备注',
};

export const ZLoanListQuery = z.object({
  q: z.string().trim().min(1).max(64).optional().describe('关键字（合同编号或企业名称）'),
  contractNo: z.string().trim().min(1).max(LOAN_LIMITS.contractNoMaxLength).optional().describe('贷款合同编号'),
  enterpriseUscc: z.string().trim().min(1).max(40).optional().describe('借款企业统一社会信用代码'),
  enterpriseId: z.uuid({ message: '应为企业编号（UUID）' }).optional().describe('企业编号'),
  status: ZLoanStatus.optional().describe(
    `状态（${Object.values(LOAN_STATUS_LABELS)
      .map((l) => l.zh)
      .join('、')}）`,
  ),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});
export type TLoanListQuery = z.input<typeof ZLoanListQuery>;

const ZInstitutionRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() });

export const ZRepayment = z.object({
  id: z.string(),
  periodNo: z.number().int(),
  dueDate: z.string(),
  paidDate: z.string(),
  principalPaid: z.string(),
  interestPaid: z.string(),
  /** session (entered on the web) | api_token (bank system) | import (bulk file) */
  source: z.enum(['session', 'api_token', 'import']),
  createdAt: z.string(),
});
export type TRepayment = z.infer<typeof ZRepayment>;

export const ZLoan = z.object({
  id: z.string(),
  contractNo: z.string(),
  bank: ZInstitutionRef,
  enterprise: z.object({
    id: z.string(),
    uscc: z.string(),
    name: z.string(),
    districtCode: z.string().nullable(),
  }),
  cover: ZInstitutionRef.extend({ kind: z.enum(['insurer', 'guarantor']) }),
  /** Bumped by every correction, cancellation and extension; send it back to edit (optimistic concurrency). */
  version: z.number().int(),
  project: z.object({ id: z.string(), projectNo: z.string().nullable(), name: z.string().nullable() }).nullable(),
  purpose: ZLoanPurpose,
  amount: z.string(),
  annualRate: z.string(),
  /** The term in force: after an extension, months from disbursement to the extended maturity (part month = 1). */
  termMonths: z.number().int(),
  /** ISO 8601 in China time, e.g. "2024-03-15T10:30:00+08:00". */
  disbursedAt: z.string(),
  disbursedOn: z.string(),
  /** The maturity in force (the extended one after an extension). */
  maturityDate: z.string(),
  /** The loan contract's own term and maturity (what a correction edits). */
  contractTermMonths: z.number().int(),
  contractMaturityDate: z.string(),
  extended: z.boolean(),
  cancelled: z
    .object({ at: z.string(), reason: z.string(), byName: z.string().nullable() })
    .nullable()
    .describe('作废信息'),
  remarks: z.string().nullable(),
  principalRepaid: z.string(),
  interestPaid: z.string(),
  outstandingPrincipal: z.string(),
  repaymentCount: z.number().int(),
  status: ZLoanStatus,
  source: z.enum(['session', 'api_token', 'import']),
  importBatchId: z.string().nullable(),
  /** The financing-zone order (对接单) the loan was carried from, if any. */
  sourceOrderId: z.string().nullable(),
  createdAt: z.string(),
});
export type TLoan = z.infer<typeof ZLoan>;

export const ZLoanDetail = ZLoan.extend({
  repayments: z.array(ZRepayment),
  corrections: z.array(ZLoanCorrection),
  extensions: z.array(ZLoanExtension),
});
export type TLoanDetail = z.infer<typeof ZLoanDetail>;

export const ZLoanList = pagedList(ZLoan);
export type TLoanList = z.infer<typeof ZLoanList>;

/** POST answers: `created` false when an identical record already existed (idempotent retry). */
export const ZRecordLoanResult = z.object({ created: z.boolean(), loan: ZLoanDetail });
export type TRecordLoanResult = z.infer<typeof ZRecordLoanResult>;
export const ZRecordRepaymentResult = z.object({ created: z.boolean(), repayment: ZRepayment, loan: ZLoanDetail });
export type TRecordRepaymentResult = z.infer<typeof ZRecordRepaymentResult>;

export const ZCoverInstitution = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind: z.enum(['insurer', 'guarantor']),
});
export const ZCoverInstitutionList = itemList(ZCoverInstitution);
export type TCoverInstitution = z.infer<typeof ZCoverInstitution>;

// ---- bulk import ----

export const ZImportFormat = z.enum(['xlsx', 'csv']).describe('模板格式');

export const ZImportTemplateQuery = z.object({
  format: ZImportFormat.default('xlsx'),
  /** CSV holds one kind of record per file. */
  kind: z.enum(['loans', 'repayments']).default('loans').describe('CSV 模板内容（贷款或还款）'),
});

export const ZImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('仅检查不导入'),
});

export const ZImportError = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type TImportError = z.infer<typeof ZImportError>;

export const ZImportResult = z.object({
  /**
   * checked — dry run passed, nothing written; imported — written; already_imported — this exact file was
   * imported before (same SHA-256), nothing changed; rejected — errors listed, nothing written.
   */
  status: z.enum(['checked', 'imported', 'already_imported', 'rejected']),
  fileName: z.string(),
  fileSha256: z.string(),
  format: ZImportFormat,
  batchId: z.string().nullable(),
  loansCreated: z.number().int(),
  loansUnchanged: z.number().int(),
  repaymentsCreated: z.number().int(),
  repaymentsUnchanged: z.number().int(),
  errors: z.array(ZImportError),
  /** Errors beyond the listed ones are counted here. */
  errorCount: z.number().int(),
  importedAt: z.string().nullable(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** Chinese names of this module's audit actions and object types. */
export const LOAN_AUDIT_ACTION_LABELS: Record<string, string> = {
  'loan.recorded': '登记政银保贷款',
  'loan.repayment_recorded': '登记贷款还款',
  'loan.import_completed': '批量导入贷款和还款',
  'loan.imported': '导入政银保贷款',
  'loan.repayment_imported': '导入贷款还款',
  'loan.corrected': '更正政银保贷款',
  'loan.cancelled': '作废政银保贷款',
  'loan.extended': '登记贷款展期',
};
export const LOAN_AUDIT_OBJECT_LABELS: Record<string, string> = {
  loan: '政银保贷款',
  loan_import_batch: '贷款导入批次',
};

export const ZImportRefused = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: ZImportResult.optional(),
      requestId: z.string(),
    }),
  })
  .describe('导入被拒绝：error.details.errors 列出每处错误（工作表、行、列、原因），未导入任何数据');

export const ZRawImportQuery = ZImportQuery.extend({
  fileName: z.string().trim().min(1).max(200).optional().describe('文件名（直接上传文件内容时）'),
});

/** The multipart/form-data form of POST /api/v1/loans/import, as documented in OpenAPI. */
export const ZLoanImportForm = z.object({
  file: z.file().describe('导入文件（xlsx 或 csv，字段名 file）'),
});
