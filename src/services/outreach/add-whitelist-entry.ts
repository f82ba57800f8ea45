/** The city adds an enterprise to a draft list by hand, with its category and reason. */
import { eq } from 'drizzle-orm';
import type { TManualEntryInput } from '../../contracts/outreach';
import { enterprises, outreachWhitelistEntries } from '../../db/schema';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { unlessTaken } from './unless-taken';
import { type ActorCtx, CATEGORY_ZH, draftForUpdate } from './whitelist-records';

export async function addWhitelistEntry(ctx: ActorCtx, id: string, input: TManualEntryInput): Promise<{ id: string }> {
  return inTx(ctx, async (tx) => {
    await draftForUpdate(tx, ctx, id);
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!e) throw fieldError('enterpriseId', '企业', '不存在', 'does not exist');
    const reason = `${CATEGORY_ZH[input.category]}：${input.reason}`;
    const [row] = await unlessTaken(
      () =>
        tx
          .insert(outreachWhitelistEntries)
          .values({
            whitelistId: id,
            enterpriseId: e.id,
            source: 'manual',
            category: input.category,
            reason,
            addedBy: ctx.actor.id,
            addedAt: ctx.now,
          })
          .returning({ id: outreachWhitelistEntries.id }),
      () => Errors.conflict('ALREADY_LISTED', `${e.name}已在名单中`, `${e.name} is already on the list`),
    );
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.entry_added',
      objectType: 'outreach_whitelist',
      objectId: id,
      after: { enterpriseId: e.id, enterpriseName: e.name, category: input.category, reason },
    });
    return { id: row!.id };
  });
}
