/**
 * A complete 政银保 decision for one application: eligibility (all conditions), the amount with its trace, the
 * district verification deadline, and the non-stacking decision (就高不重复, 第十四条 and 申报指南 六（三）):
 * when the same loan also qualifies for another interest subsidy of the city, each is computed and only the
 * highest is awarded; the others stay in the trace.
 *
 * Ties go to this policy (the application being decided), then to catalogue order. A competing subsidy whose
 * amount the text leaves to a notice, and which the loan does qualify for, makes the decision incomplete until
 * that amount is supplied. Competing policies are judged in force or not as of the decision date.
 */
import { type Calendar, defaultCalendar, type WorkingDayCount, workingDayDeadline } from '../../calendar/calendar';
import { formatDateZh, type IsoDate } from '../../calendar/dates';
import type { FilingWindow } from '../../calendar/windows';
import type { Fen } from '../../money/index';
import { type Citation, cite } from '../core/citation';
import {
  CONDITION_STATUS_ZH,
  type ConditionResult,
  conditionMessage,
  type MessageArgs,
  summarizeConditions,
} from '../core/conditions';
import { type ParamRead, type ValidityStatus, validityStatus } from '../core/param';
import type { CataloguePolicy, EstimateKind, EvalContext } from '../core/policy';
import { type StepArgs, type Trace, type TraceParam, type TraceStep, yuanZh } from '../core/trace';
import type { EnterpriseFacts } from '../facts';
import {
  type AppliedReading,
  FIRST_YEAR_READING,
  type InterpretationRuling,
  LOAN_GAP_READING,
  readingOn,
  readingSentence,
  WINDOW_EXTENSION_READING,
} from '../interpretations';
import { IP_PLEDGE_SUBSIDY, ZJTX_CREDIT_LOAN_SUBSIDY } from '../measures2023/index';
import { evaluateZybEligibility, type ZybEligibility, type ZybEligibilityFacts, type ZybOptions } from './eligibility';
import { ZYB_PARAM_LABELS, zybParamsAt } from './params';
import { computeZybSubsidyForPeriod } from './period';
import type { ZybSubsidy, ZybSubsidyFacts } from './subsidy';
import {
  type InterestPeriod,
  type PeriodPart,
  yearBefore,
  ZYB_BASE_VERSION,
  type ZybVersion,
  zybParamsOf,
} from './versions';

export const ZYB_POLICY_ID = 'zyb.interest';

/** Facts about other interest subsidies the same loan may qualify for. */
export interface ZybCompetingFacts {
  /** The loan is an intellectual-property pledge financing loan (江府〔2023〕11号 第14条). */
  readonly ipPledgeLoan?: boolean | null;
  readonly ipPledgeReceivedThisYear?: Fen | null;
  /** The enterprise is a national 小巨人 or a provincial 专精特新 enterprise (江府〔2023〕11号 第11条). */
  readonly zjtxEnterprise?: boolean | null;
  /** The loan is a commercial-bank credit loan. */
  readonly commercialCreditLoan?: boolean | null;
  /** The 专精特新 credit-loan subsidy amount once a notice has fixed it. */
  readonly zjtxNoticeAmount?: Fen | null;
}

export interface ZybApplicationFacts extends ZybEligibilityFacts, ZybSubsidyFacts {
  readonly competing?: ZybCompetingFacts;
  /**
   * The subsidy year counted per enterprise (the enterprise's first year with this subsidy is year one); used
   * instead of `yearIndex` (counted per loan) when the bureau's reading of 000 第五条 "企业第一年" is per enterprise.
   */
  readonly enterpriseYearIndex?: number | null;
}

export interface ZybDecisionOptions extends ZybOptions {
  /** The decision date: the policy's status and other policies' validity are judged at this date. */
  readonly asOf: IsoDate;
  /**
   * The period the interest was incurred: the amount's parameters come from the version(s) supporting it.
   * Default: the calendar year before `asOf`.
   */
  readonly interestPeriod?: InterestPeriod;
  /** The approved versions of the rules (default: the code's version only). */
  readonly versions?: readonly ZybVersion[];
  /**
   * The bureau's approved rulings on ambiguous clauses (the register of interpretations); the ruling in force on
   * `asOf` applies and the trace names it. Absent: the platform's default readings, not named in the trace.
   */
  readonly rulings?: readonly InterpretationRuling[];
}

