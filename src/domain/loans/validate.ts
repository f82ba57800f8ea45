/**
 * The rules a recorded loan and its repayments must satisfy. Pure: the caller passes `now`/`today` and the
 * loan's existing repayments. Every rule that fails is reported (no early exit), each naming its field.
 */
import { addMonths, dayOf, daysBetween, type IsoDate, maxDate, monthOf, yearOf } from '../calendar/dates';
import { fenToYuan } from '../money/money';
import { LOAN_LIMITS, type LoanPurpose, PURPOSE_RULES } from './params';
import { chinaDateOf, formatRatePercent, rateRatio } from './values';

/** Fields a problem can point at; the API maps them to body paths, imports to column headers. */
export type LoanField =
  | 'enterpriseUscc'
  | 'enterpriseName'
  | 'contractNo'
  | 'purpose'
  | 'amount'
  | 'annualRate'
  | 'termMonths'
  | 'disbursedAt'
  | 'coverInstitution'
  | 'project'
  | 'remarks';

export type RepaymentField = 'contractNo' | 'periodNo' | 'dueDate' | 'paidDate' | 'principalPaid' | 'interestPaid';

export interface Problem<F extends string> {
  field: F;
  zh: string;
  en: string;
}

/** A date of the loan's life (a repayment, an extension agreement) that lies before the money was paid out. */
export function beforeDisbursement<F extends string>(field: F, disbursedOn: IsoDate): Problem<F> {
  return {
    field,
    zh: `不能早于放款日 ${disbursedOn}`,
    en: `must not be before the disbursement day ${disbursedOn}`,
  };
}

export interface LoanTerms {
  contractNo: string;
  purpose: LoanPurpose;
  amountFen: bigint;
  /** Canonical 6-decimal rate string, already range-checked by `parseAnnualRate`. */
  annualRate: string;
  termMonths: number;
  disbursedAt: Date;
}

/** Dates derived from the terms: the China-time disbursement day and the maturity date (month-end clamped). */
export function loanDates(disbursedAt: Date, termMonths: number): { disbursedOn: IsoDate; maturityDate: IsoDate } {
  const disbursedOn = chinaDateOf(disbursedAt);
  return { disbursedOn, maturityDate: addMonths(disbursedOn, termMonths).date };
}

