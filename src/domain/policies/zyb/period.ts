/**
 * The interest period and the versions that govern it. Whether the 政银保 rules apply is judged on the days the
 * interest was incurred, not on the decision date:
 *  - a period wholly inside one version is computed under that version (S = I × R × C, its cap);
 *  - a period straddling a version's end is split at the boundary and the interest attributed to each part in
 *    proportion to its days (the bank records the interest of the period, not of each day); each part is
 *    multiplied by its own version's R and C, the parts are added exactly, rounded once, and the cap of the
 *    version governing the last supported part applies;
 *  - days no version supports earn nothing; interest wholly outside every version is refused, citing the
 *    validity article.
 */
import { formatDateZh } from '../../calendar/dates';
import { type Fen, formatPercent, maxFen, minFen, mulRatio, type Ratio, ratioOf, roundFen } from '../../money/index';
import { type Citation, citationLabel } from '../core/citation';
import type { ParamRead } from '../core/param';
import type { StepArgs, TraceParam, TraceStep } from '../core/trace';
import { yuanZh } from '../core/trace';
import { type ZybOverrides, type ZybParamReads, type ZybParams, zybParamsAt } from './params';
import { computeZybSubsidy, type ZybSubsidy, type ZybSubsidyFacts } from './subsidy';
import {
  type InterestPeriod,
  type PeriodPart,
  splitPeriod,
  ZYB_BASE_VERSION,
  ZYB_BASE_VERSION_ID,
  type ZybVersion,
} from './versions';

export interface PeriodSubsidy {
  readonly subsidy: ZybSubsidy;
  readonly parts: readonly PeriodPart[];
  /** Every day of the period lies outside every version. */
  readonly uncovered: boolean;
  /** Steps to add to the decision's trace (empty when one version, the code's own, covers the whole period). */
  readonly steps: readonly TraceStep[];
  /** The version of the last supported part (its reads are the decision's amount parameters). */
  readonly version: ZybVersion | null;
  /** The validity article cited when the interest is not (wholly) supported. */
  readonly validityCitation: Citation;
  /** That article and the validity it sets, as a sentence fragment. */
  readonly validityText: string;
}

const versionLabel = (v: ZybVersion) => `${v.docNumber}（有效期${v.validity.from}至${v.validity.to ?? '长期'}）`;

const say = {
  period: (a: StepArgs, ctx?: unknown) => {
    const parts = ctx as readonly PeriodPart[];
    const head = `利息期间${formatDateZh(String(a.from))}至${formatDateZh(String(a.to))}，共${String(a.days)}日`;
    if (parts.length === 1 && parts[0]!.version)
      return `${head}，全部在${versionLabel(parts[0]!.version)}的适用期内，按该版本计算。`;
    if (parts.every((p) => !p.version))
      return `${head}，不在任何政策版本的适用期内（${String(a.validity)}），该期间的利息不予补助。`;
    const list = parts
      .map(
        (p) =>
          `${p.from}至${p.to}（${p.days}日）${p.version ? `按${versionLabel(p.version)}` : '不在任何版本适用期内，不予补助'}`,
      )
      .join('；');
    return `${head}，跨越政策版本的起止日期，按日拆分、利息按日数比例分摊：${list}。`;
  },
  part: (a: StepArgs) =>
    `${String(a.from)}至${String(a.to)}：分摊利息 = ${yuanZh(a.interest as Fen)} × ${String(a.days)}/${String(
      a.total,
    )}，R = ${formatPercent(a.ratio as Ratio)}（${String(a.doc)}），C = ${formatPercent(
      a.coefficient as Ratio,
    )}，本段 S（未舍入）= ${String(a.exact)}元。`,
  sum: (a: StepArgs) =>
    `各段相加后按四舍五入保留到分（只舍入一次）：${yuanZh(a.rounded as Fen)}；单个企业累计补助不超过${yuanZh(
      a.cap as Fen,
    )}（${String(a.capDoc)}），已获${yuanZh(a.received as Fen)}，本次${yuanZh(a.after as Fen)}${a.capped ? '（已核减）' : ''}。`,
};

