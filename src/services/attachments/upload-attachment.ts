/**
 * Uploads one file for an owner record. The owner is resolved through the actor's scope, the type is detected from
 * the content, the bytes are stored by SHA-256, and the row (with the owner's scope copied onto it) and its audit
 * event commit together.
 */
import type { TAttachment, TAttachmentUploadFields } from '../../contracts/attachments';
import { FILE_TYPE_INFO } from '../../contracts/attachments';
import { attachments } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { sanitizeFileName } from '../../domain/text/file-name';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { attachmentErrors } from './errors';
import { fileNameForType } from './file-name';
import { attachmentOwner } from './owner-registry';
import { sniffFileType } from './sniff';
import { attachmentAuditView, toAttachmentView } from './view';

export interface UploadInput extends TAttachmentUploadFields {
  fileName: string;
  bytes: Buffer;
}

export async function uploadAttachment(ctx: Ctx & { actor: Actor }, input: UploadInput): Promise<TAttachment> {
  const owner = attachmentOwner(input.ownerType);
  if (!owner) throw attachmentErrors.unknownOwnerType(input.ownerType);
  if (owner.kinds && !(input.kind in owner.kinds)) throw attachmentErrors.unknownKind(input.kind, owner.kinds);
  if (input.bytes.length > ctx.deps.config.maxUploadBytes)
    throw attachmentErrors.tooLarge(ctx.deps.config.maxUploadBytes);
  const actor = ctx.actor;

  return inTx(ctx, async (tx) => {
    const resolved = await owner.resolveScope(tx, actor, input.ownerId);
    if (!resolved) throw Errors.notFound(owner.label);
    if (!owner.canAttach(actor, resolved) || resolved.editable === false) {
      throw Errors.forbidden(`您不能向该${owner.label.zh}上传材料`, `You may not add files to this ${owner.label.en}`);
    }
    const sniff = sniffFileType(input.bytes);
    const original = sanitizeFileName(input.fileName) || '附件';
    if (!sniff.ok) throw attachmentErrors.unsupportedType(original, sniff);
    const sha256 = await ctx.deps.storage.put(input.bytes);
    const [row] = await tx
      .insert(attachments)
      .values({
        sha256,
        sizeBytes: input.bytes.length,
        contentType: FILE_TYPE_INFO[sniff.type].mime,
        fileName: fileNameForType(original, sniff.type),
        kind: input.kind,
        ownerType: input.ownerType,
        ownerId: input.ownerId,
        enterpriseId: resolved.enterpriseId,
        districtCode: resolved.districtCode,
        institutionId: resolved.institutionId,
        uploadedBy: actor.id,
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'attachment.uploaded',
      objectType: 'attachment',
      objectId: row!.id,
      after: { ...attachmentAuditView(row!), originalFileName: original },
    });
    return toAttachmentView(row!);
  });
}