const CONTRACT_NO_RE = /^[\p{L}\p{N}\-_/.()（）〔〕[\]#]+$/u;

export function validateLoanTerms(t: LoanTerms, now: Date): Problem<LoanField>[] {
  const out: Problem<LoanField>[] = [];
  if (!t.contractNo || t.contractNo.length > LOAN_LIMITS.contractNoMaxLength || !CONTRACT_NO_RE.test(t.contractNo)) {
    out.push({
      field: 'contractNo',
      zh: `须为 1–${LOAN_LIMITS.contractNoMaxLength} 个字符，只含文字、数字和 - _ / . ( ) # 等符号，不含空格`,
      en: `must be 1–${LOAN_LIMITS.contractNoMaxLength} characters of letters, digits and - _ / . ( ) #, no spaces`,
    });
  }
  if (t.amountFen <= 0n) out.push({ field: 'amount', zh: '必须大于 0', en: 'must be greater than 0' });
  else if (t.amountFen > LOAN_LIMITS.maxAmountFen) {
    out.push({
      field: 'amount',
      zh: `不能超过 ${fenToYuan(LOAN_LIMITS.maxAmountFen)} 元（请确认单位为元）`,
      en: `must not exceed ${fenToYuan(LOAN_LIMITS.maxAmountFen)} yuan (check the unit is yuan)`,
    });
  }
  const rule = PURPOSE_RULES[t.purpose];
  if (!Number.isInteger(t.termMonths) || t.termMonths < LOAN_LIMITS.minTermMonths) {
    out.push({
      field: 'termMonths',
      zh: `应为 ${LOAN_LIMITS.minTermMonths} 到 ${LOAN_LIMITS.maxTermMonths} 之间的整数（月）`,
      en: `must be a whole number of months, ${LOAN_LIMITS.minTermMonths}–${LOAN_LIMITS.maxTermMonths}`,
    });
  } else if (t.termMonths > rule.maxTermMonths) {
    const source = rule.citation
      ? `（参照珠海市中小企业数字化转型融资服务工作方案三（二）1：“${rule.citation.quote}”）`
      : '';
    out.push({
      field: 'termMonths',
      zh: `${rule.zh}期限最长 ${rule.maxTermMonths} 个月，实为 ${t.termMonths} 个月${source}`,
      en: `a ${rule.en.toLowerCase()} runs at most ${rule.maxTermMonths} months (got ${t.termMonths})`,
    });
  }
  if (Number.isNaN(t.disbursedAt.getTime())) {
    out.push({ field: 'disbursedAt', zh: '不是有效时间', en: 'is not a valid time' });
  } else if (t.disbursedAt.getTime() > now.getTime()) {
    out.push({
      field: 'disbursedAt',
      zh: '不能晚于当前时间（尚未放款的贷款不能登记）',
      en: 'must not be in the future',
    });
  }
  return out;
}

/** Two loans' terms are the same record (used to make repeated imports and retries idempotent). */
export function sameLoanTerms(a: LoanTerms, b: LoanTerms): boolean {
  return (
    a.contractNo === b.contractNo &&
    a.purpose === b.purpose &&
    a.amountFen === b.amountFen &&
    rateRatio(a.annualRate).num * rateRatio(b.annualRate).den ===
      rateRatio(b.annualRate).num * rateRatio(a.annualRate).den &&
    a.termMonths === b.termMonths &&
    a.disbursedAt.getTime() === b.disbursedAt.getTime()
  );
}

export interface ScheduleLoan {
  amountFen: bigint;
  annualRate: string;
  disbursedOn: IsoDate;
  maturityDate: IsoDate;
}

export interface RepaymentDraft {
  periodNo: number;
  dueDate: IsoDate;
  paidDate: IsoDate;
  principalFen: bigint;
  interestFen: bigint;
}

export function sameRepayment(a: RepaymentDraft, b: RepaymentDraft): boolean {
  return (
    a.periodNo === b.periodNo &&
    a.dueDate === b.dueDate &&
    a.paidDate === b.paidDate &&
    a.principalFen === b.principalFen &&
    a.interestFen === b.interestFen
  );
}

/** Days between two dates on the 30E/360 convention (every month counts 30 days; day 31 reads as 30). */
export function days30E360(from: IsoDate, to: IsoDate): number {
  const d1 = Math.min(dayOf(from), 30);
  const d2 = Math.min(dayOf(to), 30);
  return 360 * (yearOf(to) - yearOf(from)) + 30 * (monthOf(to) - monthOf(from)) + (d2 - d1);
}

/**
 * The most interest that can fall due on the loan from disbursement to `end`: the whole principal at the
 * contract rate over the larger of the actual days and the 30E/360 days (banks charge monthly interest as
 * rate/12 as well as daily as rate/360), divided by 360, rounded up to the fen. Any real schedule — principal
 * falling, ACT/365 — pays no more.
 */
export function interestUpperBoundFen(loan: ScheduleLoan, end: IsoDate): bigint {
  const days = BigInt(Math.max(0, daysBetween(loan.disbursedOn, end), days30E360(loan.disbursedOn, end)));
  const r = rateRatio(loan.annualRate);
  const num = loan.amountFen * r.num * days;
  const den = r.den * LOAN_LIMITS.dayBasis;
  return (num + den - 1n) / den;
}

/**
 * Checks one repayment period against the loan and the periods already recorded (`existing`, which must
 * not contain the same period number). `today` is the China-time calendar day.
 */
export function validateRepayment(
  loan: ScheduleLoan,
  existing: readonly RepaymentDraft[],
  next: RepaymentDraft,
  today: IsoDate,
): Problem<RepaymentField>[] {
  const out: Problem<RepaymentField>[] = [];
  if (!Number.isInteger(next.periodNo) || next.periodNo < 1 || next.periodNo > LOAN_LIMITS.maxPeriodNo) {
    out.push({
      field: 'periodNo',
      zh: `应为 1 到 ${LOAN_LIMITS.maxPeriodNo} 之间的整数`,
      en: `must be a whole number 1–${LOAN_LIMITS.maxPeriodNo}`,
    });
  }
  if (next.dueDate < loan.disbursedOn) {
    out.push(beforeDisbursement('dueDate', loan.disbursedOn));
  } else if (next.dueDate > loan.maturityDate) {
    out.push({
      field: 'dueDate',
      zh: `不能晚于贷款到期日 ${loan.maturityDate}`,
      en: `must not be after the maturity date ${loan.maturityDate}`,
    });
  }
  if (next.paidDate < loan.disbursedOn) {
    out.push(beforeDisbursement('paidDate', loan.disbursedOn));
  } else if (next.paidDate > today) {
    out.push({ field: 'paidDate', zh: '不能晚于今天（只登记已实际发生的还款）', en: 'must not be in the future' });
  }
  if (next.principalFen < 0n) out.push({ field: 'principalPaid', zh: '不能为负数', en: 'must not be negative' });
  if (next.interestFen < 0n) out.push({ field: 'interestPaid', zh: '不能为负数', en: 'must not be negative' });
  if (next.principalFen === 0n && next.interestFen === 0n) {
    out.push({
      field: 'principalPaid',
      zh: '实还本金与实还利息不能同时为 0',
      en: 'principal and interest paid cannot both be 0',
    });
  }
  for (const p of existing) {
    if (p.periodNo < next.periodNo && p.dueDate >= next.dueDate) {
      out.push({
        field: 'dueDate',
        zh: `应晚于第 ${p.periodNo} 期的应还日期 ${p.dueDate}`,
        en: `must be after period ${p.periodNo}'s due date ${p.dueDate}`,
      });
      break;
    }
    if (p.periodNo > next.periodNo && p.dueDate <= next.dueDate) {
      out.push({
        field: 'dueDate',
        zh: `应早于第 ${p.periodNo} 期的应还日期 ${p.dueDate}`,
        en: `must be before period ${p.periodNo}'s due date ${p.dueDate}`,
      });
      break;
    }
  }
  const all = [...existing, next];
  const principal = all.reduce((s, p) => s + p.principalFen, 0n);
  if (principal > loan.amountFen) {
    out.push({
      field: 'principalPaid',
      zh: `累计实还本金 ${fenToYuan(principal)} 元超过贷款金额 ${fenToYuan(loan.amountFen)} 元`,
      en: `total principal repaid ${fenToYuan(principal)} exceeds the loan amount ${fenToYuan(loan.amountFen)}`,
    });
  }
  const interest = all.reduce((s, p) => s + p.interestFen, 0n);
  const end = all.reduce((e, p) => maxDate(e, maxDate(p.dueDate, p.paidDate)), loan.disbursedOn);
  const bound = interestUpperBoundFen(loan, end) + LOAN_LIMITS.interestToleranceFenPerPeriod * BigInt(all.length);
  if (interest > bound) {
    out.push({
      field: 'interestPaid',
      zh:
        `累计实还利息 ${fenToYuan(interest)} 元超过按合同年利率 ${formatRatePercent(loan.annualRate)} 计算的上限 ` +
        `${fenToYuan(bound)} 元（全额本金自放款日 ${loan.disbursedOn} 计至 ${end}，日利率=年利率/360，月利率=年利率/12）；` +
        '罚息、复利不属于贴息范围，请勿计入',
      en: `total interest paid ${fenToYuan(interest)} exceeds the most the contract rate allows (${fenToYuan(bound)})`,
    });
  }
  return out;
}
