/**
 * A bank records its visit (走访对接) to an enterprise on a white list pushed to it: date, method, outcome, an
 * intention amount. One record per entry and bank; recording again replaces it (the audit keeps both).
 */
import { and, eq } from 'drizzle-orm';
import type { TVisitInput } from '../../contracts/outreach';
import { outreachVisits, outreachWhitelistEntries } from '../../db/schema';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { ENTRY, findWhitelist, institutionOf, todayOf } from './records';

export async function recordVisit(
  ctx: Ctx & { actor: NonNullable<Ctx['actor']> },
  id: string,
  entryId: string,
  input: TVisitInput,
): Promise<{ id: string }> {
  const bankId = institutionOf(ctx.actor);
  if (!bankId) throw Errors.forbidden('只有合作银行可以记录走访', 'Only cooperating banks record visits');
  if (input.visitedOn > todayOf(ctx.now))
    throw fieldError('visitedOn', '走访日期', '不能晚于今天', 'cannot be in the future');
  return inTx(ctx, async (tx) => {
    const list = await findWhitelist(tx, ctx.actor, id);
    if (input.visitedOn < list.periodStart)
      throw fieldError(
        'visitedOn',
        '走访日期',
        `不能早于名单所属期的开始日（${list.periodStart}）`,
        'is before the period',
      );
    const [entry] = await tx
      .select()
      .from(outreachWhitelistEntries)
      .where(and(eq(outreachWhitelistEntries.id, entryId), eq(outreachWhitelistEntries.whitelistId, id)));
    if (!entry) throw Errors.notFound(ENTRY);
    const values = {
      visitedOn: input.visitedOn,
      method: input.method,
      outcome: input.outcome,
      intentionFen: input.intentionAmount === null ? null : yuanToFen(input.intentionAmount),
      note: input.note,
      recordedBy: ctx.actor.id,
      recordedAt: ctx.now,
    };
    const [before] = await tx
      .select()
      .from(outreachVisits)
      .where(and(eq(outreachVisits.entryId, entryId), eq(outreachVisits.institutionId, bankId)))
      .for('update');
    const [row] = await tx
      .insert(outreachVisits)
      .values({ entryId, whitelistId: id, enterpriseId: entry.enterpriseId, institutionId: bankId, ...values })
      .onConflictDoUpdate({ target: [outreachVisits.entryId, outreachVisits.institutionId], set: values })
      .returning({ id: outreachVisits.id });
    await recordAudit(tx, ctx, {
      action: 'outreach_visit.recorded',
      objectType: 'outreach_visit',
      objectId: row!.id,
      before: before ? { visitedOn: before.visitedOn, outcome: before.outcome, note: before.note } : undefined,
      after: { whitelistId: id, enterpriseId: entry.enterpriseId, ...input },
    });
    return { id: row!.id };
  });
}
