/**
 * 政银保 digital-transformation interest subsidy: every number of the rules as a dated, cited parameter.
 * Sources: 江工信工业互联网〔2023〕33号 (doc 000, the rules) and its 申报指南 (doc 001, the guide).
 */
import type { IsoDate } from '../../calendar/dates';
import { type Fen, type Ratio, ratioOf } from '../../money/index';
import { cite } from '../core/citation';
import { type Param, type ParamRead, type ParamSeries, param, paramAt, type Validity } from '../core/param';

const FROM = '2024-01-25';
const TO = '2026-12-31';

export interface ZybParamValues {
  validity: Validity;
  firstYearRatio: Ratio;
  annualDecrement: Ratio;
  coefficientCap: Ratio;
  enterpriseCap: Fen;
  projectStartEarliest: IsoDate;
  loanEarliest: IsoDate;
  loan2023Year: number;
  loan2023DeclarationDeadline: IsoDate;
  gapRuleLoanYearFrom: number;
  maxGapMonths: number;
  windowOpenDay: number;
  windowCloseDay: number;
  windowPostponeWorkingDay: number;
  verificationWorkingDays: number;
}

export type ZybParamKey = keyof ZybParamValues;
export type ZybParams = { readonly [K in ZybParamKey]: ParamSeries<ZybParamValues[K]> };
/** What-if values for a simulation; the policy in force is left untouched. */
export type ZybOverrides = { readonly [K in ZybParamKey]?: ZybParamValues[K] };

export const ZYB_PARAMS: ZybParams = {
  validity: [
    param(
      FROM,
      TO,
      { from: FROM, to: TO },
      cite('000', ['第十五条'], '本实施细则自2024年1月25日起实施，有效期至2026年12月31日'),
    ),
  ],
  firstYearRatio: [
    param(
      FROM,
      TO,
      ratioOf(90n, 100n),
      cite('000', ['第五条'], '企业第一年获得的补助比例为“政银保”融资项目实际发生贷款利息的90%'),
    ),
  ],
  // "该比例每年递减10%": read as 10 percentage points a year (90%, 80%, 70% …), never below zero.
  annualDecrement: [param(FROM, TO, ratioOf(10n, 100n), cite('000', ['第五条'], '该比例每年递减10%'))],
  coefficientCap: [param(FROM, TO, ratioOf(1n, 1n), cite('001', ['六、', '（二）'], 'C的上限为1'))],
  enterpriseCap: [
    param(FROM, TO, 100_000_000n, cite('000', ['第五条'], '单个企业在本细则有效期内累计获得的补助资金不超过100万元')),
  ],
  projectStartEarliest: [
    param(FROM, TO, '2023-01-01', cite('001', ['三、', '（二）'], '项目启动日期不早于2023年1月1日')),
  ],
  loanEarliest: [
    param(FROM, TO, '2023-01-01', cite('001', ['三、', '（二）'], '“政银保”贷款放款时间不早于2023年1月1日')),
  ],
  loan2023Year: [param(FROM, TO, 2023, cite('001', ['三、', '（三）'], '对2023年办理的“政银保”贷款'))],
  loan2023DeclarationDeadline: [
    param(FROM, TO, '2024-06-30', cite('001', ['三、', '（三）'], '企业应于2024年6月30日前完成数字化转型项目入库申报')),
  ],
  gapRuleLoanYearFrom: [
    param(FROM, TO, 2024, cite('001', ['三、', '（三）'], '对2024年及之后办理“政银保”贷款的放款日期')),
  ],
  maxGapMonths: [
    param(FROM, TO, 6, cite('001', ['三、', '（三）'], '与数字化转型项目的入库申报日期的时间差距不能超过6个自然月')),
  ],
  windowOpenDay: [param(FROM, TO, 10, cite('000', ['第七条', '（一）'], '每月10-15日'))],
  windowCloseDay: [param(FROM, TO, 15, cite('000', ['第七条', '（一）'], '每月10-15日'))],
  windowPostponeWorkingDay: [param(FROM, TO, 3, cite('001', ['三、', '（四）'], '则顺延至节后第三个工作日开始'))],
  verificationWorkingDays: [
    param(FROM, TO, 5, cite('000', ['第七条', '（二）'], '于申报结束之日起5个工作日内完成申报项目核实')),
  ],
};

export const ZYB_PARAM_LABELS: Readonly<Record<ZybParamKey, string>> = {
  validity: '政策有效期',
  firstYearRatio: '第一年补助比例',
  annualDecrement: '补助比例每年递减（百分点）',
  coefficientCap: '数字化投入系数上限',
  enterpriseCap: '单个企业有效期内累计补助上限',
  projectStartEarliest: '项目启动日期不早于',
  loanEarliest: '贷款放款日期不早于',
  loan2023Year: '适用入库截止日的贷款年度',
  loan2023DeclarationDeadline: '2023年贷款的入库申报截止日',
  gapRuleLoanYearFrom: '适用6个自然月间隔规则的贷款起始年度',
  maxGapMonths: '放款与入库申报最长间隔（自然月）',
  windowOpenDay: '每月入库申报开始日',
  windowCloseDay: '每月入库申报结束日',
  windowPostponeWorkingDay: '节假日完全覆盖时顺延至节后第几个工作日',
  verificationWorkingDays: '县（市、区）核实时限（工作日）',
};

/** Reads one parameter at a date, applying a simulation override when one is given. */
export function zybParam<K extends ZybParamKey>(
  key: K,
  date: IsoDate | undefined,
  overrides: ZybOverrides | undefined,
  params: ZybParams = ZYB_PARAMS,
): ParamRead<ZybParamValues[K]> {
  return paramAt(
    key,
    params[key] as ParamSeries<ZybParamValues[K]>,
    date,
    overrides?.[key] as ZybParamValues[K] | undefined,
  );
}

export type ZybParamReads = { readonly [K in ZybParamKey]: ParamRead<ZybParamValues[K]> };

const resolvedCache = new Map<string, ZybParamReads>();
const KEYS = Object.keys(ZYB_PARAMS) as ZybParamKey[];

/**
 * Every parameter read at one date. Without simulation and with the committed parameters the result is
 * memoised per date (a bounded cache), so a decision does not walk the series again and again.
 */
export function zybParamsAt(
  date: IsoDate | undefined,
  overrides: ZybOverrides | undefined,
  params: ZybParams = ZYB_PARAMS,
): ZybParamReads {
  const shared = overrides === undefined && params === ZYB_PARAMS;
  const key = date ?? '';
  if (shared) {
    const hit = resolvedCache.get(key);
    if (hit) return hit;
  }
  const out = {} as Record<ZybParamKey, ParamRead<unknown>>;
  for (const k of KEYS) out[k] = zybParam(k, date, overrides, params);
  const reads = out as unknown as ZybParamReads;
  if (shared) {
    if (resolvedCache.size > 10_000) resolvedCache.clear();
    resolvedCache.set(key, reads);
  }
  return reads;
}
