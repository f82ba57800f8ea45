/**
 * Most measures of the catalogue have one shape: a qualifying event (an award, a recognition, a project), a
 * validity, and an amount that is fixed, capped, a rate of a figure (with caps or a floor), per unit, or left
 * to a notice. `defineMeasure` turns such a specification — every number a cited, dated parameter — into a
 * catalogue policy.
 */
import type { IsoDate } from '../../calendar/dates';
import { type Fen, fenTimes, formatPercent, maxFen, minFen, type Ratio, roundFen } from '../../money/index';
import {
  COUNT_LABELS,
  type CountCode,
  type EnterpriseFacts,
  EVENT_LABELS,
  type EventCode,
  FIGURE_LABELS,
  type FigureCode,
} from '../facts';
import { type AppliedReading, readingOn, readingSentence } from '../interpretations';
import type { Citation } from './citation';
import { type ConditionResult, describer, summarizeConditions } from './conditions';
import { type ParamRead, type ParamSeries, paramAt, type Validity, validityStatus } from './param';
import type {
  CataloguePolicy,
  Estimate,
  EstimateKind,
  EvalContext,
  ParamInfo,
  PolicyEvaluation,
  PolicyIdentity,
  PolicyOverrides,
  RuleInfo,
} from './policy';
import { type StepArgs, type Trace, type TraceParam, type TraceStep, yuanZh } from './trace';

export interface Cited<T> {
  readonly label: string;
  readonly series: ParamSeries<T>;
}

export type AmountSpec =
  | { readonly kind: 'fixed'; readonly value: Cited<Fen> }
  | { readonly kind: 'up_to'; readonly cap: Cited<Fen> }
  | {
      readonly kind: 'rate';
      readonly rate: Cited<Ratio>;
      readonly base: FigureCode;
      /** Ceiling per award (or per period, with `receivedInPeriod`). */
      readonly cap?: Cited<Fen>;
      /** What the enterprise already received in the cap's period (e.g. this year). */
      readonly receivedInPeriod?: FigureCode;
      /** A ceiling shared by a group (e.g. a cluster), less what the group already got. */
      readonly groupCap?: Cited<Fen> & { readonly awardedSoFar: FigureCode };
      /** A floor ("不低于"). */
      readonly floor?: Cited<Fen>;
      /**
       * The register's interpretation that says whether the floor is per award (`award_floor`) or the measure's
       * budget (any other reading: the award is not raised). Absent: a floor per award.
       */
      readonly floorReading?: string;
      /** The text's own words: exact rate ("按…的30%给予") or a ceiling ("不超过…的50%"). */
      readonly result: 'exact' | 'up_to';
    }
  | { readonly kind: 'per_unit_up_to'; readonly cap: Cited<Fen>; readonly count: CountCode }
  | { readonly kind: 'by_notice'; readonly note: string };

export interface ExtraParam {
  readonly key: string;
  readonly label: string;
  readonly series: ParamSeries<unknown>;
}

export interface MeasureSpec extends PolicyIdentity {
  /** Events that must hold (want true) or must not hold (want false). */
  readonly events: readonly { readonly code: EventCode; readonly want?: boolean; readonly citation?: Citation }[];
  readonly amount: AmountSpec;
  /** Competitive allocation (竞争性分配): any computed amount is only a ceiling. */
  readonly competitive?: Citation;
  readonly interestSubsidy?: boolean;
  /** Further conditions (e.g. 第九条 of the special fund), with their rules and parameters. */
  readonly extra?: {
    readonly rules: readonly RuleInfo[];
    readonly params: readonly ExtraParam[];
    readonly evaluate: (
      facts: EnterpriseFacts,
      asOf: IsoDate,
      read: <T>(key: string) => ParamRead<T>,
    ) => readonly ConditionResult[];
  };
}

const eventDescriber = describer(
  (a) => (a.want ? `已${String(a.label)}` : `未${String(a.label)}`),
  (a) => (a.want ? `未${String(a.label)}` : `已${String(a.label)}，不符合本项条件`),
  (a) => (a.want ? `尚需证明：${String(a.label)}` : `尚需确认：是否${String(a.label)}`),
);

