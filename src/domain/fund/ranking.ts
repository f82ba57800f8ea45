/**
 * Expert scores → final scores → ranking (江工信工业互联网〔2021〕4号 第十一条 “通过专家评审……审核确定”, 第十条（二）
 * “排序优选”). Pure and exact: weights and scores are decimal strings read as rationals; a final score is rounded
 * once, half up, to 0.01.
 *
 * - A review's weighted total is Σ score × weight / 100 over the template's criteria (weights total 100).
 * - An application's final score is the mean of its valid (non-conflicted) reviews' totals; in `trimmed` mode, with
 *   at least five valid reviews, the highest and the lowest total are dropped first (with fewer, the plain mean).
 * - Fewer valid reviews than `minReviews` → not ranked (`insufficient_reviews`); a rounded score below the threshold
 *   → not ranked (`below_threshold`). The rest are ranked by the rounded score, descending; equal rounded scores
 *   go to the earlier submission, then to the smaller id.
 */
import { compareRatio, formatRatio, type Ratio, ratio, ratioOf, roundHalfUp } from '../money/index';

export type ScoreMethod = 'mean' | 'trimmed';
export const TRIM_FROM_REVIEWS = 5;

export interface Criterion {
  readonly id: string;
  readonly weight: string;
}
export interface RankApplication {
  readonly id: string;
  /** ISO instant with offset, e.g. 2026-03-01T10:00:00+08:00. */
  readonly submittedAt: string;
}
export interface RankReview {
  readonly applicationId: string;
  readonly expertId: string;
  readonly scores: Readonly<Record<string, string>>;
  readonly conflict: boolean;
}
export interface RankInput {
  readonly criteria: readonly Criterion[];
  readonly method: ScoreMethod;
  readonly minReviews: number;
  readonly threshold: string;
  readonly applications: readonly RankApplication[];
  readonly reviews: readonly RankReview[];
}

export type RankStatus = 'ranked' | 'below_threshold' | 'insufficient_reviews';
export interface RankEntry {
  readonly id: string;
  readonly rank: number | null;
  readonly score: string | null;
  readonly reviews: number;
  readonly status: RankStatus;
}

export interface RankProblem {
  readonly path: (string | number)[];
  readonly message: string;
}

const DECIMAL = /^\d{1,3}(\.\d{1,2})?$/;
const HUNDRED = ratioOf(100n, 1n);

/** A 0–100 decimal with at most two places, or null. */
function percentOf(s: string): Ratio | null {
  if (!DECIMAL.test(s)) return null;
  const r = ratio(s);
  return compareRatio(r, HUNDRED) > 0 ? null : r;
}

/** Everything wrong with a ranking input, each naming its field in Chinese terms (empty when it is sound). */
export function rankInputProblems(input: RankInput): RankProblem[] {
  const problems: RankProblem[] = [];
  const ids = new Set<string>();
  let total: Ratio = ratioOf(0n, 1n);
  input.criteria.forEach((c, i) => {
    if (ids.has(c.id)) problems.push({ path: ['criteria', i, 'id'], message: `评分项“${c.id}”重复` });
    ids.add(c.id);
    const w = percentOf(c.weight);
    if (!w) {
      problems.push({ path: ['criteria', i, 'weight'], message: `评分项“${c.id}”的权重应为0至100之间的数` });
      return;
    }
    total = { num: total.num * w.den + w.num * total.den, den: total.den * w.den };
  });
  if (input.criteria.length > 0 && compareRatio(total, HUNDRED) !== 0)
    problems.push({
      path: ['criteria'],
      message: `评分项权重合计应为100，现为${formatRatio(total, 2).replace(/\.00$/, '')}`,
    });
  if (percentOf(input.threshold) === null)
    problems.push({ path: ['threshold'], message: '入围分数线应为0至100之间的数' });
  const apps = new Set<string>();
  input.applications.forEach((a, i) => {
    if (apps.has(a.id)) problems.push({ path: ['applications', i, 'id'], message: `申报“${a.id}”重复` });
    apps.add(a.id);
    if (Number.isNaN(Date.parse(a.submittedAt)))
      problems.push({ path: ['applications', i, 'submittedAt'], message: `申报“${a.id}”的提交时间不是有效时间` });
  });
  const seen = new Set<string>();
  input.reviews.forEach((r, i) => {
    if (!apps.has(r.applicationId))
      problems.push({
        path: ['reviews', i, 'applicationId'],
        message: `评审意见所对应的申报“${r.applicationId}”不存在`,
      });
    const key = `${r.applicationId}\u0000${r.expertId}`;
    if (seen.has(key))
      problems.push({
        path: ['reviews', i, 'expertId'],
        message: `专家“${r.expertId}”对申报“${r.applicationId}”的评分重复`,
      });
    seen.add(key);
    for (const [k, v] of Object.entries(r.scores)) {
      if (!ids.has(k)) problems.push({ path: ['reviews', i, 'scores', k], message: `评分项“${k}”不在评分模板中` });
      else if (percentOf(v) === null)
        problems.push({ path: ['reviews', i, 'scores', k], message: `评分项“${k}”的分数应为0至100之间的数` });
    }
    if (!r.conflict)
      for (const c of input.criteria)
        if (r.scores[c.id] === undefined)
          problems.push({ path: ['reviews', i, 'scores', c.id], message: `缺少评分项“${c.id}”的分数` });
  });
  return problems;
}

