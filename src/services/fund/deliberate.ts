/**
 * 集体审议 (第十一条 资金安排应按规定实行集体审议研究): the bureau records the meeting (date, attendees, minutes
 * attached) and its decision on each proposed item; a change needs a reason and is kept beside the original. A
 * decided amount never exceeds the direction's standard for the item, nor the direction's budget in total.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TDeliberation } from '../../contracts/fund';
import { attachments, fundApplications, fundCallDirections } from '../../db/schema';
import { type Direction, standardAmount, supportStandard } from '../../domain/fund/standards';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import type { Ctx } from '../context';
import { fieldError } from '../errors';
import { anyRow } from '../workflow';
import { DELIBERATION_OWNER } from './attachment-owner';
import { fundStep, loadCall, moveCall, nextCallState, overridesFor } from './records';

export async function recordDeliberation(ctx: Ctx, callId: string, input: TDeliberation): Promise<{ id: string }> {
  return fundStep(ctx, 'fund.deliberation.record', '集体审议由市工业和信息化局记录', async (tx, actor) => {
    const call = await loadCall(tx, actor, callId, true);
    const to = nextCallState(call, 'deliberate');
    if (input.minutesAttachmentId) {
      // The minutes are a file of this call's deliberation (uploaded through the attachment module).
      const ours = await anyRow(
        tx,
        attachments,
        eq(attachments.id, input.minutesAttachmentId),
        eq(attachments.ownerType, DELIBERATION_OWNER),
        eq(attachments.ownerId, callId),
      );
      if (!ours)
        throw fieldError(
          'minutesAttachmentId',
          '会议纪要附件',
          '不是本次集体审议上传的文件',
          'is not a file of this deliberation',
        );
    }
    const items = await tx
      .select()
      .from(fundApplications)
      .where(and(eq(fundApplications.callId, callId), inArray(fundApplications.state, ['formal_passed'])));
    const ranked = items.filter((a) => a.rank !== null);
    const overrides = await overridesFor(tx, call.policyVersion);
    const decided = new Map(ranked.map((a) => [a.id, { fen: a.proposedFen ?? 0n, reason: null as string | null }]));
    input.decisions.forEach((d, i) => {
      const a = ranked.find((x) => x.id === d.applicationId);
      if (!a) throw fieldError(`decisions.${i}.applicationId`, '申报', '不在本次安排方案中', 'is not in the proposal');
      const fen = yuanToFen(d.amount);
      const ceiling = standardAmount(
        supportStandard(a.direction as Direction, call.opensOn, overrides),
        a.invoiceTotalFen,
      ).amount;
      if (fen > ceiling)
        throw fieldError(
          `decisions.${i}.amount`,
          '审议确定金额',
          `超过该项目按支持标准计算的上限${fenToYuan(ceiling)}元`,
          'exceeds the standard',
        );
      if (fen !== (a.proposedFen ?? 0n) && !d.reason)
        throw fieldError(`decisions.${i}.reason`, '调整理由', '调整安排方案须写明理由', 'is required for a change');
      decided.set(a.id, { fen, reason: fen !== (a.proposedFen ?? 0n) ? d.reason! : null });
    });
    const dirs = await tx.select().from(fundCallDirections).where(eq(fundCallDirections.callId, callId));
    for (const d of dirs) {
      const sum = ranked.filter((a) => a.direction === d.direction).reduce((s, a) => s + decided.get(a.id)!.fen, 0n);
      if (sum > d.budgetFen - d.committedFen)
        throw fieldError(
          'decisions',
          '审议确定金额',
          `合计${fenToYuan(sum)}元超过方向预算余额${fenToYuan(d.budgetFen - d.committedFen)}元`,
          'exceeds the budget',
        );
    }
    for (const a of ranked) {
      const v = decided.get(a.id)!;
      await tx
        .update(fundApplications)
        .set({ decidedFen: v.fen, changeReason: v.reason })
        .where(eq(fundApplications.id, a.id));
    }
    await moveCall(tx, ctx, call, to, {
      action: 'fund.deliberation_recorded',
      set: {
        deliberation: {
          meetingOn: input.meetingOn,
          attendees: input.attendees,
          minutesAttachmentId: input.minutesAttachmentId ?? null,
          recordedBy: actor.id,
        },
      },
      before: { proposed: ranked.map((a) => ({ id: a.id, fen: (a.proposedFen ?? 0n).toString() })) },
      after: {
        meetingOn: input.meetingOn,
        attendees: input.attendees,
        decided: ranked.map((a) => ({
          id: a.id,
          fen: decided.get(a.id)!.fen.toString(),
          reason: decided.get(a.id)!.reason,
        })),
      },
    });
    return { id: callId };
  });
}
