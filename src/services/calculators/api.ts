/**
 * Contract adapters: Zod-parsed contract input → domain → contract output (plain JSON). The CLI and the HTTP
 * routes call these and nothing else, so both speak exactly the same shapes (src/contracts/calculators.ts).
 * Pure: the caller supplies the calendar (base schedules plus administrators' additions) when it has one.
 */
import type {
  TAllocateInput,
  TAllocateResult,
  TCondition,
  TFilingWindow,
  TFilingWindowsQuery,
  TFilingWindowsResult,
  TPolicyListResult,
  TPolicyMatchInput,
  TPolicyMatchResult,
  TReadingInForce,
  TZybDecisionInput,
  TZybDecisionResult,
  TZybEligibilityInput,
  TZybEligibilityResult,
  TZybOverrides,
  TZybSubsidyInput,
  TZybSubsidyResult,
} from '../../contracts/calculators';
import { ALLOCATION_ORDER_CITATION, AWARD_STATUS, allocateColumns } from '../../domain/allocation/allocate';
import { type Calendar, defaultCalendar, isYearKnown, nthWorkingDayAfter } from '../../domain/calendar/calendar';
import { monthIndexOf } from '../../domain/calendar/dates';
import { type FilingWindow, filingWindowsOfYear } from '../../domain/calendar/windows';
import {
  type Fen,
  fenToYuan,
  formatRatio,
  ratio,
  ratioOf,
  toChineseCapitals,
  yuanToFen,
} from '../../domain/money/index';
import { CATALOGUE, matchPolicies } from '../../domain/policies/catalogue';
import { citationLabel } from '../../domain/policies/core/citation';
import { type ConditionResult, conditionToJson } from '../../domain/policies/core/conditions';
import { type Param, VALIDITY_STATUS_ZH, type Validity, validityStatus } from '../../domain/policies/core/param';
import { ESTIMATE_KIND_ZH } from '../../domain/policies/core/policy';
import { explain, formatTraceValue, type TraceValue, traceToJson } from '../../domain/policies/core/trace';
import type { EnterpriseFacts } from '../../domain/policies/facts';
import { type InterpretationRuling, listInterpretations, readingOn } from '../../domain/policies/interpretations';
import { SOURCE_DOCS } from '../../domain/policies/sources/index';
import { decideZybApplication } from '../../domain/policies/zyb/decide';
import { evaluateZybEligibility, windowCitation, zybWindowRule } from '../../domain/policies/zyb/eligibility';
import { type ZybOverrides, zybParam } from '../../domain/policies/zyb/params';
import { computeZybSubsidy } from '../../domain/policies/zyb/subsidy';
import { type ZybVersion, zybParamsOf } from '../../domain/policies/zyb/versions';

export interface ApiOptions {
  /** The working calendar (base State Council schedules + administrators' additions). */
  readonly calendar?: Calendar;
  /** The approved versions of the 政银保 rules (default: the code's version only). */
  readonly zybVersions?: readonly ZybVersion[];
  /** The bureau's approved rulings on ambiguous clauses (the register of interpretations). */
  readonly rulings?: readonly InterpretationRuling[];
  /** Today in Beijing: the date whose readings are shown when the input names none. */
  readonly today?: string;
}

const cond = (r: ConditionResult): TCondition => conditionToJson(r);

/** Every reading of the register in force on `day` under the approved rulings (the calculators show them). */
export function readingsInForce(rulings: readonly InterpretationRuling[], day: string): TReadingInForce[] {
  return listInterpretations().map((i) => {
    const r = readingOn(rulings, i.id, day);
    return {
      interpretationId: i.id,
      title: i.title,
      citation: citationLabel(i.citation),
      option: r.option,
      optionLabel: r.optionLabel,
      isDefault: r.isDefault,
      rulingId: r.ruling?.id ?? null,
      notice: r.ruling?.notice ?? null,
      effectiveFrom: r.ruling?.effectiveFrom ?? null,
      engineSwitches: i.engineSwitches,
    };
  });
}

// ——— filing windows ———

