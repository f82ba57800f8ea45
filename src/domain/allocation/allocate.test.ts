import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from '../money/index';
import {
  type AllocationApplication,
  type AllocationMode,
  allocateBudget,
  awardStatusOf,
  explainAward,
  rankApplications,
  rankApplicationsByComparator,
  toColumns,
} from './allocate';

const at = (iso: string) => Date.parse(iso);
const app = (
  id: string,
  declarationMonth: string,
  disbursed: string,
  amount: string,
  submitted?: string,
): AllocationApplication => ({
  id,
  declarationMonth,
  loanDisbursedAtMs: at(disbursed),
  ...(submitted ? { submittedAtMs: at(submitted) } : {}),
  amount: yuanToFen(amount),
});

function summary(apps: AllocationApplication[], budget: string, mode: AllocationMode) {
  const r = allocateBudget(apps, yuanToFen(budget), mode);
  return {
    order: Array.from(r.order, (i) => apps[i]!.id),
    awards: Object.fromEntries(apps.map((a, i) => [a.id, `${fenToYuan(r.awarded[i]!)} ${awardStatusOf(r, i)}`])),
    remaining: fenToYuan(r.remaining),
  };
}

// X, Y, Z in that order (March declarations, disbursed in order)
const XYZ = [
  app('Y', '2024-03', '2024-02-02T09:00:00+08:00', '400000.00'),
  app('Z', '2024-03', '2024-02-03T09:00:00+08:00', '100000.00'),
  app('X', '2024-03', '2024-02-01T09:00:00+08:00', '500000.00'),
];

describe('modes for the applicant the remaining budget cannot cover', () => {
  it.each<[AllocationMode, Record<string, string>, string]>([
    ['partial', { X: '500000.00 funded', Y: '300000.00 partial', Z: '0.00 unfunded' }, '0.00'],
    ['stop', { X: '500000.00 funded', Y: '0.00 stopped', Z: '0.00 stopped' }, '300000.00'],
    ['skip', { X: '500000.00 funded', Y: '0.00 skipped', Z: '100000.00 funded' }, '200000.00'],
  ])('%s', (mode, awards, remaining) => {
    const s = summary(XYZ, '800000.00', mode);
    expect(s.order).toEqual(['X', 'Y', 'Z']);
    expect(s.awards).toEqual(awards);
    expect(s.remaining).toBe(remaining);
  });

  it('partial is the default', () => {
    expect(allocateBudget(XYZ, yuanToFen('800000.00')).mode).toBe('partial');
  });

  it('a budget that covers everyone funds everyone in every mode', () => {
    for (const mode of ['partial', 'stop', 'skip'] as const) {
      expect(Object.values(summary(XYZ, '1000000.00', mode).awards).every((a) => a.endsWith('funded'))).toBe(true);
    }
  });

  it('a zero budget funds no one', () => {
    expect(summary(XYZ, '0.00', 'partial').awards).toEqual({
      X: '0.00 unfunded',
      Y: '0.00 unfunded',
      Z: '0.00 unfunded',
    });
  });

  it('refuses a negative budget', () => expect(() => allocateBudget(XYZ, -1n)).toThrow(RangeError));
});

describe('order (申报指南 六（四）) and tie-breaks', () => {
  it.each<[string, AllocationApplication[], string[]]>([
    [
      'declaration month first, even against an earlier loan',
      [
        app('A', '2024-03', '2024-02-01T10:00:00+08:00', '1.00'),
        app('B', '2024-02', '2024-02-05T10:00:00+08:00', '1.00'),
      ],
      ['B', 'A'],
    ],
    [
      'then the disbursement time, to the second',
      [
        app('A', '2024-03', '2024-02-01T10:00:01+08:00', '1.00'),
        app('B', '2024-03', '2024-02-01T10:00:00+08:00', '1.00'),
      ],
      ['B', 'A'],
    ],
    [
      'instants, not clock readings: 10:00+08:00 is 02:00Z',
      [app('A', '2024-03', '2024-02-01T10:00:00+08:00', '1.00'), app('B', '2024-03', '2024-02-01T03:00:00Z', '1.00')],
      ['A', 'B'],
    ],
    [
      'then the submission time',
      [
        app('A', '2024-03', '2024-02-01T10:00:00+08:00', '1.00', '2024-03-11T09:00:00+08:00'),
        app('B', '2024-03', '2024-02-01T10:00:00+08:00', '1.00', '2024-03-10T09:00:00+08:00'),
      ],
      ['B', 'A'],
    ],
    [
      'no submission time sorts after one',
      [
        app('A', '2024-03', '2024-02-01T10:00:00+08:00', '1.00'),
        app('B', '2024-03', '2024-02-01T10:00:00+08:00', '1.00', '2024-03-15T23:59:59+08:00'),
      ],
      ['B', 'A'],
    ],
    [
      'then the application id',
      [
        app('B-2', '2024-03', '2024-02-01T02:00:00Z', '1.00'),
        app('A-9', '2024-03', '2024-02-01T10:00:00+08:00', '1.00'),
      ],
      ['A-9', 'B-2'],
    ],
  ])('%s', (_name, apps, order) => expect(summary(apps, '10.00', 'partial').order).toEqual(order));

  it('the example budget: every application gets a rank and an award', () => {
    const apps = [
      app('A', '2024-03', '2024-02-01T10:00:00+08:00', '100000.00'),
      app('B', '2024-02', '2024-01-20T10:00:00+08:00', '750000.00'),
      app('C', '2024-03', '2024-01-31T10:00:00+08:00', '20000.00'),
    ];
    const r = allocateBudget(apps, yuanToFen('800000.00'));
    expect(Array.from(r.rank)).toEqual([3, 1, 2]);
    expect(Array.from(r.awarded, fenToYuan)).toEqual(['30000.00', '750000.00', '20000.00']);
  });

  it('explains an award in Chinese', () => {
    const cols = toColumns(XYZ);
    const r = allocateBudget(XYZ, yuanToFen('800000.00'));
    const text = explainAward(cols, r, 0).join('');
    expect(text).toContain('排第2位');
    expect(text).toContain('预算余额300000.00元');
    expect(text).toContain('部分安排');
  });
});

