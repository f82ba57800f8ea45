/**
 * The city's oversight: each bank's orders, overdue count, average working days to the first answer, approval
 * rate and rating; and the list of overdue orders. Part 2 (statistics) builds on these figures.
 */
import { eq } from 'drizzle-orm';
import type { TOversight } from '../../contracts/financing';
import { financingOrders, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { workingDaysBetween } from '../../domain/calendar/calendar';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { addDays } from '../../domain/calendar/dates';
import { isOverdue, type OrderStatus } from '../../domain/financing/orders';
import { loadCalendar } from '../calendar';
import type { Ctx } from '../context';
import { loadOrders, orderScope, overdueOn, todayOf } from './records';

export async function readOversight(ctx: Ctx & { actor: Actor }): Promise<TOversight> {
  const today = todayOf(ctx.now);
  const cal = await loadCalendar(ctx.deps.db);
  const rows = await ctx.deps.db
    .select({ o: financingOrders, bank: institutions.name })
    .from(financingOrders)
    .innerJoin(institutions, eq(institutions.id, financingOrders.institutionId))
    .where(orderScope(ctx.actor));
  const byBank = new Map<string, { name: string; rows: (typeof rows)[number]['o'][] }>();
  for (const r of rows) {
    const b = byBank.get(r.o.institutionId) ?? { name: r.bank, rows: [] };
    b.rows.push(r.o);
    byBank.set(r.o.institutionId, b);
  }
  const banks = [...byBank.entries()].map(([institutionId, b]) => {
    const answeredRows = b.rows.filter((o) => o.acceptedAt || (o.status === 'declined' && o.decidedAt));
    const days = answeredRows.map((o) => {
      const created = chinaDateOf(o.createdAt);
      const answered = chinaDateOf((o.acceptedAt ?? o.decidedAt)!);
      return answered <= created ? 0 : workingDaysBetween(cal, addDays(created, 1), answered);
    });
    const decided = b.rows.filter((o) => o.status === 'approved' || o.status === 'refused');
    const approved = decided.filter((o) => o.status === 'approved').length;
    const rated = b.rows.filter((o) => o.rating !== null);
    return {
      institutionId,
      institutionName: b.name,
      orders: b.rows.length,
      overdue: b.rows.filter(
        (o) => isOverdue(o.status as OrderStatus, o.contactDueOn, o.decisionDueOn, today) || o.overdueMarkedOn !== null,
      ).length,
      answered: answeredRows.length,
      avgAnswerWorkingDays: days.length ? Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10 : null,
      approved,
      decided: decided.length,
      approvalRate: decided.length ? Math.round((approved / decided.length) * 100) / 100 : null,
      avgRating: rated.length
        ? Math.round((rated.reduce((s, o) => s + (o.rating ?? 0), 0) / rated.length) * 10) / 10
        : null,
    };
  });
  banks.sort((a, b) => b.overdue - a.overdue || a.institutionName.localeCompare(b.institutionName, 'zh'));
  const overdue = await loadOrders(ctx.deps.db, ctx.actor, overdueOn(today), today);
  return { asOf: today, banks, overdue };
}
