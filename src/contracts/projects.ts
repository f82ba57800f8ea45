/**
 * The project library (数字化转型项目库) API: declarations (drafts, submission, district verification, city review),
 * numbered projects, progress reports and spot checks. Shared by the API (route schemas, OpenAPI) and the web.
 * Money is a decimal string of yuan with two decimals ("27000.00"); dates are YYYY-MM-DD (Asia/Shanghai).
 */
import { z } from 'zod';
import { isIsoDate } from '../domain/calendar/dates';
import { DISTRICT_CODES, OUTSIDE_CITY } from '../domain/enterprise/districts';
import { ASSESSMENT_LEVELS, DECLARATION_FORMS, PROJECT_STATUSES } from '../domain/projects/forms';
import { isReportPeriod, SPOT_CHECK_OUTCOMES, TRACKED_STATUSES } from '../domain/projects/tracking';
import { DECLARATION_EVENTS, DECLARATION_STATES } from '../domain/workflow/declaration';
import { SAYS_SOMETHING, ZYuanAmount } from './common';
import { ZUscc } from './enterprises';
import { pagedList, requireField, ZUuid } from './fields';

// ---------- building blocks ----------

/** A non-negative yuan amount with at most two decimals. */
export const ZYuan = ZYuanAmount;

export const ZDate = (label: string) =>
  z
    .string()
    .refine((v) => isIsoDate(v), {
      message: '应为日期（YYYY-MM-DD）',
      params: { en: 'must be a date (YYYY-MM-DD)' },
    })
    .describe(label);

const ZText = (label: string, max: number) => z.string().trim().max(max).describe(label);

export const ZDeclarationState = z.enum(DECLARATION_STATES).describe('申报状态');
export const ZDeclarationForm = z.enum(DECLARATION_FORMS).describe('申报类型');
export const ZSiteDistrict = z
  .enum([...DISTRICT_CODES, OUTSIDE_CITY])
  .describe('项目实施地点（县市区），市外选 outside');

// ---------- drafting ----------

export const ZInvestmentLineInput = z.object({
  item: z.string().trim().min(1).max(40).describe('投资构成项'),
  amount: ZYuan('计划投资金额'),
});

export const ZServiceContractInput = z.object({
  id: ZUuid('合同编号（系统）').optional(),
  providerUscc: ZUscc.describe('服务商统一社会信用代码'),
  providerName: z.string().trim().min(1).max(200).describe('服务商名称'),
  contractNumber: z.string().trim().min(1).max(100).describe('合同编号'),
  amount: ZYuan('合同金额'),
  signedOn: ZDate('签订日期'),
  startDate: ZDate('合同开始日期').nullable().optional(),
  endDate: ZDate('合同结束日期').nullable().optional(),
  isLead: z.boolean().optional().describe('是否牵头服务商'),
  attachmentId: ZUuid('合同签署文本').nullable().optional(),
});

export const ZLoanInput = z.object({
  bankId: ZUuid('贷款银行').nullable().optional(),
  contractNumber: ZText('贷款合同编号', 100).nullable().optional(),
  amount: ZYuan('贷款金额').nullable().optional(),
  disbursedOn: ZDate('放款日期').nullable().optional(),
  maturityOn: ZDate('贷款到期日').nullable().optional(),
  loanId: ZUuid('银行已登记的贷款').nullable().optional(),
});

/** The declaration form (附件3 / 附件4). A draft may leave anything empty; submission checks completeness. */
export const ZDeclarationDraft = z.object({
  name: ZText('项目名称', 200).nullable().optional(),
  content: ZText('项目建设内容', 4000).nullable().optional(),
  categories: z.array(z.string().trim().min(1).max(40)).max(10).optional().describe('建设内容类别'),
  siteDistrictCode: ZSiteDistrict.nullable().optional(),
  siteAddress: ZText('项目实施详细地址', 300).nullable().optional(),
  startDate: ZDate('项目开始日期').nullable().optional(),
  endDate: ZDate('项目结束日期').nullable().optional(),
  projectStatus: z.enum(PROJECT_STATUSES).nullable().optional().describe('项目状态'),
  investments: z.array(ZInvestmentLineInput).max(10).optional().describe('计划投资构成'),
  investmentMade: ZYuan('已完成投资').nullable().optional(),
  assessmentLevel: z.enum(ASSESSMENT_LEVELS).nullable().optional().describe('数字化水平评测等级'),
  assessmentDate: ZDate('数字化水平评测日期').nullable().optional(),
  hasLoan: z.boolean().optional().describe('是否已办理“政银保”贷款'),
  loan: ZLoanInput.nullable().optional().describe('“政银保”贷款'),
  contracts: z.array(ZServiceContractInput).max(20).optional().describe('数字化转型服务合同'),
});
export type TDeclarationDraft = z.infer<typeof ZDeclarationDraft>;