export interface NonStackingCandidate {
  readonly policyId: string;
  readonly name: string;
  readonly basis: Citation;
  /** yes: every condition met and in force; no: a condition failed or not in force; unknown: facts missing. */
  readonly qualifies: 'yes' | 'no' | 'unknown';
  readonly validityStatus: ValidityStatus;
  readonly amount: Fen | null;
  readonly kind: EstimateKind;
  readonly trace: Trace | null;
  readonly note: string | null;
}

export interface NonStackingDecision {
  /** The policy whose subsidy is awarded, or null when none qualifies. */
  readonly chosen: string | null;
  readonly amount: Fen;
  readonly candidates: readonly NonStackingCandidate[];
  /** False when a qualifying competitor's amount is still unknown (left to a notice). */
  readonly complete: boolean;
  readonly citation: Citation;
}

export type ZybDecisionStatus = 'award' | 'ineligible' | 'undetermined' | 'superseded';

export interface ZybDecision {
  readonly status: ZybDecisionStatus;
  /** The amount awarded under this policy (0 unless status is 'award'). */
  readonly award: Fen;
  readonly eligibility: ZybEligibility;
  readonly subsidy: ZybSubsidy;
  readonly nonStacking: NonStackingDecision;
  /** 第七条（二）: district verification due — the n-th working day after the declaration's window closes. */
  readonly verificationDue: WorkingDayCount | null;
  /** Is the policy in force on the decision date? (Eligibility judges the declaration date.) */
  readonly policyStatusAsOf: ValidityStatus;
  /** The interest period judged and how the versions split it. */
  readonly interestPeriod: InterestPeriod;
  readonly periodParts: readonly PeriodPart[];
  /** The version whose parameters the amount used (the last supported part's), or null when none supports it. */
  readonly version: ZybVersion | null;
  /** The readings of ambiguous clauses applied (empty when no register was given). */
  readonly readings: readonly AppliedReading[];
  readonly trace: Trace;
}

/** 政银保 interest wholly outside every version's period is not subsidised (the refusal cites the validity article). */
export const ZYB_INTEREST_PERIOD_RULE = 'ZYB_INTEREST_PERIOD';

const describePeriod = (status: string, a: MessageArgs) =>
  status === 'fail'
    ? `利息期间${String(a.from)}至${String(a.to)}不在任何政策版本的适用期内（${String(a.validity)}），不予补助`
    : `利息期间${String(a.from)}至${String(a.to)}部分不在政策版本的适用期内（${String(a.validity)}），该部分利息不予补助`;

const ZYB_BASIS = cite('000', ['第二条'], '实际发生的贷款利息给予补助');

export const NON_STACKING_CITATION = cite('000', ['第十四条'], '按照就高不重复的原则予以支持');
export const NON_STACKING_GUIDE_CITATION = cite(
  '001',
  ['六、', '（三）'],
  '同类（融资贴息类）奖励条件的，按照就高不重复的原则予以支持',
);

const say = {
  reading: (_a: StepArgs, ctx?: unknown) => `${readingSentence(ctx as AppliedReading)}。`,
  eligibility: (_a: StepArgs, ctx?: unknown) => {
    const e = ctx as ZybEligibility;
    const count = (st: string) => e.conditions.filter((x) => x.status === st).length;
    const head = `资格审查：共${e.conditions.length}项条件，${CONDITION_STATUS_ZH.pass}${count('pass')}项，${
      CONDITION_STATUS_ZH.not_applicable
    }${count('not_applicable')}项，${CONDITION_STATUS_ZH.fail}${e.failures.length}项，${CONDITION_STATUS_ZH.unknown}${
      e.unknown.length
    }项`;
    const bad = [...e.failures, ...e.unknown].map(conditionMessage);
    return bad.length ? `${head}：${bad.join('；')}。` : `${head}。`;
  },
  gap: (a: StepArgs) =>
    `6个自然月间隔：自${String(a.earlier)}起${String(a.months)}个自然月为${String(a.limit)}${
      a.clamped ? `（${String(a.requested)}不存在，按该月末日计）` : ''
    }。`,
  verification: (a: StepArgs) =>
    `县（市、区）核实时限：${String(a.month)}申报窗口于${formatDateZh(String(a.closes))}结束，自次日起算${String(
      a.days,
    )}个工作日（结束当日不计入），应于${formatDateZh(String(a.due))}前完成核实${a.known ? '' : '（涉及未收录节假日安排的年份，按周末计算）'}。`,
  nonStacking: (_a: StepArgs, ctx?: unknown) => describeNonStacking(ctx as NonStackingDecision),
};

