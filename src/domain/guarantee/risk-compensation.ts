/**
 * Risk compensation for a non-performing loan (风险补偿, 方案 三（五）2.; with an award as credit enhancement,
 * 三（五）3. “以不超过实际损失金额为限”). Pure and exact:
 *
 *   net loss      = loss claimed − recovered before the claim − award received for the loan (三（五）3.)
 *   compensation  = min(net loss × share, per-loan cap left, institution's yearly cap left, pool balance), one
 *                   rounding half up; the shares of every claim on the loan together never pass 100%, so the
 *                   pool never pays more than the actual loss;
 *   returned      = (sum of recoveries after payment) × compensation ÷ net loss, never more than the compensation
 *                   (the pool takes back the part it bore: 按比例返还), one rounding half up on the running sum.
 */
import { compareRatio, type Fen, fenToYuan, formatPercent, minFen, type Ratio, roundFen } from '../money/index';
import { type Citation, citationLabel } from '../policies/core/citation';
import { AWARD_ENHANCEMENT_BASIS, RISK_COMPENSATION_BASIS } from './params';

const yuan = (f: Fen) => `${fenToYuan(f)}元`;
const ONE: Ratio = { num: 1n, den: 1n };

/** A limit on the compensation, with what sets it; null = no such limit applies. */
export interface CompensationLimit {
  readonly amount: Fen;
  readonly label: string;
  readonly citation: Citation | null;
}

export interface CompensationInput {
  readonly loss: Fen;
  readonly recoveredBeforeClaim: Fen;
  /** An expected award securing the loan, as far as it was paid (三（五）3.): compensation is on the loss after it. */
  readonly awardOffset?: Fen;
  readonly share: Ratio;
  readonly shareCitation?: Citation | null;
  /** Shares of the other claims on the same loan that the pool bears or will bear. */
  readonly otherSharesOnLoan?: readonly Ratio[];
  /** Compensation already approved for the same loan (the actual loss bounds them all together). */
  readonly otherCompensationOnLoan?: Fen;
  readonly limits?: readonly CompensationLimit[];
}

export type CompensationResult =
  | {
      readonly ok: true;
      readonly netLoss: Fen;
      readonly beforeLimits: Fen;
      readonly compensation: Fen;
      /** The label of the limit that cut the amount, or null. */
      readonly limitedBy: string | null;
      readonly explanation: string[];
    }
  | {
      readonly ok: false;
      readonly code: 'NO_LOSS' | 'SHARES_ABOVE_WHOLE';
      readonly field: string;
      readonly zh: string;
    };

function shareSum(shares: readonly Ratio[]): Ratio {
  return shares.reduce<Ratio>((acc, s) => ({ num: acc.num * s.den + s.num * acc.den, den: acc.den * s.den }), {
    num: 0n,
    den: 1n,
  });
}

export function computeCompensation(input: CompensationInput): CompensationResult {
  const award = input.awardOffset ?? 0n;
  const netLoss = input.loss - input.recoveredBeforeClaim - award;
  if (netLoss <= 0n) {
    return {
      ok: false,
      code: 'NO_LOSS',
      field: 'recoveredBeforeClaim',
      zh: `扣除已回收${yuan(input.recoveredBeforeClaim)}${award > 0n ? `和奖补资金${yuan(award)}` : ''}后没有实际损失，不予补偿`,
    };
  }
  const others = input.otherSharesOnLoan ?? [];
  const total = shareSum([...others, input.share]);
  if (compareRatio(input.share, { num: 0n, den: 1n }) < 0 || compareRatio(total, ONE) > 0) {
    return {
      ok: false,
      code: 'SHARES_ABOVE_WHOLE',
      field: 'share',
      zh: `该笔贷款各机构的补偿比例合计${formatPercent(total)}，超过实际损失的100%，不予补偿`,
    };
  }
  const exact = { num: netLoss * input.share.num, den: input.share.den };
  const beforeLimits = roundFen(exact);
  const explanation = [
    `依据${citationLabel(RISK_COMPENSATION_BASIS)}，对合作金融机构发生不良贷款的项目给予一定比例风险补偿。`,
    `申报损失${yuan(input.loss)}，扣除立案前已回收（含抵质押物处置）${yuan(input.recoveredBeforeClaim)}${
      award > 0n ? `、作为增信的事后奖补已到位${yuan(award)}（${citationLabel(AWARD_ENHANCEMENT_BASIS)}）` : ''
    }，实际损失${yuan(netLoss)}。`,
    `补偿比例${formatPercent(input.share)}${
      input.shareCitation ? `（${citationLabel(input.shareCitation)}）` : ''
    }，按比例计算${yuan(beforeLimits)}（一次四舍五入到分）；该笔贷款各机构比例合计${formatPercent(
      total,
    )}，不超过100%。`,
  ];
  let compensation = beforeLimits;
  let limitedBy: string | null = null;
  // The actual loss bounds every claim on the loan together (以不超过实际损失金额为限).
  const lossRoom = netLoss - (input.otherCompensationOnLoan ?? 0n);
  const limits: CompensationLimit[] = [
    {
      amount: lossRoom > 0n ? lossRoom : 0n,
      label: '实际损失扣除该笔贷款已核定补偿后的余额',
      citation: AWARD_ENHANCEMENT_BASIS,
    },
    ...(input.limits ?? []),
  ];
  for (const l of limits) {
    const room = l.amount > 0n ? l.amount : 0n;
    if (room < compensation) {
      compensation = minFen(compensation, room);
      limitedBy = l.label;
      explanation.push(
        `受${l.label}${yuan(room)}限制${l.citation ? `（${citationLabel(l.citation)}）` : ''}，补偿核定为${yuan(room)}。`,
      );
    }
  }
  explanation.push(`核定风险补偿${yuan(compensation)}，不超过实际损失。`);
  return { ok: true, netLoss, beforeLimits, compensation, limitedBy, explanation };
}

/**
 * What the pool takes back of the recoveries after payment: the running total of recoveries × compensation ÷ net
 * loss, rounded once, never more than the compensation. A new recovery returns the difference between the running
 * totals, so many small recoveries round like one.
 */
export function poolReturnOf(compensation: Fen, netLoss: Fen, recoveriesAfter: Fen): Fen {
  if (netLoss <= 0n || compensation <= 0n) return 0n;
  const due = roundFen({ num: recoveriesAfter * compensation, den: netLoss });
  return minFen(due, compensation);
}

export function explainReturn(compensation: Fen, netLoss: Fen, recoveriesAfter: Fen, returned: Fen): string {
  return `补偿后累计追回${yuan(recoveriesAfter)}，按资金池承担的比例（补偿${yuan(compensation)} ÷ 实际损失${yuan(
    netLoss,
  )}）返还资金池${yuan(returned)}（一次四舍五入到分，不超过已付补偿）；机构净获补偿${yuan(compensation - returned)}。`;
}