export function windowToJson(cal: Calendar, w: FilingWindow): TFilingWindow {
  const days = zybParam('verificationWorkingDays', w.opens, undefined).value;
  const citation = windowCitation(w.adjustment, zybParam('windowOpenDay', w.opens, undefined).citation);
  return {
    month: w.month,
    opens: w.opens,
    closes: w.closes,
    shifted: w.shifted,
    reason: w.reason,
    adjustment: w.adjustment,
    baseOpens: w.base.opens,
    baseCloses: w.base.closes,
    coveredDays: w.coveredDays,
    extensionInHoliday: w.extensionInHoliday,
    holidays: w.holidays.map((h) => ({ name: h.name, start: h.start, end: h.end, notice: h.notice })),
    notice: w.notice,
    scheduleKnown: w.scheduleKnown,
    verificationDue: nthWorkingDayAfter(cal, w.closes, days).date,
    citation: citationLabel(citation),
  };
}

/** GET /api/v1/filing-windows?year= — the 12 monthly filing windows of a year. */
/** A year's windows for one calendar: the same for every caller until the calendar changes. */
const yearWindows = new WeakMap<Calendar, Map<number, TFilingWindowsResult>>();

export function filingWindowsApi(input: TFilingWindowsQuery, options: ApiOptions = {}): TFilingWindowsResult {
  const cal = options.calendar ?? defaultCalendar();
  let byYear = yearWindows.get(cal);
  if (!byYear) {
    byYear = new Map();
    yearWindows.set(cal, byYear);
  }
  const hit = byYear.get(input.year);
  if (hit) return hit;
  const result = filingWindowsOfCalendar(cal, input.year);
  // A calendar spans a bounded run of years; keep at most a few dozen answers per calendar.
  if (byYear.size < 64) byYear.set(input.year, result);
  return result;
}

function filingWindowsOfCalendar(cal: Calendar, year: number): TFilingWindowsResult {
  const input = { year };
  const rule = zybWindowRule(`${input.year}-06-30`);
  return {
    year: input.year,
    scheduleKnown: isYearKnown(cal, input.year),
    holidayNotice: cal.schedules.get(input.year)?.notice ?? null,
    windows: filingWindowsOfYear(cal, input.year, rule).map((w) => windowToJson(cal, w)),
  };
}

// ——— 政银保 subsidy ———

/** Simulation values of the contract → the engine's overrides. */
export function toZybOverrides(o: TZybOverrides | undefined): ZybOverrides | undefined {
  if (!o) return undefined;
  const out: { -readonly [K in keyof ZybOverrides]: ZybOverrides[K] } = {};
  if (o.firstYearRatio !== undefined) out.firstYearRatio = ratio(o.firstYearRatio);
  if (o.annualDecrement !== undefined) out.annualDecrement = ratio(o.annualDecrement);
  if (o.coefficientCap !== undefined) out.coefficientCap = ratio(o.coefficientCap);
  if (o.enterpriseCap !== undefined) out.enterpriseCap = yuanToFen(o.enterpriseCap);
  return out;
}

/** POST /api/v1/calculators/zyb-subsidy — S = I × R × C with the cap, explained. */
export function zybSubsidyApi(input: TZybSubsidyInput, options: ApiOptions = {}): TZybSubsidyResult {
  const overrides = toZybOverrides(input.overrides);
  const params = options.zybVersions ? zybParamsOf(options.zybVersions) : undefined;
  const s = computeZybSubsidy(
    {
      interestPaid: yuanToFen(input.interestPaid),
      yearIndex: input.yearIndex,
      digitalInvestment: yuanToFen(input.digitalInvestment),
      loanAmount: yuanToFen(input.loanAmount),
      receivedSoFar: yuanToFen(input.receivedSoFar),
    },
    { asOf: input.asOf, overrides, ...(params ? { params } : {}) },
  );
  return {
    amount: fenToYuan(s.amount),
    amountInWords: toChineseCapitals(s.amount),
    ratio: formatRatio(s.ratio, 2),
    coefficient: formatRatio(s.coefficient, 4),
    coefficientExact: ((c) => `${c.num}/${c.den}`)(ratioOf(s.coefficient.num, s.coefficient.den)),
    uncapped: fenToYuan(s.uncapped),
    capped: s.capped,
    cap: fenToYuan(s.cap),
    capRemaining: fenToYuan(s.capRemaining),
    simulated: s.trace.params.some((p) => p.read.simulated),
    readingsInForce: readingsInForce(options.rulings ?? [], input.asOf ?? options.today ?? '9999-12-31'),
    explanation: explain(s.trace),
    trace: traceToJson(s.trace),
  };
}

