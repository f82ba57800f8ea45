/**
 * The financing zone (002 三（二）（三）（四）): products, needs, the reading of a need typed in plain Chinese, matches
 * and orders. Money is a decimal yuan string ("5000000.00"), rates decimal fractions ("0.0345" = 3.45%), terms
 * whole months.
 */
import { z } from 'zod';
import { DISTRICT_CODES } from '../domain/enterprise/districts';
import { CRITERIA } from '../domain/financing/match';
import { ORDER_STATUSES } from '../domain/financing/orders';
import { PARSE_MAX_CHARS } from '../domain/financing/parse';
import { GUARANTEE_MODES, PRODUCT_TYPES, PURPOSES } from '../domain/financing/products';
import { zDate } from './calculators';
import { countedList, itemList, optText, text } from './fields';
import { ZYuan } from './projects';

const ZRate = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^0(\.\d{1,6})?$/, { error: '应为小数形式的年利率，如 0.0345（即3.45%）' })
    .describe(label);
const ZMonths = (label: string) =>
  z
    .number({ error: '应为整数（月）' })
    .int({ error: '应为整数（月）' })
    .min(1, { error: '至少1个月' })
    .max(360, { error: '不超过360个月' })
    .describe(label);

export const ZProductType = z.enum(PRODUCT_TYPES).describe('产品类型');
export const ZGuaranteeMode = z.enum(GUARANTEE_MODES).describe('担保方式');
export const ZPurpose = z.enum(PURPOSES).describe('资金用途');
const ZDistrict = z.enum(DISTRICT_CODES as unknown as [string, ...string[]]).describe('县（市、区）');

// ---------- products ----------

export const ZProductInput = z.strictObject({
  name: text(60, '产品名称'),
  type: ZProductType,
  amountMin: ZYuan('最低额度（元）'),
  amountMax: ZYuan('最高额度（元）'),
  termMinMonths: ZMonths('最短期限（月）'),
  termMaxMonths: ZMonths('最长期限（月）'),
  rateMin: ZRate('最低年利率'),
  rateMax: ZRate('最高年利率'),
  guarantees: z.array(ZGuaranteeMode).max(5).describe('接受的担保方式'),
  districts: z.array(ZDistrict).max(20).describe('服务的县（市、区），不选为全市'),
  industries: z.array(text(30, '行业')).max(20).describe('面向的行业，不填为不限'),
  size: z.enum(['sme', 'any']).describe('企业规模（sme：仅中小企业）'),
  minYearsInBusiness: z.number().int().min(0).max(50).nullable().describe('最低经营年限（年）'),
  minDigitalLevel: z.number().int().min(1).max(4).nullable().describe('最低数字化水平（级）'),
  poolOnly: z.boolean().describe('仅限资源池或白名单企业'),
  materials: z.array(text(60, '所需材料')).max(30).describe('所需材料'),
  promisedDecisionDays: z.number().int().min(1).max(30).describe('承诺授信决定时间（工作日）'),
  validFrom: zDate('有效期起'),
  validTo: zDate('有效期止').nullable(),
  contactName: text(30, '联系人'),
  contactPhone: z
    .string()
    .trim()
    .regex(/^[0-9\-+ ]{7,20}$/, { error: '应为电话号码' })
    .describe('联系电话'),
  description: optText(2000, '产品说明'),
  /** 政银保 products: the partner insurer or guarantor named for the loans (used when carried into the register). */
  coverInstitutionId: z.uuid({ error: '应为机构编号' }).nullable().optional().describe('合作保险/担保机构（政银保）'),
});
export type TProductInput = z.infer<typeof ZProductInput>;

export const ZProductReview = z
  .strictObject({
    decision: z.enum(['approve', 'refuse']).describe('审核结论'),
    reason: optText(500, '审核意见'),
  })
  .refine((v) => v.decision === 'approve' || v.reason.length > 0, {
    error: '不予上架时须写明理由',
    path: ['reason'],
  });
export type TProductReview = z.infer<typeof ZProductReview>;

export const ZProductVersion = z.object({
  version: z.number().int(),
  status: z.enum(['pending', 'approved', 'refused']),
  data: ZProductInput,
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ZProduct = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  latestVersion: z.number().int(),
  liveVersion: z.number().int().nullable(),
  reviewStatus: z.enum(['pending', 'approved', 'refused']),
  /** The live version (null until approved); the bank's own list also carries every version. */
  live: ZProductInput.nullable(),
  versions: z.array(ZProductVersion).describe('各版本（银行本机构与市级审核人员可见）'),
});
export type TProduct = z.infer<typeof ZProduct>;
export const ZProductList = countedList(ZProduct);
export type TProductList = z.infer<typeof ZProductList>;

