/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五）): the fee-subsidy budget per year with its claims, the
 * risk-compensation pool per year (budget, commitments, payments, returns) with its claims and recoveries, and
 * awards registered as a loan's credit enhancement (三（五）3.). Money is bigint fen like the rest of the schema.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, primaryId, requiredRef, updatedAt } from './columns';
import { districts, institutions } from './core';
import { enterprises } from './enterprises';
import { loans } from './loans';

/** The year's fee-subsidy budget, allocated first come first served once, then published (公示). */
export const guaranteeFeeYears = pgTable(
  'guarantee_fee_years',
  {
    id: primaryId(),
    year: integer('year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'bigint' }).notNull(),
    /** partial | stop | skip (the allocation engine's modes) */
    allocationMode: text('allocation_mode').notNull(),
    /** open → allocated → published (公示, a row of subsidy_notices) → plan_issued (补贴资金安排计划) */
    status: text('status').notNull().default('open'),
    allocatedFen: bigint('allocated_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('guarantee_fee_years_year_uq').on(t.year),
    check('guarantee_fee_years_within_budget', sql`${t.allocatedFen} >= 0 and ${t.allocatedFen} <= ${t.budgetFen}`),
    check('guarantee_fee_years_status', sql`${t.status} in ('open', 'allocated', 'published', 'plan_issued')`),
  ],
);

/** One claim for the fee actually paid on one covered loan in one period. */
export const guaranteeFeeClaims = pgTable(
  'guarantee_fee_claims',
  {
    id: primaryId(),
    year: integer('year').notNull(),
    loanId: requiredRef('loan_id', () => loans.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** The enterprise's district at submission: the district reviewer's scope. */
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    /** The loan's cover institution (the guarantor's scope) and bank (the bank's read scope). */
    coverInstitutionId: requiredRef('cover_institution_id', () => institutions.id),
    bankId: requiredRef('bank_id', () => institutions.id),
    /** enterprise | guarantor (filed on the enterprise's behalf) */
    claimant: text('claimant').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    feePaidFen: bigint('fee_paid_fen', { mode: 'bigint' }).notNull(),
    guaranteedAmountFen: bigint('guaranteed_amount_fen', { mode: 'bigint' }).notNull(),
    vouchers: jsonb('vouchers').notNull(),
    otherSubsidies: jsonb('other_subsidies').notNull(),
    /** The amount computed at submission (after the yearly cap and 就高不重复): what allocation considers. */
    requestedFen: bigint('requested_fen', { mode: 'bigint' }).notNull(),
    explanation: text('explanation').notNull(),
    /** The subsidy application statuses: submitted … verified → awarded | unfunded */
    status: text('status').notNull().default('submitted'),
    reviews: jsonb('reviews').notNull().default(sql`'[]'::jsonb`),
    awardedFen: bigint('awarded_fen', { mode: 'bigint' }),
    awardRank: integer('award_rank'),
    /** For the engine's order: the project's declaration month (or the submission month) and the disbursement. */
    declarationMonth: text('declaration_month').notNull(),
    loanDisbursedAt: timestamp('loan_disbursed_at', { withTimezone: true }).notNull(),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** A returned claim frees its period: the claimant files a corrected one. */
    uniqueIndex('guarantee_fee_claims_loan_period_uq')
      .on(t.loanId, t.periodFrom, t.periodTo)
      .where(sql`${t.status} not in ('district_returned', 'city_returned')`),
    index('guarantee_fee_claims_year_status_idx').on(t.year, t.status),
    index('guarantee_fee_claims_enterprise_idx').on(t.enterpriseId),
    check('guarantee_fee_claims_amounts', sql`${t.feePaidFen} > 0 and ${t.requestedFen} >= 0`),
    check(
      'guarantee_fee_claims_awarded',
      sql`${t.awardedFen} is null or (${t.awardedFen} >= 0 and ${t.awardedFen} <= ${t.requestedFen})`,
    ),
  ],
);

/** The year's risk-compensation pool: nothing is committed or paid beyond budget + returns. */
export const riskPools = pgTable(
  'risk_pools',
  {
    id: primaryId(),
    year: integer('year').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'bigint' }).notNull(),
    /** Approved, not yet paid. */
    committedFen: bigint('committed_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    paidFen: bigint('paid_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    /** Recoveries returned to the pool (they replenish it). */
    returnedFen: bigint('returned_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('risk_pools_year_uq').on(t.year),
    check(
      'risk_pools_never_overspent',
      sql`${t.committedFen} >= 0 and ${t.paidFen} >= 0 and ${t.returnedFen} >= 0 and ${t.committedFen} + ${t.paidFen} <= ${t.budgetFen} + ${t.returnedFen}`,
    ),
  ],
);

export const riskClaims = pgTable(
  'risk_claims',
  {
    id: primaryId(),
    loanId: requiredRef('loan_id', () => loans.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    districtCode: text('district_code')
      .notNull()
      .references(() => districts.code),
    /** The filing bank or guarantor/insurer: its officers' scope. */
    institutionId: requiredRef('institution_id', () => institutions.id),
    /** bank | guarantor | insurer */
    institutionKind: text('institution_kind').notNull(),
    defaultDate: date('default_date').notNull(),
    outstandingPrincipalFen: bigint('outstanding_principal_fen', { mode: 'bigint' }).notNull(),
    outstandingInterestFen: bigint('outstanding_interest_fen', { mode: 'bigint' }).notNull(),
    collateralRealisedFen: bigint('collateral_realised_fen', { mode: 'bigint' }).notNull(),
    /** Principal + interest outstanding at default (before what was recovered before the claim). */
    lossFen: bigint('loss_fen', { mode: 'bigint' }).notNull(),
    /** The institution's share (exact decimal string) read from the notice at filing. */
    share: text('share').notNull(),
    collectionSteps: text('collection_steps').notNull(),
    evidence: jsonb('evidence').notNull(),
    status: text('status').notNull().default('submitted'),
    netLossFen: bigint('net_loss_fen', { mode: 'bigint' }),
    compensationFen: bigint('compensation_fen', { mode: 'bigint' }),
    /** The pool year the compensation is committed against. */
    poolYear: integer('pool_year'),
    explanation: text('explanation'),
    firstApprovedBy: text('first_approved_by'),
    paymentRef: text('payment_ref'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    recoveredAfterFen: bigint('recovered_after_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    returnedFen: bigint('returned_fen', { mode: 'bigint' }).notNull().default(sql`0`),
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    submittedBy: text('submitted_by').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('risk_claims_loan_institution_uq')
      .on(t.loanId, t.institutionId)
      .where(sql`${t.status} not in ('district_returned', 'city_returned')`),
    index('risk_claims_institution_idx').on(t.institutionId),
    index('risk_claims_loan_idx').on(t.loanId),
    check(
      'risk_claims_compensation_within_loss',
      sql`${t.compensationFen} is null or (${t.compensationFen} >= 0 and ${t.compensationFen} <= ${t.netLossFen})`,
    ),
    check(
      'risk_claims_returned_within',
      sql`${t.returnedFen} >= 0 and (${t.compensationFen} is null or ${t.returnedFen} <= ${t.compensationFen})`,
    ),
  ],
);

/** Recoveries after payment (追偿), each reported with its date; the pool's share of it is returned. */
export const riskRecoveries = pgTable(
  'risk_recoveries',
  {
    id: primaryId(),
    claimId: requiredRef('claim_id', () => riskClaims.id),
    receivedOn: date('received_on').notNull(),
    reportedOn: date('reported_on').notNull(),
    amountFen: bigint('amount_fen', { mode: 'bigint' }).notNull(),
    /** What this report returned to the pool (the running total's difference). */
    returnedFen: bigint('returned_fen', { mode: 'bigint' }).notNull(),
    overdue: boolean('overdue').notNull(),
    explanation: text('explanation').notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('risk_recoveries_claim_idx').on(t.claimId), check('risk_recoveries_positive', sql`${t.amountFen} > 0`)],
);

/** An expected award a bank took as security for a loan (三（五）3.); what has been paid reduces the loss. */
export const creditEnhancements = pgTable(
  'credit_enhancements',
  {
    id: primaryId(),
    loanId: requiredRef('loan_id', () => loans.id),
    bankId: requiredRef('bank_id', () => institutions.id),
    /** zyb_subsidy | competitive_fund */
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    expectedFen: bigint('expected_fen', { mode: 'bigint' }).notNull(),
    awardPaidFen: bigint('award_paid_fen', { mode: 'bigint' }).notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('credit_enhancements_loan_ref_uq').on(t.loanId, t.kind, t.reference),
    check('credit_enhancements_amounts', sql`${t.expectedFen} >= 0 and ${t.awardPaidFen} >= 0`),
  ],
);
