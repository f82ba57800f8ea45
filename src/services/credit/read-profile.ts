/**
 * The enterprise credit profile (企业画像, 002 三（三）2): one page built from the platform's own records, every item
 * with its source and date, and the transparent score. A bank reads it only while the enterprise's consent covers
 * it (checked in the query: a revocation takes effect on the next read); every read by someone outside the
 * enterprise is logged and audited in the same transaction, and the enterprise sees the log.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TCreditProfile, TProfileSummary, TProfileView } from '../../contracts/credit';
import type { Tx } from '../../db/client';
import {
  creditDigitalLevels,
  creditProfileViews,
  creditWarnings,
  districts,
  enterpriseCreditChanges,
  enterprisePoolChanges,
  enterprises,
  financingOrders,
  fundApplications,
  fundClawbacks,
  institutions,
  loanExtensions,
  loanRepayments,
  loans,
  projectProgressReports,
  projectSpotChecks,
  projects,
  subsidyAwards,
  subsidyCampaigns,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { ROLE_NAMES } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { loanScopeOf } from '../../domain/access/scope';
import { creditScore, DIGITAL_LEVEL_ZH, wholeYears } from '../../domain/credit/score';
import { isExpired, isLate } from '../../domain/credit/warnings';
import { ORDER_STATUS_ZH, type OrderStatus } from '../../domain/financing/orders';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { PROFILE, profileScope, todayOf } from './records';

type Item = TCreditProfile['sections'][number]['items'][number];
const item = (label: string, value: string, source: string, date: string | null): Item => ({
  label,
  value,
  source,
  date,
});
const dayOf = (d: Date) => todayOf(d);

const CREDIT_ZH: Record<string, string> = { good: '良好', abnormal: '经营异常名录', dishonest: '严重违法失信名单' };
const TYPE_ZH: Record<string, string> = { manufacturer: '制造业企业', service_provider: '数字化服务商' };
const SPOT_ZH: Record<string, string> = {
  compliant: '符合',
  rectification_required: '需整改',
  non_compliant: '不符合',
};
const FUND_STATE_ZH: Record<string, string> = {
  awarded: '已立项资助',
  accepted: '验收通过',
  rectify: '限期整改',
  failed: '验收不通过',
};
const SHARED_NOTE =
  '本画像由平台依据自身记录生成，每项注明来源和日期；数字化水平评测结果依据《珠海市中小企业数字化转型融资服务工作方案》三（四）2 向银行免费提供，作为授信评估参考。银行仅在企业授权范围内查看，每次查看均记录并向企业公开。';

function requireReader(ctx: Ctx): Actor {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'credit.profile.read')) throw Errors.forbidden();
  return actor;
}

/** Profiles the reader may open: a bank those whose consent covers it, a district its own, the city all. */
export async function listProfiles(ctx: Ctx): Promise<{ items: TProfileSummary[] }> {
  const actor = requireReader(ctx);
  const rows = await ctx.deps.db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      districtCode: enterprises.districtCode,
      creditStatus: enterprises.creditStatus,
    })
    .from(enterprises)
    .where(profileScope(actor))
    .orderBy(asc(enterprises.name))
    .limit(500);
  return { items: rows };
}

async function organisationOf(tx: Tx, actor: Actor): Promise<{ organisation: string; institutionId: string | null }> {
  if (actor.institutionId) {
    const [i] = await tx
      .select({ name: institutions.name })
      .from(institutions)
      .where(eq(institutions.id, actor.institutionId));
    return { organisation: i?.name ?? ROLE_NAMES[actor.role].zh, institutionId: actor.institutionId };
  }
  if (actor.districtCode) {
    const [d] = await tx.select({ name: districts.name }).from(districts).where(eq(districts.code, actor.districtCode));
    return { organisation: `${d?.name ?? actor.districtCode}工业和信息化主管部门`, institutionId: null };
  }
  return { organisation: '市工业和信息化局', institutionId: null };
}

