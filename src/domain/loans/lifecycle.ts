/**
 * A recorded loan's life after recording: corrections (更正) must leave the recorded repayments consistent, and an
 * extension (展期) moves the maturity later within the term guidance of the loan's purpose. Pure: the caller passes
 * `today` (China-time day) and the loan's existing repayments.
 */
import { addMonths, type IsoDate, isIsoDate } from '../calendar/dates';
import { type LoanPurpose, PURPOSE_RULES } from './params';
import {
  beforeDisbursement,
  type LoanField,
  type Problem,
  type RepaymentDraft,
  type ScheduleLoan,
  validateRepayment,
} from './validate';

/** The maturity in force: the latest extension's, else the contract's. */
export function effectiveMaturity(l: { maturityDate: IsoDate; extendedMaturityDate: IsoDate | null }): IsoDate {
  return l.extendedMaturityDate ?? l.maturityDate;
}

/**
 * The whole term in months from the disbursement day to a maturity date: the fewest months `n` such that the
 * disbursement day plus `n` months (month-end clamped) is on or after the maturity. A part month counts as one,
 * so the term cap of the purpose holds exactly when the maturity is not after disbursement + cap months.
 */
export function termMonthsTo(disbursedOn: IsoDate, maturity: IsoDate): number {
  let n = 0;
  while (addMonths(disbursedOn, n).date < maturity && n < 1200) n++;
  return n;
}

/** The message explaining a purpose's term cap with its source (参照珠海市方案 三（二）1, guidance only). */
export function termCapSource(purpose: LoanPurpose): string {
  const rule = PURPOSE_RULES[purpose];
  return rule.citation
    ? `（参照珠海市中小企业数字化转型融资服务工作方案三（二）1：“${rule.citation.quote}”；江门市实施方案未收录，此为平台参照值）`
    : '';
}

export type ExtensionField = 'agreementNo' | 'agreementDate' | 'newMaturityDate';

export interface ExtensionLoan {
  purpose: LoanPurpose;
  disbursedOn: IsoDate;
  /** The maturity in force before this extension. */
  currentMaturity: IsoDate;
  /** Agreement numbers already recorded for this loan. */
  agreementNos: readonly string[];
}

export interface ExtensionDraft {
  agreementNo: string;
  agreementDate: IsoDate;
  newMaturityDate: IsoDate;
}

const AGREEMENT_NO_RE = /^[\p{L}\p{N}\-_/.()（）〔〕[\]#]{1,64}$/u;

/**
 * Checks an extension agreement: a well-formed agreement number not already used for this loan, an agreement
 * date between disbursement and today, and a new maturity after the current one whose whole term (disbursement →
 * new maturity) stays within the purpose's term cap. Returns the problems and the term after extension.
 */
export function validateExtension(
  loan: ExtensionLoan,
  ext: ExtensionDraft,
  today: IsoDate,
): { problems: Problem<ExtensionField>[]; termMonthsAfter: number } {
  const out: Problem<ExtensionField>[] = [];
  if (!AGREEMENT_NO_RE.test(ext.agreementNo)) {
    out.push({
      field: 'agreementNo',
      zh: '须为 1–64 个字符，只含文字、数字和 - _ / . ( ) # 等符号，不含空格',
      en: 'must be 1–64 characters of letters, digits and - _ / . ( ) #',
    });
  } else if (loan.agreementNos.includes(ext.agreementNo)) {
    out.push({
      field: 'agreementNo',
      zh: `“${ext.agreementNo}”已登记为该贷款的展期协议，不能重复登记`,
      en: `agreement "${ext.agreementNo}" is already recorded for this loan`,
    });
  }
  if (!isIsoDate(ext.agreementDate)) {
    out.push({ field: 'agreementDate', zh: '应为日期（YYYY-MM-DD）', en: 'must be a date' });
  } else if (ext.agreementDate < loan.disbursedOn) {
    out.push(beforeDisbursement('agreementDate', loan.disbursedOn));
  } else if (ext.agreementDate > today) {
    out.push({ field: 'agreementDate', zh: '不能晚于今天（只登记已签订的展期协议）', en: 'must not be in the future' });
  }
  let termMonthsAfter = 0;
  if (!isIsoDate(ext.newMaturityDate)) {
    out.push({ field: 'newMaturityDate', zh: '应为日期（YYYY-MM-DD）', en: 'must be a date' });
  } else if (ext.newMaturityDate <= loan.currentMaturity) {
    out.push({
      field: 'newMaturityDate',
      zh: `须晚于当前到期日 ${loan.currentMaturity}（展期只能延后到期日）`,
      en: `must be after the current maturity date ${loan.currentMaturity}`,
    });
  } else {
    termMonthsAfter = termMonthsTo(loan.disbursedOn, ext.newMaturityDate);
    const rule = PURPOSE_RULES[loan.purpose];
    if (termMonthsAfter > rule.maxTermMonths) {
      const latest = addMonths(loan.disbursedOn, rule.maxTermMonths).date;
      out.push({
        field: 'newMaturityDate',
        zh:
          `展期后贷款期限（自放款日 ${loan.disbursedOn} 起）为 ${termMonthsAfter} 个月，超过${rule.zh}期限最长 ` +
          `${rule.maxTermMonths} 个月，到期日最晚为 ${latest}${termCapSource(loan.purpose)}`,
        en: `the extended term of ${termMonthsAfter} months exceeds the ${rule.maxTermMonths}-month cap (latest ${latest})`,
      });
    }
  }
  return { problems: out, termMonthsAfter };
}

/**
 * After a correction, the repayments already recorded must still fit the loan: every period's dates within the
 * corrected disbursement day and maturity, total principal within the amount, total interest within the contract
 * rate's bound. Problems point at the loan field whose change broke them.
 */
export function repaymentsFitLoan(
  loan: ScheduleLoan,
  repayments: readonly RepaymentDraft[],
  today: IsoDate,
): Problem<LoanField>[] {
  const out: Problem<LoanField>[] = [];
  const seen = new Set<string>();
  const push = (field: LoanField, zh: string, en: string) => {
    const key = `${field}|${zh}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ field, zh, en });
  };
  for (const [i, r] of repayments.entries()) {
    const others = repayments.filter((_, j) => j !== i);
    for (const p of validateRepayment(loan, others, r, today)) {
      const where = `已登记的第 ${r.periodNo} 期还款`;
      switch (p.field) {
        case 'dueDate':
        case 'paidDate':
          if (p.zh.includes('放款日')) push('disbursedAt', `与${where}不符：其${p.zh}`, p.en);
          else if (p.zh.includes('到期日')) push('termMonths', `与${where}不符：其${p.zh}`, p.en);
          break;
        case 'principalPaid':
          if (p.zh.includes('贷款金额')) push('amount', `与已登记的还款不符：${p.zh}`, p.en);
          break;
        case 'interestPaid':
          push('annualRate', `与已登记的还款不符：${p.zh}`, p.en);
          break;
        default:
          break;
      }
    }
  }
  return out;
}