const sayStep = {
  rate: (a: StepArgs) =>
    `${String(a.baseLabel)}${yuanZh(a.base as Fen)} × ${formatPercent(a.rate as Ratio)} = ${yuanZh(
      a.rounded as Fen,
    )}（精确计算后四舍五入到分，仅舍入一次）。`,
  cap: (a: StepArgs) => {
    const cap = `${String(a.label)}${yuanZh(a.cap as Fen)}${
      a.received !== null ? `，已获${yuanZh(a.received as Fen)}，尚可获得${yuanZh(a.room as Fen)}` : ''
    }`;
    return a.cut
      ? `${cap}：由${yuanZh(a.before as Fen)}核减为${yuanZh(a.after as Fen)}。`
      : `${cap}：${yuanZh(a.after as Fen)}未超出。`;
  },
  floor: (a: StepArgs) =>
    a.raised
      ? `${String(a.label)}${yuanZh(a.floor as Fen)}（原文为下限，不是上限）：由${yuanZh(a.before as Fen)}提高到${yuanZh(
          a.after as Fen,
        )}。`
      : `${String(a.label)}${yuanZh(a.floor as Fen)}（原文为下限，不是上限）：${yuanZh(a.after as Fen)}不低于下限。`,
  floorBudget: (a: StepArgs) =>
    `${String(a.label)}${yuanZh(a.floor as Fen)}按该措施的资金总额下限理解，不据此提高单个项目的金额：${yuanZh(
      a.after as Fen,
    )}。`,
  reading: (_a: StepArgs, ctx?: unknown) => `${readingSentence(ctx as AppliedReading)}。`,
  fixed: (a: StepArgs) => `${String(a.label)}${yuanZh(a.amount as Fen)}。`,
  perUnit: (a: StepArgs) =>
    `${String(a.label)}${yuanZh(a.cap as Fen)} × ${String(a.count)}项 = 最高${yuanZh(a.amount as Fen)}。`,
  competitive: () => '专项资金采取竞争性方式分配，上述金额为可获支持的上限，实际以评审结果为准。',
};

/** Holds `amount` to what `cap` leaves after `received` (null: nothing received is known): the step and the result. */
function capStep(
  code: 'cap' | 'group_cap',
  label: string,
  cap: ParamRead<Fen>,
  received: Fen | null,
  amount: Fen,
): { step: TraceStep; after: Fen } {
  const room = maxFen(0n, cap.value - (received ?? 0n));
  const after = minFen(amount, room);
  const args = { label, cap: cap.value, received, room, before: amount, after, cut: after < amount };
  return { step: { code, args, say: sayStep.cap, citation: cap.citation }, after };
}

function readFigure(facts: EnterpriseFacts, code: FigureCode): Fen | null {
  const v = facts.figures?.[code];
  return v === undefined ? null : v;
}