export const ZCreateDeclaration = ZDeclarationDraft.extend({
  predecessorId: ZUuid('重新申报所依据的原申报').nullable().optional(),
});
export type TCreateDeclaration = z.infer<typeof ZCreateDeclaration>;

export const ZUpdateDeclaration = ZDeclarationDraft.extend({
  version: z.number().int().min(1).describe('版本号（防止覆盖他人修改）'),
});
export type TUpdateDeclaration = z.infer<typeof ZUpdateDeclaration>;

/** Live check of an unsaved form (eligibility, completeness), optionally for an existing declaration. */
export const ZCheckDeclaration = ZDeclarationDraft.extend({
  declarationId: ZUuid('申报编号').nullable().optional(),
});
export type TCheckDeclaration = z.infer<typeof ZCheckDeclaration>;

export const ZIdempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .trim()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_.:-]+$/, { message: '只能包含字母、数字和 _ . : -' })
    .optional()
    .describe('幂等键：同一键的重复请求只生效一次'),
});

export const ZIdParams = z.object({ id: ZUuid('编号') });

// ---------- read shapes ----------

export const ZCitedFinding = z.object({
  code: z.string(),
  status: z.enum(['pass', 'fail', 'unknown', 'not_applicable']),
  message: z.string().describe('说明（中文）'),
  citation: z.string().describe('政策依据'),
});
export type TCitedFinding = z.infer<typeof ZCitedFinding>;

export const ZEligibilityView = z.object({
  status: z.enum(['eligible', 'ineligible', 'undetermined']),
  eligible: z.boolean(),
  declaredOn: z.string().nullable().describe('用于判断的入库申报日期'),
  failures: z.array(ZCitedFinding),
  unknowns: z.array(ZCitedFinding),
  conditions: z.array(ZCitedFinding),
});
export type TEligibilityView = z.infer<typeof ZEligibilityView>;

export const ZWindowView = z.object({
  month: z.string().describe('申报月份'),
  opens: z.string(),
  closes: z.string(),
  adjustment: z.enum(['none', 'postponed', 'extended', 'notice']),
  reason: z.string().nullable(),
  notice: z.string().nullable(),
  verifyDueOn: z.string().describe('区县核实截止日（申报结束之日起 5 个工作日）'),
  scheduleKnown: z.boolean(),
  extensionInHoliday: z.boolean(),
});
export type TWindowView = z.infer<typeof ZWindowView>;

export const ZFieldProblem = z.object({ path: z.string(), label: z.string(), message: z.string() });

export const ZChecklistLine = z.object({
  code: z.string(),
  name: z.string(),
  requirement: z.enum(['required', 'if_loan', 'optional']),
  needed: z.boolean(),
  fileCount: z.number().int(),
  satisfied: z.boolean(),
  missingContracts: z.array(z.string()).optional(),
  citation: z.string(),
});

export const ZChecklist = z.object({
  lines: z.array(ZChecklistLine),
  complete: z.boolean(),
  missing: z.array(z.string()).describe('缺少的材料名称'),
});

export const ZBlocker = z.object({ code: z.string(), message: z.string() });

export const ZCheckResult = z.object({
  today: z.string(),
  window: z.object({ open: ZWindowView.nullable(), next: ZWindowView.nullable() }),
  eligibility: ZEligibilityView,
  materials: ZChecklist,
  problems: z.array(ZFieldProblem),
  resourcePoolLed: z.boolean(),
  leadProvider: z.object({ uscc: z.string().nullable(), name: z.string().nullable() }),
  canSubmit: z.boolean(),
  blockers: z.array(ZBlocker).describe('不能提交的原因'),
});
export type TCheckResult = z.infer<typeof ZCheckResult>;

