/**
 * Guarantee-fee subsidies (担保费补贴) and risk compensation (风险补偿) under 珠海市中小企业数字化转型融资服务工作方案
 * 三（五）. The plan leaves every ratio and cap to the budget ("结合财政预算情况"), so each is a dated parameter the
 * bureau sets by notice, and the notice's number is the citation. The platform ships one clearly marked demo notice
 * (演示通知, not a real document); a real notice adds a version with its own number and dates.
 */
import type { IsoDate } from '../calendar/dates';
import { type Citation, cite } from '../policies/core/citation';
import { type Param, type ParamSeries, param, paramAt } from '../policies/core/param';

/** The plan's clauses these schemes rest on. */
export const FEE_SUBSIDY_BASIS = cite(
  '002',
  ['三、', '（五）', '1.'],
  '给予担保获得合作银行贷款的企业一定比例担保费用补贴',
);
export const RISK_COMPENSATION_BASIS = cite('002', ['三、', '（五）', '2.'], '给予合作金融机构一定比例风险补偿');
export const AWARD_ENHANCEMENT_BASIS = cite('002', ['三、', '（五）', '3.'], '以不超过实际损失金额为限给予银行补偿');

/** The demo notice's number: marked as demo data so nobody mistakes it for a real document. */
export const DEMO_NOTICE_NUMBER = '【演示】惠企演示通知〔2026〕1号（演示数据，非正式文件）';

function byNotice(docNumber: string, note: string): Citation {
  return { doc: '002', ref: [], note, docNumber };
}

const DEMO_FROM: IsoDate = '2025-01-01';
/** The plan runs until 2027-12-31; the demo notice with it. */
const DEMO_TO: IsoDate = '2027-12-31';

function demo<T>(value: T, note: string): ParamSeries<T> {
  return [param(DEMO_FROM, DEMO_TO, value, byNotice(DEMO_NOTICE_NUMBER, note))];
}

/** Ratios are decimal strings (exact), amounts are yuan strings, days are integers. */
export interface GuaranteeParamValues {
  /** Share of the guarantee fee actually paid that is subsidised. */
  feeSubsidyRatio: string;
  /** Annual fee-rate ceiling on the guaranteed amount: fees above it are not subsidised. */
  feeRateCeiling: string;
  /** Per enterprise and year, yuan. */
  feeSubsidyYearlyCap: string;
  /** Institution shares of the loss (the pool bears this share). */
  bankShare: string;
  guarantorShare: string;
  insurerShare: string;
  /** Per loan (all claims together), yuan. */
  compensationCapPerLoan: string;
  /** Per institution and year, yuan. */
  compensationCapPerInstitutionYear: string;
  /** Approvals above this amount need a second city approver, yuan. */
  secondApprovalAbove: string;
  /** Calendar days after a recovery within which it must be reported. */
  recoveryReportDays: number;
}

export const GUARANTEE_PARAMS: { readonly [K in keyof GuaranteeParamValues]: ParamSeries<GuaranteeParamValues[K]> } = {
  feeSubsidyRatio: demo('0.50', '第一条 担保费补贴比例'),
  feeRateCeiling: demo('0.015', '第二条 担保费率上限（年化）'),
  feeSubsidyYearlyCap: demo('200000.00', '第三条 单个企业年度担保费补贴上限'),
  bankShare: demo('0.40', '第四条 合作银行风险分担比例'),
  guarantorShare: demo('0.30', '第四条 融资担保机构风险分担比例'),
  insurerShare: demo('0.30', '第四条 保险机构风险分担比例'),
  compensationCapPerLoan: demo('3000000.00', '第五条 单笔贷款风险补偿上限'),
  compensationCapPerInstitutionYear: demo('10000000.00', '第五条 单个机构年度风险补偿上限'),
  secondApprovalAbove: demo('500000.00', '第六条 超过该金额须第二人复核'),
  recoveryReportDays: demo(30, '第七条 追偿款报告时限（日历日）'),
};

export type GuaranteeParamKey = keyof GuaranteeParamValues;

/** The value in force on `date`, with its citation. */
export function guaranteeParam<K extends GuaranteeParamKey>(
  key: K,
  date: IsoDate,
): Param<GuaranteeParamValues[K]> & { key: K } {
  const read = paramAt(key, GUARANTEE_PARAMS[key] as ParamSeries<GuaranteeParamValues[K]>, date);
  return { ...read, key };
}

/** The 就高不重复 rule for the fee subsidy is the notice's too (the plan says nothing on stacking). */
export const FEE_NON_STACKING_CITATION = byNotice(DEMO_NOTICE_NUMBER, '第三条 同一笔担保费就高不重复');
