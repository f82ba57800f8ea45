/**
 * Guarantee-fee subsidies (担保费补贴) and risk compensation (风险补偿), 方案 三（五）: fee-subsidy budget years and
 * claims, risk pools, compensation claims with their steps and recoveries, awards registered as credit enhancement,
 * and the `huiqi risk-compensation` calculator. Shared by the API, the CLI and the web forms. Amounts are yuan
 * strings with two decimals; dates are YYYY-MM-DD.
 */
import { z } from 'zod';
import { RISK_CLAIM_STATUSES } from '../domain/guarantee/risk-workflow';
import { isYuanString, yuanToFen } from '../domain/money/money';
import { APPLICATION_STATUSES } from '../domain/workflow/application';
import { zDecimal, zYuan } from './calculators';
import { itemList, ZUuid } from './fields';
import { ALLOCATION_MODES, ZDate, ZNotice, ZYuan } from './subsidy';

const ZText = (label: string, max = 500) => z.string().trim().min(1).max(max).describe(label);

// ---------- the calculator (CLI contract) ----------

export const ZRiskCompensationInput = z
  .strictObject({
    loss: zYuan('损失金额'),
    recoveredBeforeClaim: zYuan('申请补偿前已回收金额').default('0.00'),
    share: zDecimal('补偿比例').refine((s) => Number(s) <= 1, { error: '应在0到1之间' }),
    capPerLoan: zYuan('单笔补偿上限').nullable().default(null),
    recoveriesAfterPayment: z.array(zYuan('补偿后追回金额')).max(1000).default([]).describe('补偿后追回金额'),
  })
  .superRefine((v, ctx) => {
    if (!isYuanString(v.loss) || !isYuanString(v.recoveredBeforeClaim)) return;
    const loss = yuanToFen(v.loss);
    const before = yuanToFen(v.recoveredBeforeClaim);
    if (before >= loss) {
      ctx.addIssue({
        code: 'custom',
        path: ['recoveredBeforeClaim'],
        message: '不能大于或等于损失金额（扣除后没有损失可补偿）',
      });
      return;
    }
    const after = v.recoveriesAfterPayment.filter(isYuanString).reduce((s, r) => s + yuanToFen(r), 0n);
    if (before + after > loss) {
      ctx.addIssue({
        code: 'custom',
        path: ['recoveriesAfterPayment'],
        message: '追回金额合计（含申请前已回收）超过损失金额',
      });
    }
  });
export type TRiskCompensationInput = z.infer<typeof ZRiskCompensationInput>;

export const ZRiskCompensationResult = z.object({
  netLoss: z.string(),
  compensation: z.string(),
  returned: z.string(),
  net: z.string(),
  explanation: z.array(z.string()),
});
export type TRiskCompensationResult = z.infer<typeof ZRiskCompensationResult>;

// ---------- fee-subsidy years and claims ----------

export const ZCreateFeeYear = z.object({
  year: z.number().int().min(2024).max(2100).describe('年度'),
  budget: ZYuan('年度预算（元）'),
  allocationMode: z.enum(ALLOCATION_MODES).default('partial').describe('分配方式'),
});
export type TCreateFeeYear = z.infer<typeof ZCreateFeeYear>;

export const FEE_YEAR_STATUSES = ['open', 'allocated', 'published', 'plan_issued'] as const;
export const ZFeeYear = z.object({
  id: z.string(),
  year: z.number().int(),
  budget: z.string(),
  allocated: z.string(),
  allocationMode: z.enum(ALLOCATION_MODES),
  status: z.enum(FEE_YEAR_STATUSES),
  /** The year's 公示 — a notice of the interest subsidy's machinery (public page, objections, plan). */
  notice: ZNotice.nullable(),
  /** The year's 补贴资金安排计划 once issued. */
  plan: z.object({ id: z.string(), documentNumber: z.string() }).nullable(),
});
export type TFeeYear = z.infer<typeof ZFeeYear>;
export const ZFeeYearList = itemList(ZFeeYear);
export const ZYearParam = z.object({ year: z.coerce.number().int().min(2024).max(2100).describe('年度') });