export async function readProfile(ctx: Ctx, enterpriseId: string): Promise<TCreditProfile> {
  const actor = requireReader(ctx);
  const today = todayOf(ctx.now);
  return inTx(ctx, async (tx) => {
    const [e] = await tx
      .select()
      .from(enterprises)
      .where(and(eq(enterprises.id, enterpriseId), profileScope(actor)));
    if (!e) throw Errors.notFound(PROFILE);
    const profile = await assemble(tx, e, today);
    if (loanScopeOf(actor).kind !== 'enterprise') {
      const org = await organisationOf(tx, actor);
      const [v] = await tx
        .insert(creditProfileViews)
        .values({
          enterpriseId,
          viewerId: actor.via === 'session' ? actor.id : null,
          viewerName: actor.name,
          viewerRole: actor.role,
          institutionId: org.institutionId,
          organisation: org.organisation,
          viewedAt: ctx.now,
        })
        .returning({ id: creditProfileViews.id });
      await recordAudit(tx, ctx, {
        action: 'credit_profile.viewed',
        objectType: 'credit_profile',
        objectId: enterpriseId,
        after: { viewId: v!.id, organisation: org.organisation, score: profile.score.score },
      });
    }
    return profile;
  });
}

/** Who looked at the profile and when (the enterprise its own; the city any). */
export async function listProfileViews(ctx: Ctx, enterpriseId: string): Promise<{ items: TProfileView[] }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'credit.profile.views')) throw Errors.forbidden();
  const [e] = await ctx.deps.db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(and(eq(enterprises.id, enterpriseId), profileScope(actor)));
  if (!e) throw Errors.notFound(PROFILE);
  const rows = await ctx.deps.db
    .select({
      id: creditProfileViews.id,
      viewerName: creditProfileViews.viewerName,
      organisation: creditProfileViews.organisation,
      viewedAt: creditProfileViews.viewedAt,
    })
    .from(creditProfileViews)
    .innerJoin(enterprises, eq(enterprises.id, creditProfileViews.enterpriseId))
    .where(and(eq(creditProfileViews.enterpriseId, enterpriseId), profileScope(actor)))
    .orderBy(desc(creditProfileViews.viewedAt))
    .limit(500);
  return { items: rows.map((r) => ({ ...r, viewedAt: r.viewedAt.toISOString() })) };
}

type EnterpriseRow = typeof enterprises.$inferSelect;

