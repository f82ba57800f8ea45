/**
 * Expert review (第十一条 专家评审): experts are drawn at random for an application (seeded and recorded, so the draw
 * replays), excluding automatic conflicts; each declares no conflict before seeing the application, and a declared
 * conflict frees the seat for another draw; scores follow the call's template and stay hidden from other experts
 * until all are in.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZDeclareConflict, ZScoreInput } from '../../contracts/fund';
import type { Tx } from '../../db/client';
import {
  enterprises,
  fundApplications,
  fundAssignments,
  fundCalls,
  fundExperts,
  projectDeclarationContracts,
  projectDeclarations,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { drawExperts as drawFromPool } from '../../domain/fund/draw';
import { weightedTotal } from '../../domain/fund/ranking';
import { formatRatio, ratioOf } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { notifyUsers } from '../notifications';
import { auditedRows } from '../workflow';
import { applicationViews, type CallRow, fundErrors, fundStep, loadApplication, requireActor } from './records';
import { ownAssignments } from './scope';

/** Credit codes of the applicant's service-contract counterparties on the platform (both sides of a contract). */
async function counterparties(tx: Tx, enterpriseId: string, uscc: string): Promise<string[]> {
  const rows = await tx
    .select({ provider: projectDeclarationContracts.providerUscc, client: enterprises.uscc })
    .from(projectDeclarationContracts)
    .innerJoin(projectDeclarations, eq(projectDeclarations.id, projectDeclarationContracts.declarationId))
    .innerJoin(enterprises, eq(enterprises.id, projectDeclarations.enterpriseId))
    .where(or(eq(projectDeclarations.enterpriseId, enterpriseId), eq(projectDeclarationContracts.providerUscc, uscc)));
  return [...new Set(rows.flatMap((r) => [r.provider, r.client]).filter((c) => c !== uscc))];
}

export type PanelPurpose = 'review' | 'acceptance';

/** Stages at which each panel is drawn. */
const PANEL_STAGES: Record<PanelPurpose, { states: string[]; refusal: string; full: string }> = {
  review: { states: ['formal_passed'], refusal: '形式审查通过后方可抽取评审专家', full: '评审专家已抽满' },
  acceptance: {
    states: ['awarded', 'rectify'],
    refusal: '项目列入计划后方可抽取验收专家（第十四条）',
    full: '验收专家已抽满',
  },
};

export async function drawExperts(
  ctx: Ctx,
  applicationId: string,
): Promise<{ drawn: string[]; unfilled: number; seed: string }> {
  return drawPanel(ctx, applicationId, 'review');
}

/**
 * The acceptance panel (第十四条 验收): drawn from the same pool with the same conflict rules as the review panel
 * (seeded and recorded; a declared conflict frees the seat for another draw). Experts who reviewed the application
 * are drawn again only if the pool has no one else — they are not excluded, as 003 does not exclude them.
 */
export async function drawAcceptancePanel(
  ctx: Ctx,
  applicationId: string,
): Promise<{ drawn: string[]; unfilled: number; seed: string }> {
  return drawPanel(ctx, applicationId, 'acceptance');
}

