/**
 * 政银保 eligibility: who may declare, which projects, which loans, when. Every condition is evaluated; each
 * result names the fact and the date at issue and cites the clause. A loan not yet disbursed leaves the loan
 * conditions unknown, not failed.
 */
import { type Calendar, defaultCalendar } from '../../calendar/calendar';
import {
  addMonths,
  daysInMonth,
  formatMonthZh,
  type IsoDate,
  isoDate,
  type MonthShift,
  maxDate,
  minDate,
  monthOf,
  yearOf,
} from '../../calendar/dates';
import { checkFilingWindow, type FilingWindow, type FilingWindowRule } from '../../calendar/windows';
import { type Citation, cite } from '../core/citation';
import {
  boolCondition,
  type ConditionResult,
  type ConditionStatus,
  describer,
  type Eligibility,
  type MessageArgs,
  summarizeConditions,
} from '../core/conditions';
import { type ParamRead, validityStatus } from '../core/param';
import { type AppliedReading, readingSentence } from '../interpretations';
import { ZYB_PARAMS, type ZybOverrides, type ZybParamReads, type ZybParams, zybParam, zybParamsAt } from './params';

export type ZybApplicantType = 'manufacturer' | 'service_provider';
export type ZybProjectStatus = 'planned' | 'in_progress' | 'completed';

/** Facts for eligibility. null = not known (yet). */
export interface ZybEligibilityFacts {
  readonly applicantType: ZybApplicantType | null;
  readonly registeredInJiangmen: boolean | null;
  readonly operatingInJiangmen: boolean | null;
  readonly isSme: boolean | null;
  readonly creditGood: boolean | null;
  /** Selected into 江门市制造业数字化转型产业生态供给资源池 (required of digital service providers). */
  readonly inResourcePool: boolean | null;
  readonly projectInScope: boolean | null;
  readonly projectLocationInJiangmen: boolean | null;
  readonly projectStatus: ZybProjectStatus | null;
  readonly projectStartOn: IsoDate | null;
  readonly projectEndOn: IsoDate | null;
  /** Date of the project's 入库申报 (declaration). */
  readonly declaredOn: IsoDate | null;
  /** Loan disbursement date; null = not yet disbursed. */
  readonly loanDisbursedOn: IsoDate | null;
}

export interface ZybOptions {
  readonly calendar?: Calendar;
  /** Simulation values; the policy in force is not touched. */
  readonly overrides?: ZybOverrides;
  /** Alternative parameter set (tests, future versions); defaults to the committed policy. */
  readonly params?: ZybParams;
  /** The readings of ambiguous clauses that apply (from the register of interpretations; default: the platform's). */
  readonly readings?: ZybReadings;
}

/** Readings the eligibility rules follow. */
export interface ZybReadings {
  /** 001 三（三） "不能超过6个自然月": exact_day (default) or calendar_month. */
  readonly loanGap?: AppliedReading;
  /** 001 三（四） extension days that are themselves holidays: calendar_days (default) or working_days. */
  readonly windowExtension?: AppliedReading;
}

export interface ZybEligibility extends Eligibility {
  /** The filing window of the declaration month (null without a declaration date). */
  readonly window: FilingWindow | null;
  /** The 6-calendar-month limit computed for the loan/declaration gap (clamped to month end when needed). */
  readonly gap: { readonly earlier: IsoDate; readonly limit: MonthShift } | null;
  readonly paramsRead: readonly ParamRead<unknown>[];
  /** Every parameter as read at the declaration date (for callers that need more of them). */
  readonly reads: ZybParamReads;
}

