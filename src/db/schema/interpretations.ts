/**
 * The bureau's rulings on ambiguous clauses (the register of interpretations, src/domain/policies/interpretations.ts):
 * a ruling names the interpretation, the option chosen, the notice that announced it and the date from which
 * decisions follow it. Recorded as a draft by one city account, approved by another (maker–checker); an approved
 * ruling is never edited — a later ruling replaces it from its own date.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { act, pendingAct } from './columns';

export const interpretationRulings = pgTable(
  'interpretation_rulings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    interpretationId: text('interpretation_id').notNull(),
    option: text('option').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    notice: text('notice').notNull(),
    noticeDate: date('notice_date').notNull(),
    /** The bureau's reasons, as recorded. */
    reason: text('reason').notNull(),
    /** draft → approved. */
    status: text('status').notNull().default('draft'),
    ...act('recorded'),
    ...pendingAct('approved'),
  },
  (t) => [
    uniqueIndex('interpretation_rulings_notice_uq').on(t.interpretationId, t.notice),
    index('interpretation_rulings_idx').on(t.interpretationId, t.status, t.effectiveFrom),
    check('interpretation_rulings_status', sql`${t.status} in ('draft', 'approved')`),
    check('interpretation_rulings_notice_date', sql`${t.noticeDate} <= ${t.effectiveFrom}`),
    check(
      'interpretation_rulings_maker_checker',
      sql`(${t.status} = 'draft' and ${t.approvedBy} is null) or (${t.status} = 'approved' and ${t.approvedBy} is not null and ${t.approvedBy} <> ${t.recordedBy})`,
    ),
  ],
);
