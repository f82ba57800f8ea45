/**
 * The transparent score: every fact of the profile that moves it is one line of the breakdown, with its rule, the
 * points, the rule's cap and its citation. Pure: the facts and the day are passed in.
 */
import type { IsoDate } from '../calendar/dates';
import { citationLabel } from '../policies/core/citation';
import { CREDIT_SCORE_READING, type ScoreRuleKey, scoreRule } from './params';

export type CreditStatus = 'good' | 'abnormal' | 'dishonest';

export interface ScoreFacts {
  creditStatus: CreditStatus;
  yearsInBusiness: number;
  inResourcePool: boolean;
  libraryProjects: number;
  spotChecksFailed: number;
  repaymentsOnTime: number;
  repaymentsLate: number;
  loanExtensions: number;
  grantsReceived: number;
  clawbacks: number;
  /** The level (1–4) of the assessment valid on the day, or null. */
  digitalLevel: number | null;
  ordersApproved: number;
}

export interface ScoreLine {
  rule: ScoreRuleKey;
  label: string;
  /** The fact that triggered the rule, in Chinese. */
  fact: string;
  /** Points added (positive) or taken (negative), after the cap. */
  points: number;
  /** The rule as written: points per fact and the cap. */
  ruleText: string;
  citation: string;
  /** The day the rule version in force took effect. */
  ruleFrom: IsoDate;
}

export interface CreditScore {
  score: number;
  base: number;
  lines: ScoreLine[];
  reading: string;
}

const LABELS: Record<ScoreRuleKey, string> = {
  base: '基础分',
  credit_good: '信用状况良好',
  credit_abnormal: '列入经营异常名录',
  credit_dishonest: '列入严重违法失信名单',
  years_in_business: '经营年限',
  resource_pool: '资源池成员',
  library_project: '入库项目',
  spot_check_failed: '项目抽查或验收不合格',
  repayment_on_time: '按期还款',
  repayment_late: '逾期还款',
  loan_extended: '贷款展期',
  grant_received: '获得补贴或资助',
  grant_clawed_back: '资金被追缴',
  digital_level: '数字化水平评测',
  order_approved: '融资对接获批',
};

const UNITS: Partial<Record<ScoreRuleKey, string>> = {
  years_in_business: '每满1年',
  library_project: '每个项目',
  spot_check_failed: '每次',
  repayment_on_time: '每期',
  repayment_late: '每期',
  loan_extended: '每次',
  grant_received: '每笔',
  grant_clawed_back: '每件',
  digital_level: '每级',
  order_approved: '每笔',
};

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

/** The score on `date` from the facts, with one line per rule that applies. */
export function creditScore(f: ScoreFacts, date: IsoDate): CreditScore {
  const lines: ScoreLine[] = [];
  const add = (key: ScoreRuleKey, count: number, fact: string) => {
    if (count <= 0) return;
    const r = scoreRule(key, date);
    const raw = r.value.points * count;
    const points = Math.sign(raw) * Math.min(Math.abs(raw), r.value.cap);
    const unit = UNITS[key];
    const ruleText =
      key === 'base'
        ? `${r.value.points}分`
        : unit
          ? `${unit}${signed(r.value.points)}分，最多${r.value.points > 0 ? '加' : '减'}${r.value.cap}分`
          : `${signed(r.value.points)}分`;
    lines.push({
      rule: key,
      label: LABELS[key],
      fact,
      points,
      ruleText,
      citation: citationLabel(r.citation),
      ruleFrom: r.from,
    });
  };
  add('base', 1, '每家企业的起点');
  if (f.creditStatus === 'good') add('credit_good', 1, '信用状况为良好');
  if (f.creditStatus === 'abnormal') add('credit_abnormal', 1, '信用状况为经营异常名录');
  if (f.creditStatus === 'dishonest') add('credit_dishonest', 1, '信用状况为严重违法失信名单');
  add('years_in_business', Math.floor(f.yearsInBusiness), `成立满${Math.floor(f.yearsInBusiness)}年`);
  if (f.inResourcePool) add('resource_pool', 1, '在资源池中');
  add('library_project', f.libraryProjects, `入库项目${f.libraryProjects}个`);
  add('spot_check_failed', f.spotChecksFailed, `抽查或验收不合格${f.spotChecksFailed}次`);
  add('repayment_on_time', f.repaymentsOnTime, `按期还款${f.repaymentsOnTime}期`);
  add('repayment_late', f.repaymentsLate, `逾期还款${f.repaymentsLate}期`);
  add('loan_extended', f.loanExtensions, `贷款展期${f.loanExtensions}次`);
  add('grant_received', f.grantsReceived, `获得补贴或资助${f.grantsReceived}笔`);
  add('grant_clawed_back', f.clawbacks, `资金被追缴${f.clawbacks}件`);
  if (f.digitalLevel !== null)
    add('digital_level', f.digitalLevel, `有效期内的数字化水平评测为${DIGITAL_LEVEL_ZH[f.digitalLevel] ?? ''}`);
  add('order_approved', f.ordersApproved, `融资对接获批${f.ordersApproved}笔`);
  const base = lines[0]!.points;
  const total = lines.reduce((s, l) => s + l.points, 0);
  return { score: Math.max(0, Math.min(100, total)), base, lines, reading: CREDIT_SCORE_READING };
}

export const DIGITAL_LEVEL_ZH: Readonly<Record<number, string>> = { 1: '一级', 2: '二级', 3: '三级', 4: '四级' };

/** Whole years from `from` to `to` (a year counts on its anniversary). */
export function wholeYears(from: IsoDate, to: IsoDate): number {
  let y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (to.slice(5) < from.slice(5)) y--;
  return Math.max(0, y);
}
