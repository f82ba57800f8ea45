/**
 * Objections to a public notice (公示): anyone may lodge one during the notice period (name, contact, reason);
 * each is a case the city handles to an outcome. An upheld objection may revoke the award it names, or reduce it:
 * the amount (or the difference) leaves the plan, the enterprise's cap ledger is credited back, and the freed
 * budget may go to the next in line by a 递补 run (`supplementary-allocation.ts`). Objections to a 递补公示 work the
 * same way.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { THandleObjection, TLodgeObjection, TObjection } from '../../contracts/subsidy';
import type { Tx } from '../../db/client';
import {
  enterprises,
  subsidyAwards,
  subsidyCampaigns,
  subsidyCapLedger,
  subsidyNotices,
  subsidyObjections,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { fenToYuan, yuanToFen } from '../../domain/money';
import { chinaDateOf, maskContact, noticePhase } from '../../domain/subsidy/notice';
import type { ObjectionOutcome, ObjectionStatus } from '../../domain/workflow/application';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { rowInScope } from '../kit';
import { noticeSource } from './notice-sources';

const NOTICE = { zh: '公示', en: 'Public notice' };
const OBJECTION = { zh: '异议', en: 'Objection' };

export async function lodgeObjection(
  ctx: Ctx,
  noticeId: string,
  input: TLodgeObjection,
): Promise<{ caseNo: string; lodgedAt: string }> {
  return inTx(ctx, async (tx) => {
    const notice = await rowInScope(tx, subsidyNotices, subsidyNotices.id, noticeId, undefined, { forUpdate: true });
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
    let entryId: string | null = null;
    if (input.awardId && notice.feeYearId) {
      // A guarantee-fee notice: its entries are the year's fee claims.
      if (!(await noticeSource('guarantee_fee').hasEntry(tx, notice.feeYearId, input.awardId)))
        throw fieldError('awardId', '异议对象', '不是本公示中的条目', 'is not an entry of this notice');
      entryId = input.awardId;
    } else if (input.awardId) {
      const [award] = await tx
        .select({ id: subsidyAwards.id })
        .from(subsidyAwards)
        .where(and(eq(subsidyAwards.id, input.awardId), eq(subsidyAwards.runId, notice.runId!)))
        .limit(1);
      if (!award) throw fieldError('awardId', '异议对象', '不是本公示中的条目', 'is not an entry of this notice');
    }
    // Case numbers run per year across every notice (YY<year>-<seq>): taken under a lock on the year, so two
    // notices never hand out the same number and concurrent objections never collide.
    const year = notice.startsOn.slice(0, 4);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7300101, ${Number(year)})`);
    const [{ n }] = (await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(subsidyObjections)
      .where(sql`${subsidyObjections.caseNo} LIKE ${`YY${year}-%`}`)) as [{ n: number }];
    const caseNo = `YY${year}-${String(n + 1).padStart(5, '0')}`;
    const [row] = await tx
      .insert(subsidyObjections)
      .values({
        noticeId,
        awardId: entryId ? null : (input.awardId ?? null),
        entryId,
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
    awardId: o.awardId ?? o.entryId,
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
  if (!mayDo(ctx.actor, 'subsidy.objection.handle')) {
    throw Errors.forbidden('只有市级人员可以查看和处理公示异议', 'Only city staff handle objections');
  }
  const rows = await ctx.deps.db
    .select({ o: subsidyObjections, enterpriseName: enterprises.name })
    .from(subsidyObjections)
    .leftJoin(subsidyAwards, eq(subsidyAwards.id, subsidyObjections.awardId))
    .leftJoin(enterprises, eq(enterprises.id, subsidyAwards.enterpriseId))
    .where(eq(subsidyObjections.noticeId, noticeId))
    .orderBy(asc(subsidyObjections.createdAt), asc(subsidyObjections.caseNo));
  const entryIds = rows.flatMap((r) => (r.o.entryId ? [r.o.entryId] : []));
  const names = entryIds.length
    ? await noticeSource('guarantee_fee').entryNames(ctx.deps.db, entryIds)
    : new Map<string, string>();
  return rows.map((r) =>
    objectionView(ctx, r.o, r.enterpriseName ?? (r.o.entryId ? (names.get(r.o.entryId) ?? null) : null)),
  );
}

export async function handleObjection(
  ctx: Ctx & { actor: Actor },
  objectionId: string,
  input: THandleObjection,
): Promise<TObjection> {
  if (!mayDo(ctx.actor, 'subsidy.objection.handle')) {
    throw Errors.forbidden('只有市级人员可以处理公示异议', 'Only city staff handle objections');
  }
  return inTx(ctx, async (tx) => {
    const o = await rowInScope(tx, subsidyObjections, subsidyObjections.id, objectionId, undefined, {
      forUpdate: true,
    });
    if (!o) throw Errors.notFound(OBJECTION);
    if (o.status === 'closed')
      throw Errors.conflict('OBJECTION_CLOSED', `异议${o.caseNo}已办结，不能再次处理`, 'Already closed');
    const closing = input.status === 'closed';
    const upheld = closing && input.outcome === 'upheld';
    if (input.revokeAward && !upheld) {
      throw fieldError(
        'revokeAward',
        '撤销该项补贴',
        '仅在异议成立并办结时可选',
        'only with an upheld, closed objection',
      );
    }
    if (input.reduceTo !== undefined && !upheld) {
      throw fieldError('reduceTo', '核减后金额', '仅在异议成立并办结时可填', 'only with an upheld, closed objection');
    }
    if (input.revokeAward && input.reduceTo !== undefined) {
      throw fieldError('reduceTo', '核减后金额', '撤销与核减只能选择其一', 'revoke or reduce, not both');
    }
    const adjusting = input.revokeAward || input.reduceTo !== undefined;
    if (adjusting && o.entryId) {
      // A guarantee-fee entry is not an award of a run: its correction is the city's (see ADR 0023).
      throw fieldError(
        input.revokeAward ? 'revokeAward' : 'reduceTo',
        input.revokeAward ? '撤销该项补贴' : '核减后金额',
        '担保费补贴公示的异议在此仅登记处理结果，安排金额的调整须另行办理',
        'a guarantee-fee entry is not adjusted here',
      );
    }
    if (adjusting && !o.awardId) {
      throw fieldError(
        input.revokeAward ? 'revokeAward' : 'reduceTo',
        input.revokeAward ? '撤销该项补贴' : '核减后金额',
        '该异议未指向公示中的具体条目',
        'the objection names no entry',
      );
    }
    let adjusted: { awardId: string; kind: 'revoke' | 'reduce'; before: string; after: string } | null = null;
    if (adjusting && o.awardId) {
      adjusted = await adjustAward(tx, ctx, o, input);
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
      after: { status: input.status, outcome: closing ? input.outcome : null, note: input.note, adjusted },
    });
    return objectionView(ctx, updated!, null);
  });
}

/**
 * An upheld objection revokes the award it names, or reduces it to a lower amount: the award keeps its amount
 * before, the reason (case number and the handling note) and the time; a negative cap-ledger entry gives the
 * difference back to the enterprise's ¥1,000,000 cap; the campaign's allocated total falls, freeing budget for a
 * 递补 run. Refused once the funding plan is issued.
 */
