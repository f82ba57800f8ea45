/**
 * 递补: budget freed during the public notice (an upheld objection revoked or reduced an award) is offered to the
 * verified applications the committed run left unfunded or partly funded, in the same first-come-first-served
 * order (申报指南 六（四）) and the campaign's mode, never above the budget. Pure helpers; the service loads the
 * candidates, decides each with the engine (cap and non-stacking as in the committed run) and funds the
 * top-ups with `allocateColumns` against the freed budget.
 */
import { type Fen, fenToYuan } from '../money/index';
import { citationLabel } from '../policies/core/citation';
import { ALLOCATION_ORDER_CITATION, AWARD_STATUS_ZH, type AwardStatus } from './allocate';

/** Original-run outcomes that may be topped up by a 递补 run. */
export const SUPPLEMENT_CANDIDATE_STATUSES = ['partial', 'unfunded', 'skipped', 'stopped'] as const;

/** Budget not covered by awards still standing (never negative). */
export function freedBudget(budget: Fen, standing: Fen): Fen {
  return budget > standing ? budget - standing : 0n;
}

/** What an application still lacks: its amount now (after the cap) less what it already has (never negative). */
export function topUpNeed(amountNow: Fen, alreadyAwarded: Fen): Fen {
  return amountNow > alreadyAwarded ? amountNow - alreadyAwarded : 0n;
}

/** The sentence stored once on a 递补 run: why it exists and the order it follows. */
export function explainSupplementaryRun(input: { budget: Fen; standing: Fen; freed: Fen; round: number }): string {
  return `递补分配（第${input.round}轮）：公示期间因异议成立撤销或核减补贴，本批次预算${fenToYuan(input.budget)}元中仍有效的安排合计${fenToYuan(
    input.standing,
  )}元，释放可递补预算${fenToYuan(input.freed)}元；按${citationLabel(
    ALLOCATION_ORDER_CITATION,
  )}的顺序（先比较入库申报月份，再比较贷款放款时间），由原分配未安排或未足额安排的申请依次递补，不超过预算。`;
}

/** Chinese sentences for one application's 递补 outcome (stored with the award). */
export function explainTopUp(input: {
  originalRank: number;
  originalStatus: string;
  alreadyAwarded: Fen;
  amountNow: Fen;
  need: Fen;
  remainingBefore: Fen;
  awarded: Fen;
  status: AwardStatus | 'zero';
}): string[] {
  const was =
    (AWARD_STATUS_ZH as Record<string, string>)[input.originalStatus] ??
    (input.originalStatus === 'reduced' ? '已核减' : input.originalStatus);
  const lines = [
    `递补：本项为公示期间释放预算的递补安排，递补顺序依据${citationLabel(ALLOCATION_ORDER_CITATION)}（先比较入库申报月份，再比较贷款放款时间）。`,
    `该申请在原分配中排第${input.originalRank}位（${was}），已安排${fenToYuan(input.alreadyAwarded)}元；按规则（含单个企业100万元上限、就高不重复）可获${fenToYuan(
      input.amountNow,
    )}元，尚差${fenToYuan(input.need)}元。`,
  ];
  if (input.status === 'zero') {
    lines.push('已无差额，不参与递补。');
  } else {
    lines.push(
      `轮到该申请时可递补预算余额${fenToYuan(input.remainingBefore)}元，递补安排${fenToYuan(input.awarded)}元：${
        AWARD_STATUS_ZH[input.status]
      }。`,
    );
  }
  return lines;
}
