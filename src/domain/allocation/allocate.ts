/**
 * First-come-first-served budget allocation (先到先得、用完即止, 申报指南 六（四）).
 *
 * Order: first the month of the project's declaration (入库申报月份), then the loan's disbursement time
 * (放款时间) — both from the guide. Ties, which the guide leaves open, are broken deterministically: then the
 * application's submission time (earlier first; none given sorts last), then the application id (code-unit
 * order), then input position.
 *
 * Modes for the applicant the remaining budget cannot fully cover:
 *  - partial (default): award what remains; everyone after gets nothing (用完即止);
 *  - stop: award nothing to that applicant and stop: everyone after gets nothing;
 *  - skip: pass over that applicant and keep funding later applicants that still fit.
 *
 * Built for a million applications: the sort keys are pre-computed into typed arrays, indices are sorted, and
 * results are columns (typed arrays), not an object per application.
 */
import { monthIndexOf } from '../calendar/dates';
import { type Fen, fenToYuan } from '../money/index';
import { cite } from '../policies/core/citation';

export type AllocationMode = 'partial' | 'stop' | 'skip';

export const ALLOCATION_ORDER_CITATION = cite(
  '001',
  ['六、', '（四）'],
  '优先比较数字化转型项目入库申报的月份，若数字化转型项目入库申报的月份相同，则“政银保”融资项目贷款放款时间早的优先',
);
export const ALLOCATION_PRINCIPLE_CITATION = cite('001', ['六、', '（四）'], '按照“先到先得、用完即止”原则');

export interface AllocationApplication {
  readonly id: string;
  /** Month of the project's declaration, YYYY-MM. */
  readonly declarationMonth: string;
  /** Loan disbursement instant, epoch milliseconds. */
  readonly loanDisbursedAtMs: number;
  /** Application submission instant, epoch milliseconds (tie-breaker; optional). */
  readonly submittedAtMs?: number | null;
  /** Amount requested (the computed subsidy), in fen. */
  readonly amount: Fen;
}

/** Column form of the applications (what `allocateBudget` builds; callers with big batches may build it directly). */
export interface AllocationColumns {
  readonly ids: readonly string[];
  /** year × 12 + month − 1 of the declaration month. */
  readonly monthIndex: Int32Array;
  readonly disbursedMs: Float64Array;
  /** Submission instant; +Infinity when none. */
  readonly submittedMs: Float64Array;
  readonly amount: BigInt64Array;
}

export const AWARD_STATUS = ['funded', 'partial', 'unfunded', 'skipped', 'stopped'] as const;
export type AwardStatus = (typeof AWARD_STATUS)[number];
const FUNDED = 0;
const PARTIAL = 1;
const UNFUNDED = 2;
const SKIPPED = 3;
const STOPPED = 4;

export const AWARD_STATUS_ZH: Readonly<Record<AwardStatus, string>> = {
  funded: '足额安排',
  partial: '部分安排（预算余额不足）',
  unfunded: '未安排（预算已用完）',
  skipped: '跳过（预算余额不足，继续安排后续申请）',
  stopped: '未安排（预算余额不足，停止安排）',
};

export interface AllocationResult {
  readonly mode: AllocationMode;
  readonly budget: Fen;
  /** order[rank − 1] = input index. */
  readonly order: Uint32Array;
  /** rank (1-based) by input index. */
  readonly rank: Uint32Array;
  /** Awarded fen by input index. */
  readonly awarded: BigInt64Array;
  /** Remaining budget just before each application was considered, by input index. */
  readonly remainingBefore: BigInt64Array;
  /** Index into AWARD_STATUS, by input index. */
  readonly status: Uint8Array;
  readonly remaining: Fen;
  readonly totalAwarded: Fen;
}

export function toColumns(apps: readonly AllocationApplication[]): AllocationColumns {
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
    disbursedMs[i] = a.loanDisbursedAtMs;
    submittedMs[i] = a.submittedAtMs ?? Number.POSITIVE_INFINITY;
    amount[i] = a.amount;
  }
  return { ids, monthIndex, disbursedMs, submittedMs, amount };
}

function comparator(cols: AllocationColumns): (a: number, b: number) => number {
  const { ids, monthIndex: m, disbursedMs: d, submittedMs: s } = cols;
  return (a, b) => {
    const dm = m[a]! - m[b]!;
    if (dm !== 0) return dm;
    const da = d[a]!;
    const db = d[b]!;
    if (da !== db) return da < db ? -1 : 1;
    const sa = s[a]!;
    const sb = s[b]!;
    if (sa !== sb) return sa < sb ? -1 : 1;
    const ia = ids[a]!;
    const ib = ids[b]!;
    if (ia !== ib) return ia < ib ? -1 : 1;
    return a - b;
  };
}

/**
 * The ranking alone: input indices in award order.
 *
 * Fast path: a monotone key — (month, disbursement time quantised just enough to fit) — is packed with the
 * input index into one exact float64 and sorted natively (no comparator); runs of equal keys are then re-sorted
 * with the full comparator, so the result is exactly the comparator's order.
 */
