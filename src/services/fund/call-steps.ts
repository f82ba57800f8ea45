/**
 * The bureau approves a call (第十条（一） 申报通知), optionally commissioning an audit institution (第十条（四）); the
 * operator closes it for review (第十条（二）).
 */
import { eq } from 'drizzle-orm';
import { institutions } from '../../db/schema';
import type { Ctx } from '../context';
import { fieldError } from '../errors';
import { fundStep, loadCall, moveCall, nextCallState } from './records';

export async function approveCall(ctx: Ctx, id: string, auditInstitutionId: string | null): Promise<{ id: string }> {
  return fundStep(ctx, 'fund.call.approve', '申报通知由市工业和信息化局审批', async (tx, actor) => {
    const call = await loadCall(tx, actor, id, true);
    const to = nextCallState(call, 'approve');
    if (auditInstitutionId) {
      const [inst] = await tx.select().from(institutions).where(eq(institutions.id, auditInstitutionId));
      if (inst?.kind !== 'auditor')
        throw fieldError('auditInstitutionId', '审计机构', '不是已登记的审计机构', 'is not an audit institution');
    }
    await moveCall(tx, ctx, call, to, {
      action: 'fund.call_approved',
      set: { approvedBy: actor.id, approvedAt: ctx.now, auditInstitutionId },
      after: { auditInstitutionId },
    });
    return { id };
  });
}

export async function closeCall(ctx: Ctx, id: string): Promise<{ id: string }> {
  return fundStep(ctx, 'fund.call.close', '申报由受托机构截止', async (tx, actor) => {
    const call = await loadCall(tx, actor, id, true);
    const to = nextCallState(call, 'close');
    await moveCall(tx, ctx, call, to, { action: 'fund.call_closed' });
    return { id };
  });
}
