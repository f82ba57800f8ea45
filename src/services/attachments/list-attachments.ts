/** The files of one owner record that the actor may see. */
import { and, asc, eq } from 'drizzle-orm';
import type { TAttachmentList, TAttachmentListQuery } from '../../contracts/attachments';
import { attachments } from '../../db/schema';
import type { Ctx } from '../context';
import { attachmentErrors } from './errors';
import { attachmentOwner } from './owner-registry';
import { visibleAttachmentsCondition } from './scope';
import { toAttachmentView } from './view';

export async function listAttachments(ctx: Ctx, query: TAttachmentListQuery): Promise<TAttachmentList> {
  if (!attachmentOwner(query.ownerType)) throw attachmentErrors.unknownOwnerType(query.ownerType);
  const rows = await ctx.deps.db
    .select()
    .from(attachments)
    .where(
      and(
        eq(attachments.ownerType, query.ownerType),
        eq(attachments.ownerId, query.ownerId),
        visibleAttachmentsCondition(ctx.actor),
      ),
    )
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { items: rows.map(toAttachmentView) };
}