/** What a fee claim states (filed, or corrected after a return). */
const ZFeeClaimFields = z.object({
  periodFrom: ZDate('担保期间起'),
  periodTo: ZDate('担保期间止'),
  feePaid: ZYuan('实际缴纳担保费（元）').refine((v) => /[1-9]/.test(v), { message: '必须大于 0' }),
  vouchers: z
    .array(ZText('缴费凭证号', 100))
    .min(1, { message: '请至少填写一张缴费凭证' })
    .max(20)
    .describe('缴费凭证'),
  otherSubsidies: z
    .array(z.object({ name: ZText('其他补贴名称', 100), amount: ZYuan('其他补贴金额（元）') }))
    .max(10)
    .default([])
    .describe('同一笔担保费的其他补贴'),
});
const periodChecks = <T extends z.ZodType<{ periodFrom: string; periodTo: string }>>(schema: T) =>
  schema
    .refine((v) => v.periodFrom <= v.periodTo, { path: ['periodTo'], message: '担保期间止不能早于担保期间起' })
    .refine((v) => v.periodFrom.slice(0, 4) === v.periodTo.slice(0, 4), {
      path: ['periodTo'],
      message: '担保期间须在同一年度内',
    });
export const ZCreateFeeClaim = periodChecks(ZFeeClaimFields.extend({ loanId: ZUuid('贷款') }));
export type TCreateFeeClaim = z.infer<typeof ZCreateFeeClaim>;
/** A returned fee claim corrected by its claimant and submitted again (the same claim, its history kept). */
export const ZResubmitFeeClaim = periodChecks(ZFeeClaimFields);
export type TResubmitFeeClaim = z.infer<typeof ZResubmitFeeClaim>;

export const ZFeeClaimReview = z.object({
  action: z.enum(['district_pass', 'district_return', 'city_verify', 'city_return']).describe('审核操作'),
  reasons: z.array(z.string().trim().min(1).max(500)).max(20).default([]).describe('退回原因'),
});
export type TFeeClaimReview = z.infer<typeof ZFeeClaimReview>;

