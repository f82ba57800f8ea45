/**
 * The limits a recorded 政银保 loan must respect, each with where it comes from.
 *
 * 江工信工业互联网〔2023〕33号 第六条 leaves loan mode, amount and rate to 《江门市中小企业“政银保”融资项目实施方案
 * （2023年修订）》(江工信中小〔2023〕43号), whose text the platform does not hold. The term caps by purpose are
 * therefore taken, as guidance only, from the neighbouring 珠海市中小企业数字化转型融资服务工作方案 三（二）1
 * (equipment loans ≤ 5 years, working capital ≤ 3 years); they are platform parameters to be confirmed
 * against 江工信中小〔2023〕43号 (see docs/adr/0007-loans-and-imports.md).
 */
import { type Citation, cite } from '../policies/core/citation';

export const LOAN_PURPOSES = ['equipment', 'working_capital', 'other'] as const;
export type LoanPurpose = (typeof LOAN_PURPOSES)[number];

export interface PurposeRule {
  readonly zh: string;
  readonly en: string;
  readonly maxTermMonths: number;
  /** Where the cap comes from; `guidanceOnly` when the source is not binding in Jiangmen. */
  readonly citation: Citation | null;
  readonly guidanceOnly: boolean;
}

export const PURPOSE_RULES: Readonly<Record<LoanPurpose, PurposeRule>> = {
  equipment: {
    zh: '设备贷款',
    en: 'Equipment loan',
    maxTermMonths: 60,
    citation: cite('002', ['三、', '（二）', '1.'], '设备贷款期限最长5年'),
    guidanceOnly: true,
  },
  working_capital: {
    zh: '流动资金贷款',
    en: 'Working-capital loan',
    maxTermMonths: 36,
    citation: cite('002', ['三、', '（二）', '1.'], '流动资金贷款期限最长3年'),
    guidanceOnly: true,
  },
  other: {
    zh: '其他（数字化转型项目贷款）',
    en: 'Other (digital-transformation project loan)',
    maxTermMonths: 60,
    citation: null,
    guidanceOnly: false,
  },
};

/** Chinese purpose names → codes, for imported files (also accepts the code itself). */
export function purposeFromText(s: string): LoanPurpose | null {
  const t = s.trim();
  for (const p of LOAN_PURPOSES) {
    const rule = PURPOSE_RULES[p];
    if (t === p || t === rule.zh || t === rule.zh.replace(/（.*）$/, '')) return p;
  }
  if (t === '设备' || t === '设备类') return 'equipment';
  if (t === '流动资金' || t === '流贷') return 'working_capital';
  if (t === '其他') return 'other';
  return null;
}

/** Platform bounds that hold for every loan (sanity limits, not policy). */
export const LOAN_LIMITS = {
  /** Annual rate upper bound, inclusive: 24%. */
  maxRate: '0.24',
  /** Rates are recorded to at most 6 decimal places (0.038500 = 3.85%). */
  rateDecimals: 6,
  minTermMonths: 1,
  maxTermMonths: 60,
  /** Largest single loan accepted (¥1,000,000,000.00), a guard against unit mistakes (fen entered as yuan). */
  maxAmountFen: 100_000_000_000n,
  maxPeriodNo: 600,
  contractNoMaxLength: 64,
  /** Rounding tolerance per repayment period when interest is checked against the contract rate (¥1.00). */
  interestToleranceFenPerPeriod: 100n,
  /** Day-count basis used for the interest upper bound (ACT/360 gives the largest normal interest). */
  dayBasis: 360n,
} as const;
