/**
 * The financing statistics as the city's dashboard shows them, with each bank's figures and answer times;
 * counted by the rules in domain/outreach/statistics.ts from the financing zone's needs and orders.
 */
import type { TStatistics } from '../../contracts/outreach';
import { PRODUCT_TYPE_ZH, type ProductType } from '../../domain/financing/products';
import { fenToYuan } from '../../domain/money/index';
import { computeStatistics, type StatRow } from '../../domain/outreach/statistics';
import type { Ctx } from '../context';
import { readStatisticsFacts } from '../financing';
import { districtLabel, todayOf } from './records';

const row = ({ grantedFen, ...r }: StatRow) => ({ ...r, granted: fenToYuan(grantedFen) });

export async function readStatistics(ctx: Ctx): Promise<TStatistics> {
  const asOf = todayOf(ctx.now);
  const { needs, orders } = await readStatisticsFacts(ctx.deps.db);
  const s = computeStatistics(
    needs,
    orders,
    { district: districtLabel, productType: (t) => PRODUCT_TYPE_ZH[t as ProductType] ?? t },
    asOf,
  );
  return {
    asOf,
    totals: row(s.totals),
    byBank: s.byBank.map((b) => ({
      ...row(b),
      answered: b.answered,
      avgAnswerWorkingDays: b.avgAnswerWorkingDays,
      maxAnswerWorkingDays: b.maxAnswerWorkingDays,
    })),
    byDistrict: s.byDistrict.map(row),
    byProductType: s.byProductType.map(row),
    byMonth: s.byMonth.map(row),
    target: {
      target: fenToYuan(s.target.targetFen),
      granted: fenToYuan(s.target.grantedFen),
      from: s.target.from,
      to: s.target.to,
      percent: s.target.percent,
      citation: s.target.citation,
      explanation: s.target.explanation,
    },
  };
}
