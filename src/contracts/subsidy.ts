/**
 * 政银保 interest subsidy: campaigns, applications, reviews, allocation runs, the public notice (公示) with
 * objections, and the funding plan. Shared by the API and the web app. Amounts are yuan strings with two
 * decimals ("27000.00"); dates are YYYY-MM-DD.
 */
import { z } from 'zod';
import { citationLabel } from '../domain/policies/core/citation';
import { NOTICE_MIN_DAYS, NOTICE_MIN_DAYS_CITATION } from '../domain/subsidy/notice';
import {
  APPLICATION_STATUSES,
  CAMPAIGN_STATUSES,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
} from '../domain/workflow/application';
import { SAYS_SOMETHING, ZYuanAmount } from './common';
import { itemList, pagedList, ZUuid } from './fields';

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A non-negative yuan amount with at most two decimals. */
export const ZYuan = ZYuanAmount;
export const ZDate = (label: string) =>
  z.string().regex(DATE_RE, { message: '应为日期（YYYY-MM-DD）' }).describe(label);

export const ZIdParam = z.object({ id: ZUuid('编号') });

export const ALLOCATION_MODES = ['partial', 'stop', 'skip'] as const;
export type AllocationMode = (typeof ALLOCATION_MODES)[number];
export const ALLOCATION_MODE_ZH: Readonly<Record<AllocationMode, string>> = {
  partial: '预算不足时部分安排，之后停止',
  stop: '预算不足以全额安排时即停止（用完即止）',
  skip: '跳过不足额的申请，继续安排后续申请',
};

/**
 * Other interest subsidies of the city the same loan receives (第十四条 就高不重复). The policy engine computes the
 * IP-pledge subsidy by its rule (50% of interest, 江府〔2023〕11号 第14条); the 专精特新 credit-loan subsidy's amount
 * is set by notice, so the recorded amount is used.
 */
export const OTHER_SUBSIDY_KINDS = ['zjtx_credit', 'ip_pledge'] as const;
export type OtherSubsidyKind = (typeof OTHER_SUBSIDY_KINDS)[number];
export const OTHER_SUBSIDY_KIND_ZH: Readonly<Record<OtherSubsidyKind, string>> = {
  zjtx_credit: '专精特新企业信用贷款贴息',
  ip_pledge: '知识产权质押融资贴息',
};

// ---------- campaigns ----------

export const ZCreateCampaign = z
  .object({
    year: z.number().int().min(2024).max(2100).describe('年度'),
    title: z.string().trim().min(2).max(100).describe('批次名称'),
    interestFrom: ZDate('贴息期间起'),
    interestTo: ZDate('贴息期间止'),
    applyFrom: ZDate('申请开始日'),
    applyTo: ZDate('申请截止日'),
    budget: ZYuan('年度预算（元）'),
    allocationMode: z.enum(ALLOCATION_MODES).default('partial').describe('分配方式'),
    noticeDays: z
      .number()
      .int()
      .max(60)
      .refine((n) => n >= NOTICE_MIN_DAYS, {
        message: `公示期不少于${NOTICE_MIN_DAYS}天（${citationLabel(NOTICE_MIN_DAYS_CITATION)}：“公示期不少于7日”）`,
      })
      .default(NOTICE_MIN_DAYS)
      .describe('公示天数'),
  })
  .refine((v) => v.interestFrom <= v.interestTo, {
    path: ['interestTo'],
    message: '贴息期间止不能早于贴息期间起',
  })
  .refine((v) => v.applyFrom <= v.applyTo, { path: ['applyTo'], message: '申请截止日不能早于申请开始日' });
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

export const ZCampaign = z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  interestFrom: z.string(),
  interestTo: z.string(),
  applyFrom: z.string(),
  applyTo: z.string(),
  budget: z.string(),
  allocated: z.string(),
  remaining: z.string(),
  allocationMode: z.enum(ALLOCATION_MODES),
  noticeDays: z.number().int(),
  status: z.enum(CAMPAIGN_STATUSES),
  committedRunId: z.string().nullable(),
  acceptingApplications: z.boolean(),
  createdAt: z.string(),
});
export type TCampaign = z.infer<typeof ZCampaign>;
export const ZCampaignList = itemList(ZCampaign);

// ---------- applications ----------