/** Every eligibility rule with its citation (the rule set the engine enforces, for listings and tests). */
export const ZYB_RULES = {
  ZYB_POLICY_IN_FORCE: {
    title: '入库申报日期在政策有效期内',
    en: 'The declaration date lies within the rules’ period of validity',
    citation: cite('000', ['第十五条'], '有效期至2026年12月31日'),
  },
  ZYB_APPLICANT_TYPE: {
    title: '申报主体为制造业企业或数字化服务商',
    en: 'The applicant is a manufacturer or a digital service provider',
    citation: cite('000', ['第四条'], '申报主体包括制造业企业、数字化服务商两类'),
  },
  ZYB_RESOURCE_POOL: {
    title: '数字化服务商入选产业生态供给资源池',
    en: 'A digital service provider is in the industry supply resource pool',
    citation: cite('000', ['第四条', '（二）', '1.', '（2）'], '入选“江门市制造业数字化转型产业生态供给资源池”'),
  },
  ZYB_REGISTERED_IN_JIANGMEN: {
    title: '在江门市注册登记',
    en: 'Registered in Jiangmen',
    citation: cite('001', ['二、'], '在我市注册登记'),
  },
  ZYB_OPERATING_IN_JIANGMEN: {
    title: '经营地址在江门市范围内',
    en: 'Operating address in Jiangmen',
    citation: cite('001', ['二、'], '经营地址在江门市范围内（含三区四市）'),
  },
  ZYB_SME: {
    title: '属于中小企业',
    en: 'A small or medium-sized enterprise',
    citation: cite('001', ['二、'], '依法纳税的中小企业'),
  },
  ZYB_CREDIT_GOOD: {
    title: '诚信经营、信用良好',
    en: 'Operates honestly with good credit',
    citation: cite('001', ['二、'], '诚信经营、信用良好、依法纳税'),
  },
  ZYB_PROJECT_SCOPE: {
    title: '项目属于制造业数字化转型范围',
    en: 'The project lies within manufacturing digital transformation',
    citation: cite('000', ['第四条'], '项目建设内容属于制造业数字化转型范围'),
  },
  ZYB_PROJECT_LOCATION: {
    title: '项目实施地点在江门市范围内',
    en: 'The project is carried out in Jiangmen',
    citation: cite('001', ['二、', '（一）', '2.'], '项目实施地点在江门市范围内'),
  },
  ZYB_PROJECT_STATUS: {
    title: '项目处于待建或在建状态',
    en: 'The project is to be built or under construction',
    citation: cite('001', ['三、', '（二）'], '申报入库的数字化转型项目应处于待建或在建状态'),
  },
  ZYB_PROJECT_START: {
    title: '项目启动日期不早于2023年1月1日',
    en: 'The project starts on or after 2023-01-01',
    citation: cite('001', ['三、', '（二）'], '项目启动日期不早于2023年1月1日'),
  },
  ZYB_PROJECT_END: {
    title: '项目结束日期晚于入库申报日期',
    en: 'The project ends after the declaration date',
    citation: cite('001', ['三、', '（二）'], '项目结束日期应晚于申报入库日期'),
  },
  ZYB_LOAN_FROM: {
    title: '贷款放款日期不早于2023年1月1日',
    en: 'The loan was disbursed on or after 2023-01-01',
    citation: cite('001', ['三、', '（二）'], '“政银保”贷款放款时间不早于2023年1月1日'),
  },
  ZYB_LOAN_2023_DEADLINE: {
    title: '2023年放款的贷款须于2024年6月30日前入库申报',
    en: 'A loan disbursed in 2023 is declared by 2024-06-30',
    citation: cite('001', ['三、', '（三）'], '企业应于2024年6月30日前完成数字化转型项目入库申报'),
  },
  ZYB_LOAN_GAP: {
    title: '2024年起放款的贷款与入库申报相差不超过6个自然月',
    en: 'A loan disbursed from 2024 on lies within 6 calendar months of the declaration',
    citation: cite('001', ['三、', '（三）'], '时间差距不能超过6个自然月'),
  },
  ZYB_FILING_WINDOW: {
    title: '入库申报日期在当月申报窗口内',
    en: 'The declaration date lies in the month’s filing window',
    citation: cite('000', ['第七条', '（一）'], '每月10-15日'),
  },
} as const satisfies Record<string, { title: string; en: string; citation: Citation }>;

export type ZybRuleCode = keyof typeof ZYB_RULES;

const STATUS_EN: Readonly<Record<ConditionStatus, string>> = {
  pass: 'met',
  fail: 'not met',
  unknown: 'not yet known (a fact is missing)',
  not_applicable: 'does not apply',
};

