/**
 * The financing zone (002 三（二）（三）（四）): banks' products with their reviewed versions, enterprises' financing
 * needs with their consent to share the profile, and the orders (对接) between them with their working-day due days.
 *
 * A product row carries its live version's fields (what the public catalogue searches and filters); every change
 * is a new row of `financing_product_versions`, reviewed by the city (上架审核) before it replaces the live one.
 * Money is fen (bigint); rates are decimals ("0.0345" = 3.45%); terms are months.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { act, authored, created, fen, instant, optionalRef, pendingAct, primaryId, requiredRef } from './columns';
import { institutions } from './core';
import { enterprises } from './enterprises';
import { projects } from './projects';

export const financingProducts = pgTable(
  'financing_products',
  {
    id: primaryId(),
    institutionId: requiredRef('institution_id', () => institutions.id),
    /** The latest version submitted, and the one live in the catalogue (null: never approved). */
    latestVersion: integer('latest_version').notNull(),
    liveVersion: integer('live_version'),
    /** Review state of the latest version: pending | approved | refused. */
    reviewStatus: text('review_status').notNull(),
    // The live version's fields, for the catalogue's search and filters (null until a version is approved).
    name: text('name'),
    type: text('type'),
    amountMinFen: fen('amount_min_fen'),
    amountMaxFen: fen('amount_max_fen'),
    termMinMonths: integer('term_min_months'),
    termMaxMonths: integer('term_max_months'),
    guarantees: text('guarantees').array(),
    districts: text('districts').array(),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** The live version's whole input (the contract's ZProductInput). */
    live: jsonb('live'),
    ...authored(),
  },
  (t) => [
    index('financing_products_institution_idx').on(t.institutionId),
    index('financing_products_live_idx').on(t.liveVersion, t.type),
    check('financing_products_review_status', sql`${t.reviewStatus} in ('pending', 'approved', 'refused')`),
  ],
);

export const financingProductVersions = pgTable(
  'financing_product_versions',
  {
    id: primaryId(),
    productId: requiredRef('product_id', () => financingProducts.id),
    version: integer('version').notNull(),
    data: jsonb('data').notNull(),
    /** pending → approved | refused (with the reviewer's reason). */
    status: text('status').notNull(),
    ...act('submitted'),
    ...pendingAct('reviewed'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('financing_product_versions_uq').on(t.productId, t.version),
    index('financing_product_versions_status_idx').on(t.status),
    check('financing_product_versions_status', sql`${t.status} in ('pending', 'approved', 'refused')`),
    check(
      'financing_product_versions_refusal_reason',
      sql`${t.status} <> 'refused' or (${t.reason} is not null and length(${t.reason}) > 0)`,
    ),
  ],
);

export const financingNeeds = pgTable(
  'financing_needs',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** Copied from the enterprise for scoping. */
    districtCode: text('district_code'),
    amountMinFen: fen('amount_min_fen'),
    amountMaxFen: fen('amount_max_fen'),
    termMinMonths: integer('term_min_months'),
    termMaxMonths: integer('term_max_months'),
    purpose: text('purpose').notNull(),
    guarantee: text('guarantee'),
    wantedBy: date('wanted_by'),
    projectId: optionalRef('project_id', () => projects.id),
    description: text('description').notNull(),
    /** The sentence the enterprise typed, and what the reader made of it (kept to explain the form). */
    sourceText: text('source_text'),
    reading: jsonb('reading'),
    /** Consent to share the profile: none | named (the banks in consentBanks) | all. Revocable at once. */
    consentScope: text('consent_scope').notNull().default('none'),
    consentBanks: uuid('consent_banks').array().notNull().default(sql`'{}'::uuid[]`),
    consentAt: instant('consent_at'),
    /** Only one bank may take the need (the enterprise's limit). */
    exclusive: boolean('exclusive').notNull().default(false),
    /** 绿色通道 (002 三（四）1): flagged by the city; banks see it first with shorter due days. */
    greenChannel: boolean('green_channel').notNull().default(false),
    greenReason: text('green_reason'),
    /** open | closed */
    status: text('status').notNull().default('open'),
    ...authored(),
  },
  (t) => [
    index('financing_needs_enterprise_idx').on(t.enterpriseId),
    index('financing_needs_open_idx').on(t.status, t.greenChannel),
    check('financing_needs_consent_scope', sql`${t.consentScope} in ('none', 'named', 'all')`),
    check('financing_needs_status', sql`${t.status} in ('open', 'closed')`),
    check(
      'financing_needs_amounts',
      sql`${t.amountMinFen} is null or ${t.amountMaxFen} is null or ${t.amountMinFen} <= ${t.amountMaxFen}`,
    ),
  ],
);

