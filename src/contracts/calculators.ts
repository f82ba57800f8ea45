/**
 * Calculator contracts — filing windows, 政银保 subsidy and eligibility, budget allocation, policy matching —
 * shared by the `huiqi` CLI, the HTTP API and the web app. Keep the shapes stable: other tools and the public
 * rely on them. Money is a yuan decimal string with two places ("27000.00"); dates are ISO YYYY-MM-DD.
 * Field names in errors come from `.describe('中文名')` (see ./validation).
 */
import { z } from 'zod';
import { isIsoDate, isIsoMonth } from '../domain/calendar/dates';
import { COUNT_CODES, EVENT_CODES, FIGURE_CODES } from '../domain/policies/facts';
import { describeIssues, type FieldError, type IssueLike, summarize } from './validation';

// ——— building blocks ———

const YUAN_RE = /^\d{1,15}(\.\d{1,2})?$/;
const DECIMAL_RE = /^\d{1,6}(\.\d{1,6})?$/;

/** A non-negative yuan amount as a string with at most two decimals. */
export const zYuan = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : '应为金额字符串，如 "50000.00"') })
    .regex(YUAN_RE, { error: '应为不小于0的金额（元），最多两位小数，如 "50000.00"' })
    .describe(label);

/** A yuan amount that must be greater than zero. */
export const zPositiveYuan = (label: string) =>
  zYuan(label)
    .refine((s) => /[1-9]/.test(s), { error: '必须大于0' })
    .describe(label);

export const zDate = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : '应为日期字符串（YYYY-MM-DD）') })
    .refine(isIsoDate, { error: '应为有效日期（YYYY-MM-DD），如 "2024-03-12"' })
    .describe(label);

export const zMonth = (label: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? undefined : '应为月份字符串（YYYY-MM）') })
    .refine(isIsoMonth, { error: '应为有效月份（YYYY-MM），如 "2024-03"' })
    .describe(label);

/** A yes/no fact; null = not known yet. */
export const zFact = (label: string) => z.boolean().nullable().describe(label);

/** A decimal ratio such as "0.90" (simulations). */
export const zDecimal = (label: string) =>
  z.string().regex(DECIMAL_RE, { error: '应为小数字符串，如 "0.90"' }).describe(label);

const zMoneyOut = z.string().regex(/^-?\d+\.\d{2}$/);

const zCitationOut = z.object({
  label: z.string(),
  doc: z.string(),
  docNumber: z.string(),
  ref: z.array(z.string()),
  quote: z.string().optional(),
});

const zCondition = z.object({
  code: z.string(),
  status: z.enum(['pass', 'fail', 'unknown', 'not_applicable']),
  message: z.string(),
  citation: z.string().describe('所依据的文号和条款'),
  source: zCitationOut,
});
export type TCondition = z.infer<typeof zCondition>;

// ——— errors ———

export interface ValidationErrorBody {
  readonly error: {
    readonly code: 'VALIDATION_FAILED';
    readonly message: string;
    readonly fields: readonly { readonly path: string; readonly message: string }[];
  };
}

/** The error body for bad input: one Chinese sentence plus each field's path and message. */
export function validationErrorBody(issues: readonly IssueLike[], schema: z.ZodType): ValidationErrorBody {
  const fields: FieldError[] = describeIssues(issues, schema, 'zh');
  return {
    error: {
      code: 'VALIDATION_FAILED',
      message: summarize(fields, 'zh'),
      fields: fields.map((f) => ({ path: f.path, message: f.message })),
    },
  };
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: ValidationErrorBody };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, error: validationErrorBody(r.error.issues as unknown as IssueLike[], schema) };
}

// ——— filing windows ———

export const ZFilingWindowsQuery = z.strictObject({
  year: z.coerce.number({ error: '应为年份数字' }).int().min(2000).max(2100).describe('年份'),
});
export type TFilingWindowsQuery = z.infer<typeof ZFilingWindowsQuery>;

