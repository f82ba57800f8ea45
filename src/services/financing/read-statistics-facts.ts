/**
 * The needs and orders as plain facts for the financing statistics (the outreach module's dashboard and public
 * summary): no names of enterprises, only what is counted — district, dates, bank, product type, status, amount,
 * and the working days each bank took to its first answer. Unscoped: the caller decides who sees the aggregates.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { financingNeeds, financingOrders, financingProducts, institutions } from '../../db/schema';
import { workingDaysBetween } from '../../domain/calendar/calendar';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { addDays } from '../../domain/calendar/dates';
import type { NeedFact, OrderFact } from '../../domain/outreach/statistics';
import { loadCalendar } from '../calendar';

export async function readStatisticsFacts(db: DbOrTx): Promise<{ needs: NeedFact[]; orders: OrderFact[] }> {
  const cal = await loadCalendar(db);
  const needRows = await db
    .select({ id: financingNeeds.id, districtCode: financingNeeds.districtCode, createdAt: financingNeeds.createdAt })
    .from(financingNeeds);
  const orderRows = await db
    .select({
      o: financingOrders,
      bank: institutions.name,
      type: financingProducts.type,
      district: financingNeeds.districtCode,
    })
    .from(financingOrders)
    .innerJoin(financingNeeds, eq(financingNeeds.id, financingOrders.needId))
    .innerJoin(institutions, eq(institutions.id, financingOrders.institutionId))
    .leftJoin(financingProducts, eq(financingProducts.id, financingOrders.productId));
  return {
    needs: needRows.map((n) => ({ id: n.id, districtCode: n.districtCode, postedOn: chinaDateOf(n.createdAt) })),
    orders: orderRows.map(({ o, bank, type, district }) => {
      const opened = chinaDateOf(o.createdAt);
      const answeredAt = o.acceptedAt ?? (o.status === 'declined' ? o.decidedAt : null);
      const answered = answeredAt ? chinaDateOf(answeredAt) : null;
      return {
        id: o.id,
        needId: o.needId,
        institutionId: o.institutionId,
        institutionName: bank,
        districtCode: district,
        productType: type,
        openedOn: opened,
        status: o.status,
        approvedFen: o.approvedAmountFen,
        grantedOn: o.status === 'approved' ? (o.disbursedOn ?? (o.decidedAt ? chinaDateOf(o.decidedAt) : null)) : null,
        answerWorkingDays:
          answered === null ? null : answered <= opened ? 0 : workingDaysBetween(cal, addDays(opened, 1), answered),
      };
    }),
  };
}
