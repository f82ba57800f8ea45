/** The city puts a need on the green channel (002 三（四）1) or takes it off: banks see it first, with shorter due days. */
import { eq } from 'drizzle-orm';
import { financingNeeds } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { findNeed } from './records';

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
    await tx
      .update(financingNeeds)
      .set({ greenChannel: input.green, greenReason: input.green ? input.reason || null : null, updatedAt: ctx.now })
      .where(eq(financingNeeds.id, id));
    await recordAudit(tx, ctx, {
      action: 'financing_need.green_channel_set',
      objectType: 'financing_need',
      objectId: id,
      before: { green: n.greenChannel },
      after: { green: input.green, reason: input.reason || null },
    });
    return { id, green: input.green };
  });
}
