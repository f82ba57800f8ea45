/**
 * The financing zone's numbers as dated, cited parameters (珠海市中小企业数字化转型融资服务工作方案, doc 002, in force
 * to 2027-12-31; the platform offers the same services to the city that runs it, and cites 002 until that city
 * issues its own rules).
 *
 * - 三（二）1: "设备贷款期限最长5年，流动资金贷款期限最长3年" — the term caps of products.
 * - 三（四）1: "开设绿色通道，优化授信审批流程，提升授信审批效率" — the answer times. 002 sets no number of days; the
 *   defaults (2 working days to first contact, 10 to the credit decision; 1 and 5 on the green channel) are the
 *   platform's reading of that clause and are named as such (`PLATFORM_DEADLINE_READING`).
 */
import type { IsoDate } from '../calendar/dates';
import { cite } from '../policies/core/citation';
import { type ParamRead, type ParamSeries, param, paramAt } from '../policies/core/param';

/** 002 is in force from its issue (date not printed) to 2027-12-31 (五、附则); its targets run 2025～2027 (二、1). */
const FROM = '2025-01-01';
const TO = '2027-12-31';

export interface FinancingParamValues {
  equipmentMaxTermMonths: number;
  workingCapitalMaxTermMonths: number;
  firstContactWorkingDays: number;
  decisionWorkingDays: number;
  greenFirstContactWorkingDays: number;
  greenDecisionWorkingDays: number;
}

export type FinancingParamKey = keyof FinancingParamValues;

const TERM_CLAUSE = ['三、', '（二）', '1.'] as const;
const GREEN_CLAUSE = ['三、', '（四）', '1.'] as const;

export const FINANCING_PARAMS: { readonly [K in FinancingParamKey]: ParamSeries<FinancingParamValues[K]> } = {
  equipmentMaxTermMonths: [param(FROM, TO, 60, cite('002', TERM_CLAUSE, '设备贷款期限最长5年'))],
  workingCapitalMaxTermMonths: [param(FROM, TO, 36, cite('002', TERM_CLAUSE, '流动资金贷款期限最长3年'))],
  firstContactWorkingDays: [param(FROM, TO, 2, cite('002', GREEN_CLAUSE, '提升授信审批效率', '平台默认值'))],
  decisionWorkingDays: [param(FROM, TO, 10, cite('002', GREEN_CLAUSE, '优化授信审批流程', '平台默认值'))],
  greenFirstContactWorkingDays: [param(FROM, TO, 1, cite('002', GREEN_CLAUSE, '开设绿色通道', '平台默认值'))],
  greenDecisionWorkingDays: [param(FROM, TO, 5, cite('002', GREEN_CLAUSE, '开设绿色通道', '平台默认值'))],
};

/** The named reading behind the answer-time defaults (002 sets no number of days). */
export const PLATFORM_DEADLINE_READING =
  '《珠海市中小企业数字化转型融资服务工作方案》三（四）1 要求提升授信审批效率、开设绿色通道，但未规定天数；平台默认首次联系2个工作日、授信决定10个工作日，绿色通道分别为1个和5个工作日，市级可另行规定。';

export function financingParam<K extends FinancingParamKey>(key: K, date: IsoDate): ParamRead<FinancingParamValues[K]> {
  return paramAt(key, FINANCING_PARAMS[key] as ParamSeries<FinancingParamValues[K]>, date);
}
