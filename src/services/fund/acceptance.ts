/**
 * Completion and acceptance (第十四条 验收或完工评价, organised by the operator): the final invoices are recorded and
 * the amount recomputed on them with the direction's standard — it can only go down; the difference is released to
 * the direction's budget. Outcome pass / rectify by a deadline / fail (a failed project keeps nothing).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZAcceptanceInput } from '../../contracts/fund';
import { fundApplications, fundAssignments, fundCallDirections, fundInvoices } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { type Direction, finalAmount, supportStandard } from '../../domain/fund/standards';
import { type ApplicationState, applicationTransition } from '../../domain/fund/workflow';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { acceptanceRecorded } from '../credit';
import { Errors, fieldError } from '../errors';
import { fundErrors, loadApplication, overridesFor, requireActor, timelineEntry } from './records';
import { checkInvoices, invoiceRows } from './submit-application';

export async function recordAcceptance(ctx: Ctx, id: string, input: z.infer<typeof ZAcceptanceInput>) {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.acceptance.record')) throw Errors.forbidden('验收由受托机构组织');
  const today = chinaDateOf(ctx.now);
  if (input.rectifyBy && input.rectifyBy <= today)
    throw fieldError('rectifyBy', '整改期限', '应晚于今天', 'must be after today');
  const finalTotal = checkInvoices(input.finalInvoices, today, 'finalInvoices');
  return inTx(ctx, async (tx) => {
    const { app, call } = await loadApplication(tx, actor, id, true);
    const event = input.outcome === 'pass' ? 'accept' : input.outcome;
    const t = applicationTransition(app.state as ApplicationState, event);
    if (!t.ok) throw fundErrors.stage(t.zh);
    // The acceptance panel (第十四条) must be seated: every seat drawn and declared free of conflict.
    const panel = await tx
      .select({ expertId: fundAssignments.expertId, status: fundAssignments.status })
      .from(fundAssignments)
      .where(and(eq(fundAssignments.applicationId, id), eq(fundAssignments.purpose, 'acceptance')));
    const seated = panel.filter((p) => p.status !== 'conflict');
    const clear = seated.filter((p) => p.status === 'declared_clear');
    if (clear.length < call.expertsPerApplication || clear.length < seated.length)
      throw fundErrors.stage(
        `验收专家组须${call.expertsPerApplication}名专家全部声明无利益冲突后方可记录验收结论（第十四条），当前${clear.length}名`,
      );
    const current = app.finalFen ?? app.awardedFen ?? 0n;
    const standard = supportStandard(
      app.direction as Direction,
      call.opensOn,
      await overridesFor(tx, call.policyVersion),
    );
    const r =
      input.outcome === 'fail'
        ? { amount: 0n, released: current, explanation: [`验收不通过，取消安排，${fenToYuan(current)}元退回方向预算`] }
        : finalAmount(standard, current, finalTotal);
    await tx.delete(fundInvoices).where(and(eq(fundInvoices.applicationId, id), eq(fundInvoices.stage, 'final')));
    await tx.insert(fundInvoices).values(invoiceRows(id, 'final', input.finalInvoices));
    if (r.released > 0n)
      await tx
        .update(fundCallDirections)
        .set({ committedFen: sql`${fundCallDirections.committedFen} - ${r.released}` })
        .where(and(eq(fundCallDirections.callId, call.id), eq(fundCallDirections.direction, app.direction)));
    await tx
      .update(fundApplications)
      .set({
        state: t.to,
        finalFen: r.amount,
        acceptance: {
          outcome: input.outcome,
          panel: clear.map((p) => p.expertId),
          note: input.note ?? null,
          rectifyBy: input.rectifyBy ?? null,
          explanation: r.explanation,
        },
        timeline: [
          ...app.timeline,
          timelineEntry(
            ctx,
            `验收：${{ pass: '通过', rectify: '限期整改', fail: '不通过' }[input.outcome]}`,
            r.explanation.at(-1) ?? null,
          ),
        ],
      })
      .where(eq(fundApplications.id, id));
    await acceptanceRecorded(tx, ctx, {
      applicationId: id,
      enterpriseId: app.enterpriseId,
      projectName: app.projectName,
      outcome: input.outcome,
    });
    await recordAudit(tx, ctx, {
      action: 'fund.acceptance_recorded',
      objectType: 'fund_application',
      objectId: id,
      before: { state: app.state, amountFen: current.toString() },
      after: {
        state: t.to,
        outcome: input.outcome,
        panel: clear.map((p) => p.expertId),
        amountFen: r.amount.toString(),
        releasedFen: r.released.toString(),
      },
    });
    return {
      id,
      state: t.to,
      finalAmount: fenToYuan(r.amount),
      released: fenToYuan(r.released),
      explanation: r.explanation,
    };
  });
}
