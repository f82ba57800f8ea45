/** Uploaded files. Content is stored by SHA-256 behind the storage interface; rows carry the owner's scope. */
import { bigint, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, primaryId } from './columns';

export const attachments = pgTable(
  'attachments',
  {
    id: primaryId(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Detected from content: application/pdf, application/ofd, image/jpeg, image/png, xlsx, docx. */
    contentType: text('content_type').notNull(),
    fileName: text('file_name').notNull(),
    /** What the file is, e.g. business_licence, credit_report, contract, voucher. */
    kind: text('kind').notNull(),
    /** The record that owns the file (enterprise, declaration, loan, …) and its scope. */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id'),
    enterpriseId: uuid('enterprise_id'),
    districtCode: text('district_code'),
    institutionId: uuid('institution_id'),
    uploadedBy: uuid('uploaded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('attachments_enterprise_idx').on(t.enterpriseId),
  ],
);
