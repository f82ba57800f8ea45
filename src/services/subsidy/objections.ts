/**
 * Objections to a public notice (公示): anyone may lodge one during the notice period (name, contact, reason);
 * each is a case the city handles to an outcome. An upheld objection may revoke the award it names: the
 * amount leaves the plan and the enterprise's cap ledger is credited back.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { THandleObjection, TLodgeObjection, TObjection } from '../../contracts/subsidy';
import {
  enterprises,
  subsidyAwards,
  subsidyCampaigns,
  subsidyCapLedger,
  subsidyNotices,
  subsidyObjections,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { chinaDateOf, maskContact, noticePhase } from '../../domain/subsidy/notice';
import type { ObjectionOutcome, ObjectionStatus } from '../../domain/workflow/application';
import { recordAudit } from '../audit/record-audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';

const NOTICE = { zh: '公示', en: 'Public notice' };
const OBJECTION = { zh: '异议', en: 'Objection' };

export async function lodgeObjection(
  ctx: Ctx,
  noticeId: string,
  input: TLodgeObjection,
): Promise<{ caseNo: string; lodgedAt: string }> {
  return inTx(ctx, async (tx) => {
    const [notice] = await tx
      .select()
      .from(subsidyNotices)
      .where(eq(subsidyNotices.id, noticeId))
      .for('update')
      .limit(1);
    if (!notice) throw Errors.notFound(NOTICE);
    const phase = noticePhase(chinaDateOf(ctx.now), notice.startsOn, notice.endsOn);
    if (phase !== 'open') {
      throw Errors.unprocessable(
        'NOTICE_NOT_OPEN',
        phase === 'upcoming'
          ? `公示自${notice.startsOn}开始，届时方可提出异议`
          : `公示期已于${notice.endsOn}结束，不再受理异议`,
        phase === 'upcoming' ? 'The notice has not started' : 'The notice period has ended',
      );
    }
    if (input.awardId) {
      const [award] = await tx
        .select({ id: subsidyAwards.id })
        .from(subsidyAwards)
        .where(and(eq(subsidyAwards.id, input.awardId), eq(subsidyAwards.runId, notice.runId)))
        .limit(1);
      if (!award) throw fieldError('awardId', '异议对象', '不是本公示中的条目', 'is not an entry of this notice');
    }
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(subsidyObjections)
      .where(eq(subsidyObjections.noticeId, noticeId))) as [{ n: number }];
    const year = notice.startsOn.slice(0, 4);
    const caseNo = `YY${year}-${notice.id.slice(0, 4).toUpperCase()}-${String(n + 1).padStart(4, '0')}`;
    const [row] = await tx
      .insert(subsidyObjections)
      .values({
        noticeId,
        awardId: input.awardId ?? null,
        caseNo,
        name: input.name,
        contactEnc: ctx.deps.cipher.encrypt(input.contact),
        reason: input.reason,
        clientIp: ctx.clientIp,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'subsidy.objection_lodged',
      objectType: 'subsidy_objection',
      objectId: row!.id,
      after: { caseNo, noticeId, awardId: input.awardId ?? null, contact: maskContact(input.contact) },
    });
    return { caseNo, lodgedAt: ctx.now.toISOString() };
  });
}

function objectionView(ctx: Ctx, o: typeof subsidyObjections.$inferSelect, enterpriseName: string | null): TObjection {
  let contact = '****';
  try {
    contact = maskContact(ctx.deps.cipher.decrypt(o.contactEnc));
  } catch {
    // unreadable with this key: stays masked
  }
  return {
    id: o.id,
    noticeId: o.noticeId,
    caseNo: o.caseNo,
    awardId: o.awardId,
    enterpriseName,
    name: o.name,
    contact,
    reason: o.reason,
    status: o.status as ObjectionStatus,
    outcome: (o.outcome as ObjectionOutcome | null) ?? null,
    outcomeNote: o.outcomeNote,
    handledByName: o.handledByName,
    closedAt: o.closedAt?.toISOString() ?? null,
    createdAt: o.createdAt.toISOString(),
  };
}

export async function listObjections(ctx: Ctx & { actor: Actor }, noticeId: string): Promise<TObjection[]> {
  if (ctx.actor.role !== 'city_admin' && ctx.actor.role !== 'city_reviewer') {
    throw Errors.forbidden('只有市级人员可以查看和处理公示异议', 'Only city staff handle objections');
  }
  const rows = await ctx.deps.db
    .select({ o: subsidyObjections, enterpriseName: enterprises.name })
    .from(subsidyObjections)
    .leftJoin(subsidyAwards, eq(subsidyAwards.id, subsidyObjections.awardId))
    .leftJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .where(eq(subsidyObjections.noticeId, noticeId))
    .orderBy(asc(subsidyObjections.createdAt), asc(subsidyObjections.caseNo));
  return rows.map((r) => objectionView(ctx, r.o, r.enterpriseName));
}

export async function handleObjection(
  ctx: Ctx & { actor: Actor },
  objectionId: string,
  input: THandleObjection,
): Promise<TObjection> {
  if (ctx.actor.role !== 'city_admin' && ctx.actor.role !== 'city_reviewer') {
    throw Errors.forbidden('只有市级人员可以处理公示异议', 'Only city staff handle objections');
  }
  return inTx(ctx, async (tx) => {
    const [o] = await tx
      .select()
      .from(subsidyObjections)
      .where(eq(subsidyObjections.id, objectionId))
      .for('update')
      .limit(1);
    if (!o) throw Errors.notFound(OBJECTION);
    if (o.status === 'closed')
      throw Errors.conflict('OBJECTION_CLOSED', `异议${o.caseNo}已办结，不能再次处理`, 'Already closed');
    const closing = input.status === 'closed';
    if (input.revokeAward && !(closing && input.outcome === 'upheld')) {
      throw fieldError(
        'revokeAward',
        '撤销该项补贴',
        '仅在异议成立并办结时可选',
        'only with an upheld, closed objection',
      );
    }
    if (input.revokeAward && !o.awardId) {
      throw fieldError('revokeAward', '撤销该项补贴', '该异议未指向公示中的具体条目', 'the objection names no entry');
    }
    let revoked: { awardId: string; amountFen: string } | null = null;
    if (input.revokeAward && o.awardId) {
      const [award] = await tx
        .select()
        .from(subsidyAwards)
        .where(eq(subsidyAwards.id, o.awardId))
        .for('update')
        .limit(1);
      if (award && award.status !== 'revoked' && award.awardedFen > 0n) {
        const [campaign] = await tx
          .select()
          .from(subsidyCampaigns)
          .where(eq(subsidyCampaigns.id, award.campaignId))
          .for('update')
          .limit(1);
        if (campaign?.status === 'plan_issued') {
          throw Errors.conflict('PLAN_ISSUED', '资金安排计划已下达，不能再撤销补贴', 'The plan is issued');
        }
        await tx.update(subsidyAwards).set({ status: 'revoked' }).where(eq(subsidyAwards.id, award.id));
        await tx.insert(subsidyCapLedger).values({
          enterpriseId: award.enterpriseId,
          campaignId: award.campaignId,
          awardId: award.id,
          amountFen: -award.awardedFen,
          reason: 'revoke',
          createdAt: ctx.now,
        });
        await tx
          .update(subsidyCampaigns)
          .set({ allocatedFen: sql`${subsidyCampaigns.allocatedFen} - ${award.awardedFen}`, updatedAt: ctx.now })
          .where(eq(subsidyCampaigns.id, award.campaignId));
        revoked = { awardId: award.id, amountFen: String(award.awardedFen) };
      }
    }
    const [updated] = await tx
      .update(subsidyObjections)
      .set({
        status: input.status,
        outcome: closing ? (input.outcome ?? null) : null,
        outcomeNote: input.note,
        handledBy: ctx.actor.id,
        handledByName: ctx.actor.name,
        closedAt: closing ? ctx.now : null,
        updatedAt: ctx.now,
      })
      .where(eq(subsidyObjections.id, objectionId))
      .returning();
    await recordAudit(tx, ctx, {
      action: closing ? 'subsidy.objection_closed' : 'subsidy.objection_investigating',
      objectType: 'subsidy_objection',
      objectId: objectionId,
      before: { status: o.status },
      after: { status: input.status, outcome: closing ? input.outcome : null, note: input.note, revoked },
    });
    return objectionView(ctx, updated!, null);
  });
}
