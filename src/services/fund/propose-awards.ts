/**
 * The operator ranks a call (第十条（二） 排序优选) once every seated expert has scored, and proposes the amounts: each
 * direction's standard applied to the verified invoice total, in rank order within the direction's budget (第八条).
 * Ranking per direction, by the README's ranking contract (`rankApplications`).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { enterprises, fundApplications, fundAssignments, fundCallDirections } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { type RankEntry, rankApplications } from '../../domain/fund/ranking';
import { DIRECTION_ZH, type Direction, proposeAwards as propose, supportStandard } from '../../domain/fund/standards';
import { fenToYuan } from '../../domain/money/index';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import {
  type CallRow,
  fundErrors,
  fundStep,
  loadCall,
  moveCall,
  nextCallState,
  overridesFor,
  requireActor,
} from './records';

/** The call's ranking per direction from the stored scores; refuses while a seated expert has not scored. */
async function rankCall(db: DbOrTx, call: CallRow) {
  const apps = await db
    .select()
    .from(fundApplications)
    .where(and(eq(fundApplications.callId, call.id), eq(fundApplications.state, 'formal_passed')))
    .orderBy(asc(fundApplications.submittedAt));
  const assignments = apps.length
    ? await db
        .select()
        .from(fundAssignments)
        .where(
          and(
            inArray(
              fundAssignments.applicationId,
              apps.map((a) => a.id),
            ),
            eq(fundAssignments.purpose, 'review'),
          ),
        )
    : [];
  const pending = assignments.filter((a) => a.status === 'drawn' || a.status === 'declared_clear');
  if (pending.length > 0) throw fundErrors.stage(`尚有${pending.length}份专家评分未完成，评分全部完成后方可排序`);
  const byDirection = new Map<string, RankEntry[]>();
  for (const direction of new Set(apps.map((a) => a.direction))) {
    const mine = apps.filter((a) => a.direction === direction);
    byDirection.set(
      direction,
      rankApplications({
        criteria: call.criteria,
        method: call.method as 'mean' | 'trimmed',
        minReviews: call.minReviews,
        threshold: call.threshold,
        applications: mine.map((a) => ({ id: a.id, submittedAt: a.submittedAt.toISOString() })),
        reviews: assignments
          .filter((r) => mine.some((a) => a.id === r.applicationId))
          .map((r) => ({
            applicationId: r.applicationId,
            expertId: r.expertId,
            scores: r.scores ?? {},
            conflict: r.status === 'conflict',
          })),
      }),
    );
  }
  return { apps, byDirection };
}

export async function proposeFundAwards(ctx: Ctx, callId: string) {
  return fundStep(ctx, 'fund.proposal.make', '安排方案由受托机构提出', async (tx, actor) => {
    const call = await loadCall(tx, actor, callId, true);
    const to = nextCallState(call, 'propose');
    const { apps, byDirection } = await rankCall(tx, call);
    const dirs = await tx.select().from(fundCallDirections).where(eq(fundCallDirections.callId, callId));
    const overrides = await overridesFor(tx, call.policyVersion);
    const summary: Record<string, unknown>[] = [];
    for (const d of dirs) {
      const ranking = byDirection.get(d.direction) ?? [];
      const standard = supportStandard(d.direction as Direction, call.opensOn, overrides);
      const ranked = ranking.filter((r) => r.rank !== null);
      const proposal = propose({
        standard,
        budget: d.budgetFen - d.committedFen,
        candidates: ranked.map((r) => {
          const a = apps.find((x) => x.id === r.id)!;
          return {
            id: a.id,
            rank: r.rank!,
            enterpriseId: a.enterpriseId,
            invoiceTotal: a.invoiceTotalFen,
            cluster: a.cluster,
          };
        }),
      });
      for (const r of ranking) {
        const p = proposal.find((x) => x.id === r.id);
        await tx
          .update(fundApplications)
          .set({
            score: r.score,
            rank: r.rank,
            proposedFen: p ? p.amount : 0n,
            decidedFen: null,
            explanation: p
              ? [...p.explanation]
              : [
                  r.status === 'below_threshold'
                    ? `得分${r.score}低于入围分数线${call.threshold}，不予排序`
                    : '有效评分数不足，不予排序',
                ],
          })
          .where(eq(fundApplications.id, r.id));
        summary.push({
          id: r.id,
          rank: r.rank,
          score: r.score,
          status: r.status,
          proposed: p ? fenToYuan(p.amount) : '0.00',
        });
      }
    }
    await moveCall(tx, ctx, call, to, { action: 'fund.awards_proposed', after: { items: summary } });
    return readProposalIn(tx, call.id);
  });
}

export async function readProposalIn(db: DbOrTx, callId: string) {
  const rows = await db
    .select({ a: fundApplications, name: enterprises.name })
    .from(fundApplications)
    .innerJoin(enterprises, eq(enterprises.id, fundApplications.enterpriseId))
    .where(eq(fundApplications.callId, callId))
    .orderBy(asc(fundApplications.direction), asc(fundApplications.rank), asc(fundApplications.submittedAt));
  const scored = rows.filter((r) => r.a.explanation !== null);
  const counts = scored.length
    ? await db
        .select({ id: fundAssignments.applicationId, n: sql<number>`count(*)::int` })
        .from(fundAssignments)
        .where(
          and(
            inArray(
              fundAssignments.applicationId,
              scored.map((r) => r.a.id),
            ),
            eq(fundAssignments.status, 'scored'),
            eq(fundAssignments.purpose, 'review'),
          ),
        )
        .groupBy(fundAssignments.applicationId)
    : [];
  return {
    callId,
    ranking: scored.map(({ a }) => ({
      id: a.id,
      rank: a.rank,
      score: a.score,
      reviews: counts.find((c) => c.id === a.id)?.n ?? 0,
      status: (a.rank !== null
        ? 'ranked'
        : a.score !== null
          ? 'below_threshold'
          : 'insufficient_reviews') as RankEntry['status'],
    })),
    items: scored
      .filter(({ a }) => a.rank !== null)
      .map(({ a, name }) => ({
        applicationId: a.id,
        enterpriseName: name,
        projectName: a.projectName,
        direction: a.direction as Direction,
        rank: a.rank!,
        score: a.score!,
        invoiceTotal: fenToYuan(a.invoiceTotalFen),
        proposed: fenToYuan(a.proposedFen ?? 0n),
        decided: a.decidedFen === null ? null : fenToYuan(a.decidedFen),
        changeReason: a.changeReason,
        status: DIRECTION_ZH[a.direction as Direction],
        explanation: a.explanation ?? [],
      })),
  };
}

export async function readProposal(ctx: Ctx, callId: string) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.ranking.read')) throw Errors.forbidden('排序结果由受托机构、市工业和信息化局和审计机构查看');
  const call = await loadCall(ctx.deps.db, actor, callId);
  return readProposalIn(ctx.deps.db, call.id);
}