async function drawPanel(
  ctx: Ctx,
  applicationId: string,
  purpose: PanelPurpose,
): Promise<{ drawn: string[]; unfilled: number; seed: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.expert.draw')) throw Errors.forbidden('专家由受托机构抽取');
  const stage = PANEL_STAGES[purpose];
  return inTx(ctx, async (tx) => {
    const { app, call } = await loadApplication(tx, actor, applicationId, true);
    if (!stage.states.includes(app.state)) throw fundErrors.stage(stage.refusal);
    const existing = await tx
      .select()
      .from(fundAssignments)
      .where(and(eq(fundAssignments.applicationId, applicationId), eq(fundAssignments.purpose, purpose)));
    const seated = existing.filter((a) => a.status !== 'conflict').length;
    const seats = call.expertsPerApplication - seated;
    if (seats <= 0) throw fundErrors.stage(stage.full);
    const [ent] = await tx.select().from(enterprises).where(eq(enterprises.id, app.enterpriseId));
    const pool = await tx
      .select({ id: fundExperts.id, employerCreditCode: fundExperts.employerCreditCode, active: fundExperts.active })
      .from(fundExperts)
      .where(eq(fundExperts.operatorInstitutionId, call.operatorInstitutionId));
    const round = new Set(existing.map((a) => a.seed)).size + 1;
    const seed = `${applicationId}/${purpose}/${round}`;
    const result = drawFromPool({
      pool,
      applicantCreditCode: ent!.uscc,
      counterpartyCreditCodes: await counterparties(tx, ent!.id, ent!.uscc),
      namedByApplicant: app.avoidExperts,
      alreadyDrawn: existing.map((a) => a.expertId),
      seats,
      seed,
    });
    if (result.drawn.length > 0)
      await tx.insert(fundAssignments).values(
        result.drawn.map((expertId, i) => ({
          applicationId,
          purpose,
          expertId,
          seat: seated + i + 1,
          seed,
          createdAt: ctx.now,
        })),
      );
    await recordAudit(tx, ctx, {
      action: purpose === 'review' ? 'fund.experts_drawn' : 'fund.acceptance_panel_drawn',
      objectType: 'fund_application',
      objectId: applicationId,
      after: { purpose, seed, drawn: result.drawn, excluded: result.excluded, unfilled: result.unfilled },
    });
    const accounts = await tx
      .select({ userId: fundExperts.userId })
      .from(fundExperts)
      .where(inArray(fundExperts.id, result.drawn.length ? result.drawn : ['00000000-0000-0000-0000-000000000000']));
    await notifyUsers(
      tx,
      ctx.deps,
      ctx.now,
      accounts.flatMap((a) => (a.userId ? [a.userId] : [])),
      {
        kind: 'fund_review_assigned',
        title: purpose === 'review' ? '新的专家评审任务' : '新的项目验收任务',
        body:
          purpose === 'review'
            ? `请先声明是否存在利益冲突，再查看并评审“${call.title}”的申报`
            : `请先声明是否存在利益冲突，再参加“${call.title}”项目“${app.projectName}”的验收`,
        link: '/expert/reviews',
        objectType: 'fund_application',
        objectId: applicationId,
      },
    );
    return { drawn: result.drawn, unfilled: result.unfilled, seed };
  });
}

type AssignmentRow = typeof fundAssignments.$inferSelect;

/**
 * The expert's step on an assignment of its own (`fund.review.score`, 403 with `refusal` otherwise): in one
 * transaction, the assignment locked with its call; another expert's is not found (404).
 */
function onOwnAssignment<T>(
  ctx: Ctx,
  id: string,
  refusal: string,
  step: (tx: Tx, own: { a: AssignmentRow; call: CallRow }) => Promise<T>,
): Promise<T> {
  return fundStep(ctx, 'fund.review.score', refusal, async (tx, actor) =>
    step(tx, await loadOwnAssignment(tx, actor, id)),
  );
}

async function loadOwnAssignment(tx: Tx, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw fundErrors.assignmentNotFound();
  const [row] = await tx
    .select({ a: fundAssignments, call: fundCalls })
    .from(fundAssignments)
    .innerJoin(fundApplications, eq(fundApplications.id, fundAssignments.applicationId))
    .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
    .where(and(eq(fundAssignments.id, id), ownAssignments(actor)))
    .for('update', { of: fundAssignments });
  if (!row) throw fundErrors.assignmentNotFound();
  return row;
}

const assignmentRows = auditedRows(fundAssignments, 'fund_assignment');

