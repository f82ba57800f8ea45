import { describe, expect, it } from 'vitest';
import { type RankInput, type RankReview, rankApplications, rankInputProblems } from './ranking';

const criteria = [
  { id: 'innovation', weight: '30' },
  { id: 'benefit', weight: '70' },
];
const review = (
  applicationId: string,
  expertId: string,
  innovation: string,
  benefit: string,
  conflict = false,
): RankReview => ({
  applicationId,
  expertId,
  scores: { innovation, benefit },
  conflict,
});
const base = (over: Partial<RankInput>): RankInput => ({
  criteria,
  method: 'mean',
  minReviews: 3,
  threshold: '60.00',
  applications: [],
  reviews: [],
  ...over,
});

describe('ranking (第十一条 专家评审, 第十条（二） 排序优选)', () => {
  it('averages weighted totals, rounds once half up, ranks by score', () => {
    const r = rankApplications(
      base({
        applications: [
          { id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' },
          { id: 'B', submittedAt: '2026-03-01T09:00:00+08:00' },
        ],
        reviews: [
          // A: 0.3×80+0.7×90 = 87; 0.3×81+0.7×90 = 87.3; 0.3×80+0.7×91 = 87.7 → mean 87.333… → 87.33
          review('A', 'E1', '80', '90'),
          review('A', 'E2', '81', '90'),
          review('A', 'E3', '80', '91'),
          // B: 90, 90, 90.005 is impossible (2 places) — 90, 90, 90.01×… use 0.3×100+0.7×85.72 = 90.004
          review('B', 'E1', '90', '90'),
          review('B', 'E2', '90', '90'),
          review('B', 'E3', '100', '85.72'),
        ],
      }),
    );
    expect(r).toEqual([
      { id: 'B', rank: 1, score: '90.00', reviews: 3, status: 'ranked' },
      { id: 'A', rank: 2, score: '87.33', reviews: 3, status: 'ranked' },
    ]);
  });

  it('breaks equal rounded scores by the earlier submission, then by id', () => {
    const apps = [
      { id: 'C', submittedAt: '2026-03-02T10:00:00+08:00' },
      { id: 'B', submittedAt: '2026-03-01T10:00:00+08:00' },
      { id: 'A', submittedAt: '2026-03-01T02:00:00Z' }, // same instant as B
    ];
    const reviews = ['A', 'B', 'C'].flatMap((id) => [1, 2, 3].map((e) => review(id, `E${e}`, '70', '70')));
    expect(rankApplications(base({ applications: apps, reviews })).map((e) => [e.id, e.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
  });

  it('trimmed: with five valid reviews the highest and lowest are dropped; with four, the plain mean', () => {
    const five = [10, 60, 70, 80, 100].map((s, i) => review('A', `E${i}`, String(s), String(s)));
    const trimmed = rankApplications(
      base({
        method: 'trimmed',
        threshold: '0',
        applications: [{ id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' }],
        reviews: five,
      }),
    );
    expect(trimmed[0]!.score).toBe('70.00');
    const four = five.slice(0, 4);
    const plain = rankApplications(
      base({
        method: 'trimmed',
        threshold: '0',
        applications: [{ id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' }],
        reviews: four,
      }),
    );
    expect(plain[0]!.score).toBe('55.00');
  });

  it('conflicted reviews do not count; too few valid reviews are insufficient; below the threshold is not ranked', () => {
    const r = rankApplications(
      base({
        applications: [
          { id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' },
          { id: 'B', submittedAt: '2026-03-01T11:00:00+08:00' },
        ],
        reviews: [
          review('A', 'E1', '90', '90'),
          review('A', 'E2', '90', '90'),
          review('A', 'E3', '90', '90', true),
          review('B', 'E1', '59.99', '59.99'),
          review('B', 'E2', '59.99', '59.99'),
          review('B', 'E3', '59.99', '59.99'),
        ],
      }),
    );
    expect(r).toEqual([
      { id: 'B', rank: null, score: '59.99', reviews: 3, status: 'below_threshold' },
      { id: 'A', rank: null, score: null, reviews: 2, status: 'insufficient_reviews' },
    ]);
  });

  it('names the field of every problem', () => {
    const problems = rankInputProblems(
      base({
        criteria: [
          { id: 'innovation', weight: '30' },
          { id: 'benefit', weight: '60' },
        ],
        applications: [{ id: 'A', submittedAt: '2026-03-01T10:00:00+08:00' }],
        reviews: [
          { applicationId: 'Z', expertId: 'E1', scores: { innovation: '80', benefit: '80' }, conflict: false },
          {
            applicationId: 'A',
            expertId: 'E1',
            scores: { innovation: '101', benefit: '80', style: '5' },
            conflict: false,
          },
        ],
      }),
    );
    expect(problems.map((p) => [p.path.join('.'), p.message])).toEqual([
      ['criteria', '评分项权重合计应为100，现为90'],
      ['reviews.0.applicationId', '评审意见所对应的申报“Z”不存在'],
      ['reviews.1.scores.innovation', '评分项“innovation”的分数应为0至100之间的数'],
      ['reviews.1.scores.style', '评分项“style”不在评分模板中'],
    ]);
  });
});
