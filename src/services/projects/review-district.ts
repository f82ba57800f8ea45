/**
 * District verification (第七条（二）"由各县（市、区）工业和信息化主管部门…完成申报项目核实。合格后，由市工业和信息化局
 * 复核"): a reviewer of the declaration's district verifies it (passing it to the city) or returns it with reasons
 * and a deadline for correction. One or many at once; each is its own transaction and audit event.
 */
import type { TBatchResult, TDistrictReview } from '../../contracts/projects';
import { mayDo } from '../../domain/access/business';
import { formatDateZh } from '../../domain/calendar/dates';
import { shanghaiDate } from '../../domain/projects/time';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { cityReviewers, enterpriseUsers, notifyUsers } from '../notifications';
import { actorOrg } from './access';
import { runBatch } from './batch';
import { auditStep, declarationForStep, takeStep } from './declaration-step';
import { loadEnterprise } from './repository';

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
      const event = returning ? 'district_return' : 'district_verify';
      const { row, step } = await declarationForStep(tx, actor, id, event, 'district_reviewer', reason);
      const enterprise = await loadEnterprise(tx, row.enterpriseId);
      await takeStep(
        tx,
        ctx,
        step,
        {
          lastReason: reason,
          ...(returning
            ? { returnDeadline: input.returnDeadline ?? null }
            : { districtVerifiedAt: ctx.now, districtVerifiedBy: actor.id }),
        },
        {
          reason,
          deadline: returning ? (input.returnDeadline ?? null) : null,
          details: { overdue: row.verifyDueOn !== null && today > row.verifyDueOn, verifyDueOn: row.verifyDueOn },
        },
      );
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
      const action = returning ? 'project_declaration.returned' : 'project_declaration.district_verified';
      await auditStep(tx, ctx, step, action, { reason, returnDeadline: returning ? input.returnDeadline : undefined });
      return { state: step.to };
    }),
  );
}
