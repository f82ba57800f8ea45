/**
 * Attachments: uploaded files owned by a business record (enterprise, declaration, loan, …). The API detects the
 * type from the content; only PDF, OFD, JPG, PNG, XLSX and DOCX are accepted.
 */
import { z } from 'zod';
import { itemList } from './fields';

export const ALLOWED_FILE_TYPES = ['pdf', 'ofd', 'jpg', 'png', 'xlsx', 'docx'] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];

export const FILE_TYPE_INFO: Record<AllowedFileType, { mime: string; ext: string; zh: string }> = {
  pdf: { mime: 'application/pdf', ext: 'pdf', zh: 'PDF 文档' },
  ofd: { mime: 'application/ofd', ext: 'ofd', zh: 'OFD 版式文档' },
  jpg: { mime: 'image/jpeg', ext: 'jpg', zh: 'JPG 图片' },
  png: { mime: 'image/png', ext: 'png', zh: 'PNG 图片' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx', zh: 'Excel 工作簿' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ext: 'docx',
    zh: 'Word 文档',
  },
};

/** Kinds of attachment on an enterprise. Other owner types declare their own kinds. */
export const ENTERPRISE_ATTACHMENT_KINDS = ['business_licence', 'credit_report', 'qualification', 'other'] as const;
export const ATTACHMENT_KIND_NAMES: Record<string, string> = {
  business_licence: '营业执照',
  credit_report: '信用报告',
  qualification: '资质证明',
  other: '其他材料',
};

const ZOwnerType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_]{1,39}$/, { message: '应为小写英文标识，如 enterprise' })
  .describe('所属对象类型');
const ZOwnerId = z.uuid({ message: '所属对象编号应为 UUID' }).describe('所属对象编号');

/** The form fields sent with the file in POST /api/v1/attachments (multipart/form-data). */
export const ZAttachmentUploadFields = z.object({
  ownerType: ZOwnerType,
  ownerId: ZOwnerId,
  kind: z
    .string()
    .trim()
    .regex(/^[a-z][a-z_]{1,39}$/, { message: '应为小写英文标识，如 business_licence' })
    .describe('材料类别'),
});
export type TAttachmentUploadFields = z.infer<typeof ZAttachmentUploadFields>;

/** The whole upload form as documented in OpenAPI: the fields above, then the file. */
export const ZAttachmentUploadForm = ZAttachmentUploadFields.extend({
  file: z.file().describe('文件（PDF、OFD、JPG、PNG、XLSX 或 DOCX，按内容识别类型）'),
});

export const ZAttachment = z.object({
  id: z.string().describe('附件编号'),
  ownerType: z.string().describe('所属对象类型'),
  ownerId: z.string().nullable().describe('所属对象编号'),
  kind: z.string().describe('材料类别'),
  kindName: z.string().describe('材料类别名称'),
  fileName: z.string().describe('文件名'),
  contentType: z.string().describe('文件类型（按内容识别）'),
  sizeBytes: z.number().int().describe('大小（字节）'),
  sha256: z.string().describe('SHA-256 摘要'),
  uploadedBy: z.string().describe('上传人编号'),
  createdAt: z.string().describe('上传时间'),
});
export type TAttachment = z.infer<typeof ZAttachment>;

export const ZAttachmentListQuery = z.object({ ownerType: ZOwnerType, ownerId: ZOwnerId });
export type TAttachmentListQuery = z.infer<typeof ZAttachmentListQuery>;

export const ZAttachmentList = itemList(ZAttachment);
export type TAttachmentList = z.infer<typeof ZAttachmentList>;

export const ZAttachmentIdParams = z.object({
  id: z.uuid({ message: '附件编号应为 UUID' }).describe('附件编号'),
});