function candidateFrom(
  policy: CataloguePolicy,
  facts: EnterpriseFacts,
  asOf: IsoDate,
  ctx: EvalContext,
  noticeAmount: Fen | null | undefined,
): NonStackingCandidate {
  const ev = policy.evaluate(facts, asOf, ctx);
  const inForce = ev.validityStatus === 'in_force';
  const q = ev.eligibility.status;
  const qualifies: NonStackingCandidate['qualifies'] =
    !inForce || q === 'ineligible' ? 'no' : q === 'eligible' ? 'yes' : 'unknown';
  let { amount, kind, trace, note } = ev.estimate;
  if (kind === 'by_notice' && noticeAmount !== undefined && noticeAmount !== null) {
    amount = noticeAmount;
    kind = 'exact';
    note = '按通知确定的金额';
  }
  return {
    policyId: policy.id,
    name: policy.name,
    basis: policy.basis,
    qualifies,
    validityStatus: ev.validityStatus,
    amount,
    kind,
    trace,
    note: !inForce ? `该政策于${asOf}${ev.validityStatus === 'expired' ? '已失效' : '尚未施行'}` : note,
  };
}

function describeNonStacking(d: NonStackingDecision): string {
  const parts = d.candidates.map((c) => {
    const amt = c.amount === null ? '金额待定' : yuanZh(c.amount);
    const q = c.qualifies === 'yes' ? '符合' : c.qualifies === 'no' ? '不符合' : '待确认';
    return `${c.name}（${q}，${amt}${c.note ? `，${c.note}` : ''}）`;
  });
  const chosen = d.candidates.find((c) => c.policyId === d.chosen);
  const head = `就高不重复：同一笔贷款的同类融资贴息为${parts.join('；')}`;
  if (!chosen) return `${head}；无符合条件的贴息。`;
  return `${head}；取最高的${chosen.name}${yuanZh(d.amount)}${d.complete ? '' : '，另有金额以通知为准的贴息待确定后再比较'}。`;
}

const deadlines = new WeakMap<FilingWindow, Map<number, WorkingDayCount>>();

/** The n-th working day after a window closes, memoised on the window (windows are per calendar). */
function verificationDeadline(cal: Calendar, window: FilingWindow, n: number): WorkingDayCount {
  let byN = deadlines.get(window);
  if (!byN) {
    byN = new Map();
    deadlines.set(window, byN);
  }
  let r = byN.get(n);
  if (!r) {
    r = workingDayDeadline(cal, window.closes, n);
    byN.set(n, r);
  }
  return r;
}

const traceParams = new WeakMap<ParamRead<unknown>, TraceParam>();

/** The trace entry of a parameter read, shared across decisions (reads without simulation are shared too). */
function traceParam(read: ParamRead<unknown>): TraceParam {
  let t = traceParams.get(read);
  if (!t) {
    t = { label: ZYB_PARAM_LABELS[read.key as keyof typeof ZYB_PARAM_LABELS], read };
    traceParams.set(read, t);
  }
  return t;
}

