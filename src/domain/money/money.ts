/**
 * Exact money. Amounts are integers of fen (0.01 yuan) held in `bigint`; ratios are exact rationals.
 * No floating point ever touches an amount. A computation multiplies exact rationals and rounds
 * once, half up (四舍五入, half away from zero), to the fen.
 */

/** An amount in fen (分). 1 yuan = 100n fen. */
export type Fen = bigint;

/** An exact non-negative rational number num/den, den > 0. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

const YUAN_RE = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;
const DECIMAL_RE = /^(-)?(\d{1,15})(?:\.(\d{1,12}))?$/;

/** True when `s` is a yuan amount written with at most two decimals ("27000", "27000.5", "27000.00"). */
export function isYuanString(s: string): boolean {
  return YUAN_RE.test(s);
}

/** Parses a yuan decimal string into fen. Throws RangeError on anything else (callers validate first). */
export function yuanToFen(s: string): Fen {
  const m = YUAN_RE.exec(s.trim());
  if (!m) throw new RangeError(`not a yuan amount: ${s}`);
  const [, sign, int, frac = ''] = m;
  const fen = BigInt(int!) * 100n + BigInt(frac.padEnd(2, '0'));
  return sign ? -fen : fen;
}

/** Formats fen as the contract's yuan string with exactly two decimals: 2700000n → "27000.00". */
export function fenToYuan(fen: Fen): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const int = abs / 100n;
  const frac = (abs % 100n).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** Formats fen for people: 2700000n → "¥27,000.00". */
export function formatYuanDisplay(fen: Fen): string {
  const [int, frac] = fenToYuan(fen < 0n ? -fen : fen).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0n ? '-' : ''}¥${grouped}.${frac}`;
}

/** Parses a decimal string ("0.90", "1", "0.333") as an exact ratio. */
export function ratio(s: string): Ratio {
  const m = DECIMAL_RE.exec(s.trim());
  if (!m) throw new RangeError(`not a decimal: ${s}`);
  const [, sign, int, frac = ''] = m;
  const den = 10n ** BigInt(frac.length);
  const num = BigInt(int!) * den + (frac ? BigInt(frac) : 0n);
  return normalize({ num: sign ? -num : num, den });
}

export function ratioOf(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('ratio with zero denominator');
  return normalize(den < 0n ? { num: -num, den: -den } : { num, den });
}

export const ZERO: Ratio = { num: 0n, den: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x || 1n;
}

function normalize(r: Ratio): Ratio {
  const g = gcd(r.num, r.den);
  return g === 1n ? r : { num: r.num / g, den: r.den / g };
}

export function mulRatio(a: Ratio, b: Ratio): Ratio {
  return normalize({ num: a.num * b.num, den: a.den * b.den });
}

export function subRatio(a: Ratio, b: Ratio): Ratio {
  return normalize({ num: a.num * b.den - b.num * a.den, den: a.den * b.den });
}

export function compareRatio(a: Ratio, b: Ratio): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Rounds num/den half up (half away from zero) to an integer. */
export function roundHalfUp(num: bigint, den: bigint): bigint {
  if (den < 0n) return roundHalfUp(-num, -den);
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = abs / den;
  const rem = abs % den;
  const rounded = rem * 2n >= den ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** The exact product of an amount and ratios, still unrounded, as a rational number of fen. */
export function fenTimes(fen: Fen, ...ratios: Ratio[]): Ratio {
  return ratios.reduce<Ratio>((acc, r) => mulRatio(acc, r), { num: fen, den: 1n });
}

/** Rounds a rational number of fen once, half up, to whole fen. */
export function roundFen(exact: Ratio): Fen {
  return roundHalfUp(exact.num, exact.den);
}

/** Formats a ratio as a decimal string with `places` decimals, half up ("0.90", "0.6000"). */
export function formatRatio(r: Ratio, places = 2): string {
  const scale = 10n ** BigInt(places);
  const scaled = roundHalfUp(r.num * scale, r.den);
  const neg = scaled < 0n;
  const abs = neg ? -scaled : scaled;
  if (places === 0) return `${neg ? '-' : ''}${abs}`;
  const int = abs / scale;
  const frac = (abs % scale).toString().padStart(places, '0');
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** Formats a ratio as a percentage for people: 9/10 → "90%", 1/3 → "33.33%". */
export function formatPercent(r: Ratio): string {
  const s = formatRatio(mulRatio(r, { num: 100n, den: 1n }), 2).replace(/\.?0+$/, '');
  return `${s}%`;
}

export function minFen(a: Fen, b: Fen): Fen {
  return a < b ? a : b;
}

export function maxFen(a: Fen, b: Fen): Fen {
  return a > b ? a : b;
}