export const ZDeclarationSummary = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  form: ZDeclarationForm,
  state: ZDeclarationState,
  stateName: z.string(),
  name: z.string().nullable(),
  plannedTotal: z.string(),
  investmentMade: z.string().nullable(),
  declaredOn: z.string().nullable(),
  declarationMonth: z.string().nullable(),
  windowCloses: z.string().nullable(),
  verifyDueOn: z.string().nullable(),
  dueStatus: z.enum(['overdue', 'due_today', 'pending']).nullable().describe('区县核实时限状态'),
  returnDeadline: z.string().nullable(),
  resourcePoolLed: z.boolean(),
  predecessorId: z.string().nullable(),
  projectId: z.string().nullable(),
  libraryNumber: z.string().nullable(),
  submissionCount: z.number().int(),
  updatedAt: z.string(),
});
export type TDeclarationSummary = z.infer<typeof ZDeclarationSummary>;

export const ZAttachmentRef = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type TAttachmentRef = z.infer<typeof ZAttachmentRef>;

export const ZTimelineEntry = z.object({
  id: z.number().int(),
  event: z.string(),
  eventName: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  toStateName: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  actorOrg: z.string().nullable().describe('审批单位（谁审批、谁负责）'),
  reason: z.string().nullable(),
  deadline: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  occurredAt: z.string(),
});
export type TTimelineEntry = z.infer<typeof ZTimelineEntry>;