export async function declareConflict(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof ZDeclareConflict>,
): Promise<{ id: string; status: string }> {
  return onOwnAssignment(ctx, id, '只有评审专家可以声明', async (tx, { a }) => {
    if (a.status !== 'drawn') throw fundErrors.stage('已声明过是否存在利益冲突');
    const status = input.conflict ? 'conflict' : 'declared_clear';
    await assignmentRows.update(tx, ctx, id, {
      set: { status, declaredAt: ctx.now, note: input.note ?? null },
      action: input.conflict ? 'fund.expert_conflict_declared' : 'fund.expert_no_conflict_declared',
      before: { status: a.status },
      after: { status, note: input.note ?? null },
    });
    return { id, status };
  });
}

const LOW_SCORE = ratioOf(60n, 1n);

export async function scoreApplication(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof ZScoreInput>,
): Promise<{ id: string; total: string }> {
  return onOwnAssignment(ctx, id, '只有评审专家可以评分', async (tx, { a, call }) => {
    if (a.purpose !== 'review') throw fundErrors.stage('验收专家不评分，验收结论由受托机构记录');
    if (a.status !== 'declared_clear')
      throw fundErrors.stage(a.status === 'scored' ? '已提交评分，不能修改' : '请先声明不存在利益冲突');
    if (call.state !== 'reviewing' && call.state !== 'approved') throw fundErrors.stage('评审已结束');
    for (const k of Object.keys(input.scores))
      if (!call.criteria.some((c) => c.id === k))
        throw fieldError(`scores.${k}`, '评分项', '不在评分模板中', 'is not a criterion');
    for (const c of call.criteria)
      if (input.scores[c.id] === undefined) throw fieldError(`scores.${c.id}`, c.name, '须评分', 'is required');
    for (const [k, v] of Object.entries(input.scores))
      if (Number(v) > 100) throw fieldError(`scores.${k}`, '分数', '应为0至100之间的数', 'must be 0–100');
    const exact = weightedTotal(call.criteria, input.scores);
    if (exact.num < LOW_SCORE.num * exact.den && !input.comment)
      throw fieldError('comment', '评审意见', '加权总分低于60分时须填写评审意见', 'is required for a low score');
    const total = formatRatio(exact, 2);
    await assignmentRows.update(tx, ctx, id, {
      set: { status: 'scored', scores: input.scores, total, comment: input.comment ?? null, scoredAt: ctx.now },
      action: 'fund.application_scored',
      after: { applicationId: a.applicationId, total },
    });
    return { id, total };
  });
}

/** The signed-in expert's assignments; an application shows only once the expert declared no conflict. */
export async function expertQueue(ctx: Ctx) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.review.score')) throw Errors.forbidden('只有评审专家有评审任务');
  const db = ctx.deps.db;
  const rows = await db
    .select({ a: fundAssignments, app: fundApplications, call: fundCalls })
    .from(fundAssignments)
    .innerJoin(fundApplications, eq(fundApplications.id, fundAssignments.applicationId))
    .innerJoin(fundCalls, eq(fundCalls.id, fundApplications.callId))
    .where(and(ownAssignments(actor), sql`${fundAssignments.status} <> 'conflict'`))
    .orderBy(fundAssignments.createdAt);
  const visible = rows.filter((r) => r.a.status === 'declared_clear' || r.a.status === 'scored');
  const views = new Map(
    (
      await applicationViews(
        db,
        visible.map((r) => r.app),
      )
    ).map((v) => [v.id, v]),
  );
  return {
    items: rows.map((r) => ({
      assignmentId: r.a.id,
      purpose: r.a.purpose as PanelPurpose,
      status: r.a.status as 'drawn' | 'declared_clear' | 'scored',
      // Each task shows the application only once its own declaration is made (a reviewer drawn again for the
      // acceptance panel declares again).
      application:
        visible.includes(r) && views.get(r.app.id) ? { ...views.get(r.app.id)!, score: null, rank: null } : null,
      criteria: (r.call as CallRow).criteria,
    })),
  };
}