export const ZFilingWindow = z.object({
  month: z.string().describe('月份 YYYY-MM'),
  opens: z.string().describe('开始日期'),
  closes: z.string().describe('结束日期'),
  shifted: z.boolean().describe('是否因节假日或通知调整'),
  reason: z.string().nullable().describe('调整原因（节假日名称或通知）'),
  adjustment: z.enum(['none', 'postponed', 'extended', 'notice']),
  baseOpens: z.string(),
  baseCloses: z.string(),
  coveredDays: z.number().int().describe('原申报期内的节假日天数'),
  extensionInHoliday: z.boolean().describe('延长的日期仍在假期内'),
  holidays: z.array(z.object({ name: z.string(), start: z.string(), end: z.string(), notice: z.string() })),
  notice: z.string().nullable(),
  scheduleKnown: z.boolean().describe('是否已收录该年国务院节假日安排'),
  verificationDue: z.string().describe('县（市、区）核实截止日（申报结束后第5个工作日）'),
  citation: z.string(),
});
export type TFilingWindow = z.infer<typeof ZFilingWindow>;

export const ZFilingWindowsResult = z.object({
  year: z.number().int(),
  scheduleKnown: z.boolean(),
  holidayNotice: z.string().nullable().describe('该年国务院节假日安排通知文号'),
  windows: z.array(ZFilingWindow),
});
export type TFilingWindowsResult = z.infer<typeof ZFilingWindowsResult>;

// ——— 政银保 subsidy ———

export const ZZybOverrides = z
  .strictObject({
    firstYearRatio: zDecimal('第一年补助比例（模拟）').optional(),
    annualDecrement: zDecimal('补助比例每年递减（模拟）').optional(),
    coefficientCap: zDecimal('数字化投入系数上限（模拟）').optional(),
    enterpriseCap: zYuan('单个企业累计补助上限（模拟）').optional(),
  })
  .describe('模拟参数');
export type TZybOverrides = z.infer<typeof ZZybOverrides>;

export const ZZybSubsidyInput = z.strictObject({
  interestPaid: zYuan('贷款利息'),
  yearIndex: z
    .number({ error: (iss) => (iss.input === undefined ? undefined : '应为整数，如 1 表示第一年') })
    .int({ error: '应为整数，如 1 表示第一年' })
    .min(1, { error: '不能小于1（第一年为1）' })
    .max(100, { error: '不能大于100' })
    .describe('补助年度'),
  digitalInvestment: zYuan('数字化转型项目实际投入'),
  loanAmount: zPositiveYuan('贷款金额'),
  receivedSoFar: zYuan('有效期内已获补助').default('0.00'),
  asOf: zDate('测算日期').optional(),
  overrides: ZZybOverrides.optional(),
});
export type TZybSubsidyInput = z.infer<typeof ZZybSubsidyInput>;

/** One reading of the register in force on a date (the public calculators show them). */
export const ZReadingInForce = z.object({
  interpretationId: z.string(),
  title: z.string(),
  citation: z.string(),
  option: z.string(),
  optionLabel: z.string(),
  isDefault: z.boolean(),
  rulingId: z.string().nullable(),
  notice: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  /** False: listed only — the engine applies the platform's reading and accepts no ruling yet. */
  engineSwitches: z.boolean(),
});
export type TReadingInForce = z.infer<typeof ZReadingInForce>;

export const ZZybSubsidyResult = z.object({
  amount: zMoneyOut.describe('可获补助'),
  amountInWords: z.string().describe('大写金额'),
  ratio: z.string().describe('补助比例 R，两位小数'),
  coefficient: z.string().describe('数字化投入系数 C，四位小数（展示用）'),
  coefficientExact: z.string().describe('C 的精确分数'),
  uncapped: zMoneyOut.describe('封顶前金额'),
  capped: z.boolean(),
  cap: zMoneyOut,
  capRemaining: zMoneyOut.describe('本次计算前尚可获得的额度'),
  simulated: z.boolean().describe('是否使用了模拟参数'),
  readingsInForce: z.array(ZReadingInForce).describe('测算日期（未填则为今天）适用的全部解释口径'),
  explanation: z.array(z.string()),
  trace: z.unknown(),
});
export type TZybSubsidyResult = z.infer<typeof ZZybSubsidyResult>;

// ——— 政银保 eligibility ———

