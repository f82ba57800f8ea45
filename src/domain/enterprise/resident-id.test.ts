import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, validateResidentId } from './resident-id';

const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);

describe('validateResidentId (GB 11643)', () => {
  it.each([
    ['the GB 11643-1999 example', '11010519491231002X'],
    ['a Jiangmen number', withCheck('44070319800101123')],
    ['a lower-case x', '11010519491231002x'],
  ])('accepts %s', (_n, id) => {
    expect(validateResidentId(id, '2026-11-21').ok).toBe(true);
  });

  it.each([
    ['too short', '4407031980010112', 'ID_LENGTH', '应为 18 位，实为 16 位'],
    ['letters inside', '4407031980A1011234', 'ID_FORMAT', '前 17 位应为数字'],
    ['31 February', withCheck('44070319800231123'), 'ID_BIRTH_DATE', '“19800231”不是有效日期'],
    ['born in the future', withCheck('44070320300101123'), 'ID_BIRTH_DATE', '不是有效日期'],
    ['a wrong check digit', '440703198001011235', 'ID_CHECK_CHAR', '第 18 位校验码应为 4，实为 5'],
  ])('refuses %s', (_n, id, code, zh) => {
    const r = validateResidentId(id, '2026-11-21');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problem.code).toBe(code);
      expect(r.problem.zh).toContain(zh);
    }
  });
});
