/** The outbox as the city administrator sees it: what was sent, what waits, what failed (addresses masked). */
import { count, desc, eq } from 'drizzle-orm';
import { notificationOutbox } from '../../db/schema';
import type { Ctx } from '../context';

export async function listOutbox(ctx: Ctx, q: { status?: string | undefined; page: number; pageSize: number }) {
  const where = q.status ? eq(notificationOutbox.status, q.status) : undefined;
  const rows = await ctx.deps.db
    .select()
    .from(notificationOutbox)
    .where(where)
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [t] = await ctx.deps.db.select({ n: count() }).from(notificationOutbox).where(where);
  return {
    items: rows.map((r) => ({
      id: r.id,
      channel: r.channel as 'sms' | 'email',
      addressMasked: r.addressMasked,
      subject: r.subject,
      kind: r.kind,
      status: r.status as 'pending' | 'sending' | 'sent' | 'failed',
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      nextAttemptAt: r.nextAttemptAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
    total: t?.n ?? 0,
  };
}