/** A rule's finding in English: the rule's name and whether it is met (the Chinese message names the facts). */
export function ruleFindingEn(code: string, status: ConditionStatus): string {
  const rule = (ZYB_RULES as Record<string, { en: string }>)[code];
  return `${rule?.en ?? code}: ${STATUS_EN[status]}`;
}

/** Citation used when holidays moved the month's window. */
export const WINDOW_HOLIDAY_CITATION = cite('001', ['三、', '（四）'], '如遇节假日与入库申报周期完全重复');
/** Citation used when a holiday covered part of the window and it was extended (申报指南 三（四）'s 部分重复 sentence). */
export const WINDOW_EXTENDED_CITATION = cite(
  '001',
  ['三、', '（四）'],
  '如遇节假日与入库申报日期有部分重复，则延长重复部分的时间',
);

/** The citation of a month's window: the notice, the plain 10–15 rule, the postponement or the extension. */
export function windowCitation(adjustment: FilingWindow['adjustment'], plain: Citation): Citation {
  if (adjustment === 'notice') return WINDOW_NOTICE_CITATION;
  if (adjustment === 'none') return plain;
  return adjustment === 'extended' ? WINDOW_EXTENDED_CITATION : WINDOW_HOLIDAY_CITATION;
}
/** Citation used when an administrator's notice fixed the window. */
export const WINDOW_NOTICE_CITATION = cite(
  '001',
  ['三、', '（四）'],
  '如遇其它特殊情况，由市工业和信息化局提前发布通知',
);

const s = (v: unknown) => String(v);

function clampNote(a: MessageArgs): string {
  const reading = a.reading ? `；${s(a.reading)}` : '';
  if (a.byMonth) return `，按自然月计至该月末日${reading}`;
  return (a.clamped ? `（${s(a.requested)}不存在，按该月末日${s(a.limit)}计）` : '') + reading;
}

/** The latest day `months` after `earlier`: the same day (month-end clamped), or the month's last day by month. */
function gapLimit(earlier: IsoDate, months: number, byMonth: boolean): MonthShift {
  const exact = addMonths(earlier, months);
  if (!byMonth) return exact;
  const last = isoDate(yearOf(exact.date), monthOf(exact.date), daysInMonth(yearOf(exact.date), monthOf(exact.date)));
  return { date: last, clamped: false, requested: last };
}

