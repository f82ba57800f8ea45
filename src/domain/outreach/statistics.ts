/**
 * The financing statistics (002 二、1 and the zone's needs and orders): what was posted, matched, taken, approved
 * and granted, by bank, district, product type and month; the cumulative credit granted against the 50亿元 target;
 * each bank's answer times.
 *
 * Counting rules (one place): a need is counted in the month it was posted and in its district; an order (对接单,
 * an application or a bank taking a need) is "matched" in the month it was opened; "taken" once the bank accepted it
 * (an accepted, approved or refused order); "approved" and its amount count in the month credit was granted — the
 * disbursement date when reported, else the date of the decision. Orders that did not come through a product are
 * counted under "未经产品（银行接洽需求）". Money is fen, summed exactly.
 */
import type { IsoDate } from '../calendar/dates';
import { fenToYuan } from '../money/index';
import { citationLabel } from '../policies/core/citation';
import { outreachParam } from './params';

export interface NeedFact {
  id: string;
  districtCode: string | null;
  postedOn: IsoDate;
}

export interface OrderFact {
  id: string;
  needId: string;
  institutionId: string;
  institutionName: string;
  districtCode: string | null;
  productType: string | null;
  openedOn: IsoDate;
  status: string;
  approvedFen: bigint | null;
  /** The day credit was granted (disbursement, else decision), for approved orders. */
  grantedOn: IsoDate | null;
  /** Working days from opening to the bank's first answer, when it answered. */
  answerWorkingDays: number | null;
}

export interface StatRow {
  key: string;
  label: string;
  posted: number | null;
  matched: number;
  taken: number;
  approved: number;
  grantedFen: bigint;
}

export interface BankRow extends StatRow {
  answered: number;
  /** Average working days to the first answer, one place, half up; null when the bank answered none. */
  avgAnswerWorkingDays: string | null;
  maxAnswerWorkingDays: number | null;
}

export interface TargetProgress {
  targetFen: bigint;
  grantedFen: bigint;
  from: IsoDate;
  to: IsoDate;
  /** Percent of the target reached, two places, half up. */
  percent: string;
  citation: string;
  explanation: string;
}

export interface Statistics {
  totals: StatRow;
  byBank: BankRow[];
  byDistrict: StatRow[];
  byProductType: StatRow[];
  byMonth: StatRow[];
  target: TargetProgress;
}

const TAKEN = new Set(['accepted', 'approved', 'refused']);
export const NO_PRODUCT = 'none';
export const NO_PRODUCT_ZH = '未经产品（银行接洽需求）';

const monthOf = (d: IsoDate) => d.slice(0, 7);

function emptyRow(key: string, label: string, posted: number | null): StatRow {
  return { key, label, posted, matched: 0, taken: 0, approved: 0, grantedFen: 0n };
}

/** Percent with two places, half up: 100 × num / den. */
export function percentOf(num: bigint, den: bigint): string {
  if (den === 0n) return '0.00';
  const bp = (num * 20000n + den) / (2n * den);
  return `${bp / 100n}.${String(bp % 100n).padStart(2, '0')}`;
}

function oneDecimal(sum: number, n: number): string {
  const tenths = Math.floor((sum * 20 + n) / (2 * n)); // half up of sum/n to 0.1
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

export function computeStatistics(
  needs: readonly NeedFact[],
  orders: readonly OrderFact[],
  names: { district: (code: string | null) => string; productType: (type: string) => string },
  asOf: IsoDate,
): Statistics {
  const totals = emptyRow('all', '合计', needs.length);
  const byDistrict = new Map<string, StatRow>();
  const byType = new Map<string, StatRow>();
  const byMonth = new Map<string, StatRow>();
  const byBank = new Map<string, BankRow & { days: number[] }>();
  const district = (code: string | null) => {
    const k = code ?? 'outside';
    const r = byDistrict.get(k) ?? emptyRow(k, names.district(code), 0);
    byDistrict.set(k, r);
    return r;
  };
  const month = (m: string) => {
    const r = byMonth.get(m) ?? emptyRow(m, `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`, 0);
    byMonth.set(m, r);
    return r;
  };
  for (const n of needs) {
    district(n.districtCode).posted! += 1;
    month(monthOf(n.postedOn)).posted! += 1;
  }
  const from = outreachParam('creditTargetFrom', asOf);
  const to = outreachParam('creditTargetTo', asOf).value;
  const targetFen = outreachParam('creditTargetFen', asOf);
  let inPeriod = 0n;
  for (const o of orders) {
    const typeKey = o.productType ?? NO_PRODUCT;
    const t =
      byType.get(typeKey) ?? emptyRow(typeKey, o.productType ? names.productType(o.productType) : NO_PRODUCT_ZH, null);
    byType.set(typeKey, t);
    let b = byBank.get(o.institutionId);
    if (!b) {
      b = {
        ...emptyRow(o.institutionId, o.institutionName, null),
        answered: 0,
        avgAnswerWorkingDays: null,
        maxAnswerWorkingDays: null,
        days: [],
      };
      byBank.set(o.institutionId, b);
    }
    const rows: StatRow[] = [totals, district(o.districtCode), t, b];
    const opened = month(monthOf(o.openedOn));
    for (const r of [...rows, opened]) r.matched += 1;
    if (TAKEN.has(o.status)) for (const r of [...rows, opened]) r.taken += 1;
    if (o.status === 'approved' && o.approvedFen !== null) {
      const granted = month(monthOf(o.grantedOn ?? o.openedOn));
      for (const r of [...rows, granted]) {
        r.approved += 1;
        r.grantedFen += o.approvedFen;
      }
      const on = o.grantedOn ?? o.openedOn;
      if (on >= from.value && on <= to) inPeriod += o.approvedFen;
    }
    if (o.answerWorkingDays !== null) b.days.push(o.answerWorkingDays);
  }
  const banks: BankRow[] = [...byBank.values()].map(({ days, ...b }) => ({
    ...b,
    answered: days.length,
    avgAnswerWorkingDays: days.length
      ? oneDecimal(
          days.reduce((s, d) => s + d, 0),
          days.length,
        )
      : null,
    maxAnswerWorkingDays: days.length ? Math.max(...days) : null,
  }));
  const zh = (a: StatRow, b: StatRow) => a.label.localeCompare(b.label, 'zh');
  banks.sort((a, b) => (b.grantedFen > a.grantedFen ? 1 : b.grantedFen < a.grantedFen ? -1 : zh(a, b)));
  const percent = percentOf(inPeriod, targetFen.value);
  const label = citationLabel(targetFen.citation);
  return {
    totals,
    byBank: banks,
    byDistrict: [...byDistrict.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byProductType: [...byType.values()].sort((a, b) => a.key.localeCompare(b.key)),
    byMonth: [...byMonth.values()].sort((a, b) => a.key.localeCompare(b.key)),
    target: {
      targetFen: targetFen.value,
      grantedFen: inPeriod,
      from: from.value,
      to,
      percent,
      citation: label,
      explanation: `${from.value}至${to}经平台对接获批授信累计${fenToYuan(inPeriod)}元，占目标${fenToYuan(targetFen.value)}元的${percent}%（${label}“${targetFen.citation.quote}”）`,
    },
  };
}
