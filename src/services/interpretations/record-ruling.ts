/**
 * A city administrator records the bureau's ruling on an ambiguous clause as a draft: the option chosen, the
 * notice, the date from which decisions follow it, and the reasons. It reaches the engine only once another city
 * account approves it.
 */
import type { TRulingInput } from '../../contracts/interpretations';
import { interpretationRulings } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { rulingRefusal } from '../../domain/policies/interpretations';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, Errors, fieldError } from '../errors';

function isUniqueViolation(e: unknown): boolean {
  const x = e as { code?: string; cause?: { code?: string } };
  return (x.code ?? x.cause?.code) === '23505';
}

export async function recordRuling(ctx: Ctx, input: TRulingInput): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'policy.ruling.record'))
    throw Errors.forbidden('只有市级业务管理员可以登记解释口径裁定', 'Only the city administrator records rulings');
  const refusal = rulingRefusal(input.interpretationId, input.option);
  if (refusal) throw fieldError('option', '采用的读法', refusal, 'is not a reading the engine can follow');
  try {
    return await inTx(ctx, async (tx) => {
      const [row] = await tx
        .insert(interpretationRulings)
        .values({ ...input, status: 'draft', recordedBy: actor.id, recordedAt: ctx.now })
        .returning({ id: interpretationRulings.id });
      await recordAudit(tx, ctx, {
        action: 'interpretation_ruling.recorded',
        objectType: 'interpretation_ruling',
        objectId: row!.id,
        after: { ...input },
      });
      return { id: row!.id };
    });
  } catch (e) {
    if (e instanceof AppError || !isUniqueViolation(e)) throw e;
    throw Errors.conflict(
      'DUPLICATE_RULING',
      `通知 ${input.notice} 已就该解释口径登记过裁定`,
      `${input.notice} is already recorded for this interpretation`,
    );
  }
}