const D = {
  inForce: describer(
    (a) => `入库申报日期${s(a.declaredOn)}在本细则有效期（${s(a.from)}至${s(a.to)}）内`,
    (a) =>
      a.state === 'not_yet'
        ? `入库申报日期${s(a.declaredOn)}早于本细则施行日期${s(a.from)}（有效期${s(a.from)}至${s(a.to)}）`
        : `入库申报日期${s(a.declaredOn)}时本细则已失效（有效期${s(a.from)}至${s(a.to)}）`,
    (a) => `未提供入库申报日期，无法判断是否在本细则有效期（${s(a.from)}至${s(a.to)}）内`,
  ),
  applicantType: describer(
    (a) => `申报主体为${a.type === 'manufacturer' ? '制造业企业' : '数字化服务商'}`,
    () => '申报主体须为制造业企业或数字化服务商',
    () => '未提供申报主体类型（制造业企业或数字化服务商）',
  ),
  resourcePool: describer(
    () => '数字化服务商已入选“江门市制造业数字化转型产业生态供给资源池”',
    () => '数字化服务商未入选“江门市制造业数字化转型产业生态供给资源池”',
    (a) =>
      a.typeKnown
        ? '尚未确认数字化服务商是否入选“江门市制造业数字化转型产业生态供给资源池”'
        : '申报主体类型未知：如为数字化服务商，须已入选“江门市制造业数字化转型产业生态供给资源池”',
    () => '制造业企业无须入选资源池',
  ),
  registered: describer(
    () => '企业在江门市注册登记',
    () => '企业未在江门市注册登记',
    () => '尚未确认企业是否在江门市注册登记',
  ),
  operating: describer(
    () => '企业经营地址在江门市范围内',
    () => '企业经营地址不在江门市范围内（含三区四市）',
    () => '尚未确认企业经营地址是否在江门市范围内',
  ),
  sme: describer(
    () => '企业属于中小企业',
    () => '企业不属于中小企业',
    () => '尚未确认企业是否属于中小企业',
  ),
  credit: describer(
    () => '企业诚信经营、信用良好',
    () => '企业信用状况不符合“诚信经营、信用良好、依法纳税”的要求',
    () => '尚未确认企业信用状况（信用中国网信用报告）',
  ),
  scope: describer(
    () => '项目建设内容属于制造业数字化转型范围',
    () => '项目建设内容不属于制造业数字化转型范围',
    () => '尚未确认项目建设内容是否属于制造业数字化转型范围',
  ),
  location: describer(
    () => '项目实施地点在江门市范围内',
    () => '项目实施地点不在江门市范围内',
    () => '尚未确认项目实施地点是否在江门市范围内',
  ),
  status: describer(
    (a) => `项目处于${a.status === 'planned' ? '待建' : '在建'}状态`,
    () => '项目已完成，入库申报的项目应处于待建或在建状态',
    () => '未提供项目状态（待建、在建或已完成）',
  ),
  start: describer(
    (a) => `项目启动日期${s(a.start)}不早于${s(a.earliest)}`,
    (a) => `项目启动日期${s(a.start)}早于${s(a.earliest)}`,
    (a) => `未提供项目启动日期（须不早于${s(a.earliest)}）`,
  ),
  end: describer(
    (a) => `项目结束日期${s(a.end)}晚于入库申报日期${s(a.declaredOn)}`,
    (a) => `项目结束日期${s(a.end)}不晚于入库申报日期${s(a.declaredOn)}，结束日期应晚于入库申报日期`,
    (a) =>
      a.end === null
        ? '未提供项目结束日期（须晚于入库申报日期）'
        : `未提供入库申报日期，无法判断项目结束日期${s(a.end)}是否晚于入库申报日期`,
  ),
  loanFrom: describer(
    (a) => `贷款放款日期${s(a.loan)}不早于${s(a.earliest)}`,
    (a) => `贷款放款日期${s(a.loan)}早于${s(a.earliest)}`,
    (a) => `贷款尚未放款：放款日期须不早于${s(a.earliest)}`,
  ),
  loan2023: describer(
    (a) => `${s(a.loanYear)}年放款（${s(a.loan)}）的贷款，入库申报日期${s(a.declaredOn)}不晚于${s(a.deadline)}`,
    (a) =>
      `${s(a.loanYear)}年放款（${s(a.loan)}）的贷款，项目应于${s(a.deadline)}前完成入库申报，实际入库申报日期为${s(a.declaredOn)}`,
    (a) =>
      a.loan === null
        ? `贷款尚未放款：如在${s(a.loanYear)}年放款，项目须于${s(a.deadline)}前完成入库申报`
        : `未提供入库申报日期：${s(a.loanYear)}年放款的贷款，项目须于${s(a.deadline)}前完成入库申报`,
    (a) =>
      a.loan === null
        ? `贷款尚未放款，入库申报日期${s(a.declaredOn)}已晚于${s(a.loanYear)}年，不是${s(a.loanYear)}年放款的贷款，不适用本项截止日`
        : `贷款放款日期${s(a.loan)}不在${s(a.loanYear)}年，不适用本项截止日`,
  ),
  gap: describer(
    (a) =>
      `放款日期${s(a.loan)}与入库申报日期${s(a.declaredOn)}相差未超过${s(a.months)}个自然月（自${s(a.earlier)}起${s(a.months)}个自然月至${s(a.limit)}${clampNote(a)}）`,
    (a) =>
      `放款日期${s(a.loan)}与入库申报日期${s(a.declaredOn)}相差超过${s(a.months)}个自然月：自${s(a.earlier)}起${s(a.months)}个自然月最迟为${s(a.limit)}${clampNote(a)}`,
    (a) =>
      a.loan === null && a.declaredOn !== null
        ? `贷款尚未放款：放款日期须与入库申报日期${s(a.declaredOn)}相差不超过${s(a.months)}个自然月，即不晚于${s(a.limit)}${clampNote(a)}`
        : `缺少放款日期或入库申报日期，无法判断两者相差是否超过${s(a.months)}个自然月`,
    (a) => `贷款放款日期${s(a.loan)}早于${s(a.fromYear)}年，不适用6个自然月间隔规则`,
  ),
  window: describer(
    (a) =>
      `入库申报日期${s(a.declaredOn)}在${formatMonthZh(s(a.month))}的入库申报窗口（${s(a.opens)}至${s(a.closes)}${windowNote(a)}）内`,
    (a) =>
      `入库申报日期${s(a.declaredOn)}不在${formatMonthZh(s(a.month))}的入库申报窗口（${s(a.opens)}至${s(a.closes)}${windowNote(a)}）内`,
    (a) =>
      a.declaredOn === null
        ? '未提供入库申报日期，无法判断是否在每月入库申报窗口内'
        : `未收录${s(a.month).slice(0, 4)}年国务院节假日安排，无法确定${formatMonthZh(s(a.month))}的入库申报窗口（不受节假日影响时为${s(a.opens)}至${s(a.closes)}）`,
  ),
};