// ——— 政银保 eligibility ———

/** POST /api/v1/calculators/zyb-eligibility — every condition, failures and unknowns with citations. */
export function zybEligibilityApi(input: TZybEligibilityInput, options: ApiOptions = {}): TZybEligibilityResult {
  const cal = options.calendar ?? defaultCalendar();
  const overrides: ZybOverrides | undefined = input.overrides
    ? {
        ...(input.overrides.maxGapMonths !== undefined ? { maxGapMonths: input.overrides.maxGapMonths } : {}),
        ...(input.overrides.loan2023DeclarationDeadline !== undefined
          ? { loan2023DeclarationDeadline: input.overrides.loan2023DeclarationDeadline }
          : {}),
      }
    : undefined;
  const e = evaluateZybEligibility(
    {
      applicantType: input.applicantType,
      registeredInJiangmen: input.registeredInJiangmen,
      operatingInJiangmen: input.operatingInJiangmen,
      isSme: input.isSme,
      creditGood: input.creditGood,
      inResourcePool: input.inResourcePool,
      projectInScope: input.projectInScope,
      projectLocationInJiangmen: input.projectLocationInJiangmen,
      projectStatus: input.projectStatus,
      projectStartOn: input.projectStartOn,
      projectEndOn: input.projectEndOn,
      declaredOn: input.declaredOn,
      loanDisbursedOn: input.loanDisbursedOn,
    },
    { calendar: cal, overrides },
  );
  const w = e.window;
  const days = zybParam('verificationWorkingDays', input.declaredOn, undefined).value;
  return {
    eligible: e.eligible,
    status: e.status,
    failures: e.failures.map(cond),
    unknown: e.unknown.map(cond),
    conditions: e.conditions.map(cond),
    window: w ? { month: w.month, opens: w.opens, closes: w.closes, shifted: w.shifted, reason: w.reason } : null,
    verificationDue: w ? nthWorkingDayAfter(cal, w.closes, days).date : null,
  };
}

// ——— 政银保 full decision ———

const money = (v: string | null | undefined): Fen | null | undefined =>
  v === null || v === undefined ? v : yuanToFen(v);

