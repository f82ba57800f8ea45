/**
 * Traces: how an amount was computed — the inputs, the parameters read (with their sources), each step, the
 * single rounding and any cap that cut the result. A trace is plain data plus a shared renderer per step, so it
 * costs a few small objects to build; `explain` renders Chinese sentences only when someone asks.
 */
import { type Fen, fenToYuan, formatPercent, type Ratio, toChineseCapitals } from '../../money/index';
import { type Citation, type CitationJson, citationLabel, citationToJson } from './citation';
import type { ParamRead, Validity } from './param';

/** Values in a trace: bigint is always an amount in fen; {num, den} is an exact ratio. */
export type TraceValue = bigint | Ratio | string | number | boolean | null | Validity;

export type StepArgs = Readonly<Record<string, TraceValue>>;
/** Renders a step; `ctx` is the step's context object when it has one (kept out of the JSON form). */
export type StepRenderer = (args: StepArgs, ctx?: unknown) => string;

export interface TraceStep {
  readonly code: string;
  readonly args: StepArgs;
  readonly say: StepRenderer;
  readonly citation?: Citation;
  /** Structured context the renderer reads (e.g. the eligibility result), so no closure is built per step. */
  readonly ctx?: unknown;
}

export interface TraceInput {
  readonly key: string;
  readonly label: string;
  readonly value: TraceValue;
}

export interface TraceParam {
  readonly label: string;
  readonly read: ParamRead<unknown>;
}

export interface Trace {
  readonly policy: string;
  readonly title: string;
  readonly inputs: readonly TraceInput[];
  readonly params: readonly TraceParam[];
  readonly steps: readonly TraceStep[];
  readonly result: { readonly label: string; readonly value: Fen | null };
  /** Traces of alternatives computed alongside (e.g. other interest subsidies under 就高不重复). */
  readonly alternatives?: readonly Trace[];
  /** The policy version whose parameters were used (decisions under versioned rules); null: none applied. */
  readonly version?: TraceVersion | null;
}

export interface TraceVersion {
  readonly id: string;
  readonly docNumber: string;
  readonly validity: Validity;
}

/** "27,000.00元" */
export function yuanZh(fen: Fen): string {
  const s = fenToYuan(fen < 0n ? -fen : fen);
  const [int, frac] = s.split('.');
  return `${fen < 0n ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}元`;
}

/** "100万元" for round amounts of ten thousand yuan, else "27,000.00元". */
export function yuanShortZh(fen: Fen): string {
  if (fen > 0n && fen % 1_000_000n === 0n) return `${fen / 1_000_000n}万元`;
  return yuanZh(fen);
}

function isRatio(v: unknown): v is Ratio {
  return typeof v === 'object' && v !== null && 'num' in v && 'den' in v;
}

function isValidity(v: unknown): v is Validity {
  return typeof v === 'object' && v !== null && 'from' in v && 'to' in v;
}

export function formatTraceValue(v: TraceValue): string {
  if (typeof v === 'bigint') return yuanZh(v);
  if (v === null) return '（未提供）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (isRatio(v)) return formatPercent(v);
  if (isValidity(v)) return `${v.from}至${v.to ?? '长期'}`;
  return String(v);
}

const POINTS = '（百分点）';

/** "第一年补助比例：90%", and for a decrement in percentage points "补助比例每年递减10个百分点". */
function paramText(label: string, value: TraceValue): string {
  if (label.endsWith(POINTS) && isRatio(value))
    return `${label.slice(0, -POINTS.length)}${formatPercent(value).replace(/%$/, '')}个百分点`;
  return `${label}：${formatTraceValue(value)}`;
}

export function explain(trace: Trace): string[] {
  const out: string[] = [];
  if (trace.inputs.length) {
    out.push(`输入：${trace.inputs.map((i) => `${i.label}${formatTraceValue(i.value)}`).join('；')}。`);
  }
  for (const p of trace.params) {
    const note = p.read.simulated
      ? '（模拟值，非现行政策）'
      : p.read.outOfRange
        ? '（所查日期不在该参数有效期内，按最近版本）'
        : '';
    out.push(
      `参数：${paramText(p.label, p.read.value as TraceValue)}${note}（依据${citationLabel(p.read.citation)}）。`,
    );
  }
  for (const s of trace.steps) out.push(s.say(s.args, s.ctx));
  if (trace.result.value !== null) {
    out.push(
      `结果：${trace.result.label}${yuanZh(trace.result.value)}（大写：${toChineseCapitals(trace.result.value)}）。`,
    );
  } else {
    out.push(`结果：${trace.result.label}无法确定。`);
  }
  if (trace.alternatives?.length) {
    for (const alt of trace.alternatives) {
      out.push(`——同时计算的${alt.title}：`);
      for (const line of explain(alt)) out.push(`　${line}`);
    }
  }
  return out;
}

function valueToJson(v: TraceValue): unknown {
  if (typeof v === 'bigint') return { yuan: fenToYuan(v) };
  if (isRatio(v)) return { num: v.num.toString(), den: v.den.toString(), percent: formatPercent(v) };
  return v;
}

export interface TraceJson {
  readonly policy: string;
  readonly title: string;
  readonly inputs: readonly { key: string; label: string; value: unknown }[];
  readonly params: readonly {
    key: string;
    label: string;
    value: unknown;
    from: string;
    to: string | null;
    simulated: boolean;
    citation: string;
    source: CitationJson;
  }[];
  readonly steps: readonly { code: string; args: Record<string, unknown>; text: string; citation?: string }[];
  readonly result: { label: string; value: string | null };
  readonly alternatives?: readonly TraceJson[];
  readonly version?: TraceVersion | null;
}

/** The structured trace as JSON (money as yuan strings, ratios as exact fractions). */
export function traceToJson(trace: Trace): TraceJson {
  return {
    policy: trace.policy,
    title: trace.title,
    inputs: trace.inputs.map((i) => ({ key: i.key, label: i.label, value: valueToJson(i.value) })),
    params: trace.params.map((p) => ({
      key: p.read.key,
      label: p.label,
      value: valueToJson(p.read.value as TraceValue),
      from: p.read.from,
      to: p.read.to,
      simulated: p.read.simulated,
      citation: citationLabel(p.read.citation),
      source: citationToJson(p.read.citation),
    })),
    steps: trace.steps.map((s) => ({
      code: s.code,
      args: Object.fromEntries(Object.entries(s.args).map(([k, v]) => [k, valueToJson(v)])),
      text: s.say(s.args, s.ctx),
      ...(s.citation ? { citation: citationLabel(s.citation) } : {}),
    })),
    result: { label: trace.result.label, value: trace.result.value === null ? null : fenToYuan(trace.result.value) },
    ...(trace.alternatives ? { alternatives: trace.alternatives.map(traceToJson) } : {}),
    ...(trace.version !== undefined ? { version: trace.version } : {}),
  };
}
