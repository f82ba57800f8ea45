import { mayDo } from '../../domain/access/business';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findNeed, needRows } from './records';

export async function flagGreenChannel(
  ctx: Ctx,
  id: string,
  input: { green: boolean; reason: string },
): Promise<{ id: string; green: boolean }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.need.green_channel'))
    throw Errors.forbidden('只有市级人员可以设置绿色通道', 'Only the city sets the green channel');
  return inTx(ctx, async (tx) => {
    const { n } = await findNeed(tx, actor, id, true);
    await needRows.update(tx, ctx, id, {
      set: { greenChannel: input.green, greenReason: input.green ? input.reason || null : null, updatedAt: ctx.now },
      action: 'financing_need.green_channel_set',
      before: { green: n.greenChannel },
      after: { green: input.green, reason: input.reason || null },
    });
    return { id, green: input.green };
  });
}