export const ZCatalogueQuery = z.object({
  q: z.string().trim().max(60).optional().describe('关键字（产品名称、银行）'),
  type: ZProductType.optional(),
  guarantee: ZGuaranteeMode.optional(),
  district: ZDistrict.optional(),
  amount: ZYuan('融资金额（元）').optional(),
  termMonths: z.coerce.number().int().min(1).max(360).optional().describe('融资期限（月）'),
});
export type TCatalogueQuery = z.infer<typeof ZCatalogueQuery>;

export const ZFinancingId = z.object({ id: z.uuid({ error: '应为编号（UUID）' }).describe('编号') });

// ---------- reading a need ----------

export const ZParseNeedInput = z.strictObject({
  text: z
    .string({ error: (iss) => (iss.input === undefined ? undefined : '应为文字') })
    .max(PARSE_MAX_CHARS, { error: `不超过${PARSE_MAX_CHARS}个字` })
    .describe('融资需求（一句话）'),
});

const ZReading = z.object({
  evidence: z.string().describe('所依据的原文'),
  confidence: z.number().describe('把握程度（0–1）'),
  noteZh: z.string().describe('说明'),
});
export const ZNeedReading = z.object({
  /** Who read the sentence: the offline reader, or the deployment's language-model service (when configured). */
  reader: z.enum(['offline', 'model']).describe('读取方式（offline：平台内置；model：大模型服务）'),
  amountMin: z.string().nullable(),
  amountMax: z.string().nullable(),
  termMonthsMin: z.number().int().nullable(),
  termMonthsMax: z.number().int().nullable(),
  purpose: ZPurpose.nullable(),
  guarantee: ZGuaranteeMode.nullable(),
  wantedBy: z.string().nullable(),
  confidence: z.number().describe('整体把握程度（0–1）'),
  readings: z.object({
    amount: ZReading.extend({ value: z.object({ min: z.string().nullable(), max: z.string().nullable() }) }).nullable(),
    term: ZReading.extend({
      value: z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() }),
    }).nullable(),
    purpose: ZReading.extend({ value: ZPurpose }).nullable(),
    guarantee: ZReading.extend({ value: ZGuaranteeMode }).nullable(),
    wantedBy: ZReading.extend({ value: z.string() }).nullable(),
  }),
  ignored: z.array(z.object({ text: z.string(), reasonZh: z.string() })).describe('未采用的数字及原因'),
});
export type TNeedReading = z.infer<typeof ZNeedReading>;

// ---------- needs ----------

const ZConsent = z.strictObject({
  scope: z.enum(['none', 'named', 'all']).describe('授权范围（none：不授权；named：指定银行；all：所有银行）'),
  banks: z
    .array(z.uuid({ error: '应为机构编号' }))
    .max(50)
    .describe('授权的银行'),
});
export const ZNeedConsent = ZConsent.refine((c) => c.scope !== 'named' || c.banks.length > 0, {
  error: '指定银行授权时至少选择一家银行',
  path: ['banks'],
});
export type TNeedConsent = z.infer<typeof ZNeedConsent>;

export const ZNeedInput = z
  .strictObject({
    amountMin: ZYuan('最低融资金额（元）').nullable(),
    amountMax: ZYuan('最高融资金额（元）').nullable(),
    termMinMonths: ZMonths('最短期限（月）').nullable(),
    termMaxMonths: ZMonths('最长期限（月）').nullable(),
    purpose: ZPurpose,
    guarantee: ZGuaranteeMode.nullable(),
    wantedBy: zDate('希望放款日期').nullable(),
    projectId: z.uuid({ error: '应为项目编号' }).nullable().describe('关联的入库项目'),
    description: optText(2000, '需求说明'),
    sourceText: optText(PARSE_MAX_CHARS, '一句话描述').nullable(),
    exclusive: z.boolean().describe('只允许一家银行接单'),
    consent: ZConsent,
  })
  .refine((v) => v.amountMin !== null || v.amountMax !== null, { error: '请填写融资金额', path: ['amountMax'] })
  .refine((v) => v.consent.scope !== 'named' || v.consent.banks.length > 0, {
    error: '指定银行授权时至少选择一家银行',
    path: ['consent', 'banks'],
  });
export type TNeedInput = z.infer<typeof ZNeedInput>;

export const ZGreenChannel = z.strictObject({
  green: z.boolean().describe('是否纳入绿色通道'),
  reason: optText(200, '理由（如入库项目、试点企业）'),
});

export const ZEnterpriseProfile = z.object({
  name: z.string(),
  uscc: z.string(),
  districtCode: z.string().nullable(),
  isSme: z.boolean(),
  establishedOn: z.string(),
  inResourcePool: z.boolean(),
  contactName: z.string(),
});

