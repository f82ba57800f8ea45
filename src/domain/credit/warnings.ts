/**
 * Risk warnings (风险预警, 002 三（三）2 "根据企业经营情况等数据的变化预警潜在风险"): each cause has a level and a
 * Chinese reason; a cause is named by a key that is unique, so a warning is raised at most once per cause; each
 * warning closes when its cause is resolved. Pure.
 */
import { addDays, type IsoDate } from '../calendar/dates';
import { creditWarningParam } from './params';

export const WARNING_KINDS = [
  'credit_abnormal',
  'credit_dishonest',
  'repayment_late',
  'repayment_missing',
  'loan_extended',
  'spot_check_failed',
  'acceptance_failed',
  'grant_clawed_back',
  'digital_level_expired',
  'declaration_rejected_twice',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export const WARNING_LEVELS = ['high', 'medium', 'low'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_ZH: Record<WarningLevel, string> = { high: '高', medium: '中', low: '低' };

interface WarningRule {
  level: WarningLevel;
  title: string;
  /** What closes it. */
  closesWhen: string;
}

export const WARNING_RULES: Record<WarningKind, WarningRule> = {
  credit_dishonest: { level: 'high', title: '列入严重违法失信名单', closesWhen: '信用状况恢复为良好或改列其他名录' },
  credit_abnormal: { level: 'medium', title: '列入经营异常名录', closesWhen: '信用状况恢复为良好或改列其他名录' },
  repayment_missing: { level: 'high', title: '到期未还清本金', closesWhen: '本金还清、贷款展期或作废' },
  repayment_late: { level: 'medium', title: '逾期还款', closesWhen: '此后一期按期还款，或贷款作废' },
  loan_extended: { level: 'medium', title: '贷款展期', closesWhen: '本金还清或贷款作废' },
  spot_check_failed: { level: 'medium', title: '项目抽查不合格', closesWhen: '该项目此后的抽查结论为符合' },
  acceptance_failed: { level: 'high', title: '项目验收不通过', closesWhen: '不自动关闭（由预警接收方确认处理）' },
  grant_clawed_back: { level: 'high', title: '财政资金被追缴', closesWhen: '追缴款项全部收回' },
  digital_level_expired: { level: 'low', title: '数字化水平评测结果过期', closesWhen: '登记新的有效评测结果' },
  declaration_rejected_twice: { level: 'low', title: '项目申报两次被否', closesWhen: '此后有申报获批入库' },
};

/** The key that names one cause (unique: one warning per cause). */
export function causeKey(kind: WarningKind, ...parts: readonly string[]): string {
  return [kind, ...parts].join(':');
}

export interface WarningDraft {
  kind: WarningKind;
  level: WarningLevel;
  causeKey: string;
  /** The record the cause is about (the enterprise, loan, project, application, clawback or assessment). */
  subjectId: string;
  reason: string;
}

export function warningDraft(kind: WarningKind, subjectId: string, key: string, detail: string): WarningDraft {
  const r = WARNING_RULES[kind];
  return {
    kind,
    level: r.level,
    causeKey: key,
    subjectId,
    reason: `${r.title}（${WARNING_LEVEL_ZH[r.level]}风险）：${detail}关闭条件：${r.closesWhen}。`,
  };
}

/** A repayment paid after its due date is late. */
export function isLate(dueDate: IsoDate, paidDate: IsoDate): boolean {
  return paidDate > dueDate;
}

/**
 * Principal not repaid by the effective maturity is a missing repayment from the day after maturity plus the grace
 * days. The register holds no instalment schedule, so the maturity (after any extension) is the date the schedule
 * fixes — the platform's reading (`CREDIT_WARNING_READING`).
 */
export function isRepaymentMissing(
  effectiveMaturity: IsoDate,
  amountFen: bigint,
  principalPaidFen: bigint,
  today: IsoDate,
): boolean {
  const grace = creditWarningParam('missingRepaymentGraceDays', today).value;
  return principalPaidFen < amountFen && today > addDays(effectiveMaturity, grace);
}

/** A digital-level result is expired the day after its validity ends. */
export function isExpired(validTo: IsoDate, today: IsoDate): boolean {
  return today > validTo;
}
