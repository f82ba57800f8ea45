/**
 * The project plan (第五条 下达项目计划): issued by the bureau once the notice has ended and every objection is
 * closed; each decided amount is committed against its direction's budget under a row lock (the database also
 * refuses a commitment above the budget), so concurrent issues can never overspend. Then the operator files it
 * (备案, 第十条（三）). For the resource-pool selection the plan publishes the pool list with each member's validity
 * and updates the enterprise's 资源池 membership.
 *
 * Interpretation `POOL_VALIDITY_BY_PLAN`: 申报指南 三（五） has the pool “定期组织公开遴选和发布” without a term, so the
 * bureau states the members' validity when it issues the list.
 */
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  enterprisePoolChanges,
  enterprises,
  fundApplications,
  fundCallDirections,
  fundPoolMembers,
} from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { planProblem } from '../../domain/fund/notice';
import type { Direction } from '../../domain/fund/standards';
import { fenToYuan, toChineseCapitals } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { enterpriseUsersOf, notifyUsers } from '../notifications';
import { openObjectionCount } from './notice';
import { type CallRow, fundErrors, fundStep, loadCall, moveCall, nextCallState, requireActor } from './records';

export async function issueFundPlan(ctx: Ctx, callId: string, input: { poolValidUntil?: string | undefined }) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.plan.issue')) throw Errors.forbidden('项目计划由市工业和信息化局下达');
  const today = chinaDateOf(ctx.now);
  return inTx(ctx, async (tx) => {
    const call = await loadCall(tx, actor, callId, true);
    const to = nextCallState(call, 'plan');
    const problem = planProblem(today, call.noticeEndsOn!, await openObjectionCount(tx, callId));
    if (problem) throw fundErrors.stage(problem);
    const pool = call.programme === 'resource_pool';
    if (pool && (!input.poolValidUntil || input.poolValidUntil <= today))
      throw fieldError('poolValidUntil', '资源池有效期至', '须写明且晚于今天', 'is required and after today');
    const apps = await tx
      .select()
      .from(fundApplications)
      .where(and(eq(fundApplications.callId, callId), eq(fundApplications.state, 'formal_passed')))
      .for('update');
    const funded = apps.filter((a) => a.rank !== null && (pool || (a.decidedFen ?? 0n) > 0n));
    const dirs = await tx.select().from(fundCallDirections).where(eq(fundCallDirections.callId, callId)).for('update');
    for (const d of dirs) {
      const sum = funded.filter((a) => a.direction === d.direction).reduce((s, a) => s + (a.decidedFen ?? 0n), 0n);
      if (sum > d.budgetFen - d.committedFen)
        throw fundErrors.stage(`方向预算余额${fenToYuan(d.budgetFen - d.committedFen)}元不足以安排${fenToYuan(sum)}元`);
      await tx
        .update(fundCallDirections)
        .set({ committedFen: sql`${fundCallDirections.committedFen} + ${sum}` })
        .where(and(eq(fundCallDirections.callId, callId), eq(fundCallDirections.direction, d.direction)));
    }
    for (const a of apps) {
      const won = funded.includes(a);
      await tx
        .update(fundApplications)
        .set({
          state: won ? 'awarded' : 'not_awarded',
          awardedFen: won ? (a.decidedFen ?? 0n) : null,
          timeline: [
            ...a.timeline,
            { at: ctx.now.toISOString(), action: won ? '列入项目计划' : '未获安排', note: null },
          ],
        })
        .where(eq(fundApplications.id, a.id));
    }
    if (pool && funded.length > 0) {
      await tx.insert(fundPoolMembers).values(
        funded.map((a) => ({
          callId,
          enterpriseId: a.enterpriseId,
          validFrom: today,
          validUntil: input.poolValidUntil!,
        })),
      );
      const ids = funded.map((a) => a.enterpriseId);
      await tx
        .update(enterprises)
        .set({
          inResourcePool: true,
          resourcePoolSince: today,
          version: sql`${enterprises.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(inArray(enterprises.id, ids));
      await tx.insert(enterprisePoolChanges).values(
        ids.map((enterpriseId) => ({
          enterpriseId,
          inResourcePool: true,
          since: today,
          note: `经“${call.title}”遴选入选，有效期至${input.poolValidUntil}`,
          changedBy: actor.id,
          changedByName: actor.name,
          changedAt: ctx.now,
        })),
      );
    }
    await moveCall(tx, ctx, call, to, {
      action: 'fund.plan_issued',
      set: { plannedOn: today },
      after: {
        items: funded.map((a) => ({ id: a.id, fen: (a.decidedFen ?? 0n).toString() })),
        poolValidUntil: input.poolValidUntil ?? null,
      },
    });
    await notifyUsers(
      tx,
      ctx.deps,
      ctx.now,
      await enterpriseUsersOf(
        tx,
        funded.map((a) => a.enterpriseId),
      ),
      {
        kind: 'fund_plan_issued',
        title: `“${call.title}”项目计划已下达`,
        body: pool ? '贵单位已入选资源池' : '贵单位的项目已列入项目计划',
        link: '/enterprise/fund',
        objectType: 'fund_call',
        objectId: callId,
      },
    );
    return { id: callId, items: funded.length };
  });
}

export async function fileFundPlan(ctx: Ctx, callId: string) {
  return fundStep(ctx, 'fund.plan.file', '项目计划由受托机构备案', async (tx, actor) => {
    const call = await loadCall(tx, actor, callId, true);
    const to = nextCallState(call, 'file');
    const today = chinaDateOf(ctx.now);
    await moveCall(tx, ctx, call, to, {
      action: 'fund.plan_filed',
      set: { filedOn: today },
      after: { filedOn: today },
    });
    return { id: callId };
  });
}

export async function planOf(db: DbOrTx, call: CallRow) {
  if (!call.plannedOn) throw Errors.notFound({ zh: '项目计划', en: 'Plan' });
  const rows = await db
    .select({ a: fundApplications, name: enterprises.name })
    .from(fundApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundApplications.enterpriseId))
    .where(and(eq(fundApplications.callId, call.id), gt(fundApplications.awardedFen, -1n)))
    .orderBy(asc(fundApplications.direction), asc(fundApplications.rank));
  const members = await db
    .select({ name: enterprises.name, validUntil: fundPoolMembers.validUntil })
    .from(fundPoolMembers)
    .innerJoin(enterprises, eq(enterprises.id, fundPoolMembers.enterpriseId))
    .where(eq(fundPoolMembers.callId, call.id));
  const total = rows.reduce((s, r) => s + (r.a.awardedFen ?? 0n), 0n);
  return {
    callId: call.id,
    title: call.title,
    issuedOn: call.plannedOn,
    filedOn: call.filedOn,
    total: fenToYuan(total),
    totalInWords: toChineseCapitals(total),
    items: rows.map(({ a, name }) => ({
      applicationId: a.id,
      enterpriseName: name,
      projectName: a.projectName,
      direction: a.direction as Direction,
      amount: fenToYuan(a.awardedFen ?? 0n),
      amountInWords: toChineseCapitals(a.awardedFen ?? 0n),
    })),
    poolMembers: members.map((m) => ({ enterpriseName: m.name, validUntil: m.validUntil })),
  };
}

export async function readFundPlan(ctx: Ctx, callId: string) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.call.read')) throw Errors.forbidden();
  return planOf(ctx.deps.db, await loadCall(ctx.deps.db, actor, callId));
}
