/**
 * The support standard of each direction of a competitive call, read from the special fund's policy
 * (江工信工业互联网〔2021〕4号 第八条, `policies/iifund`) at the call's date, or from a recorded renewal
 * (`versions.ts`), and the awards the operator proposes: the standard applied to the verified invoice total
 * (第八条 “以相关发票金额为准”), funded in rank order within the direction's budget.
 *
 * Interpretation `FUND_LAST_PARTIAL` (第八条 says 竞争性方式分配 and sets ceilings only): when the budget left
 * cannot cover the next ranked project's full amount it receives what is left, and those ranked after it receive
 * nothing — rank order is never overtaken by a smaller later project.
 */
import { type Fen, fenTimes, fenToYuan, formatPercent, minFen, type Ratio, roundFen } from '../money/index';
import { type Citation, citationLabel, cite } from '../policies/core/citation';
import { paramAt } from '../policies/core/param';
import { IIFUND_POLICIES } from '../policies/iifund/index';
import { codesOf, zhNames } from '../text/codes';

export const PROGRAMME_KIND_ZH = zhNames({
  special_fund: '工业互联网专项资金',
  resource_pool: '制造业数字化转型产业生态供给资源池遴选',
});
export const PROGRAMME_KINDS = codesOf(PROGRAMME_KIND_ZH);
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

/** The directions a call may open. 人才培养 (第八条（四）) is a programme budget, not a grant applied for. */
export const DIRECTION_ZH = zhNames({
  benchmark_app: '方向一：工业企业工业互联网应用标杆',
  benchmark_platform: '方向二：特定行业工业互联网平台标杆',
  cloud: '中小企业上云上平台',
  cluster: '产业集群试点',
  pool: '产业生态供给资源池',
});
export const DIRECTIONS = codesOf(DIRECTION_ZH);
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_BASIS: Readonly<Record<Direction, Citation>> = {
  benchmark_app: cite('003', ['第七条', '（一）'], '方向一：工业企业工业互联网应用标杆'),
  benchmark_platform: cite('003', ['第七条', '（一）'], '方向二：特定行业工业互联网平台标杆'),
  cloud: cite('003', ['第七条', '（二）'], '中小企业上云上平台'),
  cluster: cite('003', ['第七条', '（三）'], '产业集群试点'),
  pool: cite('001', ['三、', '（五）'], '由市工业和信息化局定期组织公开遴选和发布'),
};
export const PROGRAMME_DIRECTIONS: Readonly<Record<ProgrammeKind, readonly Direction[]>> = {
  special_fund: ['benchmark_app', 'benchmark_platform', 'cloud', 'cluster'],
  resource_pool: ['pool'],
};

const POLICY_OF: Readonly<Record<Exclude<Direction, 'pool'>, string>> = {
  benchmark_app: 'iifund.benchmark',
  benchmark_platform: 'iifund.benchmark',
  cloud: 'iifund.cloud',
  cluster: 'iifund.cluster',
};

export interface CitedValue<T> {
  readonly value: T;
  readonly citation: Citation;
}

export interface SupportStandard {
  readonly direction: Direction;
  /** Share of the verified invoice total; null for the resource pool (membership, no money). */
  readonly rate: CitedValue<Ratio> | null;
  /** Per project (标杆) or per enterprise (上云上平台, 集群内每家企业). */
  readonly cap: CitedValue<Fen> | null;
  readonly capPer: 'project' | 'enterprise' | null;
  /** 产业集群试点: the cluster's total. */
  readonly groupCap: CitedValue<Fen> | null;
}

/** Values a recorded renewal changes, by direction policy key (see versions.ts). */
export interface StandardOverrides {
  readonly [policyId: string]: {
    readonly rate?: CitedValue<Ratio>;
    readonly cap?: CitedValue<Fen>;
    readonly groupCap?: CitedValue<Fen>;
  };
}

function read<T>(policyId: string, key: string, on: string): CitedValue<T> | null {
  const p = IIFUND_POLICIES.find((x) => x.id === policyId)?.params.find((x) => x.key === key);
  if (!p) return null;
  const r = paramAt<T>(key, p.series as never, on);
  return { value: r.value, citation: r.citation };
}

/** The standard of a direction on a date (the code's values), with a renewal's changes laid over it. */
export function supportStandard(direction: Direction, on: string, overrides: StandardOverrides = {}): SupportStandard {
  if (direction === 'pool') return { direction, rate: null, cap: null, capPer: null, groupCap: null };
  const id = POLICY_OF[direction];
  const o = overrides[id] ?? {};
  return {
    direction,
    rate: o.rate ?? read<Ratio>(id, 'rate', on),
    cap: o.cap ?? read<Fen>(id, 'cap', on),
    capPer: direction === 'cloud' || direction === 'cluster' ? 'enterprise' : 'project',
    groupCap: direction === 'cluster' ? (o.groupCap ?? read<Fen>(id, 'groupCap', on)) : null,
  };
}

export interface AwardCandidate {
  readonly id: string;
  readonly rank: number;
  readonly enterpriseId: string;
  /** The verified invoice total (第八条 以相关发票金额为准). */
  readonly invoiceTotal: Fen;
  /** 产业集群试点: the cluster the firm applies within. */
  readonly cluster?: string | null;
}