function windowNote(a: MessageArgs): string {
  if (a.adjustment === 'postponed') return `，因${s(a.reason)}顺延`;
  if (a.adjustment === 'extended') {
    const reading = a.reading ? `；${s(a.reading)}` : '';
    if (a.skipped) return `，因${s(a.reason)}延长${s(a.covered)}日，延长的日期遇假期顺延至假期后${reading}`;
    if (a.inHoliday) return `，因${s(a.reason)}延长${s(a.covered)}日，延长日仍在假期内${reading}`;
    return `，因${s(a.reason)}延长${s(a.covered)}日`;
  }
  if (a.adjustment === 'notice') return `，按${s(a.notice)}`;
  return '';
}

function cond(
  code: ZybRuleCode,
  status: ConditionStatus,
  args: MessageArgs,
  describe: (typeof D)[keyof typeof D],
  citation: Citation = ZYB_RULES[code].citation,
): ConditionResult {
  return { code, status, citation, args, describe };
}

/** The window rule in force at a date (for the calendar functions). */
export function zybWindowRule(
  date?: IsoDate,
  overrides?: ZybOverrides,
  params: ZybParams = ZYB_PARAMS,
): FilingWindowRule {
  return {
    openDay: zybParam('windowOpenDay', date, overrides, params).value,
    closeDay: zybParam('windowCloseDay', date, overrides, params).value,
    postponeToWorkingDay: zybParam('windowPostponeWorkingDay', date, overrides, params).value,
  };
}

const windowRules = new WeakMap<ZybParamReads, FilingWindowRule>();
const windowRulesSkipping = new WeakMap<ZybParamReads, FilingWindowRule>();

/** The window rule of a parameter set (one object per set and reading, so the windows' memo is shared). */
function windowRuleOf(R: ZybParamReads, skipHolidays: boolean): FilingWindowRule {
  const memo = skipHolidays ? windowRulesSkipping : windowRules;
  let rule = memo.get(R);
  if (!rule) {
    rule = {
      openDay: R.windowOpenDay.value,
      closeDay: R.windowCloseDay.value,
      postponeToWorkingDay: R.windowPostponeWorkingDay.value,
      ...(skipHolidays ? { extensionSkipsHolidays: true } : {}),
    };
    memo.set(R, rule);
  }
  return rule;
}

