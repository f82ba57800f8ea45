/**
 * Financing products as banks publish them: the types 002 三（二） names, the guarantee modes, and the checks a
 * product must pass before the city reviews it — above all the term caps of 002 三（二）1, each refusal naming
 * its clause. Pure: the caller passes the date the rules are read at.
 */
import type { IsoDate } from '../calendar/dates';
import { type Citation, citationLabel } from '../policies/core/citation';
import { codesOf, zhNames } from '../text/codes';
import { micros } from './decimal';
import { financingParam } from './params';

export const PRODUCT_TYPE_ZH = zhNames({
  equipment_loan: '设备贷',
  working_capital_loan: '流动资金贷',
  tech_ip_loan: '科技/知识产权贷',
  supply_chain: '供应链融资（应收账款质押、订单融资）',
  leasing: '融资租赁',
  zyb: '政银保',
  digital_loan: '数字化转型专项贷',
});
export const PRODUCT_TYPES = codesOf(PRODUCT_TYPE_ZH);
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const GUARANTEE_ZH = zhNames({
  credit: '信用',
  mortgage: '抵押',
  pledge: '质押',
  guarantee: '保证/担保公司',
  insurance: '保险',
});
export const GUARANTEE_MODES = codesOf(GUARANTEE_ZH);
export type GuaranteeMode = (typeof GUARANTEE_MODES)[number];

export const PURPOSE_ZH = zhNames({
  equipment: '购置设备',
  working_capital: '流动资金',
  digital: '数字化转型项目',
  rd: '研发',
  other: '其他',
});
export const PURPOSES = codesOf(PURPOSE_ZH);
export type Purpose = (typeof PURPOSES)[number];

/** Which purposes each type of product finances (a need's purpose outside them fails the purpose criterion). */
export const TYPE_PURPOSES: Readonly<Record<ProductType, readonly Purpose[]>> = {
  equipment_loan: ['equipment', 'digital'],
  working_capital_loan: ['working_capital'],
  tech_ip_loan: ['rd', 'digital', 'working_capital'],
  supply_chain: ['working_capital'],
  leasing: ['equipment', 'digital'],
  zyb: ['equipment', 'working_capital', 'digital', 'rd'],
  digital_loan: ['digital', 'equipment', 'rd'],
};

/**
 * Which cap of 002 三（二）1 binds a type. Named reading: the equipment cap binds 设备贷; the working-capital cap
 * binds 流动资金贷 and supply-chain finance (应收账款质押、订单融资 finance circulating funds, 三（二）2). Leasing,
 * tech/IP, 政银保 and the digital-transformation loans are not the loans the clause names, so no cap of 002 binds
 * them (the platform's upper bound of 120 months does).
 */
export const TERM_CAP_READING =
  '设备贷适用“设备贷款期限最长5年”；流动资金贷与供应链融资（应收账款质押、订单融资）适用“流动资金贷款期限最长3年”；融资租赁、科技/知识产权贷、政银保与数字化转型专项贷不属该条所列贷款，按平台上限120个月掌握。';

export const PLATFORM_MAX_TERM_MONTHS = 120;
/** Annual rate ceiling accepted for a product (24%, the bound the loan register uses). */
export const PLATFORM_MAX_RATE = '0.24';

export interface TermCap {
  readonly maxMonths: number;
  readonly citation: Citation | null;
}

export function termCapOf(type: ProductType, on: IsoDate): TermCap {
  if (type === 'equipment_loan') {
    const p = financingParam('equipmentMaxTermMonths', on);
    return { maxMonths: p.value, citation: p.citation };
  }
  if (type === 'working_capital_loan' || type === 'supply_chain') {
    const p = financingParam('workingCapitalMaxTermMonths', on);
    return { maxMonths: p.value, citation: p.citation };
  }
  return { maxMonths: PLATFORM_MAX_TERM_MONTHS, citation: null };
}

/** What a product offers: its type, amounts (fen), terms (months), rates (decimal strings) and guarantees. */
export interface ProductOffer {
  readonly type: ProductType;
  readonly amountMinFen: bigint;
  readonly amountMaxFen: bigint;
  readonly termMinMonths: number;
  readonly termMaxMonths: number;
  readonly rateMin: string;
  readonly rateMax: string;
  readonly guarantees: readonly GuaranteeMode[];
}

/** The parts of a product its checks read: its offer and the dates it is offered between. */
export interface ProductTerms extends ProductOffer {
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
}

export interface ProductProblem {
  readonly field: string;
  readonly zh: string;
  readonly en: string;
  readonly citation: string | null;
}

/** Compares two decimal strings with at most 6 places ("0.0345" < "0.042"). */
export function compareRate(a: string, b: string): number {
  const d = micros(a) - micros(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Every problem of a product (all of them, not the first), each in Chinese and English; the term cap cited. */
export function checkProduct(p: ProductTerms, on: IsoDate): ProductProblem[] {
  const out: ProductProblem[] = [];
  const add = (field: string, zh: string, en: string, citation: string | null = null) =>
    out.push({ field, zh, en, citation });
  if (p.amountMinFen <= 0n) add('amountMin', '最低额度应大于0', 'the minimum amount must be positive');
  if (p.amountMinFen > p.amountMaxFen) add('amountMax', '最高额度不能低于最低额度', 'max amount below min amount');
  if (p.termMinMonths > p.termMaxMonths) add('termMaxMonths', '最长期限不能短于最短期限', 'max term below min term');
  if (compareRate(p.rateMin, p.rateMax) > 0) add('rateMax', '最高年利率不能低于最低年利率', 'max rate below min rate');
  if (compareRate(p.rateMax, PLATFORM_MAX_RATE) > 0)
    add('rateMax', '年利率不能超过24%（平台上限）', 'the annual rate may not exceed 24%');
  if (p.guarantees.length === 0) add('guarantees', '至少选择一种担保方式', 'choose at least one guarantee mode');
  if (p.validTo !== null && p.validTo < p.validFrom) add('validTo', '有效期截止日不能早于起始日', 'ends before start');
  const cap = termCapOf(p.type, on);
  if (p.termMaxMonths > cap.maxMonths) {
    if (cap.citation) {
      const label = citationLabel(cap.citation);
      add(
        'termMaxMonths',
        `${PRODUCT_TYPE_ZH[p.type]}最长期限${p.termMaxMonths}个月，超过${label}“${cap.citation.quote}”（${cap.maxMonths}个月）`,
        `term ${p.termMaxMonths} months exceeds ${cap.maxMonths} months (${label})`,
        label,
      );
    } else {
      add(
        'termMaxMonths',
        `最长期限不能超过${cap.maxMonths}个月（平台上限）`,
        `term may not exceed ${cap.maxMonths} months`,
      );
    }
  }
  return out;
}