/** A review's weighted total, exact: Σ score × weight / 100. */
export function weightedTotal(criteria: readonly Criterion[], scores: Readonly<Record<string, string>>): Ratio {
  let num = 0n;
  let den = 1n;
  for (const c of criteria) {
    const s = ratio(scores[c.id] ?? '0');
    const w = ratio(c.weight);
    const termNum = s.num * w.num;
    const termDen = s.den * w.den * 100n;
    num = num * termDen + termNum * den;
    den *= termDen;
  }
  return ratioOf(num, den);
}

/** The final score from valid totals, exact (before rounding). */
export function finalScore(totals: readonly Ratio[], method: ScoreMethod): Ratio {
  let used = [...totals];
  if (method === 'trimmed' && used.length >= TRIM_FROM_REVIEWS) {
    used.sort(compareRatio);
    used = used.slice(1, -1);
  }
  let num = 0n;
  let den = 1n;
  for (const t of used) {
    num = num * t.den + t.num * den;
    den *= t.den;
  }
  return ratioOf(num, den * BigInt(used.length));
}

/** Rounded once, half up, to 0.01, as hundredths. */
function hundredths(r: Ratio): bigint {
  return roundHalfUp(r.num * 100n, r.den);
}

function formatHundredths(h: bigint): string {
  return `${h / 100n}.${(h % 100n).toString().padStart(2, '0')}`;
}

/** Ranks every application (the input must have no problems: see `rankInputProblems`). */
export function rankApplications(input: RankInput): RankEntry[] {
  const threshold = hundredths(ratio(input.threshold));
  const rows = input.applications.map((a, order) => {
    const valid = input.reviews.filter((r) => r.applicationId === a.id && !r.conflict);
    if (valid.length === 0 || valid.length < input.minReviews)
      return {
        a,
        order,
        h: null as bigint | null,
        reviews: valid.length,
        status: 'insufficient_reviews' as RankStatus,
      };
    const h = hundredths(
      finalScore(
        valid.map((r) => weightedTotal(input.criteria, r.scores)),
        input.method,
      ),
    );
    return { a, order, h, reviews: valid.length, status: (h < threshold ? 'below_threshold' : 'ranked') as RankStatus };
  });
  const at = (s: string) => Date.parse(s);
  const byScore = (x: (typeof rows)[number], y: (typeof rows)[number]) => {
    if (x.h !== y.h) return (y.h ?? -1n) > (x.h ?? -1n) ? 1 : -1;
    const t = at(x.a.submittedAt) - at(y.a.submittedAt);
    if (t !== 0) return t;
    return x.a.id < y.a.id ? -1 : x.a.id > y.a.id ? 1 : 0;
  };
  const ranked = rows.filter((r) => r.status === 'ranked').sort(byScore);
  const below = rows.filter((r) => r.status === 'below_threshold').sort(byScore);
  const insufficient = rows.filter((r) => r.status === 'insufficient_reviews').sort(byScore);
  return [
    ...ranked.map((r, i) => ({
      id: r.a.id,
      rank: i + 1,
      score: formatHundredths(r.h!),
      reviews: r.reviews,
      status: r.status,
    })),
    ...[...below, ...insufficient].map((r) => ({
      id: r.a.id,
      rank: null,
      score: r.h === null ? null : formatHundredths(r.h),
      reviews: r.reviews,
      status: r.status,
    })),
  ];
}