export const ZOtherSubsidyInput = z.object({
  loanId: ZUuid('贷款'),
  kind: z.enum(OTHER_SUBSIDY_KINDS).describe('贴息类别'),
  name: z.string().trim().min(2).max(100).describe('贴息名称'),
  documentRef: z.string().trim().max(100).optional().describe('政策文件'),
  amount: ZYuan('贴息金额（元）'),
});
export type TOtherSubsidyInput = z.infer<typeof ZOtherSubsidyInput>;

export const ZApplicationLoanInput = z.object({
  loanId: ZUuid('贷款'),
  claimedInterest: ZYuan('申报利息（元）'),
});

const applicationFields = {
  interestFrom: ZDate('贴息期间起'),
  interestTo: ZDate('贴息期间止'),
  loans: z.array(ZApplicationLoanInput).min(1).max(20).describe('申请贴息的贷款'),
  newInvestment: ZYuan('入库申报后新增数字化转型投入（元）'),
  progressReport: z.string().trim().min(10).max(5000).describe('项目建设进展情况'),
  repaymentVoucherIds: z.array(ZUuid('还本付息凭证')).min(1).max(50).describe('还本付息凭证'),
  expenditureVoucherIds: z.array(ZUuid('项目支出凭证')).min(1).max(50).describe('数字化转型项目支出凭证'),
  otherSubsidies: z.array(ZOtherSubsidyInput).max(20).default([]).describe('同笔贷款享受的其他贴息'),
};

export const ZSubmitApplication = z
  .object({
    campaignId: ZUuid('申请批次'),
    projectId: ZUuid('入库项目'),
    ...applicationFields,
    /** Also accepted as the Idempotency-Key header. */
    idempotencyKey: z.string().trim().min(8).max(100).optional().describe('幂等键'),
  })
  .refine((v) => v.interestFrom <= v.interestTo, { path: ['interestTo'], message: '贴息期间止不能早于贴息期间起' });
export type TSubmitApplication = z.infer<typeof ZSubmitApplication>;

export const ZResubmitApplication = z
  .object({ ...applicationFields, version: z.number().int().min(1).describe('版本号') })
  .refine((v) => v.interestFrom <= v.interestTo, { path: ['interestTo'], message: '贴息期间止不能早于贴息期间起' });
export type TResubmitApplication = z.infer<typeof ZResubmitApplication>;

export const ZReviewApplication = z.object({
  decision: z.enum(['pass', 'return']).describe('审核结论'),
  reasons: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(500)
        .refine(...SAYS_SOMETHING),
    )
    .max(20)
    .default([])
    .describe('退回原因'),
  comment: z.string().trim().max(1000).optional().describe('审核意见'),
  version: z.number().int().min(1).describe('版本号'),
});
export type TReviewApplication = z.infer<typeof ZReviewApplication>;

export const ZReview = z.object({
  stage: z.enum(['district', 'city', 'enterprise']),
  decision: z.string(),
  reasons: z.array(z.string()),
  comment: z.string().nullable(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const ZApplicationLoan = z.object({
  loanId: z.string(),
  contractNo: z.string(),
  bankName: z.string(),
  loanAmount: z.string(),
  disbursedAt: z.string(),
  claimedInterest: z.string(),
  bankInterest: z.string(),
  /** claimed − bank: non-zero is shown to reviewers. */
  interestDifference: z.string(),
});

export const ZOtherSubsidy = z.object({
  id: z.string(),
  loanId: z.string(),
  kind: z.enum(OTHER_SUBSIDY_KINDS),
  name: z.string(),
  documentRef: z.string().nullable(),
  amount: z.string(),
});

export const ZApplicationSummary = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignYear: z.number().int(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  projectId: z.string(),
  projectNo: z.string().nullable(),
  projectName: z.string().nullable(),
  districtCode: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  declarationMonth: z.string(),
  firstDisbursedAt: z.string(),
  claimedInterest: z.string(),
  bankInterest: z.string(),
  interestDifference: z.string(),
  submittedAt: z.string(),
  version: z.number().int(),
});
export type TApplicationSummary = z.infer<typeof ZApplicationSummary>;

export const ZAttachmentRef = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  contentType: z.string(),
});

