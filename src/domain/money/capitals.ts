/**
 * 大写金额: an amount in Chinese financial capitals, as printed on funding plans and vouchers
 * (e.g. 1000000.00 → 壹佰万元整, 27000.50 → 贰万柒仟元伍角).
 */
import type { Fen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '兆'];

function groupToCapitals(group: number): string {
  // group: 0..9999, returns the digits with units, zeros collapsed, no leading/trailing 零.
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(group / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
    } else {
      if (zero) out += '零';
      zero = false;
      out += DIGITS[d]! + SMALL_UNITS[pos]!;
    }
  }
  return out;
}

export function toChineseCapitals(fen: Fen): string {
  if (fen < 0n) return `负${toChineseCapitals(-fen)}`;
  const yuan = fen / 100n;
  const jiao = Number((fen % 100n) / 10n);
  const fenDigit = Number(fen % 10n);

  let intPart = '';
  if (yuan > 0n) {
    const groups: number[] = [];
    let rest = yuan;
    while (rest > 0n) {
      groups.push(Number(rest % 10000n));
      rest /= 10000n;
    }
    let needZero = false;
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i]!;
      if (g === 0) {
        needZero = intPart !== '';
        continue;
      }
      if (intPart && (needZero || g < 1000)) intPart += '零';
      needZero = false;
      intPart += groupToCapitals(g) + BIG_UNITS[i]!;
    }
    intPart += '元';
  }

  if (jiao === 0 && fenDigit === 0) return `${intPart || '零元'}整`;
  let dec = '';
  if (jiao > 0) dec += `${DIGITS[jiao]}角`;
  else if (intPart) dec += '零';
  if (fenDigit > 0) dec += `${DIGITS[fenDigit]}分`;
  return intPart + dec;
}
