/** Attachment uploads (multipart), through the one API client. */
import { upload } from './client';

export interface UploadedFile {
  id: string;
  fileName: string;
}

/** Uploads one file for an owner record. */
export async function uploadFile(
  file: File | Blob,
  fields: { ownerType: string; ownerId: string; kind: string },
): Promise<UploadedFile> {
  const form = new FormData();
  form.append('ownerType', fields.ownerType);
  form.append('ownerId', fields.ownerId);
  form.append('kind', fields.kind);
  const name = file instanceof File ? file.name : 'file';
  form.append('file', file, name);
  const body = await upload<{ id: string; fileName?: string }>('/api/v1/attachments', form);
  return { id: body.id, fileName: body.fileName ?? name };
}