export const ZDecision = z.object({
  /** The 政银保 subsidy computed by the policy engine, before the cap and the budget. */
  amount: z.string(),
  winner: z.string(),
  winnerName: z.string(),
  explanation: z.array(z.string()),
  citations: z.array(z.string()),
  subsidyYears: z.record(z.string(), z.number().int()),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZAward = z.object({
  id: z.string(),
  runId: z.string(),
  applicationId: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  projectNo: z.string().nullable(),
  projectName: z.string().nullable(),
  districtCode: z.string(),
  rank: z.number().int(),
  computed: z.string(),
  capped: z.string(),
  awarded: z.string(),
  status: z.string(),
  winner: z.string(),
  explanation: z.array(z.string()),
});
export type TAward = z.infer<typeof ZAward>;

export const ZApplicationDetail = ZApplicationSummary.extend({
  interestFrom: z.string(),
  interestTo: z.string(),
  investmentAtDeclaration: z.string(),
  newInvestment: z.string(),
  /** IN = investment at declaration + new investment (申报指南 六（二）). */
  totalInvestment: z.string(),
  progressReport: z.string(),
  loans: z.array(ZApplicationLoan),
  otherSubsidies: z.array(ZOtherSubsidy),
  attachments: z.array(ZAttachmentRef),
  reviews: z.array(ZReview),
  /** The engine's decision as it stands now (reviewers and the enterprise see the same). */
  decision: ZDecision.nullable(),
  decisionError: z.string().nullable(),
  /** The committed run's award. */
  award: ZAward.nullable(),
  /** 递补 awards made later from budget freed during the public notice (top-ups of this application). */
  supplementaryAwards: z.array(ZAward),
});
export type TApplicationDetail = z.infer<typeof ZApplicationDetail>;

export const ZApplicationListQuery = z.object({
  campaignId: ZUuid('申请批次').optional(),
  status: z.enum(APPLICATION_STATUSES).optional().describe('状态'),
  districtCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional()
    .describe('县（市、区）'),
  q: z.string().trim().max(64).optional().describe('关键字（企业名称）'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数'),
});
export type TApplicationListQuery = z.infer<typeof ZApplicationListQuery>;
/** The list's Excel export: the list's filter, every row (no page). */
export const ZApplicationExportQuery = ZApplicationListQuery.omit({ page: true, pageSize: true });
export const ZApplicationList = pagedList(ZApplicationSummary);

/** What an enterprise may apply with: its numbered projects and their loans. */
export const ZApplyOptions = z.object({
  projects: z.array(
    z.object({
      id: z.string(),
      /** The application this project already made in this campaign (one per project per campaign), if any. */
      appliedApplicationId: z.string().nullable().describe('本批次已提交的申请'),
      projectNo: z.string().nullable(),
      name: z.string(),
      declarationMonth: z.string(),
      investmentAtDeclaration: z.string(),
      loans: z.array(
        z.object({
          id: z.string(),
          contractNo: z.string(),
          bankName: z.string(),
          amount: z.string(),
          disbursedOn: z.string(),
          /** Interest the bank recorded as paid in the campaign's interest period. */
          bankInterest: z.string(),
        }),
      ),
    }),
  ),
});

// ---------- allocation ----------

export const ZRunAllocation = z.object({
  dryRun: z.boolean().default(true).describe('试算'),
  closeCampaign: z
    .boolean()
    .default(false)
    .describe(
      '正式分配时批次仍在受理申请：确认先截止受理（申请截止日改为今天，记入审计日志）再分配；未确认则拒绝正式分配',
    ),
});

export const ZAllocationRun = z.object({
  id: z.string(),
  campaignId: z.string(),
  /** supplement_dry_run | supplement: a 递补 round (budget freed during the notice; `budget` is the freed budget). */
  kind: z.enum(['dry_run', 'commit', 'supplement_dry_run', 'supplement']),
  mode: z.enum(ALLOCATION_MODES),
  budget: z.string(),
  totalRequested: z.string(),
  totalAwarded: z.string(),
  remaining: z.string(),
  applicationCount: z.number().int(),
  fundedCount: z.number().int(),
  partialCount: z.number().int(),
  unfundedCount: z.number().int(),
  runBy: z.string(),
  runByName: z.string(),
  startedAt: z.string(),
  durationMs: z.number().int(),
});
export type TAllocationRun = z.infer<typeof ZAllocationRun>;

export const ZAllocationOutcome = ZAllocationRun.extend({
  /** The first rows in allocation order (all of them for small campaigns). */
  rows: z.array(ZAward.omit({ id: true, runId: true }).extend({ id: z.string().nullable() })),
});
export type TAllocationOutcome = z.infer<typeof ZAllocationOutcome>;
export const ZAllocationRunList = itemList(ZAllocationRun);

/** 递补: what the budget looks like during the notice, and where the supplementary rounds stand. */
export const ZSupplementaryStatus = z.object({
  campaignId: z.string(),
  budget: z.string(),
  /** Original and 递补 awards still standing (revoked ones excluded, reduced ones at their new amount). */
  standing: z.string(),
  /** budget − standing: what a 递补 run may offer. */
  freed: z.string(),
  revokedCount: z.number().int(),
  reducedCount: z.number().int(),
  /** A 递补 run may be made now (notice published, plan not issued, no round waiting for its notice). */
  canRun: z.boolean(),
  /** The committed 递补 run waiting for its 递补公示, if any. */
  pendingRunId: z.string().nullable(),
  rounds: z.array(ZAllocationRun),
});
export type TSupplementaryStatus = z.infer<typeof ZSupplementaryStatus>;

export const ZAwardListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).describe('每页条数'),
});
export const ZAwardList = pagedList(ZAward);

