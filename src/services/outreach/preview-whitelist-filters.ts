/** What the filters would take: every enterprise with the filters it passed and failed. */
import type { TWhitelistCriteria } from '../../contracts/outreach';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { evaluateFilters } from '../../domain/outreach/whitelist';
import { districtLabel, whitelistFacts } from './records';
import type { ActorCtx } from './whitelist-records';

export async function previewWhitelistFilters(ctx: ActorCtx, criteria: TWhitelistCriteria) {
  const facts = await whitelistFacts(ctx.deps.db, chinaDateOf(ctx.now));
  return {
    items: facts.map((f) => {
      const v = evaluateFilters(criteria, f, districtLabel);
      return {
        enterpriseId: f.enterpriseId,
        name: f.name,
        districtCode: f.districtCode,
        included: v.included,
        reason: v.reason,
        failed: v.failed,
      };
    }),
  };
}
