/** The institution side of a meeting records its outcome: intention amount, signed, a follow-up order of its own. */
import { and, eq, sql } from 'drizzle-orm';
import type { TMeetingOutcomeInput } from '../../contracts/outreach';
import { outreachMeetings } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { readOrder } from '../financing';
import { type ActorCtx, findEvent } from './event-records';
import { institutionOf, MEETING } from './records';

export async function recordMeetingOutcome(ctx: ActorCtx, id: string, meetingId: string, input: TMeetingOutcomeInput) {
  if (input.signed && input.intentionAmount === null)
    throw fieldError('intentionAmount', '意向金额（元）', '签约时应填写金额', 'is required when signed');
  return inTx(ctx, async (tx) => {
    const e = await findEvent(tx, id);
    if (e.status === 'open') throw Errors.conflict('EVENT_NOT_SCHEDULED', '洽谈日程尚未排定', 'Not scheduled yet');
    const inst = institutionOf(ctx.actor);
    const [m] = await tx
      .select()
      .from(outreachMeetings)
      .where(
        and(
          eq(outreachMeetings.id, meetingId),
          eq(outreachMeetings.eventId, id),
          inst ? eq(outreachMeetings.institutionId, inst) : sql`false`,
        ),
      )
      .for('update');
    if (!m) throw Errors.notFound(MEETING);
    if (!mayDo(ctx.actor, 'outreach.meeting.outcome', { enterpriseId: null, institutionId: m.institutionId }))
      throw Errors.forbidden();
    if (input.followUpOrderId) {
      const order = await readOrder({ ...ctx, actor: ctx.actor }, input.followUpOrderId).catch(() => null);
      if (!order || order.enterpriseId !== m.enterpriseId)
        throw fieldError(
          'followUpOrderId',
          '后续对接单',
          '应为本机构与该企业之间的对接单',
          'must be your order with this enterprise',
        );
    }
    const values = {
      intentionFen: input.intentionAmount === null ? null : yuanToFen(input.intentionAmount),
      signed: input.signed,
      followUpOrderId: input.followUpOrderId,
      outcomeNote: input.note,
      outcomeBy: ctx.actor.id,
      outcomeRecordedAt: ctx.now,
    };
    await tx.update(outreachMeetings).set(values).where(eq(outreachMeetings.id, meetingId));
    await recordAudit(tx, ctx, {
      action: 'outreach_meeting.outcome_recorded',
      objectType: 'outreach_meeting',
      objectId: meetingId,
      before: m.outcomeRecordedAt ? { intentionFen: m.intentionFen, signed: m.signed, note: m.outcomeNote } : undefined,
      after: { eventId: id, ...input },
    });
    return { id: meetingId, ok: true as const };
  });
}
