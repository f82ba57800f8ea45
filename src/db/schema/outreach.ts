/**
 * Outreach (002 三（一）): the bureau's white lists pushed to the cooperating banks with each bank's visits (走访对接),
 * and the match-making events (融资对接会) with their registrations, wishes and one-to-one meetings.
 *
 * A list's banks are an array (the scope condition reads it: a bank sees only the published lists naming it). A
 * visit is one row per entry and bank (recording again updates it). A meeting's slot is unique per party, so no
 * one is double-booked even if two schedulers raced. Money is fen (bigint).
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { act, authored, fen, instant, optionalRef, primaryId, requiredRef } from './columns';
import { institutions } from './core';
import { enterprises } from './enterprises';

export const outreachWhitelists = pgTable(
  'outreach_whitelists',
  {
    id: primaryId(),
    title: text('title').notNull(),
    /** The push period, e.g. 2026-Q4, with its dates. */
    periodCode: text('period_code').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** The filters it was built with (the contract's ZWhitelistCriteria). */
    criteria: jsonb('criteria').notNull(),
    /** The cooperating banks it is pushed to. */
    bankIds: uuid('bank_ids').array().notNull(),
    /** draft | published */
    status: text('status').notNull(),
    publishedAt: instant('published_at'),
    publishedBy: text('published_by'),
    nextDueOn: date('next_due_on'),
    ...authored(),
  },
  (t) => [
    check('outreach_whitelists_status', sql`${t.status} in ('draft', 'published')`),
    uniqueIndex('outreach_whitelists_period_uq').on(t.periodCode).where(sql`${t.status} = 'published'`),
  ],
);

export const outreachWhitelistEntries = pgTable(
  'outreach_whitelist_entries',
  {
    id: primaryId(),
    whitelistId: requiredRef('whitelist_id', () => outreachWhitelists.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** filter | manual */
    source: text('source').notNull(),
    /** For a manual entry: pilot (试点拟改造企业) | tech_upgrade (技术改造项目库) | other. */
    category: text('category'),
    reason: text('reason').notNull(),
    ...act('added'),
  },
  (t) => [
    uniqueIndex('outreach_whitelist_entries_uq').on(t.whitelistId, t.enterpriseId),
    check('outreach_whitelist_entries_reason', sql`length(trim(${t.reason})) > 0`),
  ],
);

export const outreachVisits = pgTable(
  'outreach_visits',
  {
    id: primaryId(),
    entryId: requiredRef('entry_id', () => outreachWhitelistEntries.id),
    whitelistId: requiredRef('whitelist_id', () => outreachWhitelists.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    institutionId: requiredRef('institution_id', () => institutions.id),
    visitedOn: date('visited_on').notNull(),
    /** onsite | phone | online */
    method: text('method').notNull(),
    /** intention | applied | no_need | not_reached */
    outcome: text('outcome').notNull(),
    intentionFen: fen('intention_fen'),
    note: text('note').notNull(),
    ...act('recorded'),
  },
  (t) => [
    uniqueIndex('outreach_visits_entry_bank_uq').on(t.entryId, t.institutionId),
    index('outreach_visits_list_idx').on(t.whitelistId, t.institutionId),
  ],
);

export const outreachEvents = pgTable(
  'outreach_events',
  {
    id: primaryId(),
    theme: text('theme').notNull(),
    heldOn: date('held_on').notNull(),
    /** onsite | online */
    mode: text('mode').notNull(),
    place: text('place').notNull(),
    /** The time slots, [{ start: "09:00", end: "09:20" }, …] in Beijing time. */
    slots: jsonb('slots').notNull(),
    /** open (registration) | scheduled | closed */
    status: text('status').notNull(),
    scheduledAt: instant('scheduled_at'),
    ...authored(),
  },
  (t) => [check('outreach_events_status', sql`${t.status} in ('open', 'scheduled', 'closed')`)],
);

export const outreachRegistrations = pgTable(
  'outreach_registrations',
  {
    id: primaryId(),
    eventId: requiredRef('event_id', () => outreachEvents.id),
    /** institution | enterprise */
    side: text('side').notNull(),
    institutionId: optionalRef('institution_id', () => institutions.id),
    enterpriseId: optionalRef('enterprise_id', () => enterprises.id),
    /** Ids (institution or enterprise) of the parties on the other side it wishes to meet, in its order. */
    wishes: uuid('wishes').array().notNull(),
    contactName: text('contact_name').notNull(),
    /** Registration order (the scheduler's tie-break). */
    seq: integer('seq').notNull(),
    checkedInAt: instant('checked_in_at'),
    ...act('registered'),
  },
  (t) => [
    uniqueIndex('outreach_registrations_inst_uq').on(t.eventId, t.institutionId),
    uniqueIndex('outreach_registrations_ent_uq').on(t.eventId, t.enterpriseId),
    uniqueIndex('outreach_registrations_seq_uq').on(t.eventId, t.seq),
    check(
      'outreach_registrations_party',
      sql`(${t.side} = 'institution' and ${t.institutionId} is not null and ${t.enterpriseId} is null) or (${t.side} = 'enterprise' and ${t.enterpriseId} is not null and ${t.institutionId} is null)`,
    ),
  ],
);

export const outreachMeetings = pgTable(
  'outreach_meetings',
  {
    id: primaryId(),
    eventId: requiredRef('event_id', () => outreachEvents.id),
    slot: integer('slot').notNull(),
    institutionId: requiredRef('institution_id', () => institutions.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** both | institution | enterprise */
    wishedBy: text('wished_by').notNull(),
    outcomeRecordedAt: instant('outcome_recorded_at'),
    intentionFen: fen('intention_fen'),
    signed: boolean('signed'),
    followUpOrderId: uuid('follow_up_order_id'),
    outcomeNote: text('outcome_note'),
    outcomeBy: text('outcome_by'),
  },
  (t) => [
    uniqueIndex('outreach_meetings_inst_slot_uq').on(t.eventId, t.slot, t.institutionId),
    uniqueIndex('outreach_meetings_ent_slot_uq').on(t.eventId, t.slot, t.enterpriseId),
    uniqueIndex('outreach_meetings_pair_uq').on(t.eventId, t.institutionId, t.enterpriseId),
  ],
);
