/**
 * The credit profile's score and warning rules as dated, cited parameters (珠海市中小企业数字化转型融资服务工作方案,
 * doc 002, in force to 2027-12-31).
 *
 * - 三（三）2: "建立企业信用画像（行业、规模、信用），为融资风险评估提供支撑，并根据企业经营情况等数据的变化预警潜在风险"
 *   — the profile, its score and the warnings.
 * - 三（四）2: "将评测结果向银行免费提供作为授信评估参考依据" — the digital-level assessment counts in the score and
 *   is shown to banks free of charge.
 * - 三（一）1: the library, the pilot lists and the screening of good enterprises — library projects and 资源池
 *   membership count in the score.
 *
 * 002 sets no score, no weights and no warning levels: every number here is the platform's reading of those clauses,
 * named `CREDIT_SCORE_READING` / `CREDIT_WARNING_READING` and shown with each line of the breakdown. The bureau tunes
 * a rule by adding a dated version to its series (a new `param(from, to, …)` row); the version in force on the day
 * of the reading applies.
 */
import type { IsoDate } from '../calendar/dates';
import { type Citation, cite } from '../policies/core/citation';
import { type ParamRead, type ParamSeries, param, paramAt } from '../policies/core/param';

const FROM = '2025-01-01';
const TO = '2027-12-31';

const PROFILE = ['三、', '（三）', '2.'] as const;
const DIGITAL = ['三、', '（四）', '2.'] as const;
const LIBRARY = ['三、', '（一）', '1.'] as const;

/** Points a rule adds (positive) or takes away (negative) per fact, and the most it moves the score in total. */
export interface ScoreRule {
  readonly points: number;
  readonly cap: number;
}

export const SCORE_RULE_KEYS = [
  'base',
  'credit_good',
  'credit_abnormal',
  'credit_dishonest',
  'years_in_business',
  'resource_pool',
  'library_project',
  'spot_check_failed',
  'repayment_on_time',
  'repayment_late',
  'loan_extended',
  'grant_received',
  'grant_clawed_back',
  'digital_level',
  'order_approved',
] as const;
export type ScoreRuleKey = (typeof SCORE_RULE_KEYS)[number];

const rule = (points: number, cap: number, c: Citation) => [param(FROM, TO, { points, cap }, c)];
const profile = (quote: string) => cite('002', PROFILE, quote, '平台解读');

export const CREDIT_SCORE_PARAMS: { readonly [K in ScoreRuleKey]: ParamSeries<ScoreRule> } = {
  base: rule(60, 60, profile('建立企业信用画像')),
  credit_good: rule(10, 10, profile('信用')),
  credit_abnormal: rule(-20, 20, profile('信用')),
  credit_dishonest: rule(-40, 40, profile('信用')),
  years_in_business: rule(1, 10, profile('规模')),
  resource_pool: rule(5, 5, cite('002', LIBRARY, '筛选优质企业纳入融资服务白名单', '平台解读')),
  library_project: rule(5, 10, cite('002', LIBRARY, '支持中小企业数字化转型项目库', '平台解读')),
  spot_check_failed: rule(-10, 20, profile('预警潜在风险')),
  repayment_on_time: rule(1, 10, profile('结合金融机构的信贷记录')),
  repayment_late: rule(-5, 20, profile('结合金融机构的信贷记录')),
  loan_extended: rule(-3, 9, profile('结合金融机构的信贷记录')),
  grant_received: rule(3, 6, profile('企业经营情况')),
  grant_clawed_back: rule(-15, 30, profile('预警潜在风险')),
  digital_level: rule(5, 20, cite('002', DIGITAL, '将评测结果向银行免费提供作为授信评估参考依据', '平台解读')),
  order_approved: rule(2, 6, profile('结合金融机构的信贷记录')),
};

export function scoreRule(key: ScoreRuleKey, date: IsoDate): ParamRead<ScoreRule> {
  return paramAt(key, CREDIT_SCORE_PARAMS[key], date);
}

/** The named reading behind the score: 002 asks for a profile and a risk assessment but sets no score. */
export const CREDIT_SCORE_READING =
  '《珠海市中小企业数字化转型融资服务工作方案》三（三）2 要求建立企业信用画像（行业、规模、信用）并为融资风险评估提供支撑，三（四）2 要求将数字化水平评测结果向银行免费提供作为授信评估参考；方案未规定评分方法。本评分为平台解读：基础分60分，按下列规则逐项加减，每条规则有上限，总分限定在0～100分；仅供参考，不替代银行的授信审查。';

/** The named reading behind the warning levels and causes (002 says only "预警潜在风险"). */
export const CREDIT_WARNING_READING =
  '《珠海市中小企业数字化转型融资服务工作方案》三（三）2 要求根据企业经营情况等数据的变化预警潜在风险，未规定预警事项和等级；预警事项、等级（高/中/低）和关闭条件为平台解读。';

export interface CreditWarningParams {
  /** Rejected declarations that raise the warning. */
  rejectionsForWarning: number;
  /** Days after the effective maturity before unpaid principal counts as a missing repayment. */
  missingRepaymentGraceDays: number;
}

export const CREDIT_WARNING_PARAMS: { readonly [K in keyof CreditWarningParams]: ParamSeries<number> } = {
  rejectionsForWarning: [param(FROM, TO, 2, profile('预警潜在风险'))],
  missingRepaymentGraceDays: [param(FROM, TO, 0, profile('结合金融机构的信贷记录'))],
};

export function creditWarningParam(key: keyof CreditWarningParams, date: IsoDate): ParamRead<number> {
  return paramAt(key, CREDIT_WARNING_PARAMS[key], date);
}
