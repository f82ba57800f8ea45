/**
 * Deletes an attachment: by its uploader while the owner is still editable (owner types may decide otherwise).
 * The row goes; the content stays in the content-addressed store (other rows may share it) and the audit event
 * keeps its SHA-256.
 */
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { attachmentErrors } from './errors';
import { attachmentOwner, defaultCanDelete } from './owner-registry';
import { visibleAttachmentsCondition } from './scope';
import { attachmentAuditView } from './view';

export async function deleteAttachment(ctx: Ctx & { actor: Actor }, id: string): Promise<void> {
  const actor = ctx.actor;
  await inTx(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(attachments)
      .where(and(eq(attachments.id, id), visibleAttachmentsCondition(actor)))
      .limit(1)
      .for('update');
    if (!row) throw attachmentErrors.notFound();
    const owner = attachmentOwner(row.ownerType);
    const resolved = owner && row.ownerId ? await owner.resolveScope(tx, actor, row.ownerId) : null;
    if (!owner || !resolved) throw attachmentErrors.notFound();
    const allowed = (owner.canDelete ?? defaultCanDelete)(actor, resolved, row);
    if (!allowed) {
      throw Errors.forbidden(
        resolved.editable === false ? `该${owner.label.zh}已不可修改，材料不能删除` : '只有上传人可以删除该材料',
        resolved.editable === false ? 'The owner can no longer change' : 'Only the uploader may delete this file',
      );
    }
    await tx.delete(attachments).where(eq(attachments.id, id));
    await recordAudit(tx, ctx, {
      action: 'attachment.deleted',
      objectType: 'attachment',
      objectId: id,
      before: attachmentAuditView(row),
    });
  });
}
