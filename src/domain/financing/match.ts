/**
 * Matching a financing need with a product (002 三（三）1 "平台通过智能算法推荐适配的金融产品"), both ways: every
 * criterion is evaluated (none stops the others) and explained in Chinese — amount, term, purpose, guarantee,
 * district, size, years in business, digital level, resource pool / white list, and the rate for information.
 * A criterion the platform cannot judge (a fact the enterprise has not given) is `unknown`, never a silent pass.
 */
import { daysBetween, type IsoDate } from '../calendar/dates';
import { fenToYuan } from '../money/index';
import { codesOf, zhNames } from '../text/codes';
import { micros } from './decimal';
import {
  compareRate,
  GUARANTEE_ZH,
  type GuaranteeMode,
  PRODUCT_TYPE_ZH,
  type ProductOffer,
  PURPOSE_ZH,
  type Purpose,
  TYPE_PURPOSES,
} from './products';

export interface MatchNeed {
  readonly amountMinFen: bigint | null;
  readonly amountMaxFen: bigint | null;
  readonly termMinMonths: number | null;
  readonly termMaxMonths: number | null;
  readonly purpose: Purpose | null;
  readonly guarantee: GuaranteeMode | null;
}

/** What the platform knows of the enterprise (null: not known; part 2 adds the credit profile). */
export interface MatchEnterprise {
  readonly districtCode: string | null;
  readonly isSme: boolean | null;
  readonly establishedOn: IsoDate | null;
  readonly digitalLevel: number | null;
  readonly industry: string | null;
  readonly inResourcePool: boolean | null;
}

export interface MatchProduct extends ProductOffer {
  /** Empty: every district. */
  readonly districts: readonly string[];
  /** Empty: every industry. */
  readonly industries: readonly string[];
  /** 'sme': small and medium enterprises only; 'any'. */
  readonly size: 'sme' | 'any';
  readonly minYearsInBusiness: number | null;
  readonly minDigitalLevel: number | null;
  /** Only enterprises in the resource pool (资源池) or on a white list. */
  readonly poolOnly: boolean;
}

export const CRITERION_ZH = zhNames({
  amount: '融资金额',
  term: '融资期限',
  purpose: '资金用途',
  guarantee: '担保方式',
  district: '服务区域',
  industry: '行业',
  size: '企业规模',
  years: '经营年限',
  digital: '数字化水平',
  pool: '资源池/白名单',
  rate: '年利率',
});
export const CRITERIA = codesOf(CRITERION_ZH);
export type Criterion = (typeof CRITERIA)[number];

export type CriterionStatus = 'pass' | 'fail' | 'unknown' | 'info';

export interface CriterionResult {
  readonly criterion: Criterion;
  readonly status: CriterionStatus;
  readonly reasonZh: string;
}

export interface MatchResult {
  /** True when no criterion failed. */
  readonly fits: boolean;
  /** 0–100: the share of judged criteria that pass, less for unknowns. */
  readonly score: number;
  readonly criteria: readonly CriterionResult[];
  readonly failed: readonly Criterion[];
  readonly summaryZh: string;
}

const yuan = (fen: bigint) => `${fenToYuan(fen)}元`;
const wanOf = (fen: bigint) => {
  const s = fenToYuan(fen);
  return fen % 1_000_000n === 0n ? `${(fen / 1_000_000n).toString()}万元` : `${s}元`;
};

function rangeText(min: bigint | null, max: bigint | null): string {
  if (min !== null && max !== null) return min === max ? wanOf(min) : `${wanOf(min)}至${wanOf(max)}`;
  if (max !== null) return `不超过${wanOf(max)}`;
  if (min !== null) return `不低于${wanOf(min)}`;
  return '未填写';
}

function monthsText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `${min}个月` : `${min}至${max}个月`;
  if (max !== null) return `不超过${max}个月`;
  if (min !== null) return `不少于${min}个月`;
  return '未填写';
}

