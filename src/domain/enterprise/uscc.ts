/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters from the 31-character set 0-9 A-Z without I, O, S, V, Z:
 *   1      登记管理部门代码 (registration authority)
 *   2      机构类别代码 (category within that authority)
 *   3–8    登记管理机关行政区划码 (GB/T 2260 administrative division)
 *   9–17   主体标识码 = 组织机构代码 (GB 11714-1997: 8 body characters + its own check character)
 *   18     校验码 (weights 3^i mod 31, check = 31 − Σ mod 31)
 *
 * Pure: usable in the browser form and on the server. Messages name the position and what is wrong.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * Registration authorities and their category codes (GB 32100-2015 附录 and the codes later assigned by the
 * national standardisation administration for the authorities added since: 外交, 司法行政, 文化, 旅游, 宗教, 工会,
 * 中央军委改革和编制办公室, 农业农村).
 */
export const USCC_AUTHORITIES: Record<string, { zh: string; categories: Record<string, string> }> = {
  '1': {
    zh: '机构编制',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { zh: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    zh: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { zh: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { zh: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    zh: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { zh: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { zh: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { zh: '市场监督管理（工商）', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { zh: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    zh: '农业农村',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { zh: '其他', categories: { '1': '其他' } },
};

/** GB/T 2260 province-level codes (first two digits of a division code); 10 = national-level registration. */
const PROVINCES = new Set([
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

export type UsccProblemCode =
  | 'USCC_EMPTY'
  | 'USCC_LENGTH'
  | 'USCC_ILLEGAL_CHAR'
  | 'USCC_AUTHORITY'
  | 'USCC_CATEGORY'
  | 'USCC_DIVISION'
  | 'USCC_ORG_CODE_CHECK'
  | 'USCC_CHECK_CHAR';

export interface UsccProblem {
  code: UsccProblemCode;
  zh: string;
  en: string;
  /** 1-based position of the offending character, when there is one. */
  position?: number;
}

export interface UsccParts {
  code: string;
  authority: string;
  authorityName: string;
  category: string;
  categoryName: string;
  divisionCode: string;
  orgCode: string;
}

export type UsccResult = ({ ok: true } & UsccParts) | { ok: false; code: string; problems: UsccProblem[] };

/** Upper-cases, drops spaces and turns full-width letters and digits (０-９, Ａ-Ｚ) into ASCII. */
export function normalizeUscc(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

/** The 18th character for the first 17 (which must be from the charset). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Value of a character in GB 11714: 0–9 for digits, A=10 … Z=35. */
function orgValue(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c >= 48 && c <= 57) return c - 48;
  return c - 55;
}

/** GB 11714-1997 check character of an 8-character organization code body: 0–9 or X. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgValue(body8[i]!) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Completes 16 characters (authority … org-code body) with both check characters into a valid code. */
export function completeUscc(first16: string): string {
  const first17 = first16 + orgCodeCheckChar(first16.slice(8, 16));
  return first17 + usccCheckChar(first17);
}

function illegalCharMessage(ch: string, pos: number): UsccProblem {
  const banned = 'IOSVZ'.includes(ch);
  return {
    code: 'USCC_ILLEGAL_CHAR',
    position: pos,
    zh: banned
      ? `第 ${pos} 位字符“${ch}”不合法：统一社会信用代码不使用字母 I、O、S、V、Z`
      : `第 ${pos} 位字符“${ch}”不合法：只能是数字或大写字母（不含 I、O、S、V、Z）`,
    en: banned
      ? `character ${pos} "${ch}" is not allowed: the letters I, O, S, V, Z are never used`
      : `character ${pos} "${ch}" is not allowed: only digits and upper-case letters except I, O, S, V, Z`,
  };
}

/** Checks a code and names every problem found. Input is normalised first (see `normalizeUscc`). */
export function validateUscc(input: string): UsccResult {
  const code = normalizeUscc(input ?? '');
  const fail = (...problems: UsccProblem[]): UsccResult => ({ ok: false, code, problems });
  if (code.length === 0) return fail({ code: 'USCC_EMPTY', zh: '不能为空', en: 'is required' });

  const illegal: UsccProblem[] = [];
  [...code].forEach((ch, i) => {
    if (!USCC_CHARSET.includes(ch)) illegal.push(illegalCharMessage(ch, i + 1));
  });
  const problems: UsccProblem[] = [];
  if (code.length !== 18) {
    problems.push({
      code: 'USCC_LENGTH',
      zh: `长度应为 18 位，实为 ${code.length} 位`,
      en: `must be 18 characters long (got ${code.length})`,
    });
  }
  problems.push(...illegal.slice(0, 3));
  if (problems.length) return fail(...problems);

  const authority = code[0]!;
  const category = code[1]!;
  const auth = USCC_AUTHORITIES[authority];
  if (!auth) {
    problems.push({
      code: 'USCC_AUTHORITY',
      position: 1,
      zh: `第 1 位登记管理部门代码“${authority}”不存在，应为 ${Object.keys(USCC_AUTHORITIES).join('、')} 之一（企业为 9）`,
      en: `character 1 (registration authority) "${authority}" does not exist; enterprises use 9`,
    });
  } else if (!auth.categories[category]) {
    const allowed = Object.entries(auth.categories)
      .map(([k, v]) => `${k}（${v}）`)
      .join('、');
    problems.push({
      code: 'USCC_CATEGORY',
      position: 2,
      zh: `第 2 位机构类别代码“${category}”不属于登记管理部门“${authority}（${auth.zh}）”，应为 ${allowed} 之一`,
      en: `character 2 (category) "${category}" is not a category of registration authority ${authority}`,
    });
  }
  const divisionCode = code.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode) || !PROVINCES.has(divisionCode.slice(0, 2))) {
    problems.push({
      code: 'USCC_DIVISION',
      position: 3,
      zh: `第 3–8 位登记管理机关行政区划码“${divisionCode}”不正确，应为 6 位数字的行政区划代码（如江门市蓬江区 440703）`,
      en: `characters 3–8 (administrative division) "${divisionCode}" must be a 6-digit GB/T 2260 division code`,
    });
  }
  const orgCode = code.slice(8, 17);
  const orgExpected = orgCodeCheckChar(orgCode.slice(0, 8));
  if (orgCode[8] !== orgExpected) {
    problems.push({
      code: 'USCC_ORG_CODE_CHECK',
      position: 17,
      zh: `第 9–17 位组织机构代码“${orgCode}”的校验码（第 17 位）应为 ${orgExpected}，实为 ${orgCode[8]}`,
      en: `the organization code "${orgCode}" (characters 9–17) has check character ${orgCode[8]}; expected ${orgExpected}`,
    });
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (code[17] !== expected) {
    problems.push({
      code: 'USCC_CHECK_CHAR',
      position: 18,
      zh: `第 18 位校验码应为 ${expected}，实为 ${code[17]}`,
      en: `check character 18 should be ${expected}, got ${code[17]}`,
    });
  }
  if (problems.length) return fail(...problems);
  return {
    ok: true,
    code,
    authority,
    authorityName: auth!.zh,
    category,
    categoryName: auth!.categories[category]!,
    divisionCode,
    orgCode,
  };
}

/** One sentence for a failed result, e.g. for a form field. */
export function describeUsccProblems(problems: readonly UsccProblem[], lang: 'zh' | 'en' = 'zh'): string {
  return problems.map((p) => (lang === 'en' ? p.en : p.zh)).join(lang === 'en' ? '; ' : '；');
}
