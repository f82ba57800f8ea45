/**
 * District spot checks of numbered projects (第九条 "各县（市、区）工业和信息化主管部门负责本辖区内数字化转型项目跟踪
 * 抽查等工作"): a reviewer of the project's district opens a check with its reason, and records its outcome.
 */
import { and, eq } from 'drizzle-orm';
import type { TCloseSpotCheck, TOpenSpotCheck, TSpotCheck } from '../../contracts/projects';
import { projectSpotChecks } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { SPOT_CHECK_OUTCOME_NAMES } from '../../domain/projects/tracking';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { spotCheckClosed } from '../credit';
import { Errors } from '../errors';
import { enterpriseUsers, notifyUsers } from '../notifications';
import { actorOrg } from './access';
import { projectErrors } from './errors';
import { findProject, toSpotCheck } from './project-view';

function requireDistrictReviewer(ctx: Ctx) {
  const a = ctx.actor;
  if (!a) throw Errors.unauthenticated();
  if (!mayDo(a, 'project.spot_check') || !a.districtCode)
    throw Errors.forbidden('只有县（市、区）审核人员可以开展项目抽查', 'Only district reviewers run spot checks');
  return a;
}

export async function openSpotCheck(ctx: Ctx, projectId: string, input: TOpenSpotCheck): Promise<TSpotCheck> {
  const actor = requireDistrictReviewer(ctx);
  return inTx(ctx, async (tx) => {
    const p = await findProject(tx, ctx, projectId, { forUpdate: true });
    if (!p) throw projectErrors.projectNotFound();
    const [row] = await tx
      .insert(projectSpotChecks)
      .values({
        projectId,
        enterpriseId: p.enterpriseId,
        districtCode: p.districtCode,
        state: 'open',
        reason: input.reason,
        plannedOn: input.plannedOn ?? null,
        openedBy: actor.id,
        openedByName: actor.name,
        openedAt: ctx.now,
      })
      .returning();
    await notifyUsers(tx, ctx.deps, ctx.now, await enterpriseUsers(tx, p.enterpriseId), {
      kind: 'spot_check_opened',
      title: `项目抽查：${p.libraryNumber} ${p.name}`,
      body: `${actorOrg(actor)}将对项目“${p.name}”开展跟踪抽查${input.plannedOn ? `（计划 ${input.plannedOn}）` : ''}，事由：${input.reason}。请配合（第九条）。`,
      link: `/enterprise/projects/${projectId}`,
      objectType: 'project',
      objectId: projectId,
    });
    await recordAudit(tx, ctx, {
      action: 'project_spot_check.opened',
      objectType: 'project_spot_check',
      objectId: row!.id,
      after: { projectId, reason: input.reason, plannedOn: input.plannedOn ?? null },
    });
    return toSpotCheck(row!);
  });
}

export async function closeSpotCheck(
  ctx: Ctx,
  projectId: string,
  checkId: string,
  input: TCloseSpotCheck,
): Promise<TSpotCheck> {
  const actor = requireDistrictReviewer(ctx);
  return inTx(ctx, async (tx) => {
    const p = await findProject(tx, ctx, projectId);
    if (!p) throw projectErrors.projectNotFound();
    const [c] = await tx
      .select()
      .from(projectSpotChecks)
      .where(and(eq(projectSpotChecks.id, checkId), eq(projectSpotChecks.projectId, projectId)))
      .for('update');
    if (!c) throw projectErrors.spotCheckNotFound();
    if (c.state !== 'open')
      throw Errors.conflict('SPOT_CHECK_CLOSED', '该抽查已记录结论', 'The spot check already has its outcome');
    const [row] = await tx
      .update(projectSpotChecks)
      .set({
        state: 'closed',
        outcome: input.outcome,
        findings: input.findings,
        rectifyBy: input.rectifyBy ?? null,
        closedBy: actor.id,
        closedByName: actor.name,
        closedAt: ctx.now,
      })
      .where(eq(projectSpotChecks.id, checkId))
      .returning();
    await notifyUsers(tx, ctx.deps, ctx.now, await enterpriseUsers(tx, p.enterpriseId), {
      kind: 'spot_check_closed',
      title: `抽查结论：${SPOT_CHECK_OUTCOME_NAMES[input.outcome].zh}（${p.libraryNumber}）`,
      body: `${actorOrg(actor)}对项目“${p.name}”的抽查结论：${SPOT_CHECK_OUTCOME_NAMES[input.outcome].zh}。${input.findings}${input.rectifyBy ? `。请于 ${input.rectifyBy} 前完成整改。` : ''}`,
      link: `/enterprise/projects/${projectId}`,
      objectType: 'project',
      objectId: projectId,
      channels: input.outcome === 'compliant' ? [] : ['sms'],
    });
    await spotCheckClosed(tx, ctx, {
      checkId,
      projectId,
      enterpriseId: p.enterpriseId,
      projectName: p.name,
      libraryNumber: p.libraryNumber,
      outcome: input.outcome,
      findings: input.findings,
    });
    await recordAudit(tx, ctx, {
      action: 'project_spot_check.closed',
      objectType: 'project_spot_check',
      objectId: checkId,
      before: { state: 'open' },
      after: { state: 'closed', outcome: input.outcome, findings: input.findings, rectifyBy: input.rectifyBy ?? null },
    });
    return toSpotCheck(row!);
  });
}