export const ZNeed = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  districtCode: z.string().nullable(),
  amountMin: z.string().nullable(),
  amountMax: z.string().nullable(),
  termMinMonths: z.number().int().nullable(),
  termMaxMonths: z.number().int().nullable(),
  purpose: ZPurpose,
  guarantee: ZGuaranteeMode.nullable(),
  wantedBy: z.string().nullable(),
  projectId: z.string().nullable(),
  /** The linked library project (入库项目) with its number, shown to the banks that see the need. */
  project: z.object({ id: z.string(), libraryNumber: z.string(), name: z.string() }).nullable(),
  description: z.string(),
  sourceText: z.string().nullable(),
  exclusive: z.boolean(),
  greenChannel: z.boolean(),
  greenReason: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  consent: ZConsent,
  createdAt: z.string(),
  /** The enterprise's profile, only where its consent covers the reader (always for the enterprise and the city). */
  profile: ZEnterpriseProfile.nullable(),
});
export type TNeed = z.infer<typeof ZNeed>;
export const ZNeedList = countedList(ZNeed);

// ---------- matches ----------

export const ZCriterionResult = z.object({
  criterion: z.enum(CRITERIA),
  label: z.string(),
  status: z.enum(['pass', 'fail', 'unknown', 'info']),
  reasonZh: z.string(),
});
export const ZMatch = z.object({
  fits: z.boolean(),
  score: z.number().int(),
  failed: z.array(z.enum(CRITERIA)),
  summaryZh: z.string(),
  criteria: z.array(ZCriterionResult),
});
export const ZProductMatch = z.object({
  productId: z.string(),
  productName: z.string(),
  type: ZProductType,
  institutionId: z.string(),
  institutionName: z.string(),
  match: ZMatch,
});
export const ZProductMatchList = z.object({ needId: z.string(), items: z.array(ZProductMatch) });
export type TProductMatchList = z.infer<typeof ZProductMatchList>;
export const ZNeedMatch = z.object({ need: ZNeed, productId: z.string(), productName: z.string(), match: ZMatch });
export const ZNeedMatchList = itemList(ZNeedMatch);

// ---------- orders ----------

export const ZApplyInput = z.strictObject({
  productId: z.uuid({ error: '应为产品编号' }).describe('申请的产品'),
  shareProfile: z.boolean().describe('同意向该银行提供企业档案'),
});
export const ZDeclineInput = z.strictObject({ reason: text(500, '婉拒理由') });
export const ZOutcomeInput = z
  .strictObject({
    outcome: z.enum(['approved', 'refused']).describe('授信结果'),
    approvedAmount: ZYuan('批准金额（元）').nullable(),
    approvedRate: ZRate('批准年利率').nullable(),
    approvedTermMonths: ZMonths('批准期限（月）').nullable(),
    disbursedOn: zDate('放款日期').nullable(),
    refuseReason: optText(500, '未获批原因'),
  })
  .refine(
    (v) =>
      v.outcome === 'refused' ||
      (v.approvedAmount !== null && v.approvedRate !== null && v.approvedTermMonths !== null),
    { error: '获批时须填写批准金额、年利率与期限', path: ['approvedAmount'] },
  )
  .refine((v) => v.outcome === 'approved' || v.refuseReason.length > 0, {
    error: '未获批时须写明原因',
    path: ['refuseReason'],
  });
export type TOutcomeInput = z.infer<typeof ZOutcomeInput>;
export const ZRateInput = z.strictObject({
  rating: z.number().int().min(1).max(5).describe('服务评价（1–5星）'),
  comment: optText(500, '评价说明'),
});

