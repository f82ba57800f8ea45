/**
 * Applications within the actor's scope: a call's applications (operator, city, auditor), an enterprise's own,
 * one application, and an application's expert assignments (scores hidden until every seated expert has scored).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { TApplication } from '../../contracts/fund';
import { fundApplications, fundAssignments, fundCalls, fundExperts } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { applicationViews, loadApplication, loadCall, requireActor } from './records';
import { applicationScope } from './scope';

export async function listFundApplications(ctx: Ctx, callId?: string): Promise<{ items: TApplication[] }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.application.read')) throw Errors.forbidden();
  if (callId) await loadCall(ctx.deps.db, actor, callId);
  const rows = await ctx.deps.db
    .select({ app: fundApplications })
    .from(fundApplications)
    .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
    .where(and(applicationScope(actor), callId ? eq(fundApplications.callId, callId) : undefined))
    .orderBy(asc(fundApplications.submittedAt));
  return {
    items: await applicationViews(
      ctx.deps.db,
      rows.map((r) => r.app),
    ),
  };
}

export async function getFundApplication(ctx: Ctx, id: string): Promise<TApplication> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.application.read') && !mayDo(actor, 'fund.review.score')) throw Errors.forbidden();
  const { app } = await loadApplication(ctx.deps.db, actor, id);
  const [view] = await applicationViews(ctx.deps.db, [app]);
  // An expert sees the application, never the scores of the others.
  return mayDo(actor, 'fund.review.score') ? { ...view!, score: null, rank: null } : view!;
}

export async function listAssignments(ctx: Ctx, applicationId: string) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.ranking.read')) throw Errors.forbidden('评分由受托机构、市工业和信息化局和审计机构查看');
  await loadApplication(ctx.deps.db, actor, applicationId);
  const rows = await ctx.deps.db
    .select({ a: fundAssignments, name: fundExperts.name })
    .from(fundAssignments)
    .innerJoin(fundExperts, eq(fundExperts.id, fundAssignments.expertId))
    .where(eq(fundAssignments.applicationId, applicationId))
    .orderBy(asc(fundAssignments.seat), asc(fundAssignments.createdAt));
  // Scores show once every seated reviewer has scored; the acceptance panel gives no scores.
  const seated = rows.filter((r) => r.a.purpose === 'review' && r.a.status !== 'conflict');
  const allIn = seated.length > 0 && seated.every((r) => r.a.status === 'scored');
  return {
    items: rows.map(({ a, name }) => ({
      id: a.id,
      applicationId: a.applicationId,
      expertId: a.expertId,
      expertName: name,
      purpose: a.purpose as 'review' | 'acceptance',
      seat: a.seat,
      seed: a.seed,
      status: a.status as 'drawn' | 'declared_clear' | 'conflict' | 'scored',
      scores: allIn ? a.scores : null,
      total: allIn ? a.total : null,
      comment: allIn ? a.comment : null,
    })),
  };
}
