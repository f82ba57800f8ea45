import type { TAttachment } from '../../contracts/attachments';
import { ATTACHMENT_KIND_NAMES } from '../../contracts/attachments';
import type { attachments } from '../../db/schema';
import { attachmentOwner } from './owner-registry';

export type AttachmentRow = typeof attachments.$inferSelect;

export function toAttachmentView(row: AttachmentRow): TAttachment {
  const kinds = attachmentOwner(row.ownerType)?.kinds;
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    kind: row.kind,
    kindName: kinds?.[row.kind] ?? ATTACHMENT_KIND_NAMES[row.kind] ?? row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** What the audit trail records about a file (no content). */
export function attachmentAuditView(row: AttachmentRow): Record<string, unknown> {
  return {
    id: row.id,
    ownerType: row.ownerType,
    ownerId: row.ownerId,
    kind: row.kind,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    enterpriseId: row.enterpriseId,
    districtCode: row.districtCode,
    institutionId: row.institutionId,
  };
}