export function defineMeasure(spec: MeasureSpec): CataloguePolicy {
  const amountParams: ParamInfo[] = [];
  const a = spec.amount;
  if (a.kind === 'fixed') amountParams.push({ key: 'amount', label: a.value.label, series: a.value.series });
  if (a.kind === 'up_to' || a.kind === 'per_unit_up_to')
    amountParams.push({ key: 'cap', label: a.cap.label, series: a.cap.series });
  if (a.kind === 'rate') {
    amountParams.push({ key: 'rate', label: a.rate.label, series: a.rate.series });
    if (a.cap) amountParams.push({ key: 'cap', label: a.cap.label, series: a.cap.series });
    if (a.groupCap) amountParams.push({ key: 'groupCap', label: a.groupCap.label, series: a.groupCap.series });
    if (a.floor) amountParams.push({ key: 'floor', label: a.floor.label, series: a.floor.series });
  }
  const params: ParamInfo[] = [
    { key: 'validity', label: '有效期', series: spec.validity },
    ...amountParams,
    ...(spec.extra?.params ?? []),
  ];
  const byKey = new Map(params.map((p) => [p.key, p]));
  const rules: RuleInfo[] = [
    ...spec.events.map((e) => ({
      code: `${spec.id}:${e.code}`,
      title: (e.want ?? true) ? EVENT_LABELS[e.code] : `未${EVENT_LABELS[e.code]}`,
      citation: e.citation ?? spec.basis,
    })),
    ...(spec.extra?.rules ?? []),
  ];

  function evaluate(facts: EnterpriseFacts, asOf: IsoDate, ctx: EvalContext = {}): PolicyEvaluation {
    const ov: PolicyOverrides | undefined = ctx.overrides?.[spec.id];
    const read = <T>(key: string): ParamRead<T> => {
      const p = byKey.get(key);
      if (!p) throw new Error(`${spec.id}: no parameter ${key}`);
      return paramAt(key, p.series as ParamSeries<T>, asOf, ov?.[key] as T | undefined);
    };
    const pValidity = read<Validity>('validity');
    const conditions: ConditionResult[] = spec.events.map((e) => {
      const want = e.want ?? true;
      const v = facts.events?.[e.code];
      const status = v === undefined || v === null ? 'unknown' : v === want ? 'pass' : 'fail';
      return {
        code: `${spec.id}:${e.code}`,
        status,
        citation: e.citation ?? spec.basis,
        args: { label: EVENT_LABELS[e.code], want },
        describe: eventDescriber,
      };
    });
    if (spec.extra) conditions.push(...spec.extra.evaluate(facts, asOf, read));
    return {
      policyId: spec.id,
      asOf,
      validity: pValidity.value,
      validityStatus: validityStatus(pValidity.value, asOf),
      eligibility: summarizeConditions(conditions),
      estimate: estimateAmount(facts, read, (id) => readingOn(ctx.rulings ?? [], id, asOf)),
    };
  }

  function traceOf(
    reads: TraceParam[],
    inputs: Trace['inputs'],
    steps: TraceStep[],
    value: Fen,
    resultLabel: string,
  ): Trace {
    return { policy: spec.id, title: spec.name, inputs, params: reads, steps, result: { label: resultLabel, value } };
  }

  function estimateAmount(
    facts: EnterpriseFacts,
    read: <T>(key: string) => ParamRead<T>,
    readingOf: (interpretationId: string) => AppliedReading,
  ): Estimate {
    const competitiveStep: TraceStep[] = spec.competitive
      ? [{ code: 'competitive', args: {}, say: sayStep.competitive, citation: spec.competitive }]
      : [];
    const kindOf = (k: EstimateKind): EstimateKind => (spec.competitive && k === 'exact' ? 'up_to' : k);
    switch (a.kind) {
      case 'by_notice':
        return { kind: 'by_notice', amount: null, trace: null, note: a.note };
      case 'fixed': {
        const p = read<Fen>('amount');
        const steps: TraceStep[] = [
          { code: 'fixed', args: { label: a.value.label, amount: p.value }, say: sayStep.fixed, citation: p.citation },
          ...competitiveStep,
        ];
        const kind = kindOf('exact');
        return {
          kind,
          amount: p.value,
          trace: traceOf([{ label: a.value.label, read: p }], [], steps, p.value, kind === 'exact' ? '金额' : '最高'),
          note: null,
        };
      }
      case 'up_to': {
        const p = read<Fen>('cap');
        const steps: TraceStep[] = [
          { code: 'fixed', args: { label: a.cap.label, amount: p.value }, say: sayStep.fixed, citation: p.citation },
        ];
        return {
          kind: 'up_to',
          amount: p.value,
          trace: traceOf([{ label: a.cap.label, read: p }], [], steps, p.value, '最高'),
          note: null,
        };
      }
      case 'per_unit_up_to': {
        const p = read<Fen>('cap');
        const n = facts.counts?.[a.count];
        if (n === undefined || n === null)
          return {
            kind: 'unknown',
            amount: null,
            trace: null,
            note: `需提供${COUNT_LABELS[a.count]}（每项最高${yuanZh(p.value)}）`,
          };
        const amount = p.value * BigInt(n);
        const steps: TraceStep[] = [
          {
            code: 'per_unit',
            args: { label: a.cap.label, cap: p.value, count: n, amount },
            say: sayStep.perUnit,
            citation: p.citation,
          },
        ];
        return {
          kind: 'up_to',
          amount,
          trace: traceOf(
            [{ label: a.cap.label, read: p }],
            [{ key: a.count, label: COUNT_LABELS[a.count], value: n }],
            steps,
            amount,
            '最高',
          ),
          note: null,
        };
      }
      case 'rate': {
        const pRate = read<Ratio>('rate');
        const base = readFigure(facts, a.base);
        if (base === null)
          return {
            kind: 'unknown',
            amount: null,
            trace: null,
            note: `需提供${FIGURE_LABELS[a.base]}（按${formatPercent(pRate.value)}计算）`,
          };
        const reads: TraceParam[] = [{ label: a.rate.label, read: pRate }];
        const inputs: { key: string; label: string; value: Fen }[] = [
          { key: a.base, label: FIGURE_LABELS[a.base], value: base },
        ];
        const rounded = roundFen(fenTimes(base, pRate.value));
        const steps: TraceStep[] = [
          {
            code: 'rate',
            args: { baseLabel: FIGURE_LABELS[a.base], base, rate: pRate.value, rounded },
            say: sayStep.rate,
            citation: pRate.citation,
          },
        ];
        let amount = rounded;
        const notes: string[] = [];
        if (a.cap) {
          const pCap = read<Fen>('cap');
          reads.push({ label: a.cap.label, read: pCap });
          let received: Fen | null = null;
          if (a.receivedInPeriod) {
            received = readFigure(facts, a.receivedInPeriod) ?? 0n;
            inputs.push({ key: a.receivedInPeriod, label: FIGURE_LABELS[a.receivedInPeriod], value: received });
          }
          const { step, after } = capStep('cap', a.cap.label, pCap, received, amount);
          steps.push(step);
          amount = after;
        }
        if (a.groupCap) {
          const pGroup = read<Fen>('groupCap');
          reads.push({ label: a.groupCap.label, read: pGroup });
          const so = readFigure(facts, a.groupCap.awardedSoFar);
          if (so === null) notes.push(`另受${a.groupCap.label}${yuanZh(pGroup.value)}限制`);
          else {
            inputs.push({ key: a.groupCap.awardedSoFar, label: FIGURE_LABELS[a.groupCap.awardedSoFar], value: so });
            const { step, after } = capStep('group_cap', a.groupCap.label, pGroup, so, amount);
            steps.push(step);
            amount = after;
          }
        }
        if (a.floor) {
          const pFloor = read<Fen>('floor');
          reads.push({ label: a.floor.label, read: pFloor });
          const reading = a.floorReading ? readingOf(a.floorReading) : null;
          if (reading && reading.option !== 'award_floor') {
            steps.push({
              code: 'floor_budget',
              args: { label: a.floor.label, floor: pFloor.value, after: amount },
              say: sayStep.floorBudget,
              citation: pFloor.citation,
            });
          } else {
            const after = maxFen(amount, pFloor.value);
            steps.push({
              code: 'floor',
              args: { label: a.floor.label, floor: pFloor.value, before: amount, after, raised: after > amount },
              say: sayStep.floor,
              citation: pFloor.citation,
            });
            amount = after;
          }
          if (reading)
            steps.push({
              code: 'interpretation',
              args: {
                interpretation: reading.interpretationId,
                option: reading.option,
                ruling: reading.ruling?.id ?? null,
                notice: reading.ruling?.notice ?? null,
                effectiveFrom: reading.ruling?.effectiveFrom ?? null,
              },
              say: sayStep.reading,
              citation: reading.citation,
              ctx: reading,
            });
        }
        steps.push(...competitiveStep);
        const kind = kindOf(a.result);
        return {
          kind,
          amount,
          trace: traceOf(reads, inputs, steps, amount, kind === 'exact' ? '金额' : '最高'),
          note: notes.length ? notes.join('；') : null,
        };
      }
    }
  }

  return {
    id: spec.id,
    name: spec.name,
    doc: spec.doc,
    category: spec.category,
    summary: spec.summary,
    basis: spec.basis,
    interestSubsidy: spec.interestSubsidy ?? false,
    validity: spec.validity,
    params,
    rules,
    evaluate,
  };
}
