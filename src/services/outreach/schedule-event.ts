/** The city schedules the one-to-one meetings from the wishes (the pure scheduler) and tells every party. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { outreachEvents, outreachMeetings, outreachRegistrations, users } from '../../db/schema';
import { scheduleMeetings, slotsNeeded } from '../../domain/outreach/scheduler';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors } from '../errors';
import { enterpriseUsersOf, notifyUsers } from '../notifications';
import { type ActorCtx, findEvent, type Slot } from './event-records';

export async function scheduleEvent(ctx: ActorCtx, id: string) {
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id, true);
    if (e.status === 'closed') throw Errors.conflict('EVENT_CLOSED', '对接会已结束', 'The event is closed');
    const [recorded] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outreachMeetings)
      .where(and(eq(outreachMeetings.eventId, id), sql`${outreachMeetings.outcomeRecordedAt} is not null`));
    if (recorded && recorded.n > 0)
      throw Errors.conflict('OUTCOMES_RECORDED', '已有洽谈记录了结果，不能重新排期', 'Outcomes are already recorded');
    const regs = await tx
      .select()
      .from(outreachRegistrations)
      .where(eq(outreachRegistrations.eventId, id))
      .orderBy(asc(outreachRegistrations.seq));
    const parties = regs.map((r) => ({
      id: r.institutionId ?? r.enterpriseId!,
      side: r.side as 'institution' | 'enterprise',
      wishes: r.wishes,
    }));
    const slots = e.slots as Slot[];
    const s = scheduleMeetings(parties, slots.length);
    await tx.delete(outreachMeetings).where(eq(outreachMeetings.eventId, id));
    if (s.meetings.length > 0)
      await tx.insert(outreachMeetings).values(
        s.meetings.map((m) => ({
          eventId: id,
          slot: m.slot,
          institutionId: m.institutionId,
          enterpriseId: m.enterpriseId,
          wishedBy: m.wishedBy,
        })),
      );
    await tx
      .update(outreachEvents)
      .set({ status: 'scheduled', scheduledAt: ctx.now, updatedAt: ctx.now })
      .where(eq(outreachEvents.id, id));
    const instIds = regs.filter((r) => r.institutionId).map((r) => r.institutionId!);
    const officers = instIds.length
      ? await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.institutionId, instIds), eq(users.active, true)))
      : [];
    const entUsers = await enterpriseUsersOf(
      tx,
      regs.filter((r) => r.enterpriseId).map((r) => r.enterpriseId!),
    );
    await notifyUsers(tx, ctx.deps, ctx.now, [...officers.map((o) => o.id), ...entUsers], {
      kind: 'outreach_meetings_scheduled',
      title: `${e.theme}：洽谈日程已排定`,
      body: `对接会于${e.heldOn}在${e.place}举行，请查看本方的洽谈时间表。`,
      link: `/outreach/events/${id}`,
      objectType: 'outreach_event',
      objectId: id,
      dedupeKey: `outreach_event:${id}:${ctx.now.toISOString()}`,
    });
    await recordAudit(tx, ctx, {
      action: 'outreach_event.scheduled',
      objectType: 'outreach_event',
      objectId: id,
      after: { meetings: s.meetings.length, unmet: s.unmet.length },
    });
    return { meetings: s.meetings.length, unmet: s.unmet.length, slotsNeeded: slotsNeeded(parties) };
  });
}