const arbApps = fc.array(
  fc.record({
    month: fc.integer({ min: 0, max: 5 }),
    disbursed: fc.integer({ min: 0, max: 3 }),
    submitted: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    amount: fc.bigInt({ min: 0n, max: 10_000n }),
  }),
  { maxLength: 60 },
);

function build(rows: { month: number; disbursed: number; submitted?: number; id: string; amount: bigint }[]) {
  return rows.map<AllocationApplication>((r, i) => ({
    id: `${r.id}${i % 3}`,
    declarationMonth: `2024-0${r.month + 1}`,
    loanDisbursedAtMs: 1_704_067_200_000 + r.disbursed * 500,
    submittedAtMs: r.submitted === undefined ? null : r.submitted,
    amount: r.amount,
  }));
}

describe('properties', () => {
  it('never awards more than the budget, nor more than asked, in any mode', () => {
    fc.assert(
      fc.property(
        arbApps,
        fc.bigInt({ min: 0n, max: 100_000n }),
        fc.constantFrom('partial', 'stop', 'skip'),
        (rows, budget, mode) => {
          const apps = build(rows);
          const r = allocateBudget(apps, budget, mode as AllocationMode);
          let total = 0n;
          for (let i = 0; i < apps.length; i++) {
            if (r.awarded[i]! > apps[i]!.amount || r.awarded[i]! < 0n) return false;
            total += r.awarded[i]!;
          }
          return total <= budget && total === r.totalAwarded && r.remaining === budget - total;
        },
      ),
    );
  });

  it('partial mode cuts at most one applicant, and nobody after it gets anything', () => {
    fc.assert(
      fc.property(arbApps, fc.bigInt({ min: 0n, max: 100_000n }), (rows, budget) => {
        const apps = build(rows);
        const r = allocateBudget(apps, budget, 'partial');
        const statuses = Array.from(r.order, (i) => awardStatusOf(r, i));
        const firstShort = statuses.findIndex((s) => s !== 'funded');
        return firstShort < 0 || statuses.slice(firstShort + 1).every((s) => s === 'unfunded');
      }),
    );
  });

  it('the fast ranking equals the comparator ranking (ties included)', () => {
    fc.assert(
      fc.property(arbApps, (rows) => {
        const cols = toColumns(build(rows));
        return Array.from(rankApplications(cols)).join() === Array.from(rankApplicationsByComparator(cols)).join();
      }),
    );
  });

  it('the fast ranking equals the comparator ranking over years of millisecond times', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 4e11 })), {
          minLength: 1,
          maxLength: 300,
        }),
        (rows) => {
          const cols = toColumns(
            rows.map(([m, ms], i) => ({
              id: `x${i}`,
              declarationMonth: `${2020 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
              loanDisbursedAtMs: 1_577_836_800_000 + ms,
              amount: 1n,
            })),
          );
          return Array.from(rankApplications(cols)).join() === Array.from(rankApplicationsByComparator(cols)).join();
        },
      ),
    );
  });
});

describe('scale', () => {
  it('allocates 1,000,000 applications in rank order within the budget (its speed is measured by npm run bench)', () => {
    const n = 1_000_000;
    const apps = new Array<AllocationApplication>(n);
    let seed = 7;
    const rnd = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let i = 0; i < n; i++) {
      const m = Math.floor(rnd() * 24);
      apps[i] = {
        id: `A${i}`,
        declarationMonth: `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        loanDisbursedAtMs: 1_704_067_200_000 + Math.floor(rnd() * 63_072_000) * 1000,
        amount: BigInt(Math.floor(rnd() * 10_000_000)),
      };
    }
    const r = allocateBudget(apps, 2_000_000_000_000n, 'skip');
    expect(r.order).toHaveLength(n);
    // Every application ranked once, in the order of declaration month, then loan disbursement, then id.
    let total = 0n;
    for (let k = 1; k < n; k++) {
      const a = apps[r.order[k - 1]!]!;
      const b = apps[r.order[k]!]!;
      const before =
        a.declarationMonth < b.declarationMonth ||
        (a.declarationMonth === b.declarationMonth && a.loanDisbursedAtMs <= b.loanDisbursedAtMs);
      if (!before) throw new Error(`rank ${k} is out of order`);
    }
    for (let i = 0; i < n; i++) total += r.awarded[i]!;
    expect(total).toBe(r.totalAwarded);
    expect(r.totalAwarded + r.remaining).toBe(2_000_000_000_000n);
    expect(new Set(r.order).size).toBe(n);
  });
});