/** Decides one 政银保 application completely: eligibility, amount and trace, deadline, non-stacking. */
export function decideZybApplication(facts: ZybApplicationFacts, options: ZybDecisionOptions): ZybDecision {
  const cal: Calendar = options.calendar ?? defaultCalendar();
  const versions = options.versions ?? [ZYB_BASE_VERSION];
  const P = options.params ?? zybParamsOf(versions);
  const rulings = options.rulings;
  const loanGap = rulings ? readingOn(rulings, LOAN_GAP_READING, options.asOf) : undefined;
  const windowExtension = rulings ? readingOn(rulings, WINDOW_EXTENSION_READING, options.asOf) : undefined;
  const firstYear = rulings ? readingOn(rulings, FIRST_YEAR_READING, options.asOf) : undefined;
  const readings: AppliedReading[] =
    loanGap && windowExtension && firstYear ? [loanGap, windowExtension, firstYear] : [];
  const judged = evaluateZybEligibility(facts, {
    calendar: cal,
    overrides: options.overrides,
    params: P,
    ...(loanGap && windowExtension ? { readings: { loanGap, windowExtension } } : {}),
  });
  // 000 第五条 "企业第一年": the year counted per enterprise when the bureau so reads it and the count is known.
  const perEnterprise =
    firstYear?.option === 'per_enterprise' &&
    facts.enterpriseYearIndex !== undefined &&
    facts.enterpriseYearIndex !== null;
  const amountFacts: ZybApplicationFacts = perEnterprise ? { ...facts, yearIndex: facts.enterpriseYearIndex! } : facts;
  const atDecision = zybParamsAt(options.asOf, options.overrides, P);
  const interestPeriod = options.interestPeriod ?? yearBefore(options.asOf);
  const period = computeZybSubsidyForPeriod(amountFacts, interestPeriod, versions, P, options.overrides);
  const subsidy: ZybSubsidy = period.subsidy;
  // Interest outside every version: a failed condition citing the validity article (only then is it listed).
  let eligibility = judged;
  if (period.parts.some((p) => p.version === null)) {
    const v = period.validityCitation;
    const c: ConditionResult = {
      code: ZYB_INTEREST_PERIOD_RULE,
      status: period.uncovered ? 'fail' : 'pass',
      citation: v,
      args: {
        from: interestPeriod.from,
        to: interestPeriod.to,
        validity: period.validityText,
      },
      describe: describePeriod,
    };
    const conditions = [...judged.conditions, c];
    eligibility = { ...judged, ...summarizeConditions(conditions) };
  }
  const pValidity = atDecision.validity;
  const policyStatusAsOf = validityStatus(pValidity.value, options.asOf);

  // Non-stacking among same-kind (interest) subsidies of the city.
  const zybCandidate: NonStackingCandidate = {
    policyId: ZYB_POLICY_ID,
    name: '“政银保”数字化转型贷款贴息',
    basis: ZYB_BASIS,
    qualifies: eligibility.status === 'eligible' ? 'yes' : eligibility.status === 'ineligible' ? 'no' : 'unknown',
    validityStatus: policyStatusAsOf,
    amount: subsidy.amount,
    kind: 'exact',
    trace: subsidy.trace,
    note: null,
  };
  const candidates: NonStackingCandidate[] = [zybCandidate];
  const c = facts.competing;
  if (c && (c.ipPledgeLoan !== undefined || c.zjtxEnterprise !== undefined || c.commercialCreditLoan !== undefined)) {
    const ef: EnterpriseFacts = {
      events: {
        ip_pledge_loan: c.ipPledgeLoan ?? null,
        zjtx_enterprise: c.zjtxEnterprise ?? null,
        commercial_credit_loan: c.commercialCreditLoan ?? null,
      },
      figures: { ipPledgeInterestPaid: facts.interestPaid, ipPledgeReceivedThisYear: c.ipPledgeReceivedThisYear ?? 0n },
    };
    const ctx: EvalContext = { calendar: cal };
    if (c.ipPledgeLoan !== undefined)
      candidates.push(candidateFrom(IP_PLEDGE_SUBSIDY, ef, options.asOf, ctx, undefined));
    if (c.zjtxEnterprise !== undefined || c.commercialCreditLoan !== undefined)
      candidates.push(candidateFrom(ZJTX_CREDIT_LOAN_SUBSIDY, ef, options.asOf, ctx, c.zjtxNoticeAmount));
  }
  let best: NonStackingCandidate | null = null;
  let complete = true;
  for (const cand of candidates) {
    if (cand.qualifies !== 'yes') continue;
    if (cand.amount === null) {
      complete = false;
      continue;
    }
    if (best === null || cand.amount > best.amount!) best = cand;
  }
  const nonStacking: NonStackingDecision = {
    chosen: best?.policyId ?? null,
    amount: best?.amount ?? 0n,
    candidates,
    complete,
    citation: NON_STACKING_CITATION,
  };

  let status: ZybDecisionStatus;
  if (eligibility.status === 'ineligible') status = 'ineligible';
  else if (eligibility.status === 'undetermined') status = 'undetermined';
  else status = nonStacking.chosen === ZYB_POLICY_ID ? 'award' : 'superseded';
  const award = status === 'award' ? subsidy.amount : 0n;

  // 第七条（二）: district verification within n working days after the window closes.
  let verificationDue: WorkingDayCount | null = null;
  const steps: TraceStep[] = [];
  const pVerify = (facts.declaredOn === null ? atDecision : eligibility.reads).verificationWorkingDays;
  steps.push({ code: 'eligibility', args: { status: eligibility.status }, say: say.eligibility, ctx: eligibility });
  if (eligibility.gap) {
    const pGap = eligibility.reads.maxGapMonths;
    steps.push({
      code: 'gap_limit',
      args: {
        earlier: eligibility.gap.earlier,
        months: pGap.value,
        limit: eligibility.gap.limit.date,
        clamped: eligibility.gap.limit.clamped,
        requested: eligibility.gap.limit.requested,
      },
      say: say.gap,
      citation: pGap.citation,
    });
  }
  for (const r of readings) {
    steps.push({
      code: 'interpretation',
      args: {
        interpretation: r.interpretationId,
        option: r.option,
        ruling: r.ruling?.id ?? null,
        notice: r.ruling?.notice ?? null,
        effectiveFrom: r.ruling?.effectiveFrom ?? null,
      },
      say: say.reading,
      citation: r.citation,
      ctx: r,
    });
  }
  if (eligibility.window) {
    verificationDue = verificationDeadline(cal, eligibility.window, pVerify.value);
    steps.push({
      code: 'verification_due',
      args: {
        month: eligibility.window.month,
        closes: eligibility.window.closes,
        days: pVerify.value,
        due: verificationDue.date,
        known: verificationDue.scheduleKnown,
      },
      say: say.verification,
      citation: pVerify.citation,
    });
  }
  steps.push(...period.steps);
  steps.push(...subsidy.trace.steps);
  steps.push({
    code: 'non_stacking',
    args: {},
    say: say.nonStacking,
    citation: NON_STACKING_CITATION,
    ctx: nonStacking,
  });
  const params: TraceParam[] = [];
  for (const r of eligibility.paramsRead) params.push(traceParam(r));
  for (const p of subsidy.trace.params) params.push(p);
  params.push(traceParam(pVerify));
  const alternatives = candidates.filter((x) => x.policyId !== ZYB_POLICY_ID && x.trace).map((x) => x.trace!);
  const trace: Trace = {
    policy: ZYB_POLICY_ID,
    title: '“政银保”数字化转型贷款贴息决定',
    inputs: subsidy.trace.inputs,
    params,
    steps,
    result: {
      label:
        status === 'award'
          ? '本政策予以补助'
          : status === 'superseded'
            ? '按就高不重复原则，本政策不予补助（由其他更高的贴息支持），金额'
            : status === 'ineligible'
              ? '不符合条件，补助'
              : '条件待确认，暂定补助',
      value: award,
    },
    ...(alternatives.length ? { alternatives } : {}),
    version: period.version
      ? { id: period.version.id, docNumber: period.version.docNumber, validity: period.version.validity }
      : null,
  };
  return {
    status,
    award,
    eligibility,
    subsidy,
    nonStacking,
    verificationDue,
    policyStatusAsOf,
    interestPeriod,
    periodParts: period.parts,
    version: period.version,
    readings,
    trace,
  };
}
