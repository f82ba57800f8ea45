/**
 * Guarantee-fee subsidies and risk compensation (方案 三（五）): the fee-subsidy budget per year with its claims, the
 * risk-compensation pool per year (budget, commitments, payments, returns) with its claims and recoveries, and
 * awards registered as a loan's credit enhancement (三（五）3.). Money is bigint fen like the rest of the schema.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  act,
  authored,
  created,
  createdAt,
  fen,
  fenSum,
  instant,
  jsonList,
  primaryId,
  requiredRef,
  timestamps,
} from './columns';
import { districtRef, institutions } from './core';
import { enterprises } from './enterprises';
import { loans } from './loans';

/** The year's fee-subsidy budget, allocated first come first served once, then published (公示). */
export const guaranteeFeeYears = pgTable(
  'guarantee_fee_years',
  {
    id: primaryId(),
    year: integer('year').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    /** partial | stop | skip (the allocation engine's modes) */
    allocationMode: text('allocation_mode').notNull(),
    /** open → allocated → published (公示, a row of subsidy_notices) → plan_issued (补贴资金安排计划) */
    status: text('status').notNull().default('open'),
    allocatedFen: fenSum('allocated_fen'),
    ...authored(),
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
    districtCode: districtRef().notNull(),
    /** The loan's cover institution (the guarantor's scope) and bank (the bank's read scope). */
    coverInstitutionId: requiredRef('cover_institution_id', () => institutions.id),
    bankId: requiredRef('bank_id', () => institutions.id),
    /** enterprise | guarantor (filed on the enterprise's behalf) */
    claimant: text('claimant').notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    feePaidFen: fen('fee_paid_fen').notNull(),
    guaranteedAmountFen: fen('guaranteed_amount_fen').notNull(),
    vouchers: jsonb('vouchers').notNull(),
    otherSubsidies: jsonb('other_subsidies').notNull(),
    /** The amount computed at submission (after the yearly cap and 就高不重复): what allocation considers. */
    requestedFen: fen('requested_fen').notNull(),
    explanation: text('explanation').notNull(),
    /** The subsidy application statuses: submitted … verified → awarded | unfunded */
    status: text('status').notNull().default('submitted'),
    reviews: jsonList('reviews'),
    awardedFen: fen('awarded_fen'),
    awardRank: integer('award_rank'),
    /** For the engine's order: the project's declaration month (or the submission month) and the disbursement. */
    declarationMonth: text('declaration_month').notNull(),
    loanDisbursedAt: instant('loan_disbursed_at').notNull(),
    ...act('submitted'),
    ...timestamps(),
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
    budgetFen: fen('budget_fen').notNull(),
    /** Approved, not yet paid. */
    committedFen: fenSum('committed_fen'),
    paidFen: fenSum('paid_fen'),
    /** Recoveries returned to the pool (they replenish it). */
    returnedFen: fenSum('returned_fen'),
    ...authored(),
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
    districtCode: districtRef().notNull(),
    /** The filing bank or guarantor/insurer: its officers' scope. */
    institutionId: requiredRef('institution_id', () => institutions.id),
    /** bank | guarantor | insurer */
    institutionKind: text('institution_kind').notNull(),
    defaultDate: date('default_date').notNull(),
    outstandingPrincipalFen: fen('outstanding_principal_fen').notNull(),
    outstandingInterestFen: fen('outstanding_interest_fen').notNull(),
    collateralRealisedFen: fen('collateral_realised_fen').notNull(),
    /** Principal + interest outstanding at default (before what was recovered before the claim). */
    lossFen: fen('loss_fen').notNull(),
    /** The institution's share (exact decimal string) read from the notice at filing. */
    share: text('share').notNull(),
    collectionSteps: text('collection_steps').notNull(),
    evidence: jsonb('evidence').notNull(),
    status: text('status').notNull().default('submitted'),
    netLossFen: fen('net_loss_fen'),
    compensationFen: fen('compensation_fen'),
    /** The pool year the compensation is committed against. */
    poolYear: integer('pool_year'),
    explanation: text('explanation'),
    firstApprovedBy: text('first_approved_by'),
    paymentRef: text('payment_ref'),
    paidAt: instant('paid_at'),
    recoveredAfterFen: fenSum('recovered_after_fen'),
    returnedFen: fenSum('returned_fen'),
    steps: jsonList('steps'),
    submittedBy: text('submitted_by').notNull(),
    ...timestamps(),
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
    amountFen: fen('amount_fen').notNull(),
    /** What this report returned to the pool (the running total's difference). */
    returnedFen: fen('returned_fen').notNull(),
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
    expectedFen: fen('expected_fen').notNull(),
    awardPaidFen: fen('award_paid_fen').notNull(),
    ...created(),
  },
  (t) => [
    uniqueIndex('credit_enhancements_loan_ref_uq').on(t.loanId, t.kind, t.reference),
    check('credit_enhancements_amounts', sql`${t.expectedFen} >= 0 and ${t.awardPaidFen} >= 0`),
  ],
);