export function rankApplications(cols: AllocationColumns): Uint32Array {
  const { monthIndex: m, disbursedMs: d } = cols;
  const n = cols.ids.length;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  const cmp = comparator(cols);
  const bits = Math.max(1, Math.ceil(Math.log2(n)));
  let minM = m[0]!;
  let maxM = m[0]!;
  let minD = d[0]!;
  let maxD = d[0]!;
  for (let i = 1; i < n; i++) {
    const mi = m[i]!;
    const di = d[i]!;
    if (mi < minM) minM = mi;
    else if (mi > maxM) maxM = mi;
    if (di < minD) minD = di;
    else if (di > maxD) maxD = di;
  }
  const months = maxM - minM + 1;
  const span = Math.floor(maxD - minD) + 1;
  const perMonth = bits <= 30 ? Math.floor(2 ** (53 - bits) / months) : 0;
  if (perMonth < 1 || !Number.isFinite(span)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort(cmp);
  }
  const q = Math.max(1, Math.ceil(span / perMonth));
  const slots = Math.floor((span - 1) / q) + 1;
  const scale = 2 ** bits;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = ((m[i]! - minM) * slots + Math.floor((d[i]! - minD) / q)) * scale + i;
  keys.sort();
  for (let r = 0; r < n; r++) order[r] = keys[r]! % scale;
  // Re-sort runs of equal packed keys with the full comparator (ties, or times within one quantum).
  let runStart = 0;
  let runKey = Math.floor(keys[0]! / scale);
  for (let r = 1; r <= n; r++) {
    const k = r < n ? Math.floor(keys[r]! / scale) : Number.NaN;
    if (k !== runKey) {
      if (r - runStart > 1) order.subarray(runStart, r).sort(cmp);
      runStart = r;
      runKey = k;
    }
  }
  return order;
}

/** The reference ranking (comparator sort only), kept for tests. */
export function rankApplicationsByComparator(cols: AllocationColumns): Uint32Array {
  const n = cols.ids.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort(comparator(cols));
}

export function allocateColumns(
  cols: AllocationColumns,
  budget: Fen,
  mode: AllocationMode = 'partial',
): AllocationResult {
  if (budget < 0n) throw new RangeError('budget must not be negative');
  const n = cols.ids.length;
  const order = rankApplications(cols);
  const rank = new Uint32Array(n);
  const awarded = new BigInt64Array(n);
  const remainingBefore = new BigInt64Array(n);
  const status = new Uint8Array(n);
  const amount = cols.amount;
  let remaining = budget;
  let stopped = false;
  let exhausted = false;
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    rank[i] = r + 1;
    remainingBefore[i] = remaining;
    const want = amount[i]!;
    if (want < 0n) throw new RangeError(`negative amount for ${cols.ids[i]}`);
    if (stopped) {
      status[i] = STOPPED;
      continue;
    }
    if (exhausted) {
      // 用完即止: once the budget could not cover someone, nobody after is funded.
      status[i] = UNFUNDED;
      continue;
    }
    if (want <= remaining) {
      awarded[i] = want;
      remaining -= want;
      status[i] = FUNDED;
    } else if (mode === 'partial') {
      exhausted = true;
      if (remaining > 0n) {
        awarded[i] = remaining;
        remaining = 0n;
        status[i] = PARTIAL;
      } else status[i] = UNFUNDED;
    } else if (mode === 'skip') {
      status[i] = SKIPPED;
    } else {
      status[i] = STOPPED;
      stopped = true;
    }
  }
  return { mode, budget, order, rank, awarded, remainingBefore, status, remaining, totalAwarded: budget - remaining };
}

/** Allocates a budget over applications first come, first served. Never awards more than the budget. */
export function allocateBudget(
  apps: readonly AllocationApplication[],
  budget: Fen,
  mode: AllocationMode = 'partial',
): AllocationResult {
  return allocateColumns(toColumns(apps), budget, mode);
}

export function awardStatusOf(result: AllocationResult, index: number): AwardStatus {
  return AWARD_STATUS[result.status[index]!]!;
}

function yuanZh(fen: Fen): string {
  return `${fenToYuan(fen)}元`;
}

/** The ordering rule in one sentence, with the tie reading applied when the caller has one. */
export function orderSentence(ties?: { readonly byIdOnly: boolean; readonly sentence: string }): string {
  return `排序依据申报指南 六（四）：先比较入库申报月份，再比较贷款放款时间；仍相同时${
    ties?.byIdOnly ? '比较申请编号' : '依次比较申请提交时间、申请编号'
  }${ties ? `（${ties.sentence}）` : ''}。`;
}

/** Chinese sentences explaining one application's award (rendered on request). */
export function explainAward(
  cols: AllocationColumns,
  result: AllocationResult,
  index: number,
  /** The sentence of the tie reading applied (register of interpretations), when the caller has one. */
  ties?: { readonly byIdOnly: boolean; readonly sentence: string },
): string[] {
  const status = awardStatusOf(result, index);
  const month = cols.monthIndex[index]!;
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  const out = [
    orderSentence(ties),
    `申请${cols.ids[index]}（入库申报月份${y}年${m}月，放款时间${new Date(cols.disbursedMs[index]!).toISOString()}）排第${
      result.rank[index]
    }位。`,
    `轮到该申请时预算余额${yuanZh(result.remainingBefore[index]!)}，申请金额${yuanZh(cols.amount[index]!)}，安排${yuanZh(
      result.awarded[index]!,
    )}：${AWARD_STATUS_ZH[status]}。`,
  ];
  return out;
}
