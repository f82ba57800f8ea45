/**
 * The guarantee-fee subsidy of one claim (担保费补贴, 方案 三（五）1.): the fee actually paid in the period, counted
 * up to the fee-rate ceiling on the guaranteed amount for the period, times the subsidy ratio; then the enterprise's
 * yearly cap; then 就高不重复 against any other subsidy of the same fee. Exact rationals, rounded once, half up.
 *
 * Interpretation (named): the ceiling limits the fee counted, not the subsidy — counted fee =
 * min(fee paid, guaranteed amount × annual ceiling × period days ÷ 365), subsidy = counted fee × ratio.
 */
import { daysBetween, type IsoDate } from '../calendar/dates';
import {
  compareRatio,
  type Fen,
  fenTimes,
  fenToYuan,
  formatPercent,
  minFen,
  ratio,
  ratioOf,
  roundFen,
} from '../money/index';
import { citationLabel } from '../policies/core/citation';
import { FEE_NON_STACKING_CITATION, FEE_SUBSIDY_BASIS, guaranteeParam } from './params';

const FEE_CEILING_INTERPRETATION = 'fee_ceiling_limits_counted_fee';

export interface OtherFeeSubsidy {
  readonly name: string;
  readonly amount: Fen;
}

export interface FeeSubsidyInput {
  readonly feePaid: Fen;
  readonly guaranteedAmount: Fen;
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate;
  /** Fee subsidy the enterprise already has this year (committed awards). */
  readonly usedThisYear: Fen;
  readonly otherSubsidies: readonly OtherFeeSubsidy[];
}

export interface FeeSubsidyResult {
  /** The subsidy before the yearly cap. */
  readonly computed: Fen;
  /** After the yearly cap and 就高不重复: what goes to allocation. */
  readonly amount: Fen;
  readonly ceilingFee: Fen;
  readonly countedFee: Fen;
  readonly capped: boolean;
  /** ours | the other subsidy's name (it is higher). */
  readonly winner: string;
  /** The named reading of the fee-rate ceiling used. */
  readonly interpretation: string;
  readonly explanation: string[];
}

const yuan = (f: Fen) => `${fenToYuan(f)}元`;

export function computeFeeSubsidy(input: FeeSubsidyInput): FeeSubsidyResult {
  const on = input.periodFrom;
  const pRatio = guaranteeParam('feeSubsidyRatio', on);
  const pCeil = guaranteeParam('feeRateCeiling', on);
  const pCap = guaranteeParam('feeSubsidyYearlyCap', on);
  const days = daysBetween(input.periodFrom, input.periodTo) + 1;
  const r = ratio(pRatio.value);
  const ceilRate = ratio(pCeil.value);
  // Exact: guaranteed × ceiling × days / 365, kept unrounded until the one rounding of the subsidy.
  const ceilingExact = fenTimes(input.guaranteedAmount, ceilRate, ratioOf(BigInt(days), 365n));
  const paidExact = { num: input.feePaid, den: 1n };
  const feeLimited = compareRatio(paidExact, ceilingExact) > 0;
  const counted = feeLimited ? ceilingExact : paidExact;
  const computed = roundFen(fenTimes(counted.num, { num: r.num, den: r.den * counted.den }));
  const ceilingFee = roundFen(ceilingExact);
  const cap = ratio(pCap.value);
  const capFen = roundFen(fenTimes(100n, cap));
  const room = capFen > input.usedThisYear ? capFen - input.usedThisYear : 0n;
  const afterCap = minFen(computed, room);
  const explanation = [
    `依据${citationLabel(FEE_SUBSIDY_BASIS)}，对担保获得合作银行贷款的企业给予一定比例担保费用补贴。`,
    `担保期间${input.periodFrom}至${input.periodTo}共${days}天，实际缴纳担保费${yuan(input.feePaid)}。`,
    `担保费率上限为年化${formatPercent(ceilRate)}（${citationLabel(pCeil.citation)}），按担保金额${yuan(
      input.guaranteedAmount,
    )}计本期可计费用上限${yuan(ceilingFee)}；${
      feeLimited ? '实缴担保费超过上限，按上限计算' : '实缴担保费未超过上限，按实缴计算'
    }（计算中不取整）。`,
    `补贴比例${formatPercent(r)}（${citationLabel(pRatio.citation)}），补贴金额 = 计费担保费 × ${formatPercent(
      r,
    )} = ${yuan(computed)}（一次四舍五入到分）。`,
  ];
  const capped = afterCap < computed;
  explanation.push(
    capped
      ? `单个企业年度补贴上限${yuan(capFen)}（${citationLabel(pCap.citation)}），本年度已获${yuan(
          input.usedThisYear,
        )}，尚余${yuan(room)}，核减为${yuan(afterCap)}。`
      : `单个企业年度补贴上限${yuan(capFen)}（${citationLabel(pCap.citation)}），本年度已获${yuan(
          input.usedThisYear,
        )}，未超过上限。`,
  );
  let best: OtherFeeSubsidy | null = null;
  for (const o of input.otherSubsidies) if (o.amount >= afterCap && (!best || o.amount > best.amount)) best = o;
  if (best) {
    explanation.push(
      `同一笔担保费已获“${best.name}”${yuan(best.amount)}，不低于本项补贴，按就高不重复原则本项不予补贴（${citationLabel(
        FEE_NON_STACKING_CITATION,
      )}）。`,
    );
    return {
      computed,
      amount: 0n,
      ceilingFee,
      countedFee: roundFen(counted),
      capped,
      winner: best.name,
      interpretation: FEE_CEILING_INTERPRETATION,
      explanation,
    };
  }
  if (input.otherSubsidies.length > 0) {
    explanation.push(
      `同一笔担保费的其他补贴均低于本项，按就高不重复原则享受本项补贴，其他补贴不再重复享受（${citationLabel(
        FEE_NON_STACKING_CITATION,
      )}）。`,
    );
  }
  explanation.push(`申请安排金额${yuan(afterCap)}，按先到先得、用完即止原则在年度预算内安排。`);
  return {
    computed,
    amount: afterCap,
    ceilingFee,
    countedFee: roundFen(counted),
    capped,
    winner: 'ours',
    interpretation: FEE_CEILING_INTERPRETATION,
    explanation,
  };
}
