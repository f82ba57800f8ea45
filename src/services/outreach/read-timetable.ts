/** A party's own timetable, slot by slot (the city may read any registered party's). */
import { and, eq, sql } from 'drizzle-orm';
import { outreachMeetings, outreachRegistrations } from '../../db/schema';
import { Errors } from '../errors';
import { type ActorCtx, findEvent, names, partyOf, type Slot } from './event-records';
import { isCity, REGISTRATION } from './records';

export async function readTimetable(ctx: ActorCtx, id: string, partyId?: string) {
  const e = await findEvent(ctx.deps.db, id);
  const me = partyOf(ctx.actor);
  const who = isCity(ctx.actor) && partyId ? partyId : me?.id;
  if (!who) throw Errors.notFound(REGISTRATION);
  const [reg] = await ctx.deps.db
    .select()
    .from(outreachRegistrations)
    .where(
      and(
        eq(outreachRegistrations.eventId, id),
        sql`coalesce(${outreachRegistrations.institutionId}, ${outreachRegistrations.enterpriseId}) = ${who}::uuid`,
      ),
    );
  if (!reg) throw Errors.notFound(REGISTRATION);
  const n = await names(ctx.deps.db);
  const meetings = await ctx.deps.db
    .select()
    .from(outreachMeetings)
    .where(
      and(
        eq(outreachMeetings.eventId, id),
        sql`(${outreachMeetings.institutionId} = ${who}::uuid or ${outreachMeetings.enterpriseId} = ${who}::uuid)`,
      ),
    );
  const slots = e.slots as Slot[];
  return {
    eventId: id,
    partyName: n.inst.get(who)?.name ?? n.ent.get(who) ?? '',
    rows: slots.map((s, i) => {
      const m = meetings.find((x) => x.slot === i);
      const other = m ? (m.institutionId === who ? m.enterpriseId : m.institutionId) : null;
      return {
        slot: i,
        start: s.start,
        end: s.end,
        meetingId: m?.id ?? null,
        counterpart: other ? (n.inst.get(other)?.name ?? n.ent.get(other) ?? null) : null,
      };
    }),
  };
}