/** A complete decision for one application (eligibility + amount + trace + 就高不重复). */
export function zybDecisionApi(input: TZybDecisionInput, options: ApiOptions = {}): TZybDecisionResult {
  const cal = options.calendar ?? defaultCalendar();
  const c = input.competing;
  const d = decideZybApplication(
    {
      applicantType: input.applicantType,
      registeredInJiangmen: input.registeredInJiangmen,
      operatingInJiangmen: input.operatingInJiangmen,
      isSme: input.isSme,
      creditGood: input.creditGood,
      inResourcePool: input.inResourcePool,
      projectInScope: input.projectInScope,
      projectLocationInJiangmen: input.projectLocationInJiangmen,
      projectStatus: input.projectStatus,
      projectStartOn: input.projectStartOn,
      projectEndOn: input.projectEndOn,
      declaredOn: input.declaredOn,
      loanDisbursedOn: input.loanDisbursedOn,
      interestPaid: yuanToFen(input.interestPaid),
      yearIndex: input.yearIndex,
      ...(input.enterpriseYearIndex !== undefined ? { enterpriseYearIndex: input.enterpriseYearIndex } : {}),
      digitalInvestment: yuanToFen(input.digitalInvestment),
      loanAmount: yuanToFen(input.loanAmount),
      receivedSoFar: yuanToFen(input.receivedSoFar),
      ...(c
        ? {
            competing: {
              ...(c.ipPledgeLoan !== undefined ? { ipPledgeLoan: c.ipPledgeLoan } : {}),
              ...(c.zjtxEnterprise !== undefined ? { zjtxEnterprise: c.zjtxEnterprise } : {}),
              ...(c.commercialCreditLoan !== undefined ? { commercialCreditLoan: c.commercialCreditLoan } : {}),
              ipPledgeReceivedThisYear: money(c.ipPledgeReceivedThisYear),
              zjtxNoticeAmount: money(c.zjtxNoticeAmount),
            },
          }
        : {}),
    },
    {
      asOf: input.asOf,
      calendar: cal,
      overrides: toZybOverrides(input.overrides),
      ...(input.interestPeriod ? { interestPeriod: input.interestPeriod } : {}),
      ...(options.zybVersions ? { versions: options.zybVersions } : {}),
      ...(options.rulings ? { rulings: options.rulings } : {}),
    },
  );
  const e = d.eligibility;
  const w = e.window;
  return {
    status: d.status,
    award: fenToYuan(d.award),
    amountInWords: toChineseCapitals(d.award),
    policyStatusAsOf: d.policyStatusAsOf,
    interestPeriod: { from: d.interestPeriod.from, to: d.interestPeriod.to },
    periodParts: d.periodParts.map((p) => ({
      from: p.from,
      to: p.to,
      days: p.days,
      versionId: p.version?.id ?? null,
      docNumber: p.version?.docNumber ?? null,
    })),
    version: d.version
      ? {
          id: d.version.id,
          docNumber: d.version.docNumber,
          validFrom: d.version.validity.from,
          validTo: d.version.validity.to,
        }
      : null,
    readings: d.readings.map((r) => ({
      interpretationId: r.interpretationId,
      title: r.title,
      option: r.option,
      optionLabel: r.optionLabel,
      isDefault: r.isDefault,
      rulingId: r.ruling?.id ?? null,
      notice: r.ruling?.notice ?? null,
      effectiveFrom: r.ruling?.effectiveFrom ?? null,
    })),
    readingsInForce: readingsInForce(options.rulings ?? [], input.asOf),
    eligibility: {
      eligible: e.eligible,
      status: e.status,
      failures: e.failures.map(cond),
      unknown: e.unknown.map(cond),
      conditions: e.conditions.map(cond),
      window: w ? { month: w.month, opens: w.opens, closes: w.closes, shifted: w.shifted, reason: w.reason } : null,
      verificationDue: d.verificationDue?.date ?? null,
    },
    subsidy: {
      amount: fenToYuan(d.subsidy.amount),
      uncapped: fenToYuan(d.subsidy.uncapped),
      ratio: formatRatio(d.subsidy.ratio, 2),
      coefficient: formatRatio(d.subsidy.coefficient, 4),
      capped: d.subsidy.capped,
    },
    nonStacking: {
      chosen: d.nonStacking.chosen,
      amount: fenToYuan(d.nonStacking.amount),
      complete: d.nonStacking.complete,
      citation: citationLabel(d.nonStacking.citation),
      candidates: d.nonStacking.candidates.map((x) => ({
        policyId: x.policyId,
        name: x.name,
        qualifies: x.qualifies,
        validityStatus: x.validityStatus,
        amount: x.amount === null ? null : fenToYuan(x.amount),
        kind: x.kind,
        note: x.note,
      })),
    },
    explanation: explain(d.trace),
    trace: traceToJson(d.trace),
  };
}

// ——— allocation ———

/** Budget allocation, first come first served; every application gets a rank and an award. */
export function allocateApi(input: TAllocateInput): TAllocateResult {
  const apps = input.applications;
  const n = apps.length;
  const ids = new Array<string>(n);
  const monthIndex = new Int32Array(n);
  const disbursedMs = new Float64Array(n);
  const submittedMs = new Float64Array(n);
  const amount = new BigInt64Array(n);
  for (let i = 0; i < n; i++) {
    const a = apps[i]!;
    ids[i] = a.id;
    monthIndex[i] = monthIndexOf(a.declarationMonth);
    disbursedMs[i] = Date.parse(a.loanDisbursedAt);
    submittedMs[i] = a.submittedAt === undefined ? Number.POSITIVE_INFINITY : Date.parse(a.submittedAt);
    amount[i] = yuanToFen(a.amount);
  }
  const cols = { ids, monthIndex, disbursedMs, submittedMs, amount };
  const r = allocateColumns(cols, yuanToFen(input.budget), input.mode);
  const awards: TAllocateResult['awards'] = new Array(n);
  for (let k = 0; k < n; k++) {
    const i = r.order[k]!;
    awards[k] = {
      id: ids[i]!,
      rank: k + 1,
      requested: fenToYuan(amount[i]!),
      awarded: fenToYuan(r.awarded[i]!),
      status: AWARD_STATUS[r.status[i]!]!,
    };
  }
  return {
    mode: input.mode,
    budget: fenToYuan(r.budget),
    awards,
    remaining: fenToYuan(r.remaining),
    totalAwarded: fenToYuan(r.totalAwarded),
    order: `先比较入库申报月份，再比较贷款放款时间（${citationLabel(ALLOCATION_ORDER_CITATION)}）；仍相同时依次比较申请提交时间、申请编号`,
  };
}

