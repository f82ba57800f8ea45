/** The city schedules a match-making event (date, place or online, theme, time slots in order, none overlapping). */
import type { TEventInput } from '../../contracts/outreach';
import { outreachEvents } from '../../db/schema';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { fieldError } from '../errors';
import type { ActorCtx } from './event-records';
import { todayOf } from './records';

export async function createEvent(ctx: ActorCtx, input: TEventInput): Promise<{ id: string }> {
  if (input.heldOn < todayOf(ctx.now)) throw fieldError('heldOn', '举办日期', '不能早于今天', 'cannot be in the past');
  input.slots.forEach((s, i) => {
    if (s.end <= s.start) throw fieldError(`slots.${i}.end`, '结束时刻', '应晚于开始时刻', 'must be after the start');
    const prev = input.slots[i - 1];
    if (prev && s.start < prev.end)
      throw fieldError(
        `slots.${i}.start`,
        '开始时刻',
        '与上一时段重叠，时段应按时间先后排列',
        'overlaps the previous slot',
      );
  });
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .insert(outreachEvents)
      .values({ ...input, status: 'open', createdBy: ctx.actor.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: outreachEvents.id });
    await recordAudit(tx, ctx, {
      action: 'outreach_event.created',
      objectType: 'outreach_event',
      objectId: row!.id,
      after: input,
    });
    return { id: row!.id };
  });
}