function addRatio(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

function yuanExact(r: Ratio): string {
  // fen rational → yuan with six decimals
  const scaled = (r.num * 1_000_000n) / (r.den * 100n);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  const int = abs / 1_000_000n;
  const frac = (abs % 1_000_000n)
    .toString()
    .padStart(6, '0')
    .replace(/0{1,4}$/, (m) => (m.length >= 4 ? '' : m));
  return `${neg ? '-' : ''}${int}.${frac.length < 2 ? frac.padEnd(2, '0') : frac}`;
}

/** The parameters of a version as the engine reads them (at the first day it is in force). */
export function readsOfVersion(v: ZybVersion, params: ZybParams, overrides: ZybOverrides | undefined): ZybParamReads {
  return zybParamsAt(v.validity.from, overrides, params);
}

/** S for an interest period under the versions that govern its days. */
export function computeZybSubsidyForPeriod(
  f: ZybSubsidyFacts,
  period: InterestPeriod,
  versions: readonly ZybVersion[],
  params: ZybParams,
  overrides: ZybOverrides | undefined,
): PeriodSubsidy {
  const parts = splitPeriod(versions, period);
  const total = parts.reduce((s, p) => s + p.days, 0);
  const covered = parts.filter((p) => p.version !== null);
  const lastCovered = covered[covered.length - 1]?.version ?? null;
  // The validity article to cite: the version nearest the period (the last one ending before it, else the first).
  const nearest =
    lastCovered ??
    [...versions]
      .filter((v) => (v.validity.to ?? '9999-12-31') < period.from)
      .sort((a, b) => ((a.validity.to ?? '') < (b.validity.to ?? '') ? 1 : -1))[0] ??
    versions[0] ??
    ZYB_BASE_VERSION;
  const validityCitation = nearest.validityCitation;
  const validityText = `${citationLabel(validityCitation)}：${nearest.validity.from}至${nearest.validity.to ?? '长期'}`;
  const periodStep: TraceStep = {
    code: 'interest_period',
    args: {
      from: period.from,
      to: period.to,
      days: total,
      validity: validityText,
    },
    say: say.period,
    citation: validityCitation,
    ctx: parts,
  };

  if (covered.length === 0) {
    const reads = readsOfVersion(nearest, params, overrides);
    const subsidy = computeZybSubsidy({ ...f, interestPaid: 0n }, { reads });
    return { subsidy, parts, uncovered: true, steps: [periodStep], version: null, validityCitation, validityText };
  }
  if (parts.length === 1) {
    const v = parts[0]!.version!;
    const subsidy = computeZybSubsidy(f, { reads: readsOfVersion(v, params, overrides) });
    const steps = v.id === ZYB_BASE_VERSION_ID ? [] : [periodStep];
    return { subsidy, parts, uncovered: false, steps, version: v, validityCitation, validityText };
  }

  // Split: each supported part under its own version, added exactly, rounded once, then the last version's cap.
  const steps: TraceStep[] = [periodStep];
  const traceParams: TraceParam[] = [];
  const seenReads = new Set<ParamRead<unknown>>();
  let exact: Ratio = { num: 0n, den: 1n };
  let lastSub: ZybSubsidy | null = null;
  for (const p of covered) {
    const v = p.version!;
    const reads = readsOfVersion(v, params, overrides);
    const sub = computeZybSubsidy({ ...f, receivedSoFar: 0n }, { reads });
    lastSub = sub;
    // exact share: S_v × days / total (S_v before rounding, for the whole interest)
    const share = mulRatio(sub.exact, ratioOf(BigInt(p.days), BigInt(total)));
    exact = addRatio(exact, share);
    steps.push({
      code: 'interest_part',
      args: {
        from: p.from,
        to: p.to,
        days: p.days,
        total,
        interest: f.interestPaid,
        ratio: sub.ratio,
        coefficient: sub.coefficient,
        exact: yuanExact(share),
        doc: citationLabel(reads.firstYearRatio.citation),
      },
      say: say.part,
      citation: reads.firstYearRatio.citation,
    });
    for (const tp of sub.trace.params) {
      if (seenReads.has(tp.read)) continue;
      seenReads.add(tp.read);
      traceParams.push(tp);
    }
  }
  const last = lastSub!;
  const rounded = roundFen(exact);
  const cap = last.cap;
  const remaining = maxFen(0n, cap - f.receivedSoFar);
  const amount = minFen(rounded, remaining);
  const capped = amount < rounded;
  const capCitation = readsOfVersion(lastCovered!, params, overrides).enterpriseCap.citation;
  steps.push({
    code: 'interest_sum',
    args: { rounded, cap, received: f.receivedSoFar, after: amount, capped, capDoc: citationLabel(capCitation) },
    say: say.sum,
    citation: capCitation,
  });
  const subsidy: ZybSubsidy = {
    amount,
    uncapped: rounded,
    exact,
    ratio: last.ratio,
    coefficient: last.coefficient,
    capped,
    capRemaining: remaining,
    cap,
    trace: {
      ...last.trace,
      params: traceParams,
      steps,
      inputs: last.trace.inputs.map((i) => (i.key === 'receivedSoFar' ? { ...i, value: f.receivedSoFar } : i)),
      result: { label: '可获补助 S = ', value: amount },
    },
  };
  return { subsidy, parts, uncovered: false, steps: [], version: lastCovered, validityCitation, validityText };
}