// ——— policy matching ———

function factsFromContract(input: TPolicyMatchInput): EnterpriseFacts {
  const figures: Record<string, Fen | null> = {};
  for (const [k, v] of Object.entries(input.figures ?? {}))
    figures[k] = v === null || v === undefined ? null : yuanToFen(v);
  const z = input.zyb;
  return {
    enterprise: input.enterprise,
    events: input.events,
    figures,
    counts: input.counts,
    zyb: z
      ? {
          ...z,
          interestPaid: money(z.interestPaid),
          digitalInvestment: money(z.digitalInvestment),
          loanAmount: money(z.loanAmount),
          receivedSoFar: money(z.receivedSoFar),
        }
      : undefined,
  } as EnterpriseFacts;
}

function validityJson(v: Validity, asOf: string | null, citation: string) {
  const status = asOf === null ? null : validityStatus(v, asOf);
  return { from: v.from, to: v.to, status, citation };
}

/** POST /api/v1/calculators/policy-match — what an enterprise may claim at a date. */
export function policyMatchApi(input: TPolicyMatchInput, options: ApiOptions = {}): TPolicyMatchResult {
  const matches = matchPolicies(factsFromContract(input), input.asOf, {
    calendar: options.calendar,
    includeIneligible: input.includeIneligible,
    ...(options.rulings ? { rulings: options.rulings } : {}),
  });
  return {
    asOf: input.asOf,
    readingsInForce: readingsInForce(options.rulings ?? [], input.asOf),
    policies: matches.map((m) => {
      const ev = m.evaluation;
      const est = ev.estimate;
      const doc = SOURCE_DOCS[m.policy.doc];
      const vCitation = m.policy.validity[0]!.citation;
      return {
        id: m.policy.id,
        name: m.policy.name,
        category: m.policy.category,
        docNumber: doc.number,
        docTitle: doc.title,
        basis: citationLabel(m.policy.basis),
        validity: {
          from: ev.validity.from,
          to: ev.validity.to,
          status: ev.validityStatus,
          statusText: VALIDITY_STATUS_ZH[ev.validityStatus],
          citation: citationLabel(vCitation),
        },
        claimable: m.claimable,
        outcome: m.outcome,
        interestSubsidy: m.policy.interestSubsidy,
        estimate: {
          kind: est.kind,
          kindText: ESTIMATE_KIND_ZH[est.kind],
          amount: est.amount === null ? null : fenToYuan(est.amount),
          note: est.note,
          explanation: est.trace ? explain(est.trace) : [],
        },
        toProve: ev.eligibility.unknown.map(cond),
        failures: ev.eligibility.failures.map(cond),
        notes: [...m.notes],
        exclusiveWith: [...m.exclusiveWith],
      };
    }),
  };
}

/** The catalogue with validity (as of a date when given), parameters and rules, all cited. */
export function policyListApi(input: { asOf?: string }): TPolicyListResult {
  const asOf = input.asOf ?? null;
  return {
    asOf,
    policies: CATALOGUE.map((p) => {
      const doc = SOURCE_DOCS[p.doc];
      const v = (
        asOf
          ? (p.validity.find((x) => x.from <= asOf && (x.to === null || asOf <= x.to)) ?? p.validity[0])
          : p.validity[p.validity.length - 1]
      )!;
      return {
        id: p.id,
        name: p.name,
        category: p.category,
        summary: p.summary,
        docNumber: doc.number,
        docTitle: doc.title,
        basis: citationLabel(p.basis),
        validity: validityJson(v.value, asOf, citationLabel(v.citation)),
        params: p.params.flatMap((info) =>
          (info.series as readonly Param<unknown>[]).map((version) => ({
            key: info.key,
            label: info.label,
            value: formatTraceValue(version.value as TraceValue),
            from: version.from,
            to: version.to,
            citation: citationLabel(version.citation),
          })),
        ),
        rules: p.rules.map((r) => ({ code: r.code, title: r.title, citation: citationLabel(r.citation) })),
      };
    }),
  };
}
