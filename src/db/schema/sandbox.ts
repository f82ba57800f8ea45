/**
 * Saved scenarios of the what-if sandbox (政策沙盘): a city administrator names a scenario of a campaign; its changed
 * parameters and the summary of its outcome at the time of saving (funded count, amounts by district and by month,
 * gainers and losers, budget left) are kept so scenarios can be compared and exported side by side. A scenario is
 * a record of a simulation: it never changes the campaign, its applications or its runs.
 */
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { act } from './columns';
import { subsidyCampaigns } from './subsidy';

export const sandboxScenarios = pgTable(
  'sandbox_scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => subsidyCampaigns.id),
    name: text('name').notNull(),
    /** The scenario as entered (the sandbox's contract: budget, mode, ratios, cap). */
    parameters: jsonb('parameters').notNull(),
    /** The outcome's summary when saved (the sandbox's answer without the per-application list). */
    summary: jsonb('summary').notNull(),
    ...act('saved'),
  },
  (t) => [
    uniqueIndex('sandbox_scenarios_name_uq').on(t.campaignId, t.name),
    index('sandbox_scenarios_campaign_idx').on(t.campaignId, t.savedAt),
  ],
);
