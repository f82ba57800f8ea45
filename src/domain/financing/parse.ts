/**
 * Reading a financing need typed as one Chinese sentence ("计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押")
 * into the need's form: amount (or range), term (or range), purpose and guarantee. Deterministic and explainable:
 * every value names the words it was read from, how sure the reader is, and why; figures that are not the need
 * (revenue, head count, years in business, dates) are listed with the reason they were left out. No service is
 * called: the same text always gives the same reading (002 三（三）1 "以AI驱动融资需求智能解析" — the offline reader
 * is the default and the fallback of any language-model adapter).
 *
 * Readings that could go two ways are fixed here and said in the explanation: days become months at 30 days a
 * month (rounded half up); "约/左右" keeps the figure as both ends and lowers the confidence; "不超过/以内" sets
 * only the upper end, "至少/以上" only the lower end.
 */
import { daysInMonth, type IsoDate, isoDate } from '../calendar/dates';
import { fenToYuan } from '../money/index';
import { micros } from './decimal';
import type { GuaranteeMode, Purpose } from './products';

export interface FieldReading<T> {
  readonly value: T;
  /** The words the value was read from. */
  readonly evidence: string;
  /** 0–1: how sure the reader is. */
  readonly confidence: number;
  readonly noteZh: string;
}

export interface IgnoredFigure {
  readonly text: string;
  readonly reasonZh: string;
}

export interface NeedReading {
  readonly amountMin: string | null;
  readonly amountMax: string | null;
  readonly termMonthsMin: number | null;
  readonly termMonthsMax: number | null;
  readonly purpose: Purpose | null;
  readonly guarantee: GuaranteeMode | null;
  readonly wantedBy: IsoDate | null;
  /** 0–1 over the four fields (a field not found counts 0). */
  readonly confidence: number;
  readonly readings: {
    readonly amount: FieldReading<{ min: string | null; max: string | null }> | null;
    readonly term: FieldReading<{ min: number | null; max: number | null }> | null;
    readonly purpose: FieldReading<Purpose> | null;
    readonly guarantee: FieldReading<GuaranteeMode> | null;
    readonly wantedBy: FieldReading<IsoDate> | null;
  };
  readonly ignored: readonly IgnoredFigure[];
}

/** Longest text read (longer input is refused by the contract). */
export const PARSE_MAX_CHARS = 2000;

// ---------------------------------------------------------------------------------------------------------------
// Numbers

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, bigint>> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const NUM_CHARS = '0-9.零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億';
const NUM_RUN = new RegExp(`[${NUM_CHARS}]+`, 'g');

/** Exact value scaled by 10^6 (so "1.5万" stays exact). */
const SCALE = 1_000_000n;

function decimalScaled(s: string): bigint | null {
  if (!/^\d+(\.\d{1,6})?$/.test(s)) return null;
  return micros(s);
}

/**
 * A numeral in Arabic or Chinese digits with 十百千万亿 (also 大写 壹贰叁 and mixed "1.5亿", "5百万"), ×10^6;
 * null when the run is not a number ("万" alone, "1.2.3").
 */
export function numeralValue(run: string): bigint | null {
  const s = run.replace(/萬/g, '万').replace(/億/g, '亿');
  let yi = 0n;
  let wan = 0n;
  let section = 0n;
  let current: bigint | null = null;
  let seenDigit = false;
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (/[0-9]/.test(ch)) {
      const m = /^\d+(\.\d+)?/.exec(s.slice(i))!;
      const v = decimalScaled(m[0]);
      if (v === null || current !== null) return null;
      current = v;
      seenDigit = true;
      i += m[0].length;
      continue;
    }
    if (ch === '.') return null;
    if (ch in DIGITS) {
      const d = BigInt(DIGITS[ch]!) * SCALE;
      // "二零二五" reads digit by digit; "一百零五" skips the 零.
      current = current === null ? d : DIGITS[ch] === 0 ? current : current * 10n + d;
      if (DIGITS[ch] === 0 && current === d) current = null;
      seenDigit = true;
    } else if (ch in SMALL_UNITS) {
      section += (current ?? SCALE) * SMALL_UNITS[ch]!;
      current = null;
      seenDigit = true;
    } else if (ch === '万') {
      if (!seenDigit) return null;
      wan = (section + (current ?? 0n)) * 10_000n;
      if (wan === 0n) wan = 10_000n * SCALE;
      section = 0n;
      current = null;
    } else if (ch === '亿') {
      if (!seenDigit) return null;
      yi = (yi + wan + section + (current ?? 0n)) * 100_000_000n;
      if (yi === 0n) yi = 100_000_000n * SCALE;
      wan = 0n;
      section = 0n;
      current = null;
    }
    i++;
  }
  if (!seenDigit) return null;
  return yi + wan + section + (current ?? 0n);
}

