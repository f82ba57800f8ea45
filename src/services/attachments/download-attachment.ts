/** Reads a file through the scope of its owner record (inside the query); outside the scope it does not exist. */
import { and, eq } from 'drizzle-orm';
import { attachments } from '../../db/schema';
import type { Ctx } from '../context';
import { attachmentErrors } from './errors';
import { visibleAttachmentsCondition } from './scope';
import type { AttachmentRow } from './view';

export async function downloadAttachment(ctx: Ctx, id: string): Promise<{ row: AttachmentRow; bytes: Buffer }> {
  const [row] = await ctx.deps.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, id), visibleAttachmentsCondition(ctx.actor)))
    .limit(1);
  if (!row) throw attachmentErrors.notFound();
  if (!(await ctx.deps.storage.exists(row.sha256))) throw attachmentErrors.fileMissing();
  return { row, bytes: await ctx.deps.storage.get(row.sha256) };
}