// ---------- public notice and objections ----------

export const ZPublishNotice = z.object({
  title: z.string().trim().min(4).max(200).optional().describe('公示标题'),
  body: z.string().trim().max(5000).optional().describe('公示说明'),
  startsOn: ZDate('公示开始日').optional(),
});

export const NOTICE_KINDS = ['original', 'supplementary'] as const;

/** interest: the 政银保 interest subsidy's campaign; guarantee_fee: a year of the guarantee-fee subsidy (方案 三（五）1.). */
export const NOTICE_SCHEMES = ['interest', 'guarantee_fee'] as const;
export const ZNotice = z.object({
  id: z.string(),
  scheme: z.enum(NOTICE_SCHEMES),
  /** The interest subsidy's campaign and run (null for a guarantee-fee notice). */
  campaignId: z.string().nullable(),
  /** original: the committed allocation; supplementary: one 递补 round's new awards (递补公示). */
  kind: z.enum(NOTICE_KINDS),
  runId: z.string().nullable(),
  campaignYear: z.number().int(),
  title: z.string(),
  body: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  noticeDays: z.number().int(),
  /** upcoming | open | ended */
  phase: z.enum(['upcoming', 'open', 'ended']),
  publishedAt: z.string(),
  totalAmount: z.string(),
  entryCount: z.number().int(),
});
export type TNotice = z.infer<typeof ZNotice>;
export const ZNoticeList = itemList(ZNotice);