/** The multiplier the run ends with after its last digit ("五百万" → 百万, "500万" → 万), for "三到五百万". */
function trailingMultiplier(run: string): bigint {
  const m = /[十拾百佰千仟万萬亿億]+$/.exec(run);
  if (!m) return 1n;
  // A run that is only units after a Chinese digit, e.g. "五百万": the units after the last digit.
  return numeralValue(`1${m[0].replace(/^[十拾]/, '十')}`)! / SCALE;
}

function hasBigUnit(run: string): boolean {
  return /[万萬亿億]/.test(run);
}

// ---------------------------------------------------------------------------------------------------------------
// Text

/** Full-width digits and punctuation to half-width; thousands separators and spaces inside numbers dropped. */
export function normalizeNeedText(text: string): string {
  let t = text.normalize('NFKC');
  t = t.replace(/(\d)[,，](?=\d{3}\b|\d{3}[^\d])/g, '$1');
  t = t.replace(/(\d)\s+(?=\d)/g, '$1');
  t = t.replace(/[—–~～]/g, '-');
  return t;
}

const CLAUSE_BREAK = /[，,。；;！!？?\n：:]/;
const RANGE_SEP = /^\s*(?:元|块)?\s*(?:-|至|到)\s*$/;

interface Run {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function runsOf(t: string): Run[] {
  const out: Run[] = [];
  for (const m of t.matchAll(NUM_RUN)) {
    const text = m[0].replace(/\.$/, '');
    if (!/[0-9零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟]/.test(text)) continue;
    out.push({ text, start: m.index!, end: m.index! + text.length });
  }
  return out;
}

function clauseStart(t: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(t[i]!)) return i + 1;
  return 0;
}

type Bound = 'both' | 'max' | 'min';

interface Qualifiers {
  readonly bound: Bound;
  readonly approx: boolean;
  readonly words: string;
}

const MAX_BEFORE = /(不超过|不高于|不多于|最多|至多|最高|最长|上限)\s*$/;
const MIN_BEFORE = /(至少|不低于|不少于|最少|最低|最短)\s*$/;
const APPROX_BEFORE = /(约|大约|大概|大致|预计|近|将近)\s*$/;
const MAX_AFTER = /^\s*(以内|之内|以下|内)/;
const MIN_AFTER = /^\s*(以上|起)/;
const APPROX_AFTER = /^\s*(左右|上下|多)/;

function qualifiersAround(before: string, after: string): Qualifiers {
  const words: string[] = [];
  let bound: Bound = 'both';
  let approx = false;
  const mb = MAX_BEFORE.exec(before) ?? null;
  const nb = MIN_BEFORE.exec(before) ?? null;
  const ma = MAX_AFTER.exec(after) ?? null;
  const na = MIN_AFTER.exec(after) ?? null;
  if (mb || ma) {
    bound = 'max';
    words.push((mb ?? ma)![1]!);
  } else if (nb || na) {
    bound = 'min';
    words.push((nb ?? na)![1]!);
  }
  const ab = APPROX_BEFORE.exec(before);
  const aa = APPROX_AFTER.exec(after);
  if (ab || aa) {
    approx = true;
    words.push((ab ?? aa)![1]!);
  }
  return { bound, approx, words: words.join('、') };
}

