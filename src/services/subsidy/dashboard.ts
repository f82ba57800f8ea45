/** The city's dashboard: budget used and left, applications by district and stage, awards by declaration month. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TDashboard } from '../../contracts/subsidy';
import { districts, subsidyApplications, subsidyAwards, subsidyCampaigns } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan } from '../../domain/money';
import { chinaDateOf } from '../../domain/subsidy/notice';
import { APPLICATION_STAGE, type ApplicationStatus, isApplicationStatus } from '../../domain/workflow/application';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { awardStands } from './records';
import { campaignView } from './views';

export async function subsidyDashboard(ctx: Ctx & { actor: Actor }, campaignId?: string): Promise<TDashboard> {
  if (!mayDo(ctx.actor, 'subsidy.dashboard.read')) {
    throw Errors.forbidden('只有市级人员可以查看补贴看板', 'Only city staff see the dashboard');
  }
  const db = ctx.deps.readDb;
  const [campaign] = campaignId
    ? await db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, campaignId)).limit(1)
    : await db.select().from(subsidyCampaigns).orderBy(desc(subsidyCampaigns.year)).limit(1);
  if (campaignId && !campaign) throw Errors.notFound({ zh: '申请批次', en: 'Campaign' });
  const allDistricts = await db.select().from(districts).orderBy(districts.sortOrder);
  const empty: TDashboard = {
    campaign: null,
    budget: '0.00',
    used: '0.00',
    remaining: '0.00',
    byDistrict: allDistricts.map((d) => ({
      districtCode: d.code,
      districtName: d.name,
      stages: {},
      total: 0,
      awarded: '0.00',
    })),
    byStatus: {},
    awardsByMonth: [],
  };
  if (!campaign) return empty;
  const counts = await db
    .select({
      districtCode: subsidyApplications.districtCode,
      status: subsidyApplications.status,
      n: sql<number>`count(*)::int`,
    })
    .from(subsidyApplications)
    .where(eq(subsidyApplications.campaignId, campaign.id))
    .groupBy(subsidyApplications.districtCode, subsidyApplications.status);
  const awardedByDistrict = new Map<string, bigint>();
  const byMonth: { month: string; amount: string; count: number }[] = [];
  if (campaign.committedRunId) {
    // Standing awards of the committed run and of every 递补 run (awards exist only for committed runs).
    const live = and(eq(subsidyAwards.campaignId, campaign.id), awardStands());
    const ds = await db
      .select({ d: subsidyAwards.districtCode, s: sql<string>`sum(${subsidyAwards.awardedFen})::text` })
      .from(subsidyAwards)
      .where(live)
      .groupBy(subsidyAwards.districtCode);
    for (const r of ds) awardedByDistrict.set(r.d, BigInt(r.s));
    const ms = await db
      .select({
        month: subsidyApplications.declarationMonth,
        s: sql<string>`sum(${subsidyAwards.awardedFen})::text`,
        // An application topped up by a 递补 award counts once.
        n: sql<number>`count(distinct ${subsidyAwards.applicationId})::int`,
      })
      .from(subsidyAwards)
      .innerJoin(subsidyApplications, eq(subsidyApplications.id, subsidyAwards.applicationId))
      .where(live)
      .groupBy(subsidyApplications.declarationMonth)
      .orderBy(subsidyApplications.declarationMonth);
    for (const r of ms) byMonth.push({ month: r.month, amount: fenToYuan(BigInt(r.s)), count: Number(r.n) });
  }
  const byStatus: Record<string, number> = {};
  const perDistrict = new Map<string, Record<string, number>>();
  for (const c of counts) {
    byStatus[c.status] = (byStatus[c.status] ?? 0) + Number(c.n);
    const stage = isApplicationStatus(c.status) ? APPLICATION_STAGE[c.status as ApplicationStatus] : c.status;
    const m = perDistrict.get(c.districtCode) ?? {};
    m[stage] = (m[stage] ?? 0) + Number(c.n);
    perDistrict.set(c.districtCode, m);
  }
  const used = campaign.allocatedFen;
  return {
    campaign: campaignView(campaign, chinaDateOf(ctx.now)),
    budget: fenToYuan(campaign.budgetFen),
    used: fenToYuan(used),
    remaining: fenToYuan(campaign.budgetFen - used),
    byDistrict: allDistricts.map((d) => {
      const stages = perDistrict.get(d.code) ?? {};
      return {
        districtCode: d.code,
        districtName: d.name,
        stages,
        total: Object.values(stages).reduce((a, b) => a + b, 0),
        awarded: fenToYuan(awardedByDistrict.get(d.code) ?? 0n),
      };
    }),
    byStatus,
    awardsByMonth: byMonth,
  };
}
