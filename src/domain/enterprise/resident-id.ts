/**
 * 公民身份号码 (resident identity number), GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence, and a check character from ISO 7064 MOD 11-2 (0–9 or X). Pure.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export interface IdProblem {
  code: 'ID_LENGTH' | 'ID_FORMAT' | 'ID_BIRTH_DATE' | 'ID_CHECK_CHAR';
  zh: string;
  en: string;
}

export type IdResult = { ok: true; value: string; birthDate: string } | { ok: false; problem: IdProblem };

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * Checks an 18-digit resident ID number. `today` (YYYY-MM-DD) bounds the birth date when given.
 * A lower-case x is accepted and upper-cased.
 */
export function validateResidentId(input: string, today?: string): IdResult {
  const v = (input ?? '').trim().toUpperCase();
  if (v.length !== 18) {
    return {
      ok: false,
      problem: {
        code: 'ID_LENGTH',
        zh: `应为 18 位，实为 ${v.length} 位`,
        en: `must be 18 characters (got ${v.length})`,
      },
    };
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return {
      ok: false,
      problem: {
        code: 'ID_FORMAT',
        zh: '前 17 位应为数字，第 18 位应为数字或 X',
        en: 'must be 17 digits followed by a digit or X',
      },
    };
  }
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birthDate = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || (today !== undefined && birthDate > today)) {
    return {
      ok: false,
      problem: {
        code: 'ID_BIRTH_DATE',
        zh: `第 7–14 位出生日期“${v.slice(6, 14)}”不是有效日期`,
        en: `characters 7–14 (birth date) "${v.slice(6, 14)}" are not a valid date`,
      },
    };
  }
  const expected = residentIdCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    return {
      ok: false,
      problem: {
        code: 'ID_CHECK_CHAR',
        zh: `第 18 位校验码应为 ${expected}，实为 ${v[17]}`,
        en: `check character 18 should be ${expected}, got ${v[17]}`,
      },
    };
  }
  return { ok: true, value: v, birthDate };
}