export const ZZybEligibilityInput = z.strictObject({
  applicantType: z
    .enum(['manufacturer', 'service_provider'], {
      error: '应为 manufacturer（制造业企业）或 service_provider（数字化服务商）',
    })
    .nullable()
    .describe('申报主体类型'),
  registeredInJiangmen: zFact('是否在江门市注册登记'),
  operatingInJiangmen: zFact('经营地址是否在江门市'),
  isSme: zFact('是否中小企业'),
  creditGood: zFact('信用是否良好'),
  inResourcePool: zFact('是否入选产业生态供给资源池').default(null),
  projectInScope: zFact('项目是否属于数字化转型范围'),
  projectLocationInJiangmen: zFact('项目实施地点是否在江门市'),
  projectStatus: z
    .enum(['planned', 'in_progress', 'completed'], {
      error: '应为 planned（待建）、in_progress（在建）或 completed（已完成）',
    })
    .nullable()
    .describe('项目状态'),
  projectStartOn: zDate('项目启动日期').nullable(),
  projectEndOn: zDate('项目结束日期').nullable(),
  declaredOn: zDate('入库申报日期'),
  loanDisbursedOn: zDate('贷款放款日期').nullable(),
  overrides: z
    .strictObject({
      maxGapMonths: z.number().int().min(0).max(120).optional().describe('最长间隔月数（模拟）'),
      loan2023DeclarationDeadline: zDate('2023年贷款入库截止日（模拟）').optional(),
    })
    .optional()
    .describe('模拟参数'),
});
export type TZybEligibilityInput = z.infer<typeof ZZybEligibilityInput>;

export const ZZybEligibilityResult = z.object({
  eligible: z.boolean(),
  status: z.enum(['eligible', 'ineligible', 'undetermined']),
  failures: z.array(zCondition),
  unknown: z.array(zCondition),
  conditions: z.array(zCondition),
  window: z
    .object({
      month: z.string(),
      opens: z.string(),
      closes: z.string(),
      shifted: z.boolean(),
      reason: z.string().nullable(),
    })
    .nullable(),
  verificationDue: z.string().nullable().describe('县（市、区）核实截止日'),
});
export type TZybEligibilityResult = z.infer<typeof ZZybEligibilityResult>;

// ——— allocation ———

export const ZAllocationApplication = z.strictObject({
  id: z.string().min(1, { error: '不能为空' }).max(64, { error: '不能超过64个字符' }).describe('申请编号'),
  declarationMonth: zMonth('入库申报月份'),
  loanDisbursedAt: z.iso
    .datetime({ offset: true, error: '应为带时区的日期时间，如 "2024-02-01T10:00:00+08:00"' })
    .describe('贷款放款时间'),
  submittedAt: z.iso
    .datetime({ offset: true, error: '应为带时区的日期时间，如 "2024-03-10T09:00:00+08:00"' })
    .optional()
    .describe('申请提交时间'),
  amount: zYuan('申请金额'),
});

export const ZAllocateInput = z.strictObject({
  budget: zYuan('预算'),
  mode: z
    .enum(['partial', 'stop', 'skip'], { error: '应为 partial（部分安排）、stop（停止）或 skip（跳过）' })
    .default('partial')
    .describe('余额不足时的处理方式'),
  applications: z
    .array(ZAllocationApplication)
    .max(2_000_000, { error: '一次最多200万条' })
    .superRefine((apps, ctx) => {
      const seen = new Set<string>();
      apps.forEach((a, i) => {
        if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `重复：${a.id}` });
        seen.add(a.id);
      });
    })
    .describe('申请列表'),
});
export type TAllocateInput = z.infer<typeof ZAllocateInput>;

export const ZAllocateResult = z.object({
  mode: z.enum(['partial', 'stop', 'skip']),
  budget: zMoneyOut,
  awards: z.array(
    z.object({
      id: z.string(),
      rank: z.number().int(),
      requested: zMoneyOut,
      awarded: zMoneyOut,
      status: z.enum(['funded', 'partial', 'unfunded', 'skipped', 'stopped']),
    }),
  ),
  remaining: zMoneyOut,
  totalAwarded: zMoneyOut,
  order: z.string().describe('排序规则及依据'),
});
export type TAllocateResult = z.infer<typeof ZAllocateResult>;

// ——— policy matching and listing ———

export const ZEnterpriseProfile = z.strictObject({
  registeredInJiangmen: zFact('是否在江门市注册登记').optional(),
  operatingInJiangmen: zFact('经营地址是否在江门市').optional(),
  establishedOn: zDate('成立日期').nullable().optional(),
  independentLegalEntity: zFact('是否独立法人企业').optional(),
  isSme: zFact('是否中小企业').optional(),
  creditGood: zFact('信用是否良好').optional(),
  applicantType: z.enum(['manufacturer', 'service_provider']).nullable().optional().describe('申报主体类型'),
  inResourcePool: zFact('是否入选产业生态供给资源池').optional(),
  projectOtherFiscalSupport: zFact('项目是否获得过其他财政资金支持').optional(),
  fiscalRecordGood3y: zFact('近三年财政资金项目执行情况是否良好').optional(),
  creditGood3y: zFact('近三年信用是否良好').optional(),
  noMajorAccidents3y: zFact('近三年是否未发生重大事故').optional(),
});

