/** Uploaded files. Content is stored by SHA-256 behind the storage interface; rows carry the owner's scope. */
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_owner_idx').on(t.ownerType, t.ownerId),
    index('attachments_enterprise_idx').on(t.enterpriseId),
  ],
);
