/** The city publishes a draft list to its banks (one per period), telling their officers in the same transaction. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { outreachWhitelistEntries, outreachWhitelists, users } from '../../db/schema';
import { nextPushDue, periodOf } from '../../domain/outreach/whitelist';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { Errors } from '../errors';
import { notifyUsers } from '../notifications';
import { unlessTaken } from './unless-taken';
import { type ActorCtx, draftForUpdate } from './whitelist-records';

export async function publishWhitelist(ctx: ActorCtx, id: string): Promise<{ id: string; ok: true }> {
  return inTx(ctx, async (tx) => {
    const row = await draftForUpdate(tx, ctx, id);
    const [n] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(outreachWhitelistEntries)
      .where(eq(outreachWhitelistEntries.whitelistId, id));
    if (!n || n.n === 0)
      throw Errors.unprocessable('WHITELIST_EMPTY', '名单中没有企业，不能推送', 'The list has no enterprises');
    const period = periodOf(row.periodStart);
    await unlessTaken(
      () =>
        tx
          .update(outreachWhitelists)
          .set({
            status: 'published',
            publishedAt: ctx.now,
            publishedBy: ctx.actor.id,
            nextDueOn: nextPushDue(period),
            updatedAt: ctx.now,
          })
          .where(eq(outreachWhitelists.id, id)),
      () =>
        Errors.conflict(
          'PERIOD_PUBLISHED',
          `${period.labelZh}已推送过白名单`,
          `A list for ${period.code} is already published`,
        ),
    );
    const officers = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.institutionId, row.bankIds), eq(users.role, 'bank_officer'), eq(users.active, true)));
    await notifyUsers(
      tx,
      ctx.deps,
      ctx.now,
      officers.map((o) => o.id),
      {
        kind: 'outreach_whitelist_published',
        title: `${period.labelZh}融资服务白名单已推送`,
        body: `${row.title}共${n.n}家企业，请安排走访对接并记录结果（可下载Excel）。`,
        link: `/bank/outreach/whitelists/${id}`,
        objectType: 'outreach_whitelist',
        objectId: id,
        dedupeKey: `outreach_whitelist:${id}`,
      },
    );
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.published',
      objectType: 'outreach_whitelist',
      objectId: id,
      after: { period: period.code, entries: n.n, banks: row.bankIds },
    });
    return { id, ok: true as const };
  });
}
