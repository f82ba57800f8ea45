/** Yearly campaigns: the city administrator opens one; everyone signed in may read them. */
import { desc, eq } from 'drizzle-orm';
import type { TCampaign, TCreateCampaign } from '../../contracts/subsidy';
import type { DbOrTx } from '../../db/client';
import { subsidyCampaigns } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money';
import { chinaDateOf } from '../../domain/subsidy/notice';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { campaignView } from './views';

const CAMPAIGN = { zh: '申请批次', en: 'Campaign' };

export async function createCampaign(ctx: Ctx & { actor: Actor }, input: TCreateCampaign): Promise<TCampaign> {
  if (!mayDo(ctx.actor, 'subsidy.campaign.create'))
    throw Errors.forbidden('只有市级业务管理员可以发起年度补贴申请', 'Only the city administrator opens campaigns');
  return inTx(ctx, async (tx) => {
    const [existing] = await tx
      .select({ id: subsidyCampaigns.id })
      .from(subsidyCampaigns)
      .where(eq(subsidyCampaigns.year, input.year))
      .limit(1);
    if (existing) {
      throw Errors.conflict(
        'CAMPAIGN_EXISTS',
        `${input.year}年度的补贴申请批次已存在`,
        `A campaign for ${input.year} exists`,
      );
    }
    const [row] = await tx
      .insert(subsidyCampaigns)
      .values({
        year: input.year,
        title: input.title,
        interestFrom: input.interestFrom,
        interestTo: input.interestTo,
        applyFrom: input.applyFrom,
        applyTo: input.applyTo,
        budgetFen: yuanToFen(input.budget),
        allocationMode: input.allocationMode,
        noticeDays: input.noticeDays,
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const view = campaignView(row!, chinaDateOf(ctx.now));
    await recordAudit(tx, ctx, {
      action: 'subsidy.campaign_created',
      objectType: 'subsidy_campaign',
      objectId: row!.id,
      after: view,
    });
    return view;
  });
}

export async function listCampaigns(ctx: Ctx): Promise<TCampaign[]> {
  const rows = await ctx.deps.db.select().from(subsidyCampaigns).orderBy(desc(subsidyCampaigns.year));
  const today = chinaDateOf(ctx.now);
  return rows.map((r) => campaignView(r, today));
}

export async function loadCampaign(db: DbOrTx, id: string) {
  const [row] = await db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id)).limit(1);
  if (!row) throw Errors.notFound(CAMPAIGN);
  return row;
}

/** Locks the campaign's row for the rest of the transaction, then loads it (404 when there is none). */
export async function lockCampaign(tx: DbOrTx, id: string) {
  await tx.select({ id: subsidyCampaigns.id }).from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id)).for('update');
  return loadCampaign(tx, id);
}

export async function getCampaign(ctx: Ctx, id: string): Promise<TCampaign> {
  return campaignView(await loadCampaign(ctx.deps.db, id), chinaDateOf(ctx.now));
}
