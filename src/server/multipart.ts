/**
 * Reads a multipart/form-data upload: its text fields and one file, held in memory up to the size limit. Every
 * way a body can be wrong — not multipart, cut short, without a boundary, too many parts, a file too large —
 * is a 4xx with a message in the user's language, never a 500.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../services/errors';

export interface MultipartUpload {
  fields: Record<string, string>;
  file: { fileName: string; bytes: Buffer } | null;
}

export interface MultipartLimits {
  fileSize: number;
  fields: number;
  /** The 413 for a file over the limit (each form words it for its users). */
  tooLarge: () => AppError;
  /** The 415 when the body is not multipart. */
  notMultipart: () => AppError;
}

const malformed = () =>
  new AppError('BAD_MULTIPART', 400, {
    zh: '上传的表单不完整或格式不正确（可能是网络中断导致上传不完整），请重新选择文件上传',
    en: 'The uploaded form is incomplete or malformed (the upload may have been cut off); please upload again',
  });

export async function readMultipartForm(request: FastifyRequest, limits: MultipartLimits): Promise<MultipartUpload> {
  if (!request.isMultipart()) throw limits.notMultipart();
  const fields: Record<string, string> = {};
  let file: MultipartUpload['file'] = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: limits.fileSize, files: 1, fields: limits.fields },
    })) {
      if (part.type === 'file') file = { fileName: part.filename, bytes: await part.toBuffer() };
      else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw limits.tooLarge();
    if (code === 'FST_FILES_LIMIT') {
      throw new AppError('TOO_MANY_FILES', 400, { zh: '一次只能上传一个文件', en: 'Upload one file at a time' });
    }
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
      throw new AppError('TOO_MANY_FIELDS', 400, { zh: '表单字段过多', en: 'Too many form fields' });
    }
    // Busboy's own errors (unexpected end of form, malformed part header, boundary not found, …).
    throw malformed();
  }
  return { fields, file };
}
