/**
 * 政银保 subsidy amount: S = I × R × C (申报指南 六（二）, 第五条).
 *  - R = 90% in the first year, 10 percentage points less each following year, never below zero;
 *  - C = min(1, IN / LV): digital-transformation investment over the loan amount;
 *  - exact rational arithmetic, one rounding half up to the fen;
 *  - then the cap: the enterprise's total under this policy within its validity never exceeds ¥1,000,000.
 */
import type { IsoDate } from '../../calendar/dates';
import {
  compareRatio,
  type Fen,
  formatPercent,
  formatRatio,
  maxFen,
  minFen,
  mulRatio,
  type Ratio,
  ratioOf,
  roundFen,
  subRatio,
  ZERO,
} from '../../money/index';
import { cite } from '../core/citation';
import type { ParamRead } from '../core/param';
import { type StepArgs, type Trace, type TraceParam, type TraceStep, yuanZh } from '../core/trace';
import {
  ZYB_PARAM_LABELS,
  ZYB_PARAMS,
  type ZybOverrides,
  type ZybParamReads,
  type ZybParams,
  zybParamsAt,
} from './params';

export interface ZybSubsidyFacts {
  /** I: interest actually incurred on the 政银保 loan for the year claimed. */
  readonly interestPaid: Fen;
  /** Which subsidy year this is for the enterprise: 1 = first year. */
  readonly yearIndex: number;
  /** IN: actual digital-transformation investment (at declaration + added until the subsidy application). */
  readonly digitalInvestment: Fen;
  /** LV: the 政银保 loan amount. */
  readonly loanAmount: Fen;
  /** Subsidy the enterprise has already received under this policy within its validity. */
  readonly receivedSoFar: Fen;
}

export interface ZybSubsidyOptions {
  /** Date whose parameters apply (the subsidy decision date); without it, the latest version. */
  readonly asOf?: IsoDate;
  readonly overrides?: ZybOverrides;
  readonly params?: ZybParams;
  /** Parameters already read at `asOf` (a caller that has them saves the lookup). */
  readonly reads?: ZybParamReads;
}

export interface ZybSubsidy {
  /** S after rounding and the cap. */
  readonly amount: Fen;
  /** S after rounding, before the cap. */
  readonly uncapped: Fen;
  /** S exactly, in fen, before rounding. */
  readonly exact: Ratio;
  readonly ratio: Ratio;
  readonly coefficient: Ratio;
  readonly capped: boolean;
  /** Room left under the cap before this award. */
  readonly capRemaining: Fen;
  readonly cap: Fen;
  readonly trace: Trace;
}

export const FORMULA_CITATION = cite('001', ['六、', '（二）'], '综合计算公式为：S=I×R×C');
export const PRINCIPAL_CITATION = cite(
  '000',
  ['第五条'],
  '企业可获得补助的贷款本金，按数字化转型项目实际投入金额核定，且不超过该“政银保”融资项目贷款金额',
);

const HUNDREDTH = ratioOf(1n, 100n);

