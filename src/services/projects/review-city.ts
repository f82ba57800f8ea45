/**
 * City re-review (第七条（二）"由市工业和信息化局复核。通过的项目获得编号，不通过的项目完善后于后续申报周期可重新申报").
 * A pass numbers the project: the next value of the approval year's counter row, incremented in the approving
 * transaction (a row lock serialises concurrent approvals; a rollback returns the number), so numbers are
 * unique and gap-free per year. The numbered project is created in the same transaction.
 */
import { sql } from 'drizzle-orm';
import type { TBatchResult, TCityReview } from '../../contracts/projects';
import type { Tx } from '../../db/client';
import { projectNumberCounters, projects } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { yearOf } from '../../domain/calendar/dates';
import { formatLibraryNumber } from '../../domain/projects/numbering';
import { shanghaiDate } from '../../domain/projects/time';
import { type Ctx, inTx } from '../context';
import { declarationDecided } from '../credit';
import { Errors } from '../errors';
import { districtReviewers, enterpriseUsers, notifyUsers } from '../notifications';
import { runBatch } from './batch';
import { auditStep, declarationForStep, takeStep } from './declaration-step';

/** Takes the next library number of a year (inside the caller's transaction). */
export async function nextLibraryNumber(tx: Tx, year: number): Promise<{ seq: number; number: string }> {
  const [r] = await tx
    .insert(projectNumberCounters)
    .values({ year, lastSeq: 1 })
    .onConflictDoUpdate({
      target: projectNumberCounters.year,
      set: { lastSeq: sql`${projectNumberCounters.lastSeq} + 1` },
    })
    .returning({ seq: projectNumberCounters.lastSeq });
  return { seq: r!.seq, number: formatLibraryNumber(year, r!.seq) };
}

export async function reviewByCity(ctx: Ctx, input: TCityReview): Promise<TBatchResult> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'project.review.city'))
    throw Errors.forbidden('只有市级审核人员可以复核入库申报', 'Only city reviewers review declarations');
  const today = shanghaiDate(ctx.now);
  const approving = input.decision === 'approve';
  const reason = input.reason?.trim() || null;

  return runBatch(ctx, input.ids, (id) =>
    inTx(ctx, async (tx) => {
      const event = approving ? 'city_approve' : 'city_reject';
      const { row, step } = await declarationForStep(tx, actor, id, event, 'city_reviewer', reason);
      const name = row.name ?? '';

      let libraryNumber: string | null = null;
      let projectId: string | null = null;
      if (approving) {
        const year = yearOf(today);
        const n = await nextLibraryNumber(tx, year);
        libraryNumber = n.number;
        const [p] = await tx
          .insert(projects)
          .values({
            libraryNumber: n.number,
            numberYear: year,
            numberSeq: n.seq,
            declarationId: row.id,
            enterpriseId: row.enterpriseId,
            districtCode: row.districtCode,
            form: row.form,
            name,
            declarationMonth: row.declarationMonth!,
            declaredOn: row.declaredOn!,
            approvedOn: today,
            approvedAt: ctx.now,
            approvedBy: actor.id,
            investmentAtDeclarationFen: row.investmentMadeFen ?? 0n,
            plannedTotalFen: row.plannedTotalFen,
            resourcePoolLed: row.resourcePoolLed,
            startDate: row.startDate!,
            endDate: row.endDate!,
            loanBankId: row.hasLoan ? row.loanBankId : null,
            loanId: row.hasLoan ? row.loanId : null,
            trackingState: 'active',
            currentStatus: row.projectStatus ?? 'planned',
            investmentToDateFen: row.investmentMadeFen ?? 0n,
            createdAt: ctx.now,
            updatedAt: ctx.now,
          })
          .returning({ id: projects.id });
        projectId = p!.id;
      }
      await takeStep(
        tx,
        ctx,
        step,
        { lastReason: reason, decidedAt: ctx.now, decidedBy: actor.id },
        { reason, details: approving ? { libraryNumber, projectId } : null },
      );
      await declarationDecided(tx, ctx, { enterpriseId: row.enterpriseId, approved: approving, name });
      const users = await enterpriseUsers(tx, row.enterpriseId);
      if (approving) {
        await notifyUsers(tx, ctx.deps, ctx.now, users, {
          kind: 'declaration_approved',
          title: `项目已入库：${name}（${libraryNumber}）`,
          body: `您的数字化转型项目“${name}”已通过市工业和信息化局复核，项目库编号 ${libraryNumber}。请按季度报送项目建设进展（江工信工业互联网〔2023〕33号 第七条（七））。`,
          link: `/enterprise/projects/${projectId}`,
          objectType: 'project',
          objectId: projectId,
          channels: ['sms'],
        });
        await notifyUsers(tx, ctx.deps, ctx.now, await districtReviewers(tx, row.districtCode), {
          kind: 'declaration_approved',
          title: `辖区项目已入库：${name}（${libraryNumber}）`,
          body: `辖区项目“${name}”已入库（${libraryNumber}），请做好项目跟踪抽查（第九条）。`,
          link: `/district/projects/${projectId}`,
          objectType: 'project',
          objectId: projectId,
        });
      } else {
        await notifyUsers(tx, ctx.deps, ctx.now, users, {
          kind: 'declaration_rejected',
          title: `项目未通过复核：${name}`,
          body: `您的入库申报“${name}”未通过市工业和信息化局复核，理由：${reason}。项目完善后可于后续申报周期重新申报（第七条（二））。`,
          link: `/enterprise/declarations/${id}`,
          objectType: 'project_declaration',
          objectId: id,
          channels: ['sms'],
        });
      }
      const action = approving ? 'project_declaration.approved' : 'project_declaration.rejected';
      await auditStep(tx, ctx, step, action, { reason, libraryNumber, projectId });
      return { state: step.to, libraryNumber };
    }),
  );
}