export type ProposalStatus = 'funded' | 'partial' | 'capped_by_cluster' | 'unfunded';
export interface ProposedAward {
  readonly id: string;
  readonly rank: number;
  readonly standardAmount: Fen;
  readonly amount: Fen;
  readonly status: ProposalStatus;
  /** The Chinese explanation, each step with its article. */
  readonly explanation: readonly string[];
}

const y = (f: Fen) => `${fenToYuan(f)}元`;

/** The standard applied to one invoice total: min(total × rate, cap), rounded once, half up. */
export function standardAmount(s: SupportStandard, invoiceTotal: Fen): { amount: Fen; steps: string[] } {
  if (!s.rate) return { amount: 0n, steps: ['资源池遴选不安排资金，入选即纳入资源池'] };
  const raw = roundFen(fenTimes(invoiceTotal, s.rate.value));
  const steps = [
    `经核定的发票金额${y(invoiceTotal)} × 补贴比例${formatPercent(s.rate.value)} = ${y(raw)}（依据${citationLabel(s.rate.citation)}）`,
  ];
  if (s.cap && raw > s.cap.value) {
    steps.push(
      `超过${s.capPer === 'enterprise' ? '每家企业' : '单个项目'}上限${y(s.cap.value)}，按上限计（依据${citationLabel(s.cap.citation)}）`,
    );
    return { amount: s.cap.value, steps };
  }
  return { amount: raw, steps };
}

/**
 * The operator's proposal for one direction: candidates in rank order, each its standard amount, within the
 * cluster's total (集群试点) and the direction's budget (`FUND_LAST_PARTIAL`). `alreadyCommitted` counts what earlier
 * plans of the same call already gave each cluster.
 */
export function proposeAwards(input: {
  readonly standard: SupportStandard;
  readonly budget: Fen;
  readonly candidates: readonly AwardCandidate[];
  readonly clusterCommitted?: Readonly<Record<string, Fen>>;
}): ProposedAward[] {
  const { standard: s } = input;
  let left = input.budget;
  const cluster = new Map<string, Fen>(Object.entries(input.clusterCommitted ?? {}));
  const out: ProposedAward[] = [];
  for (const c of [...input.candidates].sort((a, b) => a.rank - b.rank)) {
    const std = standardAmount(s, c.invoiceTotal);
    const steps = [...std.steps];
    let amount = std.amount;
    let status: ProposalStatus = 'funded';
    if (s.groupCap && c.cluster) {
      const used = cluster.get(c.cluster) ?? 0n;
      const room = s.groupCap.value - used > 0n ? s.groupCap.value - used : 0n;
      if (amount > room) {
        amount = room;
        status = 'capped_by_cluster';
        steps.push(
          `产业集群“${c.cluster}”已安排${y(used)}，集群上限${y(s.groupCap.value)}，本项目最多${y(room)}（依据${citationLabel(s.groupCap.citation)}）`,
        );
      }
    }
    if (amount > left) {
      amount = left;
      status = left > 0n ? 'partial' : 'unfunded';
      steps.push(
        left > 0n
          ? `方向预算余额${y(left)}不足，安排余额${y(left)}，排名其后的项目不再安排（按名次顺序安排，不越位）`
          : '方向预算已用完，不予安排（按名次顺序安排）',
      );
    }
    if (amount === 0n && status === 'funded') status = 'unfunded';
    left -= amount;
    if (c.cluster) cluster.set(c.cluster, (cluster.get(c.cluster) ?? 0n) + amount);
    steps.push(`拟安排${y(amount)}（竞争性分配，以上为上限，依据${citationLabel(COMPETITIVE)}）`);
    out.push({ id: c.id, rank: c.rank, standardAmount: std.amount, amount, status, explanation: steps });
    if (status === 'partial') left = 0n;
  }
  return out;
}

const COMPETITIVE = cite('003', ['第八条'], '专项资金采取竞争性方式分配');

/**
 * The final amount at acceptance (第十四条): the standard on the verified final invoices, never above the award
 * (it can only go down); the difference returns to the direction's budget.
 */
export function finalAmount(
  s: SupportStandard,
  awarded: Fen,
  finalInvoiceTotal: Fen,
): { amount: Fen; released: Fen; explanation: string[] } {
  const std = standardAmount(s, finalInvoiceTotal);
  const amount = minFen(std.amount, awarded);
  const steps = [...std.steps];
  steps.push(
    amount < awarded
      ? `按验收核定的发票重新计算为${y(amount)}，低于原安排${y(awarded)}，差额${y(awarded - amount)}退回方向预算（依据${citationLabel(ACCEPTANCE)}）`
      : `按验收核定的发票重新计算不低于原安排，维持${y(awarded)}（验收只可调减，依据${citationLabel(ACCEPTANCE)}）`,
  );
  return { amount, released: awarded - amount, explanation: steps };
}

export const ACCEPTANCE = cite('003', ['第十四条'], '项目单位应及时申请验收或完工评价');
