import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysInMonth,
  fromDayNumber,
  isIsoDate,
  isIsoMonth,
  monthIndexOf,
  toDayNumber,
  weekdayOf,
} from './dates';

describe('ISO dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-1-01', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
  ])('isIsoDate(%s) = %s', (s, ok) => expect(isIsoDate(s)).toBe(ok));

  it.each([
    ['2024-02', true],
    ['2024-00', false],
    ['2024-13', false],
    ['2024-2', false],
  ])('isIsoMonth(%s) = %s', (s, ok) => expect(isIsoMonth(s)).toBe(ok));

  it.each([
    ['1970-01-01', 0, 4],
    ['2024-02-18', 19771, 0],
    ['2026-11-21', 20778, 6],
  ])('%s is day %i, weekday %i', (d, n, w) => {
    expect(toDayNumber(d)).toBe(n);
    expect(fromDayNumber(n)).toBe(d);
    expect(weekdayOf(d)).toBe(w);
  });

  it('day numbers round-trip and agree with Date.UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const d = fromDayNumber(n);
        return toDayNumber(d) === n && new Date(n * 86_400_000).toISOString().slice(0, 10) === d;
      }),
    );
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
  });

  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2024, 4, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  it('month index orders months', () => expect(monthIndexOf('2024-03') - monthIndexOf('2023-12')).toBe(3));
});

describe('month arithmetic clamps to the month end and says so', () => {
  it.each([
    ['2024-08-31', 6, '2025-02-28', true, '2025-02-31'],
    ['2023-08-31', 6, '2024-02-29', true, '2024-02-31'],
    ['2024-03-15', 6, '2024-09-15', false, '2024-09-15'],
    ['2024-03-31', 6, '2024-09-30', true, '2024-09-31'],
    ['2024-12-31', 2, '2025-02-28', true, '2025-02-31'],
    ['2024-09-15', -6, '2024-03-15', false, '2024-03-15'],
    ['2024-08-31', -6, '2024-02-29', true, '2024-02-31'],
    ['2024-01-31', 12, '2025-01-31', false, '2025-01-31'],
    ['2024-02-29', 12, '2025-02-28', true, '2025-02-29'],
  ])('%s %+i months → %s (clamped %s)', (from, n, to, clamped, requested) => {
    expect(addMonths(from, n)).toEqual({ date: to, clamped, requested });
  });

  it('never lands beyond the target month and keeps the day when it exists', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: -36, max: 36 }), (n, k) => {
        const d = fromDayNumber(n);
        const r = addMonths(d, k);
        const total = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + k;
        const ok = Number(r.date.slice(0, 4)) * 12 + Number(r.date.slice(5, 7)) - 1 === total;
        return ok && (r.clamped ? Number(r.date.slice(8)) < Number(d.slice(8)) : r.date.slice(8) === d.slice(8));
      }),
    );
  });
});