// ---------------------------------------------------------------------------------------------------------------
// Candidates for the amount and the term

interface Candidate<V> {
  readonly start: number;
  readonly end: number;
  readonly min: V | null;
  readonly max: V | null;
  readonly approx: boolean;
  readonly range: boolean;
  readonly qualifier: string;
  /** 'need' when the words before it speak of the need (贷款、融资、期限…), 'other' when of something else. */
  context: 'need' | 'neutral' | { other: string };
}

const MEASURE_AFTER = /^\s*(人|名|位|个(?!月)|台|套|件|吨|亩|平|米|条|家|户|次|辆|项|种|倍|%|％|度|千瓦|kw|KW)/;
const MONEY_UNIT_AFTER = /^\s*(元|块|圆)/;

const AMOUNT_NEED = /(贷款|融资|借款|借|资金需求|资金缺口|缺口|需要|需|申请|授信|额度|贷)/;
const AMOUNT_OTHER: ReadonlyArray<readonly [RegExp, string]> = [
  [/(营收|营业收入|销售收入|销售额|收入|营业额)/, '营业收入'],
  [/(产值)/, '产值'],
  [/(利润|净利)/, '利润'],
  [/(注册资本|实缴资本)/, '注册资本'],
  [/(总资产|资产)/, '资产'],
  [/(纳税|税收|缴税)/, '纳税额'],
  [/(总投资|投资总额|投资)/, '投资额'],
  [/(工资|薪酬)/, '工资'],
  [/(估值|市值)/, '估值'],
];
const TERM_NEED = /(期限|贷款|借款|借|为期|用款|周期|分|还款|还清|融资|贷|用|需)/;
const TERM_OTHER: ReadonlyArray<readonly [RegExp, string]> = [
  [/(成立|创立|创办|建厂|注册)/, '成立年限'],
  [/(经营|从业|深耕|专注|已有|历史|发展)/, '经营年限'],
  [/(工作|工龄)/, '工作年限'],
  [/(质保|保修|寿命)/, '设备年限'],
];

function contextOf(
  segment: string,
  need: RegExp,
  other: ReadonlyArray<readonly [RegExp, string]>,
): Candidate<never>['context'] {
  // The nearest keyword before the figure decides ("年营收3000万元的企业需要融资500万": 3000万 is revenue).
  let best: { at: number; ctx: Candidate<never>['context'] } | null = null;
  for (const [re, name] of other) {
    const at = lastIndexOf(segment, re);
    if (at >= 0 && (!best || at > best.at)) best = { at, ctx: { other: name } };
  }
  const n = lastIndexOf(segment, need);
  if (n >= 0 && (!best || n > best.at)) best = { at: n, ctx: 'need' };
  return best?.ctx ?? 'neutral';
}

function lastIndexOf(s: string, re: RegExp): number {
  const g = new RegExp(re.source, 'g');
  let last = -1;
  for (const m of s.matchAll(g)) last = m.index!;
  return last;
}

function fenOfScaled(v: bigint): bigint {
  // ×10^6 yuan → fen, rounded half up once.
  return (v + 5_000n) / 10_000n;
}

