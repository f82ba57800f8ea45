/** The events, each with its counts and the actor's own registration, and the cadence of 002 三（一）2. */
import { sql } from 'drizzle-orm';
import { outreachEvents, outreachMeetings, outreachRegistrations } from '../../db/schema';
import { outreachParam } from '../../domain/outreach/params';
import { citationLabel } from '../../domain/policies/core/citation';
import { type ActorCtx, partyOf, type Slot } from './event-records';
import { todayOf } from './records';

export async function listEvents(ctx: ActorCtx) {
  const rows = await ctx.deps.db.select().from(outreachEvents).orderBy(sql`${outreachEvents.heldOn} desc`);
  const regs = await ctx.deps.db.select().from(outreachRegistrations);
  const meets = await ctx.deps.db.select({ eventId: outreachMeetings.eventId }).from(outreachMeetings);
  const me = partyOf(ctx.actor);
  const p = outreachParam('eventPeriodMonths', todayOf(ctx.now));
  return {
    cadence: `每${p.value}个月举办一次（${citationLabel(p.citation)}“${p.citation.quote}”）`,
    items: rows.map((e) => ({
      id: e.id,
      theme: e.theme,
      heldOn: e.heldOn,
      mode: e.mode as 'onsite' | 'online',
      place: e.place,
      slots: e.slots as Slot[],
      status: e.status as 'open' | 'scheduled' | 'closed',
      registrations: regs.filter((r) => r.eventId === e.id).length,
      meetings: meets.filter((m) => m.eventId === e.id).length,
      mine:
        regs.find(
          (r) => r.eventId === e.id && me && (me.side === 'institution' ? r.institutionId : r.enterpriseId) === me.id,
        )?.id ?? null,
    })),
  };
}
