/**
 * 形式审查 by the operator (第十条（二）, 第十一条 内部审核): pass, or return with reasons and a deadline; the enterprise
 * is notified and sees every step. A returned application is resubmitted by its enterprise before the deadline
 * (new invoices checked again for double funding).
 */
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZFormalReview, ZResubmitApplication } from '../../contracts/fund';
import { fundInvoices } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { type ApplicationState, applicationTransition } from '../../domain/fund/workflow';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { enterpriseUsers, notifyUsers } from '../notifications';
import { refuseDoubleFunding } from './double-funding';
import { applicationRows, fundErrors, loadApplication, requireActor, timelineEntry } from './records';
import { checkInvoices, invoiceRows } from './submit-application';

function next(from: string, event: Parameters<typeof applicationTransition>[1]): ApplicationState {
  const t = applicationTransition(from as ApplicationState, event);
  if (!t.ok) throw fundErrors.stage(t.zh);
  return t.to;
}

export async function formalReview(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof ZFormalReview>,
): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.application.formal_review')) throw Errors.forbidden('形式审查由受托机构进行');
  const today = chinaDateOf(ctx.now);
  if (input.decision === 'return' && input.dueOn! <= today)
    throw fieldError('dueOn', '补正期限', '应晚于今天', 'must be after today');
  return inTx(ctx, async (tx) => {
    const { app, call } = await loadApplication(tx, actor, id, true);
    if (call.state !== 'approved' && call.state !== 'reviewing') throw fundErrors.stage('形式审查须在评审排序前完成');
    const to = next(app.state, input.decision);
    const note = input.decision === 'return' ? `${input.reasons}（请于${input.dueOn}前补正）` : null;
    await applicationRows.update(tx, ctx, id, {
      set: {
        state: to,
        returnReasons: input.decision === 'return' ? input.reasons! : null,
        returnDueOn: input.decision === 'return' ? input.dueOn! : null,
        timeline: [
          ...app.timeline,
          timelineEntry(ctx, input.decision === 'pass' ? '形式审查通过' : '形式审查退回补正', note),
        ],
      },
      action: input.decision === 'pass' ? 'fund.application_formal_passed' : 'fund.application_returned',
      before: { state: app.state },
      after: { state: to, reasons: input.reasons ?? null, dueOn: input.dueOn ?? null },
    });
    if (input.decision === 'return')
      await notifyUsers(tx, ctx.deps, ctx.now, await enterpriseUsers(tx, app.enterpriseId), {
        kind: 'fund_application_returned',
        title: `专项资金申报“${app.projectName}”被退回补正`,
        body: note!,
        link: '/enterprise/fund',
        objectType: 'fund_application',
        objectId: id,
      });
    return { id };
  });
}

export async function resubmitFundApplication(
  ctx: Ctx,
  id: string,
  input: z.infer<typeof ZResubmitApplication>,
): Promise<{ id: string }> {
  const actor = requireActor(ctx);
  if (!mayDo(actor, 'fund.application.submit')) throw Errors.forbidden('只有企业用户可以补正申报');
  const today = chinaDateOf(ctx.now);
  const total = checkInvoices(input.invoices, today);
  return inTx(ctx, async (tx) => {
    const { app } = await loadApplication(tx, actor, id, true);
    const to = next(app.state, 'resubmit');
    if (app.returnDueOn && today > app.returnDueOn)
      throw fundErrors.stage(`补正期限${app.returnDueOn}已过，不能再补正`);
    await refuseDoubleFunding(tx, {
      applicationId: id,
      invoiceNos: input.invoices.map((i) => i.invoiceNo.toUpperCase()),
      projectId: app.projectId,
    });
    await tx.delete(fundInvoices).where(and(eq(fundInvoices.applicationId, id), eq(fundInvoices.stage, 'application')));
    await tx.insert(fundInvoices).values(invoiceRows(id, 'application', input.invoices));
    await applicationRows.update(tx, ctx, id, {
      set: { state: to, invoiceTotalFen: total, timeline: [...app.timeline, timelineEntry(ctx, '补正后重新提交')] },
      action: 'fund.application_resubmitted',
      before: { state: app.state, invoiceTotalFen: app.invoiceTotalFen.toString() },
      after: { state: to, invoiceTotalFen: total.toString() },
    });
    return { id };
  });
}