function amountCandidates(t: string, runs: readonly Run[], ignored: IgnoredFigure[]): Candidate<bigint>[] {
  const out: Candidate<bigint>[] = [];
  let prevEnd = 0;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const after = t.slice(r.end, r.end + 6);
    const big = hasBigUnit(r.text);
    const money = MONEY_UNIT_AFTER.test(after) || (big && !MEASURE_AFTER.test(after));
    // "300-500万": the first figure takes the second's unit.
    const next = runs[k + 1];
    const sep = next ? t.slice(r.end, next.start) : '';
    const nextAfter = next ? t.slice(next.end, next.end + 6) : '';
    const nextMoney =
      !!next && (MONEY_UNIT_AFTER.test(nextAfter) || (hasBigUnit(next.text) && !MEASURE_AFTER.test(nextAfter)));
    if (next && RANGE_SEP.test(sep) && nextMoney && !/[年月天日]/.test(t.slice(r.end, r.end + 1))) {
      const lo0 = numeralValue(r.text);
      const hi = numeralValue(next.text);
      if (lo0 !== null && hi !== null) {
        const lo = big ? lo0 : lo0 * trailingMultiplier(next.text);
        const q = qualifiersAround(
          t.slice(clauseStart(t, r.start), r.start),
          t.slice(next.end).replace(/^\s*(元|块)/, ''),
        );
        const seg = t.slice(Math.max(prevEnd, clauseStart(t, r.start)), r.start);
        out.push({
          start: r.start,
          end: next.end + (/^\s*(元|块)/.exec(nextAfter)?.[0].length ?? 0),
          min: fenOfScaled(lo),
          max: fenOfScaled(hi),
          approx: q.approx,
          range: true,
          qualifier: q.words,
          context: contextOf(seg, AMOUNT_NEED, AMOUNT_OTHER),
        });
        prevEnd = next.end;
        k++;
        continue;
      }
    }
    if (!money) {
      const measure = /^\s*(人|名|位)/.exec(after);
      if (measure) ignored.push({ text: t.slice(r.start, r.end + measure[0].length), reasonZh: '人数，不是融资金额' });
      continue;
    }
    const v = numeralValue(r.text);
    if (v === null || v === 0n) continue;
    const unit = /^\s*(元|块钱|块|圆)/.exec(after)?.[0] ?? '';
    const q = qualifiersAround(t.slice(clauseStart(t, r.start), r.start), t.slice(r.end + unit.length));
    const seg = t.slice(Math.max(prevEnd, clauseStart(t, r.start)), r.start);
    const fen = fenOfScaled(v);
    out.push({
      start: r.start,
      end: r.end + unit.length,
      min: q.bound === 'max' ? null : fen,
      max: q.bound === 'min' ? null : fen,
      approx: q.approx,
      range: false,
      qualifier: q.words,
      context: contextOf(seg, AMOUNT_NEED, AMOUNT_OTHER),
    });
    prevEnd = r.end;
  }
  return keepNeed(out, t, ignored, '金额');
}

interface TermUnit {
  readonly months: (v: bigint) => bigint;
  readonly len: number;
  readonly half: boolean;
  readonly note: string;
}

/** The unit after a figure: 年 (and 年半), 个月/月期, 天/日 (only after 期限), 周. null: not a term. */
function termUnitAt(t: string, at: number, before: string): TermUnit | null {
  const after = t.slice(at, at + 4);
  let m = /^\s*(个)?年(半)?/.exec(after);
  if (m && !m[1]) {
    const half = !!m[2];
    return { months: (v) => v * 12n + (half ? 6n * SCALE : 0n), len: m[0].length, half, note: '' };
  }
  m = /^\s*(个月|个多月|月期)/.exec(after);
  if (m) return { months: (v) => v, len: m[0].length, half: false, note: '' };
  m = /^\s*(天|日(?!前|之前|以前|止|起))/.exec(after);
  if (m && (m[1] === '天' || /期限|为期/.test(before)))
    return {
      months: (v) => v / 30n,
      len: m[0].length,
      half: false,
      note: '按每月30天折算为月',
    };
  m = /^\s*(周|星期)/.exec(after);
  if (m) return { months: (v) => (v * 7n) / 30n, len: m[0].length, half: false, note: '按每月30天折算为月' };
  return null;
}

function monthsOfScaled(v: bigint): number {
  return Number((v + SCALE / 2n) / SCALE);
}

