import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRatio, fenToYuan, formatRatio, ratioOf, yuanToFen } from '../../money/index';
import { explain } from '../core/trace';
import { ZYB_PARAMS } from './params';
import { computeZybSubsidy, type ZybSubsidyFacts } from './subsidy';

const f = (interest: string, yearIndex: number, investment: string, loan: string, received = '0'): ZybSubsidyFacts => ({
  interestPaid: yuanToFen(interest),
  yearIndex,
  digitalInvestment: yuanToFen(investment),
  loanAmount: yuanToFen(loan),
  receivedSoFar: yuanToFen(received),
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}
deepFreeze(ZYB_PARAMS);

describe('S = I × R × C (第五条, 申报指南 六（二）)', () => {
  it.each([
    // I, year, IN, LV, received → S, R, C, capped
    ['50000.00', 1, '3000000.00', '5000000.00', '0', '27000.00', '0.90', '0.6000', false],
    ['50000.00', 2, '6000000.00', '5000000.00', '0', '40000.00', '0.80', '1.0000', false],
    ['50000.00', 3, '5000000.00', '5000000.00', '0', '35000.00', '0.70', '1.0000', false],
    ['50000.00', 9, '5000000.00', '5000000.00', '0', '5000.00', '0.10', '1.0000', false],
    ['50000.00', 10, '5000000.00', '5000000.00', '0', '0.00', '0.00', '1.0000', false],
    ['50000.00', 11, '5000000.00', '5000000.00', '0', '0.00', '0.00', '1.0000', false],
    ['50000.00', 1, '0', '5000000.00', '0', '0.00', '0.90', '0.0000', false],
    ['100000.00', 1, '1000000.00', '3000000.00', '0', '30000.00', '0.90', '0.3333', false],
    // one rounding, half up, at the end: 0.05 × 0.9 × 1/2 = 0.0225 → 0.02 (rounding I × R first would give 0.03)
    ['0.05', 1, '1.00', '2.00', '0', '0.02', '0.90', '0.5000', false],
    ['0.01', 5, '1.00', '1.00', '0', '0.01', '0.50', '1.0000', false], // 0.005 → 0.01 (half up)
    ['0.01', 6, '1.00', '1.00', '0', '0.00', '0.40', '1.0000', false], // 0.004 → 0.00
    ['333.33', 1, '1.00', '3.00', '0', '100.00', '0.90', '0.3333', false], // 99.999 → 100.00
    // the ¥1,000,000 cap on the enterprise's total within the validity
    ['50000.00', 1, '3000000.00', '5000000.00', '990000.00', '10000.00', '0.90', '0.6000', true],
    ['50000.00', 1, '3000000.00', '5000000.00', '973000.00', '27000.00', '0.90', '0.6000', false],
    ['50000.00', 1, '3000000.00', '5000000.00', '1000000.00', '0.00', '0.90', '0.6000', true],
    ['50000.00', 1, '3000000.00', '5000000.00', '1200000.00', '0.00', '0.90', '0.6000', true],
    ['2000000.00', 1, '30000000.00', '30000000.00', '0', '1000000.00', '0.90', '1.0000', true],
  ])('I=%s year %i IN=%s LV=%s received %s → %s', (i, k, inv, lv, rec, s, r, c, capped) => {
    const x = computeZybSubsidy(f(i, k, inv, lv, rec));
    expect(fenToYuan(x.amount)).toBe(s);
    expect(formatRatio(x.ratio, 2)).toBe(r);
    expect(formatRatio(x.coefficient, 4)).toBe(c);
    expect(x.capped).toBe(capped);
  });

  it('keeps the coefficient exact (1/3, not 0.3333)', () => {
    expect(compareRatio(computeZybSubsidy(f('1', 1, '1', '3')).coefficient, ratioOf(1n, 3n))).toBe(0);
  });

  it.each([
    ['year 0', { yearIndex: 0 }],
    ['year 1.5', { yearIndex: 1.5 }],
    ['loan 0', { loanAmount: 0n }],
    ['negative interest', { interestPaid: -1n }],
  ])('refuses broken input: %s (the contract validates first)', (_name, bad) =>
    expect(() => computeZybSubsidy({ ...f('1', 1, '1', '1'), ...bad })).toThrow(RangeError),
  );
});

describe('trace and explanation', () => {
  it('records inputs, cited parameters, every step, the rounding and the cap', () => {
    const x = computeZybSubsidy(f('50000.00', 1, '3000000.00', '5000000.00', '990000.00'));
    expect(x.trace.steps.map((s) => s.code)).toEqual(['ratio', 'coefficient', 'product', 'round', 'cap']);
    expect(x.trace.params.map((p) => p.read.key)).toEqual([
      'firstYearRatio',
      'annualDecrement',
      'coefficientCap',
      'enterpriseCap',
    ]);
    const text = explain(x.trace).join('\n');
    expect(text).toContain('江工信工业互联网〔2023〕33号 第五条');
    expect(text).toContain('申报指南 六（二）');
    expect(text).toContain('S = I × R × C = 50,000.00元 × 90% × 60% = 27,000.00元');
    expect(text).toContain('只舍入这一次');
    expect(text).toContain('核减为10,000.00元');
    expect(text).toContain('壹万元整');
  });

  it('shows the unrounded value of a repeating fraction as approximate', () => {
    const text = explain(computeZybSubsidy(f('100.00', 2, '1', '3')).trace).join('\n');
    expect(text).toContain('约26.666667元（未舍入）');
    expect(text).toContain('→ 26.67元');
  });

  it('says when the ratio would fall below zero', () => {
    expect(explain(computeZybSubsidy(f('100.00', 12, '1', '1')).trace).join('\n')).toContain('按0计');
  });
});

describe('simulations override parameters without touching the policy in force', () => {
  it.each([
    ['first-year ratio 50%', { firstYearRatio: ratioOf(1n, 2n) }, '15000.00'],
    ['decrement 20 points (year one unchanged)', { annualDecrement: ratioOf(20n, 100n) }, '27000.00'],
    ['cap ¥20,000', { enterpriseCap: yuanToFen('20000.00') }, '20000.00'],
    ['coefficient cap 0.5', { coefficientCap: ratioOf(1n, 2n) }, '22500.00'],
  ])('%s → %s, marked as simulated', (_name, overrides, amount) => {
    const x = computeZybSubsidy(f('50000.00', 1, '3000000.00', '5000000.00'), { overrides });
    expect(fenToYuan(x.amount)).toBe(amount);
    expect(x.trace.params.some((p) => p.read.simulated)).toBe(true);
    expect(explain(x.trace).join('')).toContain('模拟值');
    expect(fenToYuan(computeZybSubsidy(f('50000.00', 1, '3000000.00', '5000000.00')).amount)).toBe('27000.00');
    expect(ZYB_PARAMS.enterpriseCap[0]!.value).toBe(100_000_000n);
  });

  it('a later year under a what-if decrement', () => {
    const x = computeZybSubsidy(f('50000.00', 3, '5000000.00', '5000000.00'), {
      overrides: { annualDecrement: ratioOf(20n, 100n) },
    });
    expect(fenToYuan(x.amount)).toBe('25000.00');
  });

  it('reading a date outside the parameter’s validity says so', () => {
    const x = computeZybSubsidy(f('1', 1, '1', '1'), { asOf: '2027-06-01' });
    expect(x.trace.params[0]!.read.outOfRange).toBe(true);
    expect(explain(x.trace).join('')).toContain('不在该参数有效期内');
  });
});

const fen = (max: bigint) => fc.bigInt({ min: 0n, max });

describe('properties', () => {
  it('S ≤ I, S ≥ 0', () => {
    fc.assert(
      fc.property(
        fen(10n ** 12n),
        fc.integer({ min: 1, max: 15 }),
        fen(10n ** 12n),
        fen(10n ** 12n),
        fen(2n * 10n ** 8n),
        (i, k, inv, lv, rec) => {
          const x = computeZybSubsidy({
            interestPaid: i,
            yearIndex: k,
            digitalInvestment: inv,
            loanAmount: lv + 1n,
            receivedSoFar: rec,
          });
          return x.amount >= 0n && x.amount <= i;
        },
      ),
    );
  });

  it('S never falls as IN grows', () => {
    fc.assert(
      fc.property(
        fen(10n ** 10n),
        fc.integer({ min: 1, max: 12 }),
        fen(10n ** 11n),
        fen(10n ** 11n),
        fen(10n ** 11n),
        (i, k, a, b, lv) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const base = { interestPaid: i, yearIndex: k, loanAmount: lv + 1n, receivedSoFar: 0n };
          return (
            computeZybSubsidy({ ...base, digitalInvestment: lo }).amount <=
            computeZybSubsidy({ ...base, digitalInvestment: hi }).amount
          );
        },
      ),
    );
  });

  it('S never falls as I grows, and falls (weakly) year by year', () => {
    fc.assert(
      fc.property(fen(10n ** 10n), fen(10n ** 10n), fc.integer({ min: 1, max: 12 }), (a, b, k) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const base = { yearIndex: k, digitalInvestment: 5n, loanAmount: 7n, receivedSoFar: 0n };
        const s = (i: bigint, y = k) => computeZybSubsidy({ ...base, interestPaid: i, yearIndex: y }).amount;
        return s(lo) <= s(hi) && s(hi, k + 1) <= s(hi, k);
      }),
    );
  });

  it('an enterprise’s total never passes ¥1,000,000, however many claims', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fen(10n ** 9n), fc.integer({ min: 1, max: 10 })), { maxLength: 40 }), (claims) => {
        let total = 0n;
        for (const [i, k] of claims) {
          total += computeZybSubsidy({
            interestPaid: i,
            yearIndex: k,
            digitalInvestment: 1n,
            loanAmount: 1n,
            receivedSoFar: total,
          }).amount;
          if (total > 100_000_000n) return false;
        }
        return true;
      }),
    );
  });
});