export const ZPolicyMatchInput = z.strictObject({
  asOf: zDate('查询日期'),
  enterprise: ZEnterpriseProfile.optional().describe('企业情况'),
  events: z.partialRecord(z.enum(EVENT_CODES), z.boolean().nullable()).optional().describe('获认定、获奖及项目情况'),
  figures: z.partialRecord(z.enum(FIGURE_CODES), zYuan('金额').nullable()).optional().describe('金额数据'),
  counts: z.partialRecord(z.enum(COUNT_CODES), z.number().int().min(0).nullable()).optional().describe('数量数据'),
  zyb: z
    .strictObject({
      projectInScope: zFact('项目是否属于数字化转型范围').optional(),
      projectLocationInJiangmen: zFact('项目实施地点是否在江门市').optional(),
      projectStatus: z.enum(['planned', 'in_progress', 'completed']).nullable().optional().describe('项目状态'),
      projectStartOn: zDate('项目启动日期').nullable().optional(),
      projectEndOn: zDate('项目结束日期').nullable().optional(),
      declaredOn: zDate('入库申报日期').nullable().optional(),
      loanDisbursedOn: zDate('贷款放款日期').nullable().optional(),
      interestPaid: zYuan('贷款利息').nullable().optional(),
      yearIndex: z.number().int().min(1).max(100).nullable().optional().describe('补助年度'),
      digitalInvestment: zYuan('数字化转型项目实际投入').nullable().optional(),
      loanAmount: zPositiveYuan('贷款金额').nullable().optional(),
      receivedSoFar: zYuan('有效期内已获补助').nullable().optional(),
    })
    .optional()
    .describe('“政银保”项目情况'),
  includeIneligible: z.boolean().optional().describe('是否列出不符合条件的政策'),
});
export type TPolicyMatchInput = z.infer<typeof ZPolicyMatchInput>;

const zValidityOut = z.object({
  from: z.string(),
  to: z.string().nullable(),
  status: z.enum(['in_force', 'not_yet', 'expired']),
  statusText: z.string(),
  citation: z.string(),
});

export const ZPolicyMatch = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  docNumber: z.string(),
  docTitle: z.string(),
  basis: z.string(),
  validity: zValidityOut,
  claimable: z.boolean(),
  outcome: z.enum(['eligible', 'to_prove', 'ineligible']),
  interestSubsidy: z.boolean(),
  estimate: z.object({
    kind: z.enum(['exact', 'up_to', 'at_least', 'by_notice', 'unknown']),
    kindText: z.string(),
    amount: zMoneyOut.nullable(),
    note: z.string().nullable(),
    explanation: z.array(z.string()),
  }),
  toProve: z.array(zCondition),
  failures: z.array(zCondition),
  notes: z.array(z.string()),
  exclusiveWith: z.array(z.string()).describe('不能与本政策就同一项目同时申请的政策'),
});
export type TPolicyMatch = z.infer<typeof ZPolicyMatch>;

export const ZPolicyMatchResult = z.object({
  asOf: z.string(),
  policies: z.array(ZPolicyMatch),
  readingsInForce: z.array(ZReadingInForce).describe('查询日期适用的全部解释口径'),
});
export type TPolicyMatchResult = z.infer<typeof ZPolicyMatchResult>;

export const ZPolicyListQuery = z.strictObject({ asOf: zDate('查询日期').optional() });

export const ZPolicyListItem = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  summary: z.string(),
  docNumber: z.string(),
  docTitle: z.string(),
  basis: z.string(),
  validity: z.object({
    from: z.string(),
    to: z.string().nullable(),
    status: z.enum(['in_force', 'not_yet', 'expired']).nullable(),
    citation: z.string(),
  }),
  params: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      value: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      citation: z.string(),
    }),
  ),
  rules: z.array(z.object({ code: z.string(), title: z.string(), citation: z.string() })),
});
export const ZPolicyListResult = z.object({ asOf: z.string().nullable(), policies: z.array(ZPolicyListItem) });
export type TPolicyListResult = z.infer<typeof ZPolicyListResult>;

