import { describe, expect, it } from 'vitest';
import { withCheckChar } from '../../../tests/helpers/factories';
import { completeUscc, normalizeUscc, orgCodeCheckChar, usccCheckChar, validateUscc } from './uscc';

/** First 17 characters with a correct organization-code check digit; the 18th from the test helper. */
const valid = (prefix8: string, body8: string) => withCheckChar(`${prefix8}${body8}${orgCodeCheckChar(body8)}`);

describe('validateUscc — valid codes', () => {
  it.each([
    ['the GB 32100-2015 example', '91350100M000100Y43'],
    ['an enterprise in 蓬江区', valid('91440703', 'MA4UHN6X')],
    ['an enterprise in 新会区', valid('91440705', 'MA55XW6T')],
    ['an individual business (个体工商户)', valid('92440781', 'MA52K7Q1')],
    ['a farmers’ cooperative', valid('93440783', '31245678')],
    ['a social organisation (民政/社会团体)', valid('51440700', '50012345')],
    ['a public institution (机构编制/事业单位)', valid('12440700', '45600089')],
    ['a national-level registration', valid('91100000', '10001234')],
    ['a code whose org check digit is X', valid('91440703', '00000006')],
  ])('accepts %s', (_name, code) => {
    const r = validateUscc(code);
    expect(r.ok, JSON.stringify(r)).toBe(true);
  });

  it('computes X as the organization-code check digit when the remainder asks for it', () => {
    expect(orgCodeCheckChar('00000006')).toBe('X');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
  });

  it('agrees with the test helper and completes codes', () => {
    const first16 = '91440703MA4UHN6X';
    const full = completeUscc(first16);
    expect(full).toBe(withCheckChar(full.slice(0, 17)));
    expect(usccCheckChar(full.slice(0, 17))).toBe(full[17]);
  });

  it('normalises lower case, spaces and full-width characters', () => {
    const code = valid('91440703', 'MA4UHN6X');
    const fullWidth = [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(normalizeUscc(fullWidth)).toBe(code);
    const r = validateUscc(` ${code.toLowerCase().slice(0, 8)} ${code.toLowerCase().slice(8)} `);
    expect(r.ok && r.code).toBe(code);
    expect(r.ok && r.categoryName).toBe('企业');
    expect(r.ok && r.divisionCode).toBe('440703');
  });
});

describe('validateUscc — each kind of error names what is wrong', () => {
  const good = valid('91440703', 'MA4UHN6X');
  const swapLast = (code: string) => {
    const c = code.slice(0, 17);
    const wrong = code[17] === '0' ? '1' : '0';
    return { code: c + wrong, expected: code[17]!, wrong };
  };
  const badCheck = swapLast(good);

  it.each([
    ['empty', '', 'USCC_EMPTY', '不能为空'],
    ['too short', good.slice(0, 17), 'USCC_LENGTH', '长度应为 18 位，实为 17 位'],
    ['too long', `${good}1`, 'USCC_LENGTH', '长度应为 18 位，实为 19 位'],
    [
      'a banned letter',
      `${good.slice(0, 10)}I${good.slice(11)}`,
      'USCC_ILLEGAL_CHAR',
      '第 11 位字符“I”不合法：统一社会信用代码不使用字母 I、O、S、V、Z',
    ],
    ['a symbol', `${good.slice(0, 4)}-${good.slice(5)}`, 'USCC_ILLEGAL_CHAR', '第 5 位字符“-”不合法'],
    [
      'an unknown authority',
      withCheckChar(`B1440703MA4UHN6X${orgCodeCheckChar('MA4UHN6X')}`),
      'USCC_AUTHORITY',
      '第 1 位登记管理部门代码“B”不存在',
    ],
    [
      'a category the authority lacks',
      valid('94440703', 'MA4UHN6X'),
      'USCC_CATEGORY',
      '第 2 位机构类别代码“4”不属于登记管理部门“9（市场监督管理（工商））”，应为 1（企业）、2（个体工商户）、3（农民专业合作社） 之一',
    ],
    [
      'letters in the division code',
      valid('9144A703', 'MA4UHN6X'),
      'USCC_DIVISION',
      '第 3–8 位登记管理机关行政区划码“44A703”不正确',
    ],
    ['an unknown province', valid('91990703', 'MA4UHN6X'), 'USCC_DIVISION', '“990703”不正确'],
    [
      'a wrong organization-code check digit',
      withCheckChar(`91440703MA4UHN6X${orgCodeCheckChar('MA4UHN6X') === '1' ? '2' : '1'}`),
      'USCC_ORG_CODE_CHECK',
      '第 9–17 位组织机构代码“MA4UHN6X',
    ],
    [
      'a wrong 18th character',
      badCheck.code,
      'USCC_CHECK_CHAR',
      `第 18 位校验码应为 ${badCheck.expected}，实为 ${badCheck.wrong}`,
    ],
  ])('%s', (_name, code, problem, message) => {
    const r = validateUscc(code);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.problems.find((p) => p.code === problem);
    expect(hit, JSON.stringify(r.problems)).toBeTruthy();
    expect(hit!.zh).toContain(message);
    expect(hit!.en.length).toBeGreaterThan(0);
  });

  it('reports only the 18th character when everything else is right', () => {
    const r = validateUscc(badCheck.code);
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['USCC_CHECK_CHAR']);
  });

  it('the former demo codes fail on the organization code check digit', () => {
    const r = validateUscc('91440703MA4UHN6X8B');
    expect(!r.ok && r.problems[0]!.zh).toBe('第 9–17 位组织机构代码“MA4UHN6X8”的校验码（第 17 位）应为 5，实为 8');
  });
});
