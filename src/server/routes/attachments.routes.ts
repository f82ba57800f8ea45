/**
 * Attachments: upload (multipart/form-data: ownerType, ownerId, kind, then one file), list per owner, download and
 * delete — all through the scope of the record that owns the file.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ZAttachment,
  ZAttachmentIdParams,
  ZAttachmentList,
  ZAttachmentListQuery,
  ZAttachmentUploadFields,
} from '../../contracts/attachments';
import { ZOk } from '../../contracts/common';
import { describeIssues, type IssueLike, summarize } from '../../contracts/validation';
import {
  attachmentErrors,
  contentDisposition,
  deleteAttachment,
  downloadAttachment,
  formatSize,
  listAttachments,
  uploadAttachment,
} from '../../services/attachments';
import { AppError } from '../../services/errors';
import { langOf } from '../http-context';
import { type MultipartUpload, readMultipartForm } from '../multipart';
import { acknowledged } from '../route-kit/answers';
import { routeKit } from '../route-kit/route';

/** Reads the form fields and the single file; a file over the limit is refused before anything is stored. */
function readMultipart(request: FastifyRequest, limit: number): Promise<MultipartUpload> {
  return readMultipartForm(request, {
    fileSize: limit,
    fields: 20,
    tooLarge: () => attachmentErrors.tooLarge(limit),
    notMultipart: () =>
      new AppError('NOT_MULTIPART', 415, {
        zh: '上传文件须使用 multipart/form-data',
        en: 'Uploads must be multipart/form-data',
      }),
  });
}

export async function attachmentsRoutes(app: FastifyInstance): Promise<void> {
  const limit = app.deps.config.maxUploadBytes;
  const route = routeKit(app, ['attachments']);

  route.post(
    '/',
    {
      guard: 'attachment.add',
      summary: `上传附件（multipart/form-data；单个文件不超过 ${formatSize(limit)}；按内容识别类型）`,
      description:
        '表单字段：ownerType（所属对象类型，如 enterprise）、ownerId（所属对象编号）、kind（材料类别，如 business_licence）、file（文件）。仅接受 PDF、OFD、JPG、PNG、XLSX、DOCX，按文件内容识别，与扩展名无关；超过大小上限返回 413，类型不符返回 415。',
      consumes: ['multipart/form-data'],
      created: ZAttachment,
    },
    async (ctx, request) => {
      const { fields, file } = await readMultipart(request, limit);
      const parsed = ZAttachmentUploadFields.safeParse(fields);
      if (!parsed.success) {
        const lang = langOf(request);
        const described = describeIssues(parsed.error.issues as unknown as IssueLike[], ZAttachmentUploadFields, lang);
        throw new AppError(
          'VALIDATION_FAILED',
          400,
          {
            zh: summarize(described, 'zh'),
            en: summarize(
              describeIssues(parsed.error.issues as unknown as IssueLike[], ZAttachmentUploadFields, 'en'),
              'en',
            ),
          },
          described,
        );
      }
      if (!file) throw attachmentErrors.noFile();
      const result = await uploadAttachment(ctx, { ...parsed.data, fileName: file.fileName, bytes: file.bytes });
      return result;
    },
  );

  route.get(
    '/',
    {
      guard: 'attachment.read',
      summary: '某一对象的附件列表（按权限范围）',
      query: ZAttachmentListQuery,
      ok: ZAttachmentList,
      noStore: true,
    },
    (ctx, request) => listAttachments(ctx, request.query),
  );

  route.get(
    '/:id/download',
    {
      guard: 'attachment.read',
      summary: '下载附件（按所属对象的权限范围校验）',
      params: ZAttachmentIdParams,
      produces: ['application/octet-stream'],
    },
    async (ctx, request, reply) => {
      const { row, bytes } = await downloadAttachment(ctx, request.params.id);
      return reply
        .header('content-type', row.contentType)
        .header('content-length', String(bytes.length))
        .header('content-disposition', contentDisposition(row.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(bytes);
    },
  );

  route.delete(
    '/:id',
    {
      guard: 'attachment.delete',
      summary: '删除附件（上传人，且所属对象仍可修改）',
      params: ZAttachmentIdParams,
      ok: ZOk,
    },
    (ctx, request) => acknowledged(deleteAttachment(ctx, request.params.id)),
  );
}
