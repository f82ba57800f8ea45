/** The city creates a draft white list for a push period from its filters, each entry with its reason. */

import { and, eq, inArray } from 'drizzle-orm';
import type { TWhitelistInput } from '../../contracts/outreach';
import { institutions, outreachWhitelistEntries, outreachWhitelists } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { filterEnterprises, periodOf } from '../../domain/outreach/whitelist';
import { recordAudit } from '../audit';
import { inTx } from '../context';
import { fieldError } from '../errors';
import { districtLabel, whitelistFacts } from './records';
import type { ActorCtx } from './whitelist-records';

export async function createWhitelist(ctx: ActorCtx, input: TWhitelistInput): Promise<{ id: string }> {
  const period = periodOf(input.periodOf);
  return inTx(ctx, async (tx) => {
    const banks = await tx
      .select({ id: institutions.id })
      .from(institutions)
      .where(
        and(inArray(institutions.id, input.bankIds), eq(institutions.kind, 'bank'), eq(institutions.active, true)),
      );
    if (banks.length !== new Set(input.bankIds).size)
      throw fieldError(
        'bankIds',
        '推送的合作银行',
        '包含不是合作银行的机构',
        'names an institution that is not a bank',
      );
    const [row] = await tx
      .insert(outreachWhitelists)
      .values({
        title: input.title,
        periodCode: period.code,
        periodStart: period.startsOn,
        periodEnd: period.endsOn,
        criteria: input.criteria,
        bankIds: [...new Set(input.bankIds)],
        status: 'draft',
        createdBy: ctx.actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: outreachWhitelists.id });
    const id = row!.id;
    const taken = filterEnterprises(input.criteria, await whitelistFacts(tx, chinaDateOf(ctx.now)), districtLabel);
    if (taken.length > 0)
      await tx.insert(outreachWhitelistEntries).values(
        taken.map((t) => ({
          whitelistId: id,
          enterpriseId: t.enterpriseId,
          source: 'filter',
          category: null,
          reason: t.reason,
          addedBy: ctx.actor.id,
          addedAt: ctx.now,
        })),
      );
    await recordAudit(tx, ctx, {
      action: 'outreach_whitelist.created',
      objectType: 'outreach_whitelist',
      objectId: id,
      after: { ...input, period: period.code, entries: taken.length },
    });
    return { id };
  });
}