/** Overlap of the need's range [lo, hi] (open ends allowed) with the product's [pMin, pMax]. */
function overlaps<T extends bigint | number>(lo: T | null, hi: T | null, pMin: T, pMax: T): boolean {
  if (lo !== null && lo > pMax) return false;
  if (hi !== null && hi < pMin) return false;
  return true;
}

/** Whole years from `from` to `on` (anniversary counted on the day). */
export function yearsBetween(from: IsoDate, on: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let y = oy - fy;
  if (om < fm || (om === fm && od < fd)) y--;
  return daysBetween(from, on) < 0 ? 0 : Math.max(0, y);
}

function ratePercent(r: string): string {
  const hundredths = (micros(r) * 10_000n + 500_000n) / 1_000_000n; // percent ×100, half up
  return `${(hundredths / 100n).toString()}.${(hundredths % 100n).toString().padStart(2, '0')}%`;
}

/** Every criterion of a need against a product, on `on` (the day years in business are counted to). */
export function matchNeedToProduct(
  need: MatchNeed,
  ent: MatchEnterprise,
  product: MatchProduct,
  on: IsoDate,
): MatchResult {
  const out: CriterionResult[] = [];
  const add = (criterion: Criterion, status: CriterionStatus, reasonZh: string) =>
    out.push({ criterion, status, reasonZh });
  const pRange = `产品额度${rangeText(product.amountMinFen, product.amountMaxFen)}`;

  if (need.amountMinFen === null && need.amountMaxFen === null) add('amount', 'unknown', `需求未填写金额；${pRange}`);
  else if (overlaps(need.amountMinFen, need.amountMaxFen, product.amountMinFen, product.amountMaxFen))
    add('amount', 'pass', `需求${rangeText(need.amountMinFen, need.amountMaxFen)}，在${pRange}内`);
  else
    add(
      'amount',
      'fail',
      `需求${rangeText(need.amountMinFen, need.amountMaxFen)}，超出${pRange}（${yuan(product.amountMinFen)}–${yuan(product.amountMaxFen)}）`,
    );

  const pTerm = `产品期限${monthsText(product.termMinMonths, product.termMaxMonths)}`;
  if (need.termMinMonths === null && need.termMaxMonths === null) add('term', 'unknown', `需求未填写期限；${pTerm}`);
  else if (overlaps(need.termMinMonths, need.termMaxMonths, product.termMinMonths, product.termMaxMonths))
    add('term', 'pass', `需求${monthsText(need.termMinMonths, need.termMaxMonths)}，在${pTerm}内`);
  else add('term', 'fail', `需求${monthsText(need.termMinMonths, need.termMaxMonths)}，不在${pTerm}内`);

  const typeZh = PRODUCT_TYPE_ZH[product.type];
  const fitsPurposes = TYPE_PURPOSES[product.type];
  if (need.purpose === null || need.purpose === 'other')
    add(
      'purpose',
      'unknown',
      `需求${need.purpose === null ? '未填写用途' : '用途为“其他”'}，请与银行确认${typeZh}是否适用`,
    );
  else if (fitsPurposes.includes(need.purpose))
    add('purpose', 'pass', `用途“${PURPOSE_ZH[need.purpose]}”适合${typeZh}`);
  else
    add(
      'purpose',
      'fail',
      `用途“${PURPOSE_ZH[need.purpose]}”不是${typeZh}支持的用途（${fitsPurposes.map((p) => PURPOSE_ZH[p]).join('、')}）`,
    );

  const accepted = product.guarantees.map((g) => GUARANTEE_ZH[g]).join('、');
  if (need.guarantee === null) add('guarantee', 'unknown', `需求未填写可提供的担保；产品接受${accepted}`);
  else if (product.guarantees.includes(need.guarantee))
    add('guarantee', 'pass', `可提供的“${GUARANTEE_ZH[need.guarantee]}”在产品接受的担保方式（${accepted}）之内`);
  else add('guarantee', 'fail', `产品不接受“${GUARANTEE_ZH[need.guarantee]}”，只接受${accepted}`);

  if (product.districts.length === 0) add('district', 'pass', '产品服务全市各县（市、区）');
  else if (ent.districtCode === null) add('district', 'unknown', '企业所在县（市、区）未知');
  else if (product.districts.includes(ent.districtCode))
    add('district', 'pass', '企业所在县（市、区）在产品服务区域内');
  else add('district', 'fail', '企业所在县（市、区）不在产品服务区域内');

  if (product.industries.length === 0) add('industry', 'pass', '产品不限行业');
  else if (ent.industry === null)
    add('industry', 'unknown', `产品面向${product.industries.join('、')}，企业行业未登记`);
  else if (product.industries.includes(ent.industry))
    add('industry', 'pass', `企业行业“${ent.industry}”在产品面向的行业内`);
  else add('industry', 'fail', `产品只面向${product.industries.join('、')}`);

  if (product.size === 'any') add('size', 'pass', '产品不限企业规模');
  else if (ent.isSme === null) add('size', 'unknown', '企业规模未知');
  else if (ent.isSme) add('size', 'pass', '企业为中小企业，符合产品面向的规模');
  else add('size', 'fail', '产品只面向中小企业');

  if (product.minYearsInBusiness === null) add('years', 'pass', '产品不限经营年限');
  else if (ent.establishedOn === null) add('years', 'unknown', '企业成立日期未知');
  else {
    const y = yearsBetween(ent.establishedOn, on);
    if (y >= product.minYearsInBusiness)
      add('years', 'pass', `企业已经营${y}年，不少于产品要求的${product.minYearsInBusiness}年`);
    else add('years', 'fail', `企业经营${y}年，少于产品要求的${product.minYearsInBusiness}年`);
  }

  if (product.minDigitalLevel === null) add('digital', 'pass', '产品不限数字化水平');
  else if (ent.digitalLevel === null)
    add('digital', 'unknown', `产品要求数字化水平不低于${product.minDigitalLevel}级，企业尚无评测结果`);
  else if (ent.digitalLevel >= product.minDigitalLevel)
    add('digital', 'pass', `企业数字化水平${ent.digitalLevel}级，不低于产品要求的${product.minDigitalLevel}级`);
  else add('digital', 'fail', `企业数字化水平${ent.digitalLevel}级，低于产品要求的${product.minDigitalLevel}级`);

  if (!product.poolOnly) add('pool', 'pass', '产品不限资源池或白名单企业');
  else if (ent.inResourcePool === null) add('pool', 'unknown', '企业是否在资源池未知');
  else if (ent.inResourcePool) add('pool', 'pass', '企业在资源池内，符合产品要求');
  else add('pool', 'fail', '产品只面向资源池或白名单企业，企业不在其中');

  add(
    'rate',
    'info',
    product.rateMin === product.rateMax
      ? `年利率${ratePercent(product.rateMin)}`
      : `年利率${ratePercent(product.rateMin)}至${ratePercent(product.rateMax)}`,
  );

  const judged = out.filter((c) => c.status !== 'info');
  const pass = judged.filter((c) => c.status === 'pass').length;
  const unknown = judged.filter((c) => c.status === 'unknown').length;
  const failed = judged.filter((c) => c.status === 'fail').map((c) => c.criterion);
  const score = Math.round(((pass + unknown * 0.5) * 100) / judged.length);
  const summaryZh =
    failed.length === 0
      ? unknown === 0
        ? '各项条件均符合'
        : `符合已知条件，另有${unknown}项待确认（${judged
            .filter((c) => c.status === 'unknown')
            .map((c) => CRITERION_ZH[c.criterion])
            .join('、')}）`
      : `不符合：${failed.map((c) => CRITERION_ZH[c]).join('、')}`;
  return { fits: failed.length === 0, score, criteria: out, failed, summaryZh };
}

/** Ranked best first: fitting before failing, then fewer failures, higher score, lower minimum rate. */
export function rankMatches<T extends { match: MatchResult; rateMin: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      Number(b.match.fits) - Number(a.match.fits) ||
      a.match.failed.length - b.match.failed.length ||
      b.match.score - a.match.score ||
      compareRate(a.rateMin, b.rateMin),
  );
}