function termCandidates(t: string, runs: readonly Run[], ignored: IgnoredFigure[]): Candidate<number>[] {
  const out: Candidate<number>[] = [];
  let prevEnd = 0;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    const before = t.slice(clauseStart(t, r.start), r.start);
    const next = runs[k + 1];
    // "2-3年", "一到三年", "12至36个月"
    if (next && RANGE_SEP.test(t.slice(r.end, next.start))) {
      const unit = termUnitAt(t, next.end, before);
      const lo = numeralValue(r.text);
      const hi = numeralValue(next.text);
      if (unit && lo !== null && hi !== null && !isYearNumber(next.text, t, next.end)) {
        const q = qualifiersAround(before, t.slice(next.end + unit.len));
        const seg = t.slice(Math.max(prevEnd, clauseStart(t, r.start)), r.start);
        out.push({
          start: r.start,
          end: next.end + unit.len,
          min: monthsOfScaled(unit.months(lo)),
          max: monthsOfScaled(unit.months(hi)),
          approx: q.approx,
          range: true,
          qualifier: [q.words, unit.note].filter(Boolean).join('；'),
          context: termContext(seg, t, next.end + unit.len),
        });
        prevEnd = next.end + unit.len;
        k++;
        continue;
      }
    }
    const unit = termUnitAt(t, r.end, before);
    if (!unit) continue;
    if (isYearNumber(r.text, t, r.end)) {
      ignored.push({ text: t.slice(r.start, r.end + 1), reasonZh: '年份（日期），不是融资期限' });
      continue;
    }
    const v = numeralValue(r.text);
    if (v === null || v === 0n) continue;
    const q = qualifiersAround(before, t.slice(r.end + unit.len));
    const seg = t.slice(Math.max(prevEnd, clauseStart(t, r.start)), r.start);
    const months = monthsOfScaled(unit.months(v));
    out.push({
      start: r.start,
      end: r.end + unit.len,
      min: q.bound === 'max' ? null : months,
      max: q.bound === 'min' ? null : months,
      approx: q.approx,
      range: false,
      qualifier: [q.words, unit.note].filter(Boolean).join('；'),
      context: termContext(seg, t, r.end + unit.len),
    });
    prevEnd = r.end + unit.len;
  }
  // "半年" with no figure before it.
  for (const m of t.matchAll(/(^|[^0-9零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾])半年(?!度)/g)) {
    const start = m.index! + m[1]!.length;
    if (out.some((c) => c.start <= start && start < c.end)) continue;
    const seg = t.slice(clauseStart(t, start), start);
    const q = qualifiersAround(seg, t.slice(start + 2));
    out.push({
      start,
      end: start + 2,
      min: q.bound === 'max' ? null : 6,
      max: q.bound === 'min' ? null : 6,
      approx: q.approx,
      range: false,
      qualifier: q.words,
      context: termContext(seg, t, start + 2),
    });
  }
  out.sort((a, b) => a.start - b.start);
  return keepNeed(out, t, ignored, '期限');
}

/** "2025年" is a year, not a term; so is a 4-digit figure before 年. */
function isYearNumber(run: string, t: string, end: number): boolean {
  if (!/^\s*年/.test(t.slice(end, end + 2))) return false;
  const v = numeralValue(run);
  return v !== null && v >= 1000n * SCALE;
}

function termContext(segment: string, t: string, end: number): Candidate<never>['context'] {
  // "3年前", "近3年来" speak of the past; "3年期" of a term.
  if (/^\s*(前|以前|之前|来|多来|以来)/.test(t.slice(end, end + 3))) return { other: '过去的时间' };
  if (/^\s*期/.test(t.slice(end, end + 2))) return 'need';
  return contextOf(segment, TERM_NEED, TERM_OTHER);
}

function keepNeed<V>(cands: Candidate<V>[], t: string, ignored: IgnoredFigure[], what: string): Candidate<V>[] {
  const kept: Candidate<V>[] = [];
  for (const c of cands) {
    if (typeof c.context === 'object') {
      ignored.push({ text: t.slice(c.start, c.end), reasonZh: `${c.context.other}，不是融资${what}` });
    } else kept.push(c);
  }
  return kept;
}