/** One line of a 公示: only what a public notice shows. */
export const ZNoticeEntry = z.object({
  awardId: z.string(),
  seq: z.number().int(),
  enterpriseName: z.string(),
  projectNo: z.string().nullable(),
  projectName: z.string().nullable(),
  districtName: z.string(),
  amount: z.string(),
});
export const ZNoticeDetail = ZNotice.extend({
  entries: z.array(ZNoticeEntry),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TNoticeDetail = z.infer<typeof ZNoticeDetail>;

export const ZLodgeObjection = z.object({
  name: z.string().trim().min(1).max(50).describe('异议人姓名或单位'),
  contact: z
    .string()
    .trim()
    .min(5)
    .max(100)
    .regex(/^[0-9+\-() ]{5,20}$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, { message: '应为电话号码或电子邮箱' })
    .describe('联系方式'),
  reason: z
    .string()
    .trim()
    .min(10)
    .max(2000)
    .refine(...SAYS_SOMETHING)
    .describe('异议理由'),
  awardId: ZUuid('异议对象').optional(),
});
export type TLodgeObjection = z.infer<typeof ZLodgeObjection>;
export const ZObjectionReceipt = z.object({ caseNo: z.string(), lodgedAt: z.string() });

/** POST /api/v1/public/notices/objection-lookup — the objector looks a case up by its number and their contact. */
export const ZObjectionLookup = z.object({
  caseNo: z.string().trim().min(1).max(40).describe('异议案件编号'),
  contact: z.string().trim().min(1).max(100).describe('提出异议时填写的联系方式'),
});
export type TObjectionLookup = z.infer<typeof ZObjectionLookup>;

/** What the public sees of an objection: its progress and outcome, not the objector's details. */
export const ZObjectionCase = z.object({
  caseNo: z.string(),
  noticeTitle: z.string().describe('所涉公示'),
  lodgedAt: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable().describe('办理结果说明'),
  closedAt: z.string().nullable(),
});
export type TObjectionCase = z.infer<typeof ZObjectionCase>;

export const ZObjection = z.object({
  id: z.string(),
  noticeId: z.string(),
  caseNo: z.string(),
  awardId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  name: z.string(),
  /** Masked. */
  contact: z.string(),
  reason: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  outcome: z.enum(OBJECTION_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  handledByName: z.string().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TObjection = z.infer<typeof ZObjection>;
export const ZObjectionList = itemList(ZObjection);

export const ZHandleObjection = z
  .object({
    status: z.enum(['investigating', 'closed']).describe('处理状态'),
    outcome: z.enum(OBJECTION_OUTCOMES).optional().describe('处理结果'),
    note: z
      .string()
      .trim()
      .min(2)
      .max(2000)
      .refine(...SAYS_SOMETHING)
      .describe('处理说明'),
    /** With an upheld objection: revoke the award it names (removed from the plan, cap released). */
    revokeAward: z.boolean().default(false).describe('撤销该项补贴'),
    /** With an upheld objection: reduce the award it names to this amount (below the current one). */
    reduceTo: ZYuan('核减后金额（元）').optional(),
  })
  .refine((v) => v.status !== 'closed' || v.outcome !== undefined, {
    path: ['outcome'],
    message: '办结须填写处理结果',
  });
export type THandleObjection = z.infer<typeof ZHandleObjection>;

// ---------- funding plan ----------

export const ZIssuePlan = z.object({
  documentNumber: z.string().trim().min(4).max(60).describe('文号'),
  title: z.string().trim().min(4).max(200).optional().describe('计划标题'),
});

export const ZPlanItem = z.object({
  seq: z.number().int(),
  enterpriseName: z.string(),
  uscc: z.string(),
  districtName: z.string(),
  projectNo: z.string().nullable(),
  projectName: z.string().nullable(),
  amount: z.string(),
  amountCapitals: z.string(),
  /** A 递补 award (made from budget freed during the notice, published in a 递补公示). */
  supplementary: z.boolean(),
});
export const ZFundingPlan = z.object({
  id: z.string(),
  scheme: z.enum(NOTICE_SCHEMES),
  /** The interest subsidy's campaign (null for a guarantee-fee year's plan). */
  campaignId: z.string().nullable(),
  campaignYear: z.number().int(),
  documentNumber: z.string(),
  title: z.string(),
  total: z.string(),
  totalCapitals: z.string(),
  itemCount: z.number().int(),
  /** Of which 递补 awards. */
  supplementaryCount: z.number().int(),
  supplementaryTotal: z.string(),
  issuedByName: z.string(),
  issuedAt: z.string(),
  /** The documents the plan rests on, printed at its foot. */
  basis: z.string(),
  items: z.array(ZPlanItem),
});
export type TFundingPlan = z.infer<typeof ZFundingPlan>;

// ---------- enterprise view ----------

export const ZMySubsidy = z.object({
  /** 第五条 cap and what is left of it. */
  cap: z.string(),
  used: z.string(),
  remaining: z.string(),
  awards: z.array(
    ZAward.extend({
      campaignYear: z.number().int(),
      /** Shown once the funding plan is issued. */
      planDocumentNumber: z.string().nullable(),
    }),
  ),
});
export type TMySubsidy = z.infer<typeof ZMySubsidy>;

// ---------- dashboard ----------

export const ZDashboardQuery = z.object({ campaignId: ZUuid('申请批次').optional() });
export const ZDashboard = z.object({
  campaign: ZCampaign.nullable(),
  budget: z.string(),
  used: z.string(),
  remaining: z.string(),
  byDistrict: z.array(
    z.object({
      districtCode: z.string(),
      districtName: z.string(),
      stages: z.record(z.string(), z.number().int()),
      total: z.number().int(),
      awarded: z.string(),
    }),
  ),
  byStatus: z.record(z.string(), z.number().int()),
  /** Awarded amount by the projects' declaration month (the first-come-first-served key). */
  awardsByMonth: z.array(z.object({ month: z.string(), amount: z.string(), count: z.number().int() })),
});
export type TDashboard = z.infer<typeof ZDashboard>;

/** A status change's answer: the record, its new status and version. */
export const ZStatus = z.object({ id: z.string(), status: z.string(), version: z.number().int() });
/** A submission's answer; `replayed` when the same idempotency key was seen before. */
export const ZSubmitted = z.object({ id: z.string(), replayed: z.boolean() });
export const ZNoticeOrNull = ZNotice.nullable();
/** A published notice's period. */
export const ZNoticePeriod = z.object({ id: z.string(), startsOn: z.string(), endsOn: z.string() });
/** A submission with the application number the client generated beforehand (so a retry is recognised). */
export const ZSubmitApplicationWithId = ZSubmitApplication.and(
  z.object({ id: z.uuid().optional().describe('申请编号（客户端预先生成）') }),
);
