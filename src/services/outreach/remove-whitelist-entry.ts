/** The city takes an enterprise off a draft list. */
import { and, eq } from 'drizzle-orm';
import { outreachWhitelistEntries } from '../../db/schema';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors } from '../errors';
import { ENTRY } from './records';
import { type ActorCtx, draftForUpdate } from './whitelist-records';

export async function removeWhitelistEntry(
  ctx: ActorCtx,
  id: string,
  entryId: string,
): Promise<{ id: string; ok: true }> {
  return inTx(ctx, async (tx) => {
    await draftForUpdate(tx, ctx, id);
    const gone = await tx
      .delete(outreachWhitelistEntries)
      .where(and(eq(outreachWhitelistEntries.id, entryId), eq(outreachWhitelistEntries.whitelistId, id)))
      .returning();
    if (gone.length === 0) throw Errors.notFound(ENTRY);
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.entry_removed',
      objectType: 'outreach_whitelist',
      objectId: id,
      before: { enterpriseId: gone[0]!.enterpriseId, reason: gone[0]!.reason },
    });
    return { id, ok: true as const };
  });
}
