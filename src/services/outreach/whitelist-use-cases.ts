/**
 * The city administrator's white lists (002 三（一）1): preview the filters, create a list for a push period from
 * them, add or remove an enterprise by hand with its reason, and publish the list to its banks (in-app notice and
 * Excel). Lists are read within scope; publishing fixes the list (entries no longer change).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TManualEntryInput, TWhitelistCriteria, TWhitelistInput } from '../../contracts/outreach';
import { enterprises, institutions, outreachWhitelistEntries, outreachWhitelists, users } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { PUSH_PERIOD_READING } from '../../domain/outreach/params';
import { evaluateFilters, filterEnterprises, nextPushDue, periodOf } from '../../domain/outreach/whitelist';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { uniqueViolationOf } from '../enterprises';
import { Errors, fieldError } from '../errors';
import { notifyUsers } from '../notifications';
import { districtLabel, ENTRY, findWhitelist, loadWhitelist, todayOf, whitelistFacts, whitelistScope } from './records';

type ActorCtx = Ctx & { actor: NonNullable<Ctx['actor']> };

const CATEGORY_ZH: Record<string, string> = {
  pilot: '数字化转型城市试点拟改造企业',
  tech_upgrade: '企业技术改造资金项目库',
  other: '其他',
};

export async function previewWhitelistFilters(ctx: ActorCtx, criteria: TWhitelistCriteria) {
  const facts = await whitelistFacts(ctx.deps.db);
  return {
    items: facts.map((f) => {
      const v = evaluateFilters(criteria, f, districtLabel);
      return {
        enterpriseId: f.enterpriseId,
        name: f.name,
        districtCode: f.districtCode,
        included: v.included,
        reason: v.reason,
        failed: v.failed,
      };
    }),
  };
}

export async function createWhitelist(ctx: ActorCtx, input: TWhitelistInput): Promise<{ id: string }> {
  const period = periodOf(input.periodOf);
  return inTx(ctx, async (tx) => {
    const banks = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(
        and(inArray(institutions.id, input.bankIds), eq(institutions.kind, 'bank'), eq(institutions.active, true)),
      );
    if (banks.length !== new Set(input.bankIds).size)
      throw fieldError(
        'bankIds',
        '推送的合作银行',
        '包含不是合作银行的机构',
        'names an institution that is not a bank',
      );
    const [row] = await tx
      .insert(outreachWhitelists)
      .values({
        title: input.title,
        periodCode: period.code,
        periodStart: period.startsOn,
        periodEnd: period.endsOn,
        criteria: input.criteria,
        bankIds: [...new Set(input.bankIds)],
        status: 'draft',
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: outreachWhitelists.id });
    const id = row!.id;
    const taken = filterEnterprises(input.criteria, await whitelistFacts(tx), districtLabel);
    if (taken.length > 0)
      await tx.insert(outreachWhitelistEntries).values(
        taken.map((t) => ({
          whitelistId: id,
          enterpriseId: t.enterpriseId,
          source: 'filter',
          category: null,
          reason: t.reason,
          addedBy: ctx.actor.id,
          addedAt: ctx.now,
        })),
      );
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.created',
      objectType: 'outreach_whitelist',
      objectId: id,
      after: { ...input, period: period.code, entries: taken.length },
    });
    return { id };
  });
}

async function draftForUpdate(tx: Parameters<Parameters<typeof inTx>[1]>[0], ctx: ActorCtx, id: string) {
  const row = await findWhitelist(tx, ctx.actor, id, true);
  if (row.status !== 'draft')
    throw Errors.conflict(
      'WHITELIST_PUBLISHED',
      '名单已推送，不能再修改',
      'The list is published and can no longer change',
    );
  return row;
}

export async function addWhitelistEntry(ctx: ActorCtx, id: string, input: TManualEntryInput): Promise<{ id: string }> {
  return inTx(ctx, async (tx) => {
    await draftForUpdate(tx, ctx, id);
    const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
    if (!e) throw fieldError('enterpriseId', '企业', '不存在', 'does not exist');
    const reason = `${CATEGORY_ZH[input.category]}：${input.reason}`;
    try {
      const [row] = await tx
        .insert(outreachWhitelistEntries)
        .values({
          whitelistId: id,
          enterpriseId: e.id,
          source: 'manual',
          category: input.category,
          reason,
          addedBy: ctx.actor.id,
          addedAt: ctx.now,
        })
        .returning({ id: outreachWhitelistEntries.id });
      await recordAudit(tx, ctx, {
        action: 'outreach_whitelist.entry_added',
        objectType: 'outreach_whitelist',
        objectId: id,
        after: { enterpriseId: e.id, enterpriseName: e.name, category: input.category, reason },
      });
      return { id: row!.id };
    } catch (err) {
      if (uniqueViolationOf(err))
        throw Errors.conflict('ALREADY_LISTED', `${e.name}已在名单中`, `${e.name} is already on the list`);
      throw err;
    }
  });
}

export async function removeWhitelistEntry(
  ctx: ActorCtx,
  id: string,
  entryId: string,
): Promise<{ id: string; ok: true }> {
  return inTx(ctx, async (tx) => {
    await draftForUpdate(tx, ctx, id);
    const gone = await tx
      .delete(outreachWhitelistEntries)
      .where(and(eq(outreachWhitelistEntries.id, entryId), eq(outreachWhitelistEntries.whitelistId, id)))
      .returning();
    if (gone.length === 0) throw Errors.notFound(ENTRY);
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.entry_removed',
      objectType: 'outreach_whitelist',
      objectId: id,
      before: { enterpriseId: gone[0]!.enterpriseId, reason: gone[0]!.reason },
    });
    return { id, ok: true as const };
  });
}

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
    try {
      await tx
        .update(outreachWhitelists)
        .set({
          status: 'published',
          publishedAt: ctx.now,
          publishedBy: ctx.actor.id,
          nextDueOn: nextPushDue(period),
          updatedAt: ctx.now,
        })
        .where(eq(outreachWhitelists.id, id));
    } catch (err) {
      if (uniqueViolationOf(err))
        throw Errors.conflict(
          'PERIOD_PUBLISHED',
          `${period.labelZh}已推送过白名单`,
          `A list for ${period.code} is already published`,
        );
      throw err;
    }
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

export async function listWhitelists(ctx: ActorCtx) {
  if (!mayDo(ctx.actor, 'outreach.whitelist.read')) throw Errors.forbidden();
  const rows = await ctx.deps.db
    .select()
    .from(outreachWhitelists)
    .where(whitelistScope(ctx.actor))
    .orderBy(sql`${outreachWhitelists.periodStart} desc, ${outreachWhitelists.createdAt} desc`);
  const today = todayOf(ctx.now);
  const items = [];
  for (const r of rows) {
    const {
      items: _i,
      criteria: _c,
      coverageByBank: _b,
      ...summary
    } = await loadWhitelist(ctx.deps.db, ctx.actor, r, today);
    items.push(summary);
  }
  const published = rows.filter((r) => r.status === 'published');
  const nextDue = published.length
    ? published
        .map((r) => r.nextDueOn!)
        .sort()
        .at(-1)!
    : null;
  return { items, nextDue, reading: PUSH_PERIOD_READING };
}

export async function readWhitelist(ctx: ActorCtx, id: string) {
  const row = await findWhitelist(ctx.deps.db, ctx.actor, id);
  return loadWhitelist(ctx.deps.db, ctx.actor, row, todayOf(ctx.now));
}
