/**
 * Spot checks (第十六条 抽查机制): the bureau draws a random sample of a call's funded projects (seeded, recorded, so
 * the draw replays) and records findings; a finding of misuse opens a clawback case (第十条（四） 追缴已拨付的财政资金)
 * with the amount, the deadline and the repayments received.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZFindingInput, ZRepaymentInput, ZSpotCheckInput } from '../../contracts/fund';
import { fundApplications, fundClawbacks, fundSpotChecks } from '../../db/schema';
import { drawSample } from '../../domain/fund/draw';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { clawbackOpened, clawbackSettled } from '../credit';
import { Errors, fieldError } from '../errors';
import { auditedRows } from '../workflow';
import { fundErrors, fundStep, loadCall } from './records';

const spotCheckRows = auditedRows(fundSpotChecks, 'fund_spot_check');

export async function drawSpotCheck(ctx: Ctx, callId: string, input: z.infer<typeof ZSpotCheckInput>) {
  return fundStep(ctx, 'fund.spot_check.run', '抽查由市工业和信息化局组织', async (tx, actor) => {
    const call = await loadCall(tx, actor, callId, true);
    if (call.state !== 'planned' && call.state !== 'filed') throw fundErrors.stage('项目计划下达后方可抽查');
    const funded = await tx
      .select({ id: fundApplications.id })
      .from(fundApplications)
      .where(
        and(eq(fundApplications.callId, callId), inArray(fundApplications.state, ['awarded', 'accepted', 'rectify'])),
      );
    const sample = drawSample(
      funded.map((f) => f.id),
      input.size,
      `${callId}/spot/${input.seed}`,
    );
    const id = await spotCheckRows.insert(tx, ctx, {
      values: { callId, seed: input.seed, size: input.size, sample, drawnBy: actor.id, createdAt: ctx.now },
      action: 'fund.spot_check_drawn',
      after: { callId, seed: input.seed, size: input.size, sample },
    });
    return { id, sample };
  });
}

export async function recordFinding(
  ctx: Ctx,
  spotCheckId: string,
  applicationId: string,
  input: z.infer<typeof ZFindingInput>,
) {
  return fundStep(ctx, 'fund.clawback.manage', '检查结果由市工业和信息化局记录', async (tx) => {
    const [check] = await tx.select().from(fundSpotChecks).where(eq(fundSpotChecks.id, spotCheckId));
    if (!check?.sample.includes(applicationId)) throw Errors.notFound({ zh: '抽查项目', en: 'Sampled project' });
    const [app] = await tx.select().from(fundApplications).where(eq(fundApplications.id, applicationId));
    const paid = app!.finalFen ?? app!.awardedFen ?? 0n;
    const amount = input.misuse ? yuanToFen(input.clawbackAmount!) : 0n;
    if (amount > paid)
      throw fieldError('clawbackAmount', '追缴金额', `不能超过已安排的${fenToYuan(paid)}元`, 'exceeds the award');
    const [row] = await tx
      .insert(fundClawbacks)
      .values({
        applicationId,
        spotCheckId,
        misuse: input.misuse,
        findings: input.findings,
        amountFen: amount,
        dueOn: input.misuse ? input.dueOn! : null,
        status: input.misuse ? 'open' : 'no_case',
        createdAt: ctx.now,
      })
      .returning({ id: fundClawbacks.id });
    if (input.misuse)
      await clawbackOpened(tx, ctx, {
        clawbackId: row!.id,
        enterpriseId: app!.enterpriseId,
        projectName: app!.projectName,
        amountFen: amount,
        dueOn: input.dueOn ?? null,
      });
    await recordAudit(tx, ctx, {
      action: input.misuse ? 'fund.clawback_opened' : 'fund.spot_check_finding',
      objectType: 'fund_clawback',
      objectId: row!.id,
      after: { applicationId, misuse: input.misuse, amountFen: amount.toString(), dueOn: input.dueOn ?? null },
    });
    return { id: row!.id };
  });
}

export async function recordClawbackRepayment(ctx: Ctx, id: string, input: z.infer<typeof ZRepaymentInput>) {
  return fundStep(ctx, 'fund.clawback.manage', '追缴由市工业和信息化局登记', async (tx) => {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw Errors.notFound({ zh: '追缴案件', en: 'Clawback' });
    const [c] = await tx.select().from(fundClawbacks).where(eq(fundClawbacks.id, id)).for('update');
    if (!c) throw Errors.notFound({ zh: '追缴案件', en: 'Clawback' });
    if (c.status !== 'open') throw fundErrors.stage('该追缴案件不在追缴中');
    const fen = yuanToFen(input.amount);
    if (fen <= 0n || c.repaidFen + fen > c.amountFen)
      throw fieldError(
        'amount',
        '收回金额',
        `应大于0且不超过尚欠的${fenToYuan(c.amountFen - c.repaidFen)}元`,
        'exceeds what is owed',
      );
    const repaid = c.repaidFen + fen;
    const status = repaid === c.amountFen ? 'settled' : 'open';
    await tx.update(fundClawbacks).set({ repaidFen: repaid, status }).where(eq(fundClawbacks.id, id));
    if (status === 'settled') await clawbackSettled(tx, ctx, id);
    await recordAudit(tx, ctx, {
      action: 'fund.clawback_repaid',
      objectType: 'fund_clawback',
      objectId: id,
      before: { repaidFen: c.repaidFen.toString(), status: c.status },
      after: { repaidFen: repaid.toString(), status, receivedOn: input.receivedOn },
    });
    return { id, repaid: fenToYuan(repaid), owed: fenToYuan(c.amountFen - repaid), status };
  });
}