export const ZOrder = z.object({
  id: z.string(),
  needId: z.string(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  institutionId: z.string(),
  institutionName: z.string(),
  enterpriseId: z.string(),
  origin: z.enum(['apply', 'take']),
  status: z.enum(ORDER_STATUSES),
  statusZh: z.string(),
  greenChannel: z.boolean(),
  contactDueOn: z.string(),
  contactDueBasis: z.string(),
  decisionDueOn: z.string().nullable(),
  decisionDueBasis: z.string().nullable(),
  /** The day the order now waits for, and whether it has passed. */
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
  declineReason: z.string().nullable(),
  approvedAmount: z.string().nullable(),
  approvedRate: z.string().nullable(),
  approvedTermMonths: z.number().int().nullable(),
  disbursedOn: z.string().nullable(),
  refuseReason: z.string().nullable(),
  rating: z.number().int().nullable(),
  createdAt: z.string(),
  productType: ZProductType.nullable(),
  /** The register loan carried from this order (approved 政银保 orders), if any. */
  loan: z.object({ id: z.string(), contractNo: z.string() }).nullable(),
  need: ZNeed,
});
export type TOrder = z.infer<typeof ZOrder>;
export const ZOrderList = countedList(ZOrder);
export const ZOrderListQuery = z.object({
  overdue: z.enum(['true', 'false']).optional().describe('只看逾期'),
  status: z.enum(ORDER_STATUSES).optional(),
});

export const ZBankPerformance = z.object({
  institutionId: z.string(),
  institutionName: z.string(),
  orders: z.number().int(),
  overdue: z.number().int(),
  answered: z.number().int(),
  avgAnswerWorkingDays: z.number().nullable().describe('平均首次答复用时（工作日）'),
  approved: z.number().int(),
  decided: z.number().int(),
  approvalRate: z.number().nullable().describe('获批率（0–1）'),
  avgRating: z.number().nullable(),
});
export const ZOversight = z.object({ asOf: z.string(), banks: z.array(ZBankPerformance), overdue: z.array(ZOrder) });
export type TOversight = z.infer<typeof ZOversight>;
export const ZSweepResult = z.object({ marked: z.number().int().describe('新标记为逾期的对接单') });

export const ZCreatedVersion = z.object({ id: z.string(), version: z.number().int() });
export const ZReviewed = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['approved', 'refused']),
});
export const ZOpenedOrder = z.object({ id: z.string(), contactDueOn: z.string().describe('首次联系截止日') });
export const ZTakeInput = z.strictObject({
  productId: z.uuid({ error: '应为产品编号' }).nullable().describe('对应的本行产品'),
});
export const ZAnswered = z.object({
  id: z.string(),
  status: z.enum(ORDER_STATUSES),
  decisionDueOn: z.string().nullable().describe('授信决定截止日'),
});
export const ZOrderStatusOnly = z.object({ id: z.string(), status: z.enum(ORDER_STATUSES) });
export const ZGreenSet = z.object({ id: z.string(), green: z.boolean() });
export const ZIdOnly = z.object({ id: z.string() });

// ---------- the city's answer times ----------

const ZDays = (label: string, max: number) =>
  z
    .number({ error: '应为整数（工作日）' })
    .int({ error: '应为整数（工作日）' })
    .min(1, { error: '至少1个工作日' })
    .max(max, { error: `不超过${max}个工作日` })
    .describe(label);

export const ZAnswerTimesInput = z
  .strictObject({
    effectiveFrom: zDate('施行日期'),
    firstContactDays: ZDays('首次联系时限（工作日）', 30),
    decisionDays: ZDays('授信决定时限（工作日）', 60),
    greenFirstContactDays: ZDays('绿色通道首次联系时限（工作日）', 30),
    greenDecisionDays: ZDays('绿色通道授信决定时限（工作日）', 60),
    basis: text(200, '依据（文件或理由）'),
  })
  .refine((v) => v.greenFirstContactDays <= v.firstContactDays, {
    error: '绿色通道首次联系时限不能长于普通时限',
    path: ['greenFirstContactDays'],
  })
  .refine((v) => v.greenDecisionDays <= v.decisionDays, {
    error: '绿色通道授信决定时限不能长于普通时限',
    path: ['greenDecisionDays'],
  });
export type TAnswerTimesInput = z.infer<typeof ZAnswerTimesInput>;

const ZAnswerTimesValues = z.object({
  firstContactDays: z.number().int(),
  decisionDays: z.number().int(),
  greenFirstContactDays: z.number().int(),
  greenDecisionDays: z.number().int(),
});
export const ZAnswerTimesSetting = ZAnswerTimesValues.extend({
  id: z.string(),
  effectiveFrom: z.string(),
  basis: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export const ZAnswerTimes = z.object({
  asOf: z.string(),
  /** What new orders use today: the city's setting in force, or the platform's defaults. */
  inForce: ZAnswerTimesValues.extend({
    source: z.enum(['city', 'platform']),
    effectiveFrom: z.string().nullable(),
    basisZh: z.string(),
  }),
  platform: ZAnswerTimesValues.extend({ readingZh: z.string() }),
  /** Every setting, newest first (a later setting replaces an earlier one from its own date). */
  settings: z.array(ZAnswerTimesSetting),
});
export type TAnswerTimes = z.infer<typeof ZAnswerTimes>;

// ---------- carrying an approved 政银保 order into the loan register ----------

export const ZRegisterLoanInput = z.strictObject({
  contractNo: z
    .string()
    .trim()
    .min(1, { error: '不能为空' })
    .max(64, { error: '不超过64个字' })
    .regex(/^\S+$/, { error: '不能包含空格' })
    .describe('贷款合同编号'),
  coverInstitutionId: z.uuid({ error: '应为机构编号' }).nullable().describe('保险/担保机构（产品已指定时可不填）'),
});
export type TRegisterLoanInput = z.infer<typeof ZRegisterLoanInput>;
export const ZRegisteredLoan = z.object({
  orderId: z.string(),
  loanId: z.string(),
  contractNo: z.string(),
  created: z.boolean().describe('false：该对接单此前已转入贷款登记'),
});
export const ZIdEffective = z.object({ id: z.string(), effectiveFrom: z.string() });
