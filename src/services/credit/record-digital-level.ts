/**
 * The city administrator records a digital-level assessment (《中小企业数字化水平评测指标》, 002 三（四）2: the result is
 * shared with banks free of charge as a credit reference). A new valid result closes an expiry warning.
 */
import { eq } from 'drizzle-orm';
import type { TDigitalLevelInput } from '../../contracts/credit';
import { creditDigitalLevels, enterprises } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { isExpired } from '../../domain/credit/warnings';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { closeWarnings } from './raise-warning';
import { todayOf } from './records';

export async function recordDigitalLevel(
  ctx: Ctx,
  enterpriseId: string,
  input: TDigitalLevelInput,
): Promise<{ id: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'credit.digital_level.record')) throw Errors.forbidden('数字化水平评测结果由市级业务管理员登记');
  const today = todayOf(ctx.now);
  if (input.assessedOn > today) throw fieldError('assessedOn', '评测日期', '不能晚于今天', 'cannot be in the future');
  return inTx(ctx, async (tx) => {
    const [e] = await tx.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, enterpriseId));
    if (!e) throw Errors.notFound({ zh: '企业', en: 'Enterprise' });
    const [row] = await tx
      .insert(creditDigitalLevels)
      .values({
        enterpriseId,
        level: input.level,
        score: input.score,
        assessedOn: input.assessedOn,
        validTo: input.validTo,
        assessor: input.assessor,
        evidence: input.evidence,
        recordedBy: actor.via === 'session' && /^[0-9a-f-]{36}$/.test(actor.id) ? actor.id : null,
        recordedByName: actor.name,
        recordedAt: ctx.now,
      })
      .returning({ id: creditDigitalLevels.id });
    if (!isExpired(input.validTo, today))
      await closeWarnings(tx, ctx, ['digital_level_expired'], { enterpriseId }, '已登记新的有效评测结果');
    await recordAudit(tx, ctx, {
      action: 'credit_digital_level.recorded',
      objectType: 'credit_digital_level',
      objectId: row!.id,
      after: { enterpriseId, ...input },
    });
    return { id: row!.id };
  });
}