export const ZChange = z.object({
  path: z.string(),
  label: z.string(),
  kind: z.enum(['changed', 'added', 'removed']),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type TChange = z.infer<typeof ZChange>;

export const ZServiceContract = z.object({
  id: z.string(),
  providerUscc: z.string(),
  providerName: z.string(),
  providerInResourcePool: z.boolean(),
  contractNumber: z.string(),
  amount: z.string(),
  signedOn: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  isLead: z.boolean(),
  attachmentId: z.string().nullable(),
  attachment: ZAttachmentRef.nullable(),
});

export const ZDeclarationDetail = ZDeclarationSummary.extend({
  version: z.number().int(),
  content: z.string().nullable(),
  categories: z.array(z.string()),
  categoryNames: z.array(z.string()),
  siteDistrictCode: z.string().nullable(),
  siteAddress: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  projectStatus: z.enum(PROJECT_STATUSES).nullable(),
  investments: z.array(z.object({ item: z.string(), itemName: z.string(), amount: z.string() })),
  assessmentLevel: z.enum(ASSESSMENT_LEVELS).nullable(),
  assessmentDate: z.string().nullable(),
  hasLoan: z.boolean(),
  loan: z
    .object({
      bankId: z.string().nullable(),
      bankName: z.string().nullable(),
      contractNumber: z.string().nullable(),
      amount: z.string().nullable(),
      disbursedOn: z.string().nullable(),
      maturityOn: z.string().nullable(),
      loanId: z.string().nullable(),
    })
    .nullable(),
  contracts: z.array(ZServiceContract),
  leadProvider: z.object({ uscc: z.string().nullable(), name: z.string().nullable() }),
  attachments: z.array(ZAttachmentRef),
  materials: ZChecklist,
  /** Live for editable declarations; the result at the latest submission otherwise. */
  eligibility: ZEligibilityView.nullable(),
  lastReason: z.string().nullable(),
  timeline: z.array(ZTimelineEntry),
  predecessor: z
    .object({
      id: z.string(),
      name: z.string().nullable(),
      state: ZDeclarationState,
      declarationMonth: z.string().nullable(),
      lastReason: z.string().nullable(),
    })
    .nullable(),
  successorId: z.string().nullable(),
  changes: z.array(ZChange).describe('与原申报相比的变化'),
  actions: z.array(z.enum(DECLARATION_EVENTS)).describe('当前用户可执行的操作'),
});
export type TDeclarationDetail = z.infer<typeof ZDeclarationDetail>;

export const ZDeclarationListQuery = z.object({
  state: z
    .string()
    .trim()
    .regex(/^[a-z_]+(,[a-z_]+)*$/, { message: '应为状态代码，多个用逗号分隔' })
    .optional()
    .describe('状态（可多选，逗号分隔）'),
  q: z.string().trim().max(100).optional().describe('项目或企业名称关键字'),
  districtCode: z.enum(DISTRICT_CODES).optional().describe('县（市、区）'),
  page: z.coerce.number().int().min(1).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(100).default(20).describe('每页条数'),
});
export type TDeclarationListQuery = z.infer<typeof ZDeclarationListQuery>;

export const ZDeclarationList = pagedList(ZDeclarationSummary);

export const ZReviewQueueQuery = z.object({
  districtCode: z.enum(DISTRICT_CODES).optional().describe('县（市、区）（市级可筛选）'),
  overdueOnly: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只看逾期'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The queue's Excel export: the queue's filter, every row (no page). */
export const ZReviewQueueExportQuery = ZReviewQueueQuery.omit({ page: true, pageSize: true });

export const ZReviewQueue = z.object({
  today: z.string(),
  stage: z.enum(['district', 'city']),
  items: z.array(ZDeclarationSummary),
  total: z.number().int(),
  overdueCount: z.number().int().describe('逾期未核实数'),
  dueTodayCount: z.number().int().describe('今日到期数'),
});
export type TReviewQueue = z.infer<typeof ZReviewQueue>;

const ZIds = z.array(ZUuid('申报编号')).min(1).max(100).describe('申报编号（可批量）');
const ZReason = z
  .string()
  .trim()
  .max(2000)
  .refine(...SAYS_SOMETHING)
  .describe('理由');
/** A decision that sends a declaration back needs a reason of two characters at least (spaces not counted). */
const lacksReason = (reason: string | undefined) => !reason || reason.replace(/\s+/g, '').length < 2;

export const ZDistrictReview = z
  .object({
    ids: ZIds,
    decision: z.enum(['verify', 'return']).describe('核实结论'),
    reason: ZReason.optional(),
    returnDeadline: ZDate('补正期限').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'return') {
      if (lacksReason(v.reason)) requireField(ctx, 'reason', '退回须填写理由', 'is required to return');
      if (!v.returnDeadline) requireField(ctx, 'returnDeadline', '退回须设定补正期限', 'is required to return');
    }
  });
export type TDistrictReview = z.infer<typeof ZDistrictReview>;

export const ZCityReview = z
  .object({
    ids: ZIds,
    decision: z.enum(['approve', 'reject']).describe('复核结论'),
    reason: ZReason.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && lacksReason(v.reason))
      requireField(ctx, 'reason', '不予通过须填写理由', 'is required to reject');
  });
export type TCityReview = z.infer<typeof ZCityReview>;

export const ZBatchResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      state: ZDeclarationState.nullable(),
      libraryNumber: z.string().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type TBatchResult = z.infer<typeof ZBatchResult>;

export const ZChecklistDefinition = z.object({
  form: ZDeclarationForm,
  annex: z.string(),
  categories: z.object({ citation: z.string(), items: z.array(z.object({ code: z.string(), name: z.string() })) }),
  investmentItems: z.object({
    citation: z.string(),
    items: z.array(z.object({ code: z.string(), name: z.string() })),
  }),
  materials: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      requirement: z.enum(['required', 'if_loan', 'optional']),
      citation: z.string(),
    }),
  ),
});
export const ZFormQuery = z.object({ form: ZDeclarationForm });

// ---------- projects and tracking ----------