export const financingOrders = pgTable(
  'financing_orders',
  {
    id: primaryId(),
    needId: requiredRef('need_id', () => financingNeeds.id),
    productId: optionalRef('product_id', () => financingProducts.id),
    institutionId: requiredRef('institution_id', () => institutions.id),
    /** Copied from the need for scoping. */
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** apply (the enterprise applied to a product) | take (the bank took the need, 抢单). */
    origin: text('origin').notNull(),
    /** pending | accepted | declined | approved | refused | withdrawn */
    status: text('status').notNull(),
    exclusive: boolean('exclusive').notNull(),
    greenChannel: boolean('green_channel').notNull(),
    contactDueOn: date('contact_due_on').notNull(),
    contactDueBasis: text('contact_due_basis').notNull(),
    decisionDueOn: date('decision_due_on'),
    decisionDueBasis: text('decision_due_basis'),
    promisedDecisionDays: integer('promised_decision_days'),
    acceptedAt: instant('accepted_at'),
    decidedAt: instant('decided_at'),
    declineReason: text('decline_reason'),
    approvedAmountFen: fen('approved_amount_fen'),
    approvedRate: text('approved_rate'),
    approvedTermMonths: integer('approved_term_months'),
    disbursedOn: date('disbursed_on'),
    refuseReason: text('refuse_reason'),
    /** The day an overdue was marked (the bank reminded, the city told); null while on time. */
    overdueMarkedOn: date('overdue_marked_on'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    ...authored(),
  },
  (t) => [
    index('financing_orders_institution_idx').on(t.institutionId, t.status),
    index('financing_orders_enterprise_idx').on(t.enterpriseId),
    // One live order per need and bank; an exclusive need has one live order at all.
    uniqueIndex('financing_orders_need_bank_uq')
      .on(t.needId, t.institutionId)
      .where(sql`${t.status} in ('pending', 'accepted', 'approved')`),
    uniqueIndex('financing_orders_exclusive_uq')
      .on(t.needId)
      .where(sql`${t.exclusive} and ${t.status} in ('pending', 'accepted', 'approved')`),
    check(
      'financing_orders_status',
      sql`${t.status} in ('pending', 'accepted', 'declined', 'approved', 'refused', 'withdrawn')`,
    ),
    check('financing_orders_origin', sql`${t.origin} in ('apply', 'take')`),
    check('financing_orders_rating', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
  ],
);

/**
 * The city's own answer times (002 三（四）1 sets no number of days): each row is a dated setting by the city
 * administrator, in force from `effectiveFrom` until a later row; orders opened (and accepted) on a day use the
 * setting in force that day, the platform's defaults before the first one.
 */
export const financingAnswerTimes = pgTable(
  'financing_answer_times',
  {
    id: primaryId(),
    effectiveFrom: date('effective_from').notNull(),
    firstContactDays: integer('first_contact_days').notNull(),
    decisionDays: integer('decision_days').notNull(),
    greenFirstContactDays: integer('green_first_contact_days').notNull(),
    greenDecisionDays: integer('green_decision_days').notNull(),
    /** The city's document or reason for the values (shown as the basis of every due day counted with them). */
    basis: text('basis').notNull(),
    ...created(),
  },
  (t) => [
    index('financing_answer_times_from_idx').on(t.effectiveFrom),
    check(
      'financing_answer_times_days',
      sql`${t.firstContactDays} between 1 and 30 and ${t.decisionDays} between 1 and 60 and ${t.greenFirstContactDays} between 1 and 30 and ${t.greenDecisionDays} between 1 and 60`,
    ),
  ],
);
