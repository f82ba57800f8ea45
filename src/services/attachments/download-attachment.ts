/**
 * Reads a file through the scope of its owner record (inside the query); outside the scope it does not exist.
 * A successful download is a read of possibly personal data, so it is recorded (`attachment.downloaded`: who, which
 * file, its SHA-256 and name, and the record that owns it) for the audit administrator; a refused one is not.
 */
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { attachmentErrors } from './errors';
import { visibleAttachmentsCondition } from './scope';
import { type AttachmentRow, attachmentAuditView } from './view';

export async function downloadAttachment(ctx: Ctx, id: string): Promise<{ row: AttachmentRow; bytes: Buffer }> {
  const [row] = await ctx.deps.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), visibleAttachmentsCondition(ctx.actor)))
    .limit(1);
  if (!row) throw attachmentErrors.notFound();
  if (!(await ctx.deps.storage.exists(row.sha256))) throw attachmentErrors.fileMissing();
  const bytes = await ctx.deps.storage.get(row.sha256);
  // Recorded once the file is in hand and before it is sent: a download that was served is always in the trail.
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'attachment.downloaded',
      objectType: 'attachment',
      objectId: row.id,
      after: attachmentAuditView(row),
    }),
  );
  return { row, bytes };
}