export const ZProjectSummary = z.object({
  id: z.string(),
  libraryNumber: z.string().describe('项目库编号'),
  name: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  districtCode: z.string().nullable(),
  districtName: z.string().nullable(),
  form: ZDeclarationForm,
  declarationId: z.string(),
  declarationMonth: z.string(),
  declaredOn: z.string(),
  approvedOn: z.string(),
  investmentAtDeclaration: z.string().describe('入库申报时的已有投入'),
  plannedTotal: z.string(),
  investmentToDate: z.string(),
  resourcePoolLed: z.boolean(),
  trackingState: z.enum(['active', 'completed', 'terminated']),
  currentStatus: z.string(),
  currentStatusName: z.string(),
  lastReportPeriod: z.string().nullable(),
  nextReportDue: z.string().nullable(),
  reportOverdue: z.boolean(),
  openSpotChecks: z.number().int(),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

export const ZMilestone = z.object({
  name: z.string().trim().min(1).max(200).describe('里程碑'),
  plannedOn: ZDate('计划完成日期').nullable().optional(),
  achievedOn: ZDate('实际完成日期').nullable().optional(),
  note: z.string().trim().max(500).nullable().optional().describe('说明'),
});

export const ZProgressReport = z.object({
  id: z.string(),
  projectId: z.string(),
  period: z.string(),
  state: z.enum(['draft', 'submitted']),
  investmentToDate: z.string(),
  status: z.enum(TRACKED_STATUSES),
  statusName: z.string(),
  milestones: z.array(
    z.object({
      name: z.string(),
      plannedOn: z.string().nullable(),
      achievedOn: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  narrative: z.string().nullable(),
  reportedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  vouchers: z.array(ZAttachmentRef),
});
export type TProgressReport = z.infer<typeof ZProgressReport>;

export const ZSpotCheck = z.object({
  id: z.string(),
  projectId: z.string(),
  state: z.enum(['open', 'closed']),
  reason: z.string(),
  plannedOn: z.string().nullable(),
  openedByName: z.string().nullable(),
  openedAt: z.string(),
  outcome: z.enum(SPOT_CHECK_OUTCOMES).nullable(),
  outcomeName: z.string().nullable(),
  findings: z.string().nullable(),
  rectifyBy: z.string().nullable(),
  closedByName: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type TSpotCheck = z.infer<typeof ZSpotCheck>;

export const ZProjectDetail = ZProjectSummary.extend({
  startDate: z.string(),
  endDate: z.string(),
  loanBankId: z.string().nullable(),
  loanId: z.string().nullable(),
  reports: z.array(ZProgressReport),
  spotChecks: z.array(ZSpotCheck),
  pendingReport: z.object({ period: z.string(), dueOn: z.string(), overdue: z.boolean() }).nullable(),
  reportablePeriods: z.array(z.string()),
});
export type TProjectDetail = z.infer<typeof ZProjectDetail>;

export const ZProjectListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('项目、企业名称或编号关键字'),
  districtCode: z.enum(DISTRICT_CODES).optional(),
  trackingState: z.enum(['active', 'completed', 'terminated']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export const ZProjectList = pagedList(ZProjectSummary);

export const ZReportInput = z.object({
  period: z
    .string()
    .trim()
    .refine(isReportPeriod, { message: '应为季度，如 2024-Q2', params: { en: 'must be a quarter like 2024-Q2' } })
    .describe('报告期'),
  investmentToDate: ZYuan('累计完成投资'),
  status: z.enum(TRACKED_STATUSES).describe('项目建设状态'),
  milestones: z.array(ZMilestone).max(50).default([]).describe('里程碑'),
  narrative: z.string().trim().max(4000).nullable().optional().describe('进展说明'),
});
export type TReportInput = z.infer<typeof ZReportInput>;

export const ZReportParams = z.object({ id: ZUuid('项目编号'), reportId: ZUuid('报告编号') });
export const ZSpotCheckParams = z.object({ id: ZUuid('项目编号'), checkId: ZUuid('抽查编号') });

export const ZOpenSpotCheck = z.object({
  reason: z
    .string()
    .trim()
    .min(2)
    .max(2000)
    .refine(...SAYS_SOMETHING)
    .describe('抽查事由'),
  plannedOn: ZDate('计划抽查日期').nullable().optional(),
});
export type TOpenSpotCheck = z.infer<typeof ZOpenSpotCheck>;

export const ZCloseSpotCheck = z
  .object({
    outcome: z.enum(SPOT_CHECK_OUTCOMES).describe('抽查结论'),
    findings: z.string().trim().min(2).max(4000).describe('抽查情况'),
    rectifyBy: ZDate('整改期限').nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'rectification_required' && !v.rectifyBy)
      requireField(ctx, 'rectifyBy', '限期整改须设定整改期限', 'is required when rectification is required');
  });
export type TCloseSpotCheck = z.infer<typeof ZCloseSpotCheck>;

/** Withdrawing a declaration, with an optional explanation. */
export const ZWithdraw = z.object({
  reason: z
    .string()
    .trim()
    .max(500)
    .refine(...SAYS_SOMETHING)
    .nullable()
    .optional()
    .describe('撤回说明'),
});