async function assemble(tx: Tx, e: EnterpriseRow, today: string): Promise<TCreditProfile> {
  const REG = '企业注册登记信息';
  const [district] = e.districtCode
    ? await tx.select({ name: districts.name }).from(districts).where(eq(districts.code, e.districtCode))
    : [];
  const years = wholeYears(e.establishedOn, today);
  const basics = [
    item('行业', TYPE_ZH[e.type] ?? e.type, REG, dayOf(e.updatedAt)),
    item('规模', e.isSme ? '中小企业' : '非中小企业', REG, dayOf(e.updatedAt)),
    item('所在地区', e.outsideCity ? '市外' : (district?.name ?? '—'), REG, dayOf(e.updatedAt)),
    item('经营年限', `成立于${e.establishedOn}，满${years}年`, REG, e.establishedOn),
  ];

  const creditHistory = await tx
    .select()
    .from(enterpriseCreditChanges)
    .where(eq(enterpriseCreditChanges.enterpriseId, e.id))
    .orderBy(desc(enterpriseCreditChanges.changedAt));
  const credit = [
    item(
      '当前信用状况',
      CREDIT_ZH[e.creditStatus] ?? e.creditStatus,
      e.creditSource ?? '平台默认（未登记）',
      e.creditAsOf,
    ),
    ...creditHistory.map((c) =>
      item(
        '信用状况变更',
        `${CREDIT_ZH[c.fromStatus] ?? c.fromStatus} → ${CREDIT_ZH[c.toStatus] ?? c.toStatus}${c.note ? `（${c.note}）` : ''}`,
        `${c.source}（${c.changedByName}登记）`,
        c.asOf,
      ),
    ),
  ];

  const poolChanges = await tx
    .select()
    .from(enterprisePoolChanges)
    .where(eq(enterprisePoolChanges.enterpriseId, e.id))
    .orderBy(desc(enterprisePoolChanges.changedAt));
  const pool = [
    item('资源池成员', e.inResourcePool ? '是' : '否', '市工业和信息化局资源池名单', e.resourcePoolSince),
    ...poolChanges.map((p) =>
      item(
        '资源池变更',
        p.inResourcePool ? '纳入' : '移出',
        `市级业务管理员${p.changedByName}登记`,
        dayOf(p.changedAt),
      ),
    ),
  ];

  const projs = await tx
    .select()
    .from(projects)
    .where(eq(projects.enterpriseId, e.id))
    .orderBy(asc(projects.approvedOn));
  const ids = projs.map((p) => p.id);
  const reports = ids.length
    ? await tx.select().from(projectProgressReports).where(inArray(projectProgressReports.projectId, ids))
    : [];
  const checks = ids.length
    ? await tx.select().from(projectSpotChecks).where(inArray(projectSpotChecks.projectId, ids))
    : [];
  const library = projs.flatMap((p) => {
    const rs = reports.filter((r) => r.projectId === p.id && r.state === 'submitted');
    const cs = checks.filter((c) => c.projectId === p.id && c.state === 'closed');
    return [
      item('入库项目', `${p.name}（${p.libraryNumber}）`, '项目库', p.approvedOn),
      item(
        '进展报告',
        rs.length ? `已报送${rs.length}期，最近一期${p.lastReportPeriod ?? ''}` : '尚未报送',
        `项目库（${p.libraryNumber}）`,
        p.lastReportedOn,
      ),
      ...cs.map((c) =>
        item(
          '抽查',
          `${SPOT_ZH[c.outcome ?? ''] ?? c.outcome}：${c.findings ?? ''}`,
          `${c.closedByName ?? ''}抽查记录`,
          c.closedAt ? dayOf(c.closedAt) : null,
        ),
      ),
    ];
  });

  const loanRows = await tx
    .select({ l: loans, bank: institutions.name })
    .from(loans)
    .innerJoin(institutions, eq(institutions.id, loans.bankId))
    .where(eq(loans.enterpriseId, e.id))
    .orderBy(asc(loans.disbursedOn));
  const loanIds = loanRows.map((r) => r.l.id);
  const reps = loanIds.length
    ? await tx.select().from(loanRepayments).where(inArray(loanRepayments.loanId, loanIds))
    : [];
  const exts = loanIds.length
    ? await tx.select().from(loanExtensions).where(inArray(loanExtensions.loanId, loanIds))
    : [];
  let onTime = 0;
  let late = 0;
  let extensions = 0;
  const loanItems = loanRows.map(({ l, bank }) => {
    const rs = reps.filter((r) => r.loanId === l.id);
    const lateN = rs.filter((r) => isLate(r.dueDate, r.paidDate)).length;
    const xs = exts.filter((x) => x.loanId === l.id).length;
    if (l.status === 'active') {
      onTime += rs.length - lateN;
      late += lateN;
      extensions += xs;
    }
    const behaviour =
      l.status === 'cancelled'
        ? `已作废（${l.cancelReason ?? ''}）`
        : `还款${rs.length}期：按期${rs.length - lateN}期、逾期${lateN}期；展期${xs}次`;
    return item(
      '政银保贷款',
      `${bank} ${fenToYuan(l.amountFen)}元，期限${l.termMonths}个月；${behaviour}`,
      `${bank}登记（合同${l.contractNo}）`,
      l.disbursedOn,
    );
  });

  const awards = await tx
    .select({ a: subsidyAwards, title: subsidyCampaigns.title })
    .from(subsidyAwards)
    .innerJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyAwards.campaignId))
    .where(and(eq(subsidyAwards.enterpriseId, e.id), sql`${subsidyAwards.awardedFen} > 0`));
  const grants = await tx
    .select()
    .from(fundApplications)
    .where(
      and(
        eq(fundApplications.enterpriseId, e.id),
        inArray(fundApplications.state, ['awarded', 'accepted', 'rectify', 'failed']),
      ),
    );
  const claws = grants.length
    ? await tx
        .select()
        .from(fundClawbacks)
        .where(
          and(
            inArray(
              fundClawbacks.applicationId,
              grants.map((g) => g.id),
            ),
            sql`${fundClawbacks.status} <> 'no_case'`,
          ),
        )
    : [];
  const grantItems = [
    ...awards.map(({ a, title }) =>
      item('贴息', `${title}：${fenToYuan(a.awardedFen)}元`, '政银保贴息核定', dayOf(a.createdAt)),
    ),
    ...grants.map((g) =>
      item(
        '专项资金',
        `${g.projectName}：${fenToYuan(g.finalFen ?? g.awardedFen ?? 0n)}元（${FUND_STATE_ZH[g.state] ?? g.state}）`,
        '专项资金项目管理',
        dayOf(g.submittedAt),
      ),
    ),
    ...claws.map((c) =>
      item(
        '资金追缴',
        `追缴${fenToYuan(c.amountFen)}元，已收回${fenToYuan(c.repaidFen)}元（${c.status === 'settled' ? '已结清' : '追缴中'}）`,
        '专项资金抽查',
        dayOf(c.createdAt),
      ),
    ),
  ];
  const grantCount = awards.length + grants.filter((g) => g.state !== 'failed').length;

  const orders = await tx
    .select({ o: financingOrders, bank: institutions.name })
    .from(financingOrders)
    .innerJoin(institutions, eq(institutions.id, financingOrders.institutionId))
    .where(eq(financingOrders.enterpriseId, e.id))
    .orderBy(desc(financingOrders.createdAt));
  const orderItems = orders.map(({ o, bank }) =>
    item(
      '融资对接',
      `${bank}：${ORDER_STATUS_ZH[o.status as OrderStatus] ?? o.status}${o.approvedAmountFen !== null ? `，获批${fenToYuan(o.approvedAmountFen)}元` : ''}${o.refuseReason ? `，${o.refuseReason}` : ''}`,
      '融资对接专区',
      dayOf(o.decidedAt ?? o.createdAt),
    ),
  );

  const levels = await tx
    .select()
    .from(creditDigitalLevels)
    .where(eq(creditDigitalLevels.enterpriseId, e.id))
    .orderBy(desc(creditDigitalLevels.assessedOn), desc(creditDigitalLevels.recordedAt));
  const digital = levels.map((d) => ({
    id: d.id,
    level: d.level,
    levelName: DIGITAL_LEVEL_ZH[d.level] ?? String(d.level),
    score: d.score,
    assessedOn: d.assessedOn,
    validTo: d.validTo,
    assessor: d.assessor,
    evidence: d.evidence,
    valid: !isExpired(d.validTo, today),
  }));
  const current = digital.find((d) => d.valid) ?? null;
  const digitalItems = digital.map((d) =>
    item(
      '数字化水平评测',
      `${d.levelName}，${d.score}分，有效期至${d.validTo}${d.valid ? '' : '（已过期）'}；依据：${d.evidence}`,
      d.assessor,
      d.assessedOn,
    ),
  );

  const [w] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(creditWarnings)
    .where(and(eq(creditWarnings.enterpriseId, e.id), eq(creditWarnings.status, 'open')));

  const spotFailed = checks.filter((c) => c.state === 'closed' && c.outcome === 'non_compliant').length;
  const acceptFailed = grants.filter((g) => g.state === 'failed').length;
  const score = creditScore(
    {
      creditStatus: e.creditStatus as 'good' | 'abnormal' | 'dishonest',
      yearsInBusiness: years,
      inResourcePool: e.inResourcePool,
      libraryProjects: projs.length,
      spotChecksFailed: spotFailed + acceptFailed,
      repaymentsOnTime: onTime,
      repaymentsLate: late,
      loanExtensions: extensions,
      grantsReceived: grantCount,
      clawbacks: claws.length,
      digitalLevel: current?.level ?? null,
      ordersApproved: orders.filter((o) => o.o.status === 'approved').length,
    },
    today,
  );

  const none = (items: Item[], what: string) => (items.length ? items : [item(what, '无记录', '平台记录', null)]);
  return {
    enterpriseId: e.id,
    name: e.name,
    uscc: e.uscc,
    asOf: today,
    sections: [
      { key: 'basics', title: '基本情况', items: basics },
      { key: 'credit', title: '信用状况及变更', items: credit },
      { key: 'pool', title: '资源池', items: pool },
      { key: 'library', title: '入库项目、进展报告与抽查', items: none(library, '入库项目') },
      { key: 'loans', title: '政银保贷款与还款表现', items: none(loanItems, '政银保贷款') },
      { key: 'grants', title: '补贴与资助', items: none(grantItems, '补贴与资助') },
      { key: 'orders', title: '融资对接及结果', items: none(orderItems, '融资对接') },
      { key: 'digital', title: '数字化水平评测', items: none(digitalItems, '数字化水平评测') },
    ],
    score,
    digitalLevels: digital,
    openWarnings: w?.n ?? 0,
    sharedNote: SHARED_NOTE,
  };
}