// ——— 政银保 full decision (eligibility + amount + non-stacking) ———

export const ZZybDecisionInput = ZZybEligibilityInput.omit({ overrides: true }).extend({
  asOf: zDate('决定日期'),
  interestPaid: zYuan('贷款利息'),
  yearIndex: ZZybSubsidyInput.shape.yearIndex,
  enterpriseYearIndex: ZZybSubsidyInput.shape.yearIndex
    .optional()
    .describe('补助年度（按企业计：企业首次获得本贴息的年度为第一年）'),
  digitalInvestment: zYuan('数字化转型项目实际投入'),
  loanAmount: zPositiveYuan('贷款金额'),
  receivedSoFar: zYuan('有效期内已获补助').default('0.00'),
  competing: z
    .strictObject({
      ipPledgeLoan: zFact('是否知识产权质押融资贷款').optional(),
      ipPledgeReceivedThisYear: zYuan('本年度已获知识产权质押融资贴息').nullable().optional(),
      zjtxEnterprise: zFact('是否国家级“小巨人”或省级专精特新企业').optional(),
      commercialCreditLoan: zFact('是否商业银行信用贷款').optional(),
      zjtxNoticeAmount: zYuan('专精特新信用贷款贴息通知金额').nullable().optional(),
    })
    .optional()
    .describe('同笔贷款的其他贴息'),
  overrides: ZZybOverrides.optional(),
  interestPeriod: z
    .strictObject({ from: zDate('利息期间开始日期'), to: zDate('利息期间结束日期') })
    .refine((p) => p.from <= p.to, { error: '结束日期不能早于开始日期', path: ['to'] })
    .optional()
    .describe('利息期间（默认为决定日期的上一个自然年度）'),
});
export type TZybDecisionInput = z.infer<typeof ZZybDecisionInput>;

export const ZZybDecisionResult = z.object({
  status: z.enum(['award', 'ineligible', 'undetermined', 'superseded']),
  award: zMoneyOut,
  amountInWords: z.string(),
  policyStatusAsOf: z.enum(['in_force', 'not_yet', 'expired']),
  interestPeriod: z.object({ from: z.string(), to: z.string() }).describe('利息期间'),
  periodParts: z
    .array(
      z.object({
        from: z.string(),
        to: z.string(),
        days: z.number().int(),
        versionId: z.string().nullable(),
        docNumber: z.string().nullable(),
      }),
    )
    .describe('利息期间按政策版本的拆分'),
  version: z
    .object({ id: z.string(), docNumber: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
    .nullable()
    .describe('计算所用的政策版本'),
  readings: z
    .array(
      z.object({
        interpretationId: z.string(),
        title: z.string(),
        option: z.string(),
        optionLabel: z.string(),
        isDefault: z.boolean(),
        rulingId: z.string().nullable(),
        notice: z.string().nullable(),
        effectiveFrom: z.string().nullable(),
      }),
    )
    .describe('所适用的解释口径（及市工业和信息化局的裁定）'),
  readingsInForce: z.array(ZReadingInForce).describe('决定日期适用的全部解释口径'),
  eligibility: ZZybEligibilityResult,
  subsidy: z.object({
    amount: zMoneyOut,
    uncapped: zMoneyOut,
    ratio: z.string(),
    coefficient: z.string(),
    capped: z.boolean(),
  }),
  nonStacking: z.object({
    chosen: z.string().nullable(),
    amount: zMoneyOut,
    complete: z.boolean(),
    citation: z.string(),
    candidates: z.array(
      z.object({
        policyId: z.string(),
        name: z.string(),
        qualifies: z.enum(['yes', 'no', 'unknown']),
        validityStatus: z.enum(['in_force', 'not_yet', 'expired']),
        amount: zMoneyOut.nullable(),
        kind: z.string(),
        note: z.string().nullable(),
      }),
    ),
  }),
  explanation: z.array(z.string()),
  trace: z.unknown(),
});
export type TZybDecisionResult = z.infer<typeof ZZybDecisionResult>;

/** A policy document of the library with its verbatim text. */
export const ZSourceDoc = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  issuer: z.string(),
  issuedOn: z.string().nullable(),
  validity: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  jurisdiction: z.string(),
  text: z.string(),
});
export type TSourceDoc = z.infer<typeof ZSourceDoc>;

export const ZSourceDocParams = z.object({ doc: z.enum(['000', '001', '002', '003', '004']).describe('文件编号') });