export const ZFeeClaim = z.object({
  id: z.string(),
  year: z.number().int(),
  loanId: z.string(),
  contractNo: z.string(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  claimant: z.enum(['enterprise', 'guarantor']),
  periodFrom: z.string(),
  periodTo: z.string(),
  feePaid: z.string(),
  guaranteedAmount: z.string(),
  vouchers: z.array(z.string()),
  /** Other subsidies of the same fee the claimant declared (就高不重复). */
  otherSubsidies: z.array(z.object({ name: z.string(), amount: z.string() })),
  requested: z.string(),
  awarded: z.string().nullable(),
  status: z.enum(APPLICATION_STATUSES),
  explanation: z.array(z.string()),
  reviews: z.array(z.object({ action: z.string(), reasons: z.array(z.string()), byName: z.string(), at: z.string() })),
  submittedAt: z.string(),
});
export type TFeeClaim = z.infer<typeof ZFeeClaim>;
export const ZFeeClaimList = itemList(ZFeeClaim);

export const ZFeeAllocationResult = z.object({
  year: z.number().int(),
  budget: z.string(),
  allocated: z.string(),
  awards: z.array(
    z.object({
      claimId: z.string(),
      rank: z.number().int(),
      requested: z.string(),
      awarded: z.string(),
      status: z.string(),
    }),
  ),
});
export type TFeeAllocationResult = z.infer<typeof ZFeeAllocationResult>;

export const ZPublishFeeNotice = z.object({ startsOn: ZDate('公示开始日').optional() });

// ---------- risk pools and claims ----------

export const ZCreatePool = z.object({
  year: z.number().int().min(2024).max(2100).describe('年度'),
  budget: ZYuan('资金池预算（元）'),
});
export type TCreatePool = z.infer<typeof ZCreatePool>;

export const ZPool = z.object({
  id: z.string(),
  year: z.number().int(),
  budget: z.string(),
  committed: z.string(),
  paid: z.string(),
  returned: z.string(),
  balance: z.string(),
});
export type TPool = z.infer<typeof ZPool>;
export const ZPoolList = itemList(ZPool);

export const ZCreateRiskClaim = z.object({
  loanId: ZUuid('贷款'),
  defaultDate: ZDate('违约日期'),
  outstandingPrincipal: ZYuan('未偿本金（元）'),
  outstandingInterest: ZYuan('未偿利息（元）').default('0.00'),
  collateralRealised: ZYuan('抵质押物处置及其他已回收（元）').default('0.00'),
  collectionSteps: ZText('已采取的催收措施', 2000),
  evidence: z.array(ZText('证据材料', 200)).min(1, { message: '请至少列出一项催收证据' }).max(20).describe('催收证据'),
});
export type TCreateRiskClaim = z.infer<typeof ZCreateRiskClaim>;
/** A returned risk claim corrected by the filing institution and submitted again (its history kept). */
export const ZResubmitRiskClaim = ZCreateRiskClaim.omit({ loanId: true });
export type TResubmitRiskClaim = z.infer<typeof ZResubmitRiskClaim>;

export const RISK_STEP_ACTIONS = [
  'district_pass',
  'district_return',
  'city_approve',
  'city_return',
  'second_approve',
  'pay',
  'close',
] as const;
export const ZRiskClaimStep = z.object({
  action: z.enum(RISK_STEP_ACTIONS).describe('操作'),
  reason: z.string().trim().max(500).optional().describe('理由'),
  paymentRef: z.string().trim().min(1).max(100).optional().describe('拨付凭证号'),
});
export type TRiskClaimStep = z.infer<typeof ZRiskClaimStep>;

export const ZReportRecovery = z.object({
  receivedOn: ZDate('追回日期'),
  amount: ZYuan('追回金额（元）').refine((v) => /[1-9]/.test(v), { message: '必须大于 0' }),
  note: z.string().trim().max(500).optional().describe('说明'),
});
export type TReportRecovery = z.infer<typeof ZReportRecovery>;

export const ZRiskClaim = z.object({
  id: z.string(),
  loanId: z.string(),
  contractNo: z.string(),
  enterpriseName: z.string(),
  districtCode: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  institutionKind: z.string(),
  defaultDate: z.string(),
  outstandingPrincipal: z.string(),
  outstandingInterest: z.string(),
  collateralRealised: z.string(),
  loss: z.string(),
  share: z.string(),
  collectionSteps: z.string(),
  evidence: z.array(z.string()),
  status: z.enum(RISK_CLAIM_STATUSES),
  compensation: z.string().nullable(),
  netLoss: z.string().nullable(),
  recoveredAfter: z.string(),
  returned: z.string(),
  explanation: z.array(z.string()),
  needsSecondApprover: z.boolean(),
  steps: z.array(z.object({ action: z.string(), reason: z.string().nullable(), byName: z.string(), at: z.string() })),
  recoveries: z.array(
    z.object({
      id: z.string(),
      receivedOn: z.string(),
      reportedOn: z.string(),
      amount: z.string(),
      returned: z.string(),
      overdue: z.boolean(),
      explanation: z.string(),
    }),
  ),
});
export type TRiskClaim = z.infer<typeof ZRiskClaim>;
export const ZRiskClaimList = itemList(ZRiskClaim);

// ---------- award as credit enhancement (三（五）3.) ----------

export const ENHANCEMENT_KINDS = ['zyb_subsidy', 'competitive_fund'] as const;
export const ZRegisterEnhancement = z.object({
  loanId: ZUuid('贷款'),
  kind: z.enum(ENHANCEMENT_KINDS).describe('奖补类型'),
  reference: ZText('项目编号或奖补文件', 100),
  expectedAmount: ZYuan('预计奖补金额（元）'),
  awardPaid: ZYuan('已到位奖补金额（元）').default('0.00'),
});
export type TRegisterEnhancement = z.infer<typeof ZRegisterEnhancement>;

export const ZEnhancement = z.object({
  id: z.string(),
  loanId: z.string(),
  kind: z.enum(ENHANCEMENT_KINDS),
  reference: z.string(),
  expectedAmount: z.string(),
  awardPaid: z.string(),
});
export type TEnhancement = z.infer<typeof ZEnhancement>;

export const GUARANTEE_AUDIT_ACTION_LABELS: Record<string, string> = {
  'guarantee.fee_year_created': '设立担保费补贴年度预算',
  'guarantee.fee_claim_submitted': '提交担保费补贴申请',
  'guarantee.fee_claim_reviewed': '审核担保费补贴申请',
  'guarantee.fee_allocated': '分配担保费补贴预算',
  'guarantee.fee_notice_published': '公示担保费补贴结果',
  'guarantee.pool_created': '设立风险补偿资金池',
  'guarantee.risk_claim_submitted': '提交风险补偿申请',
  'guarantee.risk_claim_step': '处理风险补偿申请',
  'guarantee.recovery_reported': '报告追偿款并返还资金池',
  'guarantee.enhancement_registered': '登记奖补增信',
  'guarantee.fee_claim_resubmitted': '修改后重新提交担保费补贴申请',
  'guarantee.risk_claim_resubmitted': '修改后重新提交风险补偿申请',
  'guarantee.fee_plan_issued': '下达担保费补贴资金安排计划',
};
export const GUARANTEE_AUDIT_OBJECT_LABELS: Record<string, string> = {
  guarantee_fee_year: '担保费补贴年度',
  guarantee_fee_claim: '担保费补贴申请',
  risk_pool: '风险补偿资金池',
  risk_claim: '风险补偿申请',
  credit_enhancement: '奖补增信登记',
};
