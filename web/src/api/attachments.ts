/** Attachment uploads (multipart), through the one API client. */
import type { TAttachment, TAttachmentUploadFields } from '../../../src/contracts/attachments';
import { upload } from './client';

export type UploadedFile = Pick<TAttachment, 'id' | 'fileName'>;

/** Uploads one file for an owner record. */
export async function uploadFile(file: File | Blob, fields: TAttachmentUploadFields): Promise<UploadedFile> {
  const form = new FormData();
  form.append('ownerType', fields.ownerType);
  form.append('ownerId', fields.ownerId);
  form.append('kind', fields.kind);
  const name = file instanceof File ? file.name : 'file';
  form.append('file', file, name);
  const body = await upload<TAttachment>('/api/v1/attachments', form);
  return { id: body.id, fileName: body.fileName };
}