async function adjustAward(
  tx: Tx,
  ctx: Ctx & { actor: Actor },
  o: typeof subsidyObjections.$inferSelect,
  input: THandleObjection,
): Promise<{ awardId: string; kind: 'revoke' | 'reduce'; before: string; after: string }> {
  const [award] = await tx.select().from(subsidyAwards).where(eq(subsidyAwards.id, o.awardId!)).for('update').limit(1);
  if (!award) throw Errors.notFound({ zh: '公示条目', en: 'Notice entry' });
  if (award.status === 'revoked') {
    throw Errors.conflict('AWARD_REVOKED', '该项补贴已被撤销', 'The award is already revoked');
  }
  const [campaign] = await tx
    .select()
    .from(subsidyCampaigns)
    .where(eq(subsidyCampaigns.id, award.campaignId))
    .for('update')
    .limit(1);
  if (campaign?.status === 'plan_issued') {
    throw Errors.conflict('PLAN_ISSUED', '资金安排计划已下达，不能再撤销或核减补贴', 'The plan is issued');
  }
  const kind: 'revoke' | 'reduce' = input.revokeAward ? 'revoke' : 'reduce';
  const newFen = kind === 'revoke' ? 0n : yuanToFen(input.reduceTo!);
  if (kind === 'reduce' && (newFen <= 0n || newFen >= award.awardedFen)) {
    throw fieldError(
      'reduceTo',
      '核减后金额',
      `应大于0且低于现安排金额${fenToYuan(award.awardedFen)}元（全部取消请选择撤销）`,
      'must be above zero and below the current amount',
    );
  }
  const delta = award.awardedFen - newFen;
  const reason = `异议${o.caseNo}成立：${input.note}`;
  await tx
    .update(subsidyAwards)
    .set({
      status: kind === 'revoke' ? 'revoked' : 'reduced',
      awardedFen: kind === 'revoke' ? award.awardedFen : newFen,
      awardedBeforeAdjustmentFen: award.awardedFen,
      adjustmentReason: reason,
      adjustmentObjectionId: o.id,
      adjustedAt: ctx.now,
    })
    .where(eq(subsidyAwards.id, award.id));
  if (delta > 0n) {
    await tx.insert(subsidyCapLedger).values({
      enterpriseId: award.enterpriseId,
      campaignId: award.campaignId,
      awardId: award.id,
      amountFen: -delta,
      reason: kind,
      createdAt: ctx.now,
    });
    await tx
      .update(subsidyCampaigns)
      .set({ allocatedFen: sql`${subsidyCampaigns.allocatedFen} - ${delta}`, updatedAt: ctx.now })
      .where(eq(subsidyCampaigns.id, award.campaignId));
  }
  const out = {
    awardId: award.id,
    kind,
    before: fenToYuan(award.awardedFen),
    after: fenToYuan(newFen),
  };
  await recordAudit(tx, ctx, {
    action: kind === 'revoke' ? 'subsidy.award_revoked' : 'subsidy.award_reduced',
    objectType: 'subsidy_award',
    objectId: award.id,
    before: { status: award.status, awarded: fenToYuan(award.awardedFen) },
    after: {
      status: kind === 'revoke' ? 'revoked' : 'reduced',
      awarded: fenToYuan(newFen),
      freed: fenToYuan(delta),
      reason,
      objectionId: o.id,
      caseNo: o.caseNo,
      supplementary: award.supplementary,
    },
  });
  return out;
}
