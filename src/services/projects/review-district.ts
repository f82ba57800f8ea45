/**
 * District verification (第七条（二）"由各县（市、区）工业和信息化主管部门…完成申报项目核实。合格后，由市工业和信息化局
 * 复核"): a reviewer of the declaration's district verifies it (passing it to the city) or returns it with reasons
 * and a deadline for correction. One or many at once; each is its own transaction and audit event.
 */
import { eq, sql } from 'drizzle-orm';
import type { TBatchResult, TDistrictReview } from '../../contracts/projects';
import { projectDeclarations } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { formatDateZh } from '../../domain/calendar/dates';
import { shanghaiDate } from '../../domain/projects/time';
import { type DeclarationState, transition } from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { cityReviewers, enterpriseUsers, notifyUsers } from '../notifications';
import { actorOrg } from './access';
import { runBatch } from './batch';
import { projectErrors } from './errors';
import { findDeclaration, loadEnterprise } from './repository';
import { appendTimeline } from './timeline';

export async function reviewByDistrict(ctx: Ctx, input: TDistrictReview): Promise<TBatchResult> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'project.review.district') || !actor.districtCode)
    throw Errors.forbidden('只有县（市、区）审核人员可以核实入库申报', 'Only district reviewers verify declarations');
  const today = shanghaiDate(ctx.now);
  const returning = input.decision === 'return';
  if (returning && input.returnDeadline && input.returnDeadline <= today)
    throw fieldError('returnDeadline', '补正期限', `须晚于今天（${today}）`, `must be after today (${today})`);
  const reason = input.reason?.trim() || null;

  return runBatch(ctx, input.ids, (id) =>
    inTx(ctx, async (tx) => {
      const row = await findDeclaration(tx, actor, id, { forUpdate: true });
      if (!row) throw projectErrors.declarationNotFound();
      const event = returning ? 'district_return' : 'district_verify';
      const t = transition(row.state as DeclarationState, event, 'district_reviewer', reason);
      if (!t.ok) throw projectErrors.transition(t.refusal);
      await tx
        .update(projectDeclarations)
        .set({
          state: t.to,
          lastReason: reason,
          ...(returning
            ? { returnDeadline: input.returnDeadline ?? null }
            : { districtVerifiedAt: ctx.now, districtVerifiedBy: actor.id }),
          version: sql`${projectDeclarations.version} + 1`,
          updatedAt: ctx.now,
        })
        .where(eq(projectDeclarations.id, id));
      const enterprise = await loadEnterprise(tx, row.enterpriseId);
      await appendTimeline(tx, ctx, {
        declarationId: id,
        event,
        fromState: row.state,
        toState: t.to,
        reason,
        deadline: returning ? (input.returnDeadline ?? null) : null,
        details: { overdue: row.verifyDueOn !== null && today > row.verifyDueOn, verifyDueOn: row.verifyDueOn },
      });
      const org = actorOrg(actor) ?? '';
      const name = row.name ?? '';
      if (returning) {
        await notifyUsers(tx, ctx.deps, ctx.now, await enterpriseUsers(tx, row.enterpriseId), {
          kind: 'declaration_returned',
          title: `申报被退回补正：${name}`,
          body: `${org}退回了您的入库申报“${name}”，理由：${reason}。请于${formatDateZh(input.returnDeadline!)}前修改后重新提交。`,
          link: `/enterprise/declarations/${id}`,
          objectType: 'project_declaration',
          objectId: id,
          channels: ['sms'],
        });
      } else {
        await notifyUsers(tx, ctx.deps, ctx.now, await enterpriseUsers(tx, row.enterpriseId), {
          kind: 'declaration_verified',
          title: `区县核实通过：${name}`,
          body: `${org}已核实您的入库申报“${name}”，已报市工业和信息化局复核。`,
          link: `/enterprise/declarations/${id}`,
          objectType: 'project_declaration',
          objectId: id,
        });
        await notifyUsers(tx, ctx.deps, ctx.now, await cityReviewers(tx), {
          kind: 'declaration_verified',
          title: `待复核：${name}`,
          body: `${org}已核实${enterprise.name}的入库申报“${name}”，请复核。${row.resourcePoolLed ? '该项目由资源池服务商牵头，优先推荐入库。' : ''}`,
          link: `/city/declarations/${id}`,
          objectType: 'project_declaration',
          objectId: id,
        });
      }
      await recordAudit(tx, ctx, {
        action: returning ? 'project_declaration.returned' : 'project_declaration.district_verified',
        objectType: 'project_declaration',
        objectId: id,
        before: { state: row.state },
        after: { state: t.to, reason, returnDeadline: returning ? input.returnDeadline : undefined },
      });
      return { state: t.to };
    }),
  );
}