function pick<V>(
  cands: readonly Candidate<V>[],
  t: string,
  ignored: IgnoredFigure[],
  what: string,
): { c: Candidate<V>; confidence: number; note: string } | null {
  if (cands.length === 0) return null;
  const need = cands.filter((c) => c.context === 'need');
  const pool = need.length > 0 ? need : cands;
  const c = pool[0]!;
  let confidence = need.length > 0 ? 0.95 : 0.6;
  const notes: string[] = [];
  if (need.length === 0) notes.push(`句中未说明这是融资${what}，按唯一出现的数字读取`);
  if (pool.length > 1) {
    confidence -= 0.25;
    notes.push(`句中有${pool.length}处可能的${what}，取第一处`);
  }
  if (c.approx) {
    confidence -= 0.1;
    notes.push(`约数（${c.qualifier}），按所写数字作为上下限`);
  } else if (c.qualifier) notes.push(`“${c.qualifier}”`);
  for (const o of cands)
    if (o !== c)
      ignored.push({ text: t.slice(o.start, o.end), reasonZh: `已取“${t.slice(c.start, c.end)}”为融资${what}` });
  return { c, confidence: Math.max(0.1, Math.round(confidence * 100) / 100), note: notes.join('；') };
}

// ---------------------------------------------------------------------------------------------------------------
// Purpose and guarantee from the words used

const PURPOSE_WORDS: ReadonlyArray<readonly [Purpose, RegExp, number]> = [
  ['equipment', /(购置|购买|采购|引进|更新|添置)[^，。；]{0,8}(设备|产线|生产线|机床|机器人|机器|装备)/g, 3],
  ['equipment', /(设备|产线|生产线|机床|机器人|装备|设备贷|技改|技术改造|设备更新)/g, 1],
  ['working_capital', /(流动资金|周转|资金周转|流贷|原材料|原料|备货|货款|发工资|日常经营|经营周转|订单生产)/g, 2],
  [
    'digital',
    /(数字化|信息化|智能化改造|上云|工业互联网|MES|ERP|PLM|WMS|SCADA|软件|系统建设|数字化转型|智能工厂|数字车间)/gi,
    2,
  ],
  ['rd', /(研发|研究开发|新产品开发|技术攻关|科研|试制)/g, 2],
];

function readPurpose(t: string): FieldReading<Purpose> | null {
  const score: Partial<Record<Purpose, { n: number; words: string[] }>> = {};
  for (const [p, re, w] of PURPOSE_WORDS) {
    for (const m of t.matchAll(re)) {
      const s = score[p] ?? { n: 0, words: [] };
      score[p] = s;
      s.n += w;
      if (!s.words.includes(m[0])) s.words.push(m[0]);
    }
  }
  const ranked = (Object.entries(score) as [Purpose, { n: number; words: string[] }][]).sort((a, b) => b[1].n - a[1].n);
  if (ranked.length === 0) return null;
  const [top, s] = ranked[0]!;
  const second = ranked[1];
  const tie = !!second && second[1].n === s.n;
  const confidence = tie ? 0.5 : second ? 0.75 : s.n >= 2 ? 0.9 : 0.7;
  const note = second
    ? `也提到“${second[1].words.join('、')}”，按出现较多、较明确的用途读取${tie ? '（两者相当，请确认）' : ''}`
    : '';
  return { value: top, evidence: s.words.join('、'), confidence, noteZh: note };
}

const CREDIT_WORDS =
  /(纯信用|信用贷款|信用贷|信用方式|凭信用|无抵押|免抵押|无需抵押|不需要抵押|没有抵押|无担保|免担保|无需担保|不需要担保)/g;
const GUARANTEE_WORDS: ReadonlyArray<readonly [GuaranteeMode, RegExp]> = [
  ['insurance', /(保证保险|履约保险|保险增信|政银保|保险公司)/g],
  ['guarantee', /(担保公司|融资担保|保证人|连带责任保证|第三方担保|担保)/g],
  ['pledge', /(质押|应收账款|仓单|存单|出质)/g],
  ['mortgage', /(抵押)/g],
];

