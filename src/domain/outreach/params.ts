/**
 * The outreach numbers as dated, cited parameters (珠海市中小企业数字化转型融资服务工作方案, doc 002, in force to
 * 2027-12-31; cited until the city that runs the platform issues its own).
 *
 * - 二、1: "力争2025～2027年……累计总授信额度不低于50亿元" — the cumulative credit target and its period.
 * - 二、3: "企业走访对接覆盖率超90%" — the visit-coverage goal (`COVERAGE_GOAL_READING`: "超" is read as "above").
 * - 三、（一）1: "定期推送至各金融机构" — 002 names no period; quarterly is the platform's reading
 *   (`PUSH_PERIOD_READING`), the same rhythm as the quarterly match-making of 三、（一）2.
 * - 三、（一）2: "每季度举办数字化转型融资对接会" — one match-making event a quarter.
 */
import type { IsoDate } from '../calendar/dates';
import { cite } from '../policies/core/citation';
import { type ParamRead, type ParamSeries, param, paramAt } from '../policies/core/param';

const FROM = '2025-01-01';
const TO = '2027-12-31';

export interface OutreachParamValues {
  /** The cumulative credit target in fen, and the dates it counts between. */
  creditTargetFen: bigint;
  creditTargetFrom: IsoDate;
  creditTargetTo: IsoDate;
  /** The visit-coverage goal in percent (coverage must be above it). */
  coverageGoalPercent: number;
  /** Months between two pushes of the white list. */
  pushPeriodMonths: number;
  /** Months between two match-making events. */
  eventPeriodMonths: number;
}
export type OutreachParamKey = keyof OutreachParamValues;

const TARGET = cite('002', ['二、', '1.'], '累计总授信额度不低于50亿元');
const COVERAGE = cite('002', ['二、', '3.'], '企业走访对接覆盖率超90%');
const PUSH = cite('002', ['三、', '（一）', '1.'], '定期推送至各金融机构', '平台默认每季度');
const EVENTS = cite('002', ['三、', '（一）', '2.'], '每季度举办数字化转型融资对接会');

export const OUTREACH_PARAMS: { readonly [K in OutreachParamKey]: ParamSeries<OutreachParamValues[K]> } = {
  creditTargetFen: [param(FROM, TO, 500_000_000_000n, TARGET)],
  creditTargetFrom: [param(FROM, TO, '2025-01-01', TARGET)],
  creditTargetTo: [param(FROM, TO, '2027-12-31', TARGET)],
  coverageGoalPercent: [param(FROM, TO, 90, COVERAGE)],
  pushPeriodMonths: [param(FROM, TO, 3, PUSH)],
  eventPeriodMonths: [param(FROM, TO, 3, EVENTS)],
};

export function outreachParam<K extends OutreachParamKey>(key: K, date: IsoDate): ParamRead<OutreachParamValues[K]> {
  return paramAt(key, OUTREACH_PARAMS[key] as ParamSeries<OutreachParamValues[K]>, date);
}

/** The named reading of "定期推送" (002 sets no period). */
export const PUSH_PERIOD_READING =
  '《珠海市中小企业数字化转型融资服务工作方案》三（一）1 要求白名单“定期推送至各金融机构”，未规定周期；平台默认每季度推送一次，与三（一）2“每季度举办数字化转型融资对接会”同一节奏。';

/** The named reading of "超90%": coverage meets the goal only when it is above 90%, not at 90% exactly. */
export const COVERAGE_GOAL_READING =
  '《珠海市中小企业数字化转型融资服务工作方案》二、3 的目标为走访对接覆盖率“超90%”；平台按字面理解为高于90%，恰为90%不算达标。';
