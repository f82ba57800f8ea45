import { describe, expect, it } from 'vitest';
import { type RankedApplication, rankDecideAndAllocate } from './rank-and-cap';

const CAP = 100n;
const app = (id: string, enterpriseId: string, month: string, day: number): RankedApplication => ({
  applicationId: id,
  enterpriseId,
  declarationMonth: month,
  firstDisbursedAt: new Date(`2024-05-${String(day).padStart(2, '0')}T02:00:00Z`),
  submittedAt: new Date('2024-06-01T02:00:00Z'),
});
/** Each asks for `want`, cut to what is left of the enterprise's cap. */
const capped = (want: bigint) => (capUsed: bigint) => ({ amountFen: want < CAP - capUsed ? want : CAP - capUsed });

describe('the ranking-and-cap loop', () => {
  // Input order differs from the first-come-first-served order: b (March) comes before a (April).
  const apps = [app('a', 'E1', '2024-04', 1), app('b', 'E1', '2024-03', 9), app('c', 'E2', '2024-03', 20)];
  const want = [70n, 60n, 50n];

  it('shares the enterprise cap in the first-come-first-served order, not the input order', () => {
    const seen: Array<[string, bigint]> = [];
    const out = rankDecideAndAllocate({
      apps,
      heldBefore: () => 0n,
      decide: (i, used) => {
        seen.push([apps[i]!.applicationId, used]);
        return capped(want[i]!)(used);
      },
      budget: 1_000n,
      mode: 'partial',
    });
    expect(seen).toEqual([
      ['b', 0n],
      ['c', 0n],
      ['a', 60n],
    ]);
    expect(out.amounts).toEqual([40n, 60n, 50n]);
    expect(out.totalRequested).toBe(150n);
    expect([...out.result.awarded]).toEqual([40n, 60n, 50n]);
  });

  it('counts what the enterprise held before and funds only the asks against the budget', () => {
    const out = rankDecideAndAllocate({
      apps,
      heldBefore: (i) => (apps[i]!.enterpriseId === 'E1' ? 30n : 0n),
      decide: (i, used) => capped(want[i]!)(used),
      ask: (_i, d) => (d.amountFen > 10n ? d.amountFen - 10n : 0n),
      budget: 80n,
      mode: 'partial',
    });
    // b: cap left 70 → 60, asks 50; c: 50, asks 40; a: held 30 + 50 asked by b → 20 left, asks 10.
    expect(out.amounts).toEqual([20n, 60n, 50n]);
    expect(out.asks).toEqual([10n, 50n, 40n]);
    expect(out.totalRequested).toBe(100n);
    // Budget 80 in order b, c, a: b 50, c 30 (partial), a 0.
    expect([...out.result.awarded]).toEqual([0n, 50n, 30n]);
  });
});
