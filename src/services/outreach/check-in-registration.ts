/** The city checks a party in at the event (once; a second check-in changes nothing). */
import { and, eq, sql } from 'drizzle-orm';
import { outreachRegistrations } from '../../db/schema';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors } from '../errors';
import { type ActorCtx, findEvent } from './event-records';
import { REGISTRATION } from './records';

export async function checkInRegistration(ctx: ActorCtx, id: string, registrationId: string) {
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id);
    if (e.status === 'open')
      throw Errors.conflict('EVENT_NOT_SCHEDULED', '洽谈日程尚未排定，暂不能签到', 'Not scheduled yet');
    const rows = await tx
      .update(outreachRegistrations)
      .set({ checkedInAt: ctx.now })
      .where(
        and(
          eq(outreachRegistrations.id, registrationId),
          eq(outreachRegistrations.eventId, id),
          sql`${outreachRegistrations.checkedInAt} is null`,
        ),
      )
      .returning({ id: outreachRegistrations.id });
    if (rows.length === 0) {
      const [r] = await tx
        .select()
        .from(outreachRegistrations)
        .where(and(eq(outreachRegistrations.id, registrationId), eq(outreachRegistrations.eventId, id)));
      if (!r) throw Errors.notFound(REGISTRATION);
      return { id: registrationId, ok: true as const };
    }
    await recordAudit(tx, ctx, {
      action: 'outreach_event.checked_in',
      objectType: 'outreach_event',
      objectId: id,
      after: { registrationId },
    });
    return { id: registrationId, ok: true as const };
  });
}

/** The actor's own timetable (the city may ask for any registered party's). */