/** Exact fen rational as yuan with up to 6 decimals, trailing zeros trimmed to two: "27000.00", "1234.5675". */
function exactYuan(exactFen: Ratio): string {
  const six = formatRatio(mulRatio(exactFen, HUNDREDTH), 6).replace(/(\.\d\d\d*?)0+$/, '$1');
  const [int, frac] = six.split('.');
  const grouped = `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
  return (exactFen.num * 10_000n) % exactFen.den === 0n ? grouped : `约${grouped}`;
}

const say = {
  ratio: (a: StepArgs) =>
    `第${String(a.year)}年补助比例 R = ${formatPercent(a.first as Ratio)} − ${formatPercent(a.decrement as Ratio)} × ${
      Number(a.year) - 1
    } = ${formatPercent(a.ratio as Ratio)}${a.floored ? '（递减后低于0，按0计）' : ''}。`,
  coefficient: (a: StepArgs) =>
    `数字化投入系数 C = min(${formatRatio(a.cap as Ratio, 0)}, IN ÷ LV) = min(${formatRatio(a.cap as Ratio, 0)}, ${yuanZh(
      a.investment as Fen,
    )} ÷ ${yuanZh(a.loan as Fen)}) = ${formatPercent(a.coefficient as Ratio)}${
      a.capped ? '（投入不低于贷款金额，取上限）' : ''
    }；可获补助的贷款本金按实际投入核定且不超过贷款金额。`,
  product: (a: StepArgs) =>
    `S = I × R × C = ${yuanZh(a.interest as Fen)} × ${formatPercent(a.ratio as Ratio)} × ${formatPercent(
      a.coefficient as Ratio,
    )} = ${exactYuan(a.exact as Ratio)}元（未舍入）。`,
  round: (a: StepArgs) =>
    `按四舍五入保留到分，全程只舍入这一次：${exactYuan(a.exact as Ratio)}元 → ${yuanZh(a.rounded as Fen)}。`,
  cap: (a: StepArgs) =>
    a.capped
      ? `单个企业在有效期内累计补助不超过${yuanZh(a.cap as Fen)}：已获${yuanZh(a.received as Fen)}，尚可获得${yuanZh(
          a.remaining as Fen,
        )}，本次${yuanZh(a.before as Fen)}超出，核减为${yuanZh(a.after as Fen)}。`
      : `单个企业在有效期内累计补助不超过${yuanZh(a.cap as Fen)}：已获${yuanZh(a.received as Fen)}，尚可获得${yuanZh(
          a.remaining as Fen,
        )}，本次${yuanZh(a.after as Fen)}未触及上限。`,
};

const traceParams = new WeakMap<ParamRead<unknown>, TraceParam>();

function traceParam(label: string, read: ParamRead<unknown>): TraceParam {
  let t = traceParams.get(read);
  if (!t) {
    t = { label, read };
    traceParams.set(read, t);
  }
  return t;
}

const ratioCache = new WeakMap<Ratio, WeakMap<Ratio, Map<number, { ratio: Ratio; floored: boolean }>>>();

/** R for a subsidy year: first − decrement × (year − 1), floored at zero (memoised per parameter pair). */
function ratioForYear(first: Ratio, decrement: Ratio, year: number): { ratio: Ratio; floored: boolean } {
  let byDec = ratioCache.get(first);
  if (!byDec) {
    byDec = new WeakMap();
    ratioCache.set(first, byDec);
  }
  let byYear = byDec.get(decrement);
  if (!byYear) {
    byYear = new Map();
    byDec.set(decrement, byYear);
  }
  let r = byYear.get(year);
  if (!r) {
    const stepped = subRatio(first, mulRatio(decrement, ratioOf(BigInt(year - 1), 1n)));
    const floored = compareRatio(stepped, ZERO) < 0;
    r = { ratio: floored ? ZERO : stepped, floored };
    byYear.set(year, r);
  }
  return r;
}

/** Computes S = I × R × C with the cap, exactly, and its trace. */
export function computeZybSubsidy(f: ZybSubsidyFacts, options: ZybSubsidyOptions = {}): ZybSubsidy {
  if (!Number.isInteger(f.yearIndex) || f.yearIndex < 1) throw new RangeError(`yearIndex must be ≥ 1: ${f.yearIndex}`);
  if (f.loanAmount <= 0n) throw new RangeError('loanAmount must be positive');
  if (f.interestPaid < 0n || f.digitalInvestment < 0n || f.receivedSoFar < 0n) throw new RangeError('negative amount');
  const { asOf, overrides: ov } = options;
  const P = options.params ?? ZYB_PARAMS;
  const R = options.reads ?? zybParamsAt(asOf, ov, P);
  const pFirst = R.firstYearRatio;
  const pDec = R.annualDecrement;
  const pCcap = R.coefficientCap;
  const pCap = R.enterpriseCap;

  // R: 90% − 10 points × (year − 1), never below zero.
  const { ratio, floored } = ratioForYear(pFirst.value, pDec.value, f.yearIndex);

  // C: min(cap, IN / LV) — kept as an exact fraction, not reduced (reducing costs a gcd and changes nothing).
  const raw: Ratio = { num: f.digitalInvestment, den: f.loanAmount };
  const cCapped = compareRatio(raw, pCcap.value) >= 0;
  const coefficient = cCapped ? pCcap.value : raw;

  // One exact product, one rounding (half up, to the fen).
  const exact: Ratio = {
    num: f.interestPaid * ratio.num * coefficient.num,
    den: ratio.den * coefficient.den,
  };
  const rounded = roundFen(exact);

  // The cap on the enterprise's total within the policy's validity.
  const cap = pCap.value;
  const remaining = maxFen(0n, cap - f.receivedSoFar);
  const amount = minFen(rounded, remaining);
  const capped = amount < rounded;

  const steps: TraceStep[] = [
    {
      code: 'ratio',
      args: { year: f.yearIndex, first: pFirst.value, decrement: pDec.value, ratio, floored },
      say: say.ratio,
      citation: pFirst.citation,
    },
    {
      code: 'coefficient',
      args: { investment: f.digitalInvestment, loan: f.loanAmount, cap: pCcap.value, coefficient, capped: cCapped },
      say: say.coefficient,
      citation: PRINCIPAL_CITATION,
    },
    {
      code: 'product',
      args: { interest: f.interestPaid, ratio, coefficient, exact },
      say: say.product,
      citation: FORMULA_CITATION,
    },
    { code: 'round', args: { exact, rounded }, say: say.round },
    {
      code: 'cap',
      args: { cap, received: f.receivedSoFar, remaining, before: rounded, after: amount, capped },
      say: say.cap,
      citation: pCap.citation,
    },
  ];
  const params: TraceParam[] = [
    traceParam(ZYB_PARAM_LABELS.firstYearRatio, pFirst),
    traceParam(ZYB_PARAM_LABELS.annualDecrement, pDec),
    traceParam(ZYB_PARAM_LABELS.coefficientCap, pCcap),
    traceParam(ZYB_PARAM_LABELS.enterpriseCap, pCap),
  ];
  const trace: Trace = {
    policy: 'zyb.interest',
    title: '“政银保”数字化转型贷款贴息',
    inputs: [
      { key: 'interestPaid', label: '贷款利息 I ', value: f.interestPaid },
      { key: 'yearIndex', label: '补助年度 第', value: `${f.yearIndex}年` },
      { key: 'digitalInvestment', label: '数字化转型项目实际投入 IN ', value: f.digitalInvestment },
      { key: 'loanAmount', label: '贷款金额 LV ', value: f.loanAmount },
      { key: 'receivedSoFar', label: '有效期内已获补助 ', value: f.receivedSoFar },
    ],
    params,
    steps,
    result: { label: '可获补助 S = ', value: amount },
  };
  return { amount, uncapped: rounded, exact, ratio, coefficient, capped, capRemaining: remaining, cap, trace };
}
