import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fenTimes,
  fenToYuan,
  formatPercent,
  formatRatio,
  formatYuanDisplay,
  ratio,
  roundFen,
  roundHalfUp,
  toChineseCapitals,
  yuanToFen,
} from './index';

describe('yuan strings', () => {
  it.each([
    ['27000.00', 2700000n],
    ['27000', 2700000n],
    ['0.5', 50n],
    ['0.05', 5n],
    ['-1.23', -123n],
  ])('parses %s', (s, fen) => expect(yuanToFen(s)).toBe(fen));

  it.each(['1.234', 'abc', '', '1,000.00', '1e5'])('refuses %s', (s) => expect(() => yuanToFen(s)).toThrow(RangeError));

  it('round-trips any amount', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (f) => yuanToFen(fenToYuan(f)) === f));
  });

  it('formats for display', () => expect(formatYuanDisplay(123456789n)).toBe('¥1,234,567.89'));
});

describe('rounding once, half up', () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [-5n, 10n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%d/%d → %d', (n, d, r) => expect(roundHalfUp(n, d)).toBe(r));

  it('multiplies exactly before rounding: 0.90 × 1/3 of 0.01 yuan', () => {
    // 1 fen × 0.9 × 1/3 = 0.3 fen → 0
    expect(roundFen(fenTimes(1n, ratio('0.9'), { num: 1n, den: 3n }))).toBe(0n);
    // 5,000,000.00 × 0.9 × 3/5 = 2,700,000.00
    expect(fenToYuan(roundFen(fenTimes(yuanToFen('50000.00'), ratio('0.90'), ratio('0.6'))))).toBe('27000.00');
  });

  it('formats ratios and percents', () => {
    expect(formatRatio(ratio('0.9'))).toBe('0.90');
    expect(formatRatio({ num: 2n, den: 3n }, 4)).toBe('0.6667');
    expect(formatPercent(ratio('0.9'))).toBe('90%');
    expect(formatPercent({ num: 1n, den: 3n })).toBe('33.33%');
  });
});

describe('大写金额', () => {
  it.each([
    ['0.00', '零元整'],
    ['1000000.00', '壹佰万元整'],
    ['27000.00', '贰万柒仟元整'],
    ['27000.50', '贰万柒仟元伍角'],
    ['100000.05', '壹拾万元零伍分'],
    ['10005.00', '壹万零伍元整'],
    ['1010.10', '壹仟零壹拾元壹角'],
    ['100000000.00', '壹亿元整'],
    ['105000000.00', '壹亿零伍佰万元整'],
    ['0.35', '叁角伍分'],
    ['123456789.12', '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
  ])('%s → %s', (yuan, words) => expect(toChineseCapitals(yuanToFen(yuan))).toBe(words));
});