/** The guarantee offered: the mode named first ("无抵押" and "纯信用" are credit, and hide the word they negate). */
function readGuarantee(t: string): FieldReading<GuaranteeMode> | null {
  const credit = [...t.matchAll(CREDIT_WORDS)].map((m) => m[0]);
  const rest = t.replace(CREDIT_WORDS, (m) => ' '.repeat(m.length));
  const found: { mode: GuaranteeMode; at: number; words: string[] }[] = [];
  for (const [mode, re] of GUARANTEE_WORDS) {
    const ms = [...rest.matchAll(re)];
    if (ms.length > 0) found.push({ mode, at: ms[0]!.index!, words: [...new Set(ms.map((m) => m[0]))] });
  }
  found.sort((a, b) => a.at - b.at);
  const first = found[0];
  if (!first) {
    if (credit.length === 0) return null;
    return { value: 'credit', evidence: credit.join('、'), confidence: 0.9, noteZh: '' };
  }
  const several = found.length > 1;
  return {
    value: first.mode,
    evidence: first.words.join('、'),
    confidence: several ? 0.7 : 0.9,
    noteZh: several
      ? `还提到“${found
          .slice(1)
          .map((f) => f.words.join('、'))
          .join('、')}”，按最先提到的担保方式读取，请确认`
      : '',
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Wanted-by date: "2027年3月底前", "2027年3月15日前"

function readWantedBy(t: string): FieldReading<IsoDate> | null {
  const m = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日|底|末)?\s*(?:前|之前|以前|到位|放款)/.exec(t);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12 || y < 2000 || y > 2100) return null;
  const day = m[3] ? Number(m[3]) : daysInMonth(y, mo);
  if (day < 1 || day > daysInMonth(y, mo)) return null;
  return { value: isoDate(y, mo, day), evidence: m[0], confidence: 0.9, noteZh: m[3] ? '' : '未写日，按该月最后一天' };
}

// ---------------------------------------------------------------------------------------------------------------

function yuanOrNull(fen: bigint | null): string | null {
  return fen === null ? null : fenToYuan(fen);
}

/** Reads a need typed in plain Chinese. Pure and total: any string gives a reading (fields null when not found). */
export function parseNeedText(input: string): NeedReading {
  const t = normalizeNeedText(input.slice(0, PARSE_MAX_CHARS));
  const ignored: IgnoredFigure[] = [];
  const runs = runsOf(t);
  const amountC = amountCandidates(t, runs, ignored);
  const taken = (s: number, e: number) => amountC.some((c) => c.start < e && s < c.end);
  const termC = termCandidates(
    t,
    runs.filter((r) => !taken(r.start, r.end)),
    ignored,
  );
  const a = pick(amountC, t, ignored, '金额');
  const term = pick(termC, t, ignored, '期限');
  const purpose = readPurpose(t);
  const guarantee = readGuarantee(t);
  const wantedBy = readWantedBy(t);
  const amount = a
    ? {
        value: { min: yuanOrNull(a.c.min), max: yuanOrNull(a.c.max) },
        evidence: t.slice(a.c.start, a.c.end),
        confidence: a.confidence,
        noteZh: a.note,
      }
    : null;
  const termR = term
    ? {
        value: { min: term.c.min, max: term.c.max },
        evidence: t.slice(term.c.start, term.c.end),
        confidence: term.confidence,
        noteZh: term.note,
      }
    : null;
  const conf = [amount, termR, purpose, guarantee].reduce((s, r) => s + (r?.confidence ?? 0), 0) / 4;
  return {
    amountMin: amount?.value.min ?? null,
    amountMax: amount?.value.max ?? null,
    termMonthsMin: termR?.value.min ?? null,
    termMonthsMax: termR?.value.max ?? null,
    purpose: purpose?.value ?? null,
    guarantee: guarantee?.value ?? null,
    wantedBy: wantedBy?.value ?? null,
    confidence: Math.round(conf * 100) / 100,
    readings: { amount, term: termR, purpose, guarantee, wantedBy },
    ignored,
  };
}