/** Evaluates every eligibility condition of the 政银保 digital-transformation interest subsidy. */
export function evaluateZybEligibility(f: ZybEligibilityFacts, options: ZybOptions = {}): ZybEligibility {
  const cal = options.calendar ?? defaultCalendar();
  const ov = options.overrides;
  const P = options.params ?? ZYB_PARAMS;
  const at = f.declaredOn ?? undefined;
  const R = zybParamsAt(at, ov, P);
  const pValidity = R.validity;
  const pStart = R.projectStartEarliest;
  const pLoanFrom = R.loanEarliest;
  const p2023Year = R.loan2023Year;
  const p2023Deadline = R.loan2023DeclarationDeadline;
  const pGapFrom = R.gapRuleLoanYearFrom;
  const pGap = R.maxGapMonths;
  const pOpen = R.windowOpenDay;

  const conditions: ConditionResult[] = [];
  const declaredOn = f.declaredOn;
  const loan = f.loanDisbursedOn;

  // 第十五条: the policy must be in force on the declaration date.
  {
    const v = pValidity.value;
    const args = { declaredOn, from: v.from, to: v.to, state: declaredOn ? validityStatus(v, declaredOn) : null };
    const st: ConditionStatus = declaredOn === null ? 'unknown' : args.state === 'in_force' ? 'pass' : 'fail';
    conditions.push(cond('ZYB_POLICY_IN_FORCE', st, args, D.inForce, pValidity.citation));
  }
  // 第四条: applicant type; service providers must be in the resource pool.
  conditions.push(
    cond(
      'ZYB_APPLICANT_TYPE',
      f.applicantType === null ? 'unknown' : 'pass',
      { type: f.applicantType },
      D.applicantType,
    ),
  );
  {
    let st: ConditionStatus;
    if (f.applicantType === 'manufacturer') st = 'not_applicable';
    else if (f.applicantType === 'service_provider')
      st = f.inResourcePool === true ? 'pass' : f.inResourcePool === false ? 'fail' : 'unknown';
    else st = f.inResourcePool === true ? 'pass' : 'unknown';
    conditions.push(cond('ZYB_RESOURCE_POOL', st, { typeKnown: f.applicantType !== null }, D.resourcePool));
  }
  // 申报指南 二 (江工信中小〔2023〕43号): registered and operating in Jiangmen, SME, good credit.
  conditions.push(
    boolCondition(
      'ZYB_REGISTERED_IN_JIANGMEN',
      f.registeredInJiangmen,
      ZYB_RULES.ZYB_REGISTERED_IN_JIANGMEN.citation,
      D.registered,
    ),
    boolCondition(
      'ZYB_OPERATING_IN_JIANGMEN',
      f.operatingInJiangmen,
      ZYB_RULES.ZYB_OPERATING_IN_JIANGMEN.citation,
      D.operating,
    ),
    boolCondition('ZYB_SME', f.isSme, ZYB_RULES.ZYB_SME.citation, D.sme),
    boolCondition('ZYB_CREDIT_GOOD', f.creditGood, ZYB_RULES.ZYB_CREDIT_GOOD.citation, D.credit),
    boolCondition('ZYB_PROJECT_SCOPE', f.projectInScope, ZYB_RULES.ZYB_PROJECT_SCOPE.citation, D.scope),
    boolCondition(
      'ZYB_PROJECT_LOCATION',
      f.projectLocationInJiangmen,
      ZYB_RULES.ZYB_PROJECT_LOCATION.citation,
      D.location,
    ),
  );
  // 申报指南 三（二）: project planned or in progress, started 2023-01-01 or later, ending after the declaration.
  conditions.push(
    cond(
      'ZYB_PROJECT_STATUS',
      f.projectStatus === null ? 'unknown' : f.projectStatus === 'completed' ? 'fail' : 'pass',
      { status: f.projectStatus },
      D.status,
    ),
  );
  {
    const earliest = pStart.value;
    const st: ConditionStatus = f.projectStartOn === null ? 'unknown' : f.projectStartOn >= earliest ? 'pass' : 'fail';
    conditions.push(cond('ZYB_PROJECT_START', st, { start: f.projectStartOn, earliest }, D.start, pStart.citation));
  }
  {
    const st: ConditionStatus =
      f.projectEndOn === null || declaredOn === null ? 'unknown' : f.projectEndOn > declaredOn ? 'pass' : 'fail';
    conditions.push(cond('ZYB_PROJECT_END', st, { end: f.projectEndOn, declaredOn }, D.end));
  }
  // 申报指南 三（二）: loan disbursed 2023-01-01 or later.
  {
    const earliest = pLoanFrom.value;
    const st: ConditionStatus = loan === null ? 'unknown' : loan >= earliest ? 'pass' : 'fail';
    conditions.push(cond('ZYB_LOAN_FROM', st, { loan, earliest }, D.loanFrom, pLoanFrom.citation));
  }
  // 申报指南 三（三）: a 2023 loan needs its project declared by 2024-06-30.
  {
    const loanYear = p2023Year.value;
    const deadline = p2023Deadline.value;
    let st: ConditionStatus;
    if (loan === null) {
      // Not yet disbursed: if the declaration is already past that year, the loan cannot be a 2023 loan.
      st = declaredOn !== null && yearOf(declaredOn) > loanYear ? 'not_applicable' : 'unknown';
    } else if (yearOf(loan) !== loanYear) st = 'not_applicable';
    else if (declaredOn === null) st = 'unknown';
    else st = declaredOn <= deadline ? 'pass' : 'fail';
    conditions.push(
      cond('ZYB_LOAN_2023_DEADLINE', st, { loan, loanYear, deadline, declaredOn }, D.loan2023, p2023Deadline.citation),
    );
  }
  // 申报指南 三（三）: loans from 2024 on — disbursement and declaration at most 6 calendar months apart, either order.
  let gap: ZybEligibility['gap'] = null;
  {
    const months = pGap.value;
    const fromYear = pGapFrom.value;
    const reading = options.readings?.loanGap;
    const byMonth = reading?.option === 'calendar_month';
    const readingArgs: MessageArgs = reading ? { reading: readingSentence(reading), byMonth } : {};
    let st: ConditionStatus;
    let args: MessageArgs;
    if (loan !== null && yearOf(loan) < fromYear) {
      st = 'not_applicable';
      args = { loan, declaredOn, months, fromYear };
    } else if (declaredOn === null) {
      st = 'unknown';
      args = { loan, declaredOn, months, fromYear };
    } else if (loan === null) {
      const limit = gapLimit(declaredOn, months, byMonth);
      gap = { earlier: declaredOn, limit };
      st = 'unknown';
      args = {
        loan,
        declaredOn,
        months,
        fromYear,
        earlier: declaredOn,
        limit: limit.date,
        clamped: limit.clamped,
        requested: limit.requested,
      };
    } else {
      const earlier = minDate(loan, declaredOn);
      const later = maxDate(loan, declaredOn);
      const limit = gapLimit(earlier, months, byMonth);
      gap = { earlier, limit };
      st = later <= limit.date ? 'pass' : 'fail';
      args = {
        loan,
        declaredOn,
        months,
        fromYear,
        earlier,
        limit: limit.date,
        clamped: limit.clamped,
        requested: limit.requested,
      };
    }
    conditions.push(cond('ZYB_LOAN_GAP', st, { ...args, ...readingArgs }, D.gap, pGap.citation));
  }
  // 第七条（一） + 申报指南 三（四）: the declaration date must fall inside the month's filing window.
  let window: FilingWindow | null = null;
  if (declaredOn === null) {
    conditions.push(cond('ZYB_FILING_WINDOW', 'unknown', { declaredOn }, D.window));
  } else {
    const extReading = options.readings?.windowExtension;
    const rule = windowRuleOf(R, extReading?.option === 'working_days');
    const check = checkFilingWindow(cal, declaredOn, rule);
    const w = check.window;
    window = w;
    const args = {
      declaredOn,
      month: w.month,
      opens: w.opens,
      closes: w.closes,
      adjustment: w.adjustment,
      reason: w.reason,
      covered: w.coveredDays,
      notice: w.notice,
      inHoliday: w.extensionInHoliday,
      skipped: w.extensionSkippedHoliday,
      ...(extReading && (w.extensionInHoliday || w.extensionSkippedHoliday)
        ? { reading: readingSentence(extReading) }
        : {}),
    };
    const st: ConditionStatus =
      !w.scheduleKnown && w.adjustment !== 'notice' ? 'unknown' : check.inside ? 'pass' : 'fail';
    conditions.push(cond('ZYB_FILING_WINDOW', st, args, D.window, windowCitation(w.adjustment, pOpen.citation)));
  }

  const summary = summarizeConditions(conditions);
  return {
    status: summary.status,
    eligible: summary.eligible,
    conditions,
    failures: summary.failures,
    unknown: summary.unknown,
    window,
    gap,
    reads: R,
    paramsRead: [
      pValidity,
      pStart,
      pLoanFrom,
      p2023Year,
      p2023Deadline,
      pGapFrom,
      pGap,
      pOpen,
      R.windowCloseDay,
      R.windowPostponeWorkingDay,
    ],
  };
}
