/**
 * 政银保 interest subsidy (江工信工业互联网〔2023〕33号 第七条（四）–（六）): yearly campaigns, enterprises'
 * applications with their loans and other interest subsidies, allocation runs and their awards, the per-enterprise
 * cap ledger (第五条 ¥1,000,000), the public notice (公示) with objections, and the funding plan (补贴资金安排计划).
 *
 * Money is bigint fen (`*_fen`, mode bigint) like the loans; the API speaks decimal yuan strings.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  act,
  authored,
  createdAt,
  fen,
  fenSum,
  instant,
  jsonList,
  namedAct,
  objector,
  optionalRef,
  primaryId,
  requiredRef,
  timestamps,
  updatedAt,
  version,
} from './columns';
import { districtRef, institutions } from './core';
import { enterprises } from './enterprises';
import { guaranteeFeeYears } from './guarantee';
import { loans } from './loans';
import { projects } from './projects';

/** A yearly call for applications (市工业和信息化局每年定期组织补贴申请, 申报指南 六（一）). */
export const subsidyCampaigns = pgTable(
  'subsidy_campaigns',
  {
    id: primaryId(),
    /** The campaign year; also the subsidy year counted for R (year one = first year a loan received this subsidy). */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** Interest paid in [interestFrom, interestTo] (by the bank's paid date) is what this campaign subsidises. */
    interestFrom: date('interest_from').notNull(),
    interestTo: date('interest_to').notNull(),
    applyFrom: date('apply_from').notNull(),
    applyTo: date('apply_to').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    /** partial | stop | skip — what happens at the first application the remaining budget cannot cover. */
    allocationMode: text('allocation_mode').notNull(),
    noticeDays: integer('notice_days').notNull().default(7),
    /** open → allocated (committed run) → notice (公示 published) → plan_issued */
    status: text('status').notNull().default('open'),
    /** Sum awarded by the committed run (never above budget_fen). */
    allocatedFen: fenSum('allocated_fen'),
    committedRunId: uuid('committed_run_id'),
    ...authored(),
  },
  (t) => [
    uniqueIndex('subsidy_campaigns_year_uq').on(t.year),
    check('subsidy_campaigns_budget_nonneg', sql`${t.budgetFen} >= 0`),
    check('subsidy_campaigns_within_budget', sql`${t.allocatedFen} <= ${t.budgetFen}`),
    check('subsidy_campaigns_dates', sql`${t.interestFrom} <= ${t.interestTo} and ${t.applyFrom} <= ${t.applyTo}`),
    check('subsidy_campaigns_notice_days', sql`${t.noticeDays} between 1 and 60`),
  ],
);

/** One enterprise's application for one numbered project in one campaign. */
export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    id: primaryId(),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** The numbered library project (项目库). */
    projectId: requiredRef('project_id', () => projects.id),
    /** The project's district at submission: the district reviewer's scope. */
    districtCode: districtRef().notNull(),
    /** submitted | district_returned | district_passed | city_returned | verified | awarded | unfunded */
    status: text('status').notNull().default('submitted'),
    /** The interest period claimed, inside the campaign's. */
    interestFrom: date('interest_from').notNull(),
    interestTo: date('interest_to').notNull(),
    /** Snapshot of the project's declaration month (YYYY-MM) and investment at declaration. */
    declarationMonth: text('declaration_month').notNull(),
    investmentAtDeclarationFen: fen('investment_at_declaration_fen').notNull(),
    /** Digital-transformation investment made since declaration, as stated by the enterprise (六（二）). */
    newInvestmentFen: fen('new_investment_fen').notNull(),
    progressReport: text('progress_report').notNull(),
    claimedInterestFen: fen('claimed_interest_fen').notNull(),
    /** What the banks recorded as paid in the period, summed over the application's loans. */
    bankInterestFen: fen('bank_interest_fen').notNull(),
    /** Earliest disbursement among the application's loans (ordering key after the declaration month). */
    firstDisbursedAt: instant('first_disbursed_at').notNull(),
    idempotencyKey: text('idempotency_key'),
    ...act('submitted'),
    /** Reviews: [{stage, decision, reasons, by, byName, at}] newest last. */
    reviews: jsonList('reviews'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('subsidy_applications_campaign_project_uq').on(t.campaignId, t.projectId),
    uniqueIndex('subsidy_applications_idem_uq').on(t.enterpriseId, t.idempotencyKey),
    index('subsidy_applications_campaign_status_idx').on(t.campaignId, t.status),
    index('subsidy_applications_enterprise_idx').on(t.enterpriseId),
    index('subsidy_applications_district_idx').on(t.districtCode, t.status),
    check('subsidy_applications_amounts_nonneg', sql`${t.newInvestmentFen} >= 0 and ${t.claimedInterestFen} >= 0`),
  ],
);

/** The loans an application claims interest on; a loan is claimed at most once per campaign. */
export const subsidyApplicationLoans = pgTable(
  'subsidy_application_loans',
  {
    applicationId: requiredRef('application_id', () => subsidyApplications.id, { onDelete: 'cascade' }),
    loanId: requiredRef('loan_id', () => loans.id),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    /** The bank (for the bank officer's read-only scope). */
    bankId: requiredRef('bank_id', () => institutions.id),
    claimedInterestFen: fen('claimed_interest_fen').notNull(),
    bankInterestFen: fen('bank_interest_fen').notNull(),
    /** Snapshots used by the engine: LV and the disbursement instant. */
    loanAmountFen: fen('loan_amount_fen').notNull(),
    disbursedAt: instant('disbursed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.loanId] }),
    uniqueIndex('subsidy_application_loans_campaign_loan_uq').on(t.campaignId, t.loanId),
    index('subsidy_application_loans_bank_idx').on(t.bankId),
    index('subsidy_application_loans_loan_idx').on(t.loanId),
  ],
);

/** Other interest subsidies the same loan receives (第十四条 就高不重复). */
export const subsidyOtherSubsidies = pgTable(
  'subsidy_other_subsidies',
  {
    id: primaryId(),
    applicationId: requiredRef('application_id', () => subsidyApplications.id, { onDelete: 'cascade' }),
    loanId: requiredRef('loan_id', () => loans.id),
    /** zjtx_credit (专精特新信用贷款贴息) | ip_pledge (知识产权质押融资贴息) | other */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The issuing document, e.g. 江府〔2023〕11号. */
    documentRef: text('document_ref'),
    amountFen: fen('amount_fen').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('subsidy_other_subsidies_app_idx').on(t.applicationId),
    check('subsidy_other_subsidies_amount_nonneg', sql`${t.amountFen} >= 0`),
  ],
);

/** A computation of the campaign's allocation: a dry run (nothing else written) or the one committed run. */
export const subsidyAllocationRuns = pgTable(
  'subsidy_allocation_runs',
  {
    id: primaryId(),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    /** dry_run | commit | supplement_dry_run | supplement (递补: budget freed during the notice, one per round) */
    kind: text('kind').notNull(),
    mode: text('mode').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    totalRequestedFen: fen('total_requested_fen').notNull(),
    totalAwardedFen: fen('total_awarded_fen').notNull(),
    applicationCount: integer('application_count').notNull(),
    fundedCount: integer('funded_count').notNull(),
    partialCount: integer('partial_count').notNull(),
    unfundedCount: integer('unfunded_count').notNull(),
    /** The policy parameters read (values + citations) and the engine's options. */
    parameters: jsonb('parameters').notNull(),
    /** Dry runs keep their outcome here (the first rows), committed runs in subsidy_awards. */
    preview: jsonb('preview'),
    runBy: text('run_by').notNull(),
    runByName: text('run_by_name').notNull(),
    startedAt: instant('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('subsidy_allocation_runs_campaign_idx').on(t.campaignId),
    // A campaign is committed at most once, whatever races the row lock might lose.
    uniqueIndex('subsidy_allocation_runs_one_commit_uq').on(t.campaignId).where(sql`${t.kind} = 'commit'`),
    check('subsidy_allocation_runs_within_budget', sql`${t.totalAwardedFen} <= ${t.budgetFen}`),
  ],
);

/** The committed outcome per application. */
export const subsidyAwards = pgTable(
  'subsidy_awards',
  {
    id: primaryId(),
    runId: requiredRef('run_id', () => subsidyAllocationRuns.id),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    applicationId: requiredRef('application_id', () => subsidyApplications.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    districtCode: text('district_code').notNull(),
    /** 1-based position in the first-come-first-served order. */
    rank: integer('rank').notNull(),
    /** The engine's amount before the enterprise cap and the budget. */
    computedFen: fen('computed_fen').notNull(),
    /** After the per-enterprise cap (第五条). */
    cappedFen: fen('capped_fen').notNull(),
    awardedFen: fen('awarded_fen').notNull(),
    /** funded | partial | unfunded | skipped | stopped | zero | revoked | reduced */
    status: text('status').notNull(),
    /**
     * A 递补 award: made by a supplementary run from budget freed during the public notice, for an application the
     * committed run left unfunded or partly funded (its amount is what this run adds).
     */
    supplementary: boolean('supplementary').notNull().default(false),
    /** When an upheld objection revoked or reduced the award: the amount before, the reason, when. */
    awardedBeforeAdjustmentFen: fen('awarded_before_adjustment_fen'),
    adjustmentReason: text('adjustment_reason'),
    adjustmentObjectionId: uuid('adjustment_objection_id'),
    adjustedAt: instant('adjusted_at'),
    /** Which subsidy won under 就高不重复: zyb or another subsidy's kind. */
    winner: text('winner').notNull().default('zyb'),
    /** The year index used for R, per loan: {loanId: n}. */
    subsidyYears: jsonb('subsidy_years').notNull(),
    /** The Chinese explanation, one sentence per line (newline-separated). */
    explanation: text('explanation').notNull(),
    /** The inputs and parameter values the engine read for this application. */
    inputs: jsonb('inputs').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('subsidy_awards_run_app_uq').on(t.runId, t.applicationId),
    index('subsidy_awards_campaign_idx').on(t.campaignId, t.rank),
    index('subsidy_awards_enterprise_idx').on(t.enterpriseId),
    check('subsidy_awards_amounts', sql`${t.awardedFen} >= 0 and ${t.awardedFen} <= ${t.cappedFen}`),
  ],
);

/** Per-loan awarded amounts of a committed run: the loan's subsidy years are counted from these. */
export const subsidyAwardLoans = pgTable(
  'subsidy_award_loans',
  {
    awardId: requiredRef('award_id', () => subsidyAwards.id),
    loanId: requiredRef('loan_id', () => loans.id),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    campaignYear: integer('campaign_year').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    yearIndex: integer('year_index').notNull(),
    computedFen: fen('computed_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.awardId, t.loanId] }),
    index('subsidy_award_loans_loan_idx').on(t.loanId, t.campaignYear),
  ],
);

/**
 * The per-enterprise cap ledger (第五条: 单个企业在本细则有效期内累计获得的补助资金不超过100万元): one entry per
 * committed award (positive) and per revocation (negative). The enterprise's use is the sum of its entries.
 */
export const subsidyCapLedger = pgTable(
  'subsidy_cap_ledger',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    campaignId: requiredRef('campaign_id', () => subsidyCampaigns.id),
    awardId: requiredRef('award_id', () => subsidyAwards.id),
    amountFen: fen('amount_fen').notNull(),
    /** award | revoke | reduce (an upheld objection lowered the award) */
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('subsidy_cap_ledger_enterprise_idx').on(t.enterpriseId)],
);

/**
 * 公示: the committed result published for the notice period (`original`, one per campaign), and each 递补 round's
 * new awards published for their own period (`supplementary`, one per supplementary run).
 */
export const subsidyNotices = pgTable(
  'subsidy_notices',
  {
    id: primaryId(),
    /** The interest subsidy's campaign and run; null for a guarantee-fee notice. */
    campaignId: optionalRef('campaign_id', () => subsidyCampaigns.id),
    runId: optionalRef('run_id', () => subsidyAllocationRuns.id),
    /**
     * A guarantee-fee notice (方案 三（五）1.) reuses this notice, its objections and its plan: it names the fee year
     * instead of a campaign (one notice per year); its entries are the year's awarded fee claims.
     */
    feeYearId: optionalRef('fee_year_id', () => guaranteeFeeYears.id),
    /** original | supplementary (递补公示) */
    kind: text('kind').notNull().default('original'),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** First and last day of the notice period (inclusive, calendar days, China time). */
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    ...act('published'),
  },
  (t) => [
    uniqueIndex('subsidy_notices_campaign_original_uq').on(t.campaignId).where(sql`${t.kind} = 'original'`),
    uniqueIndex('subsidy_notices_run_uq').on(t.runId),
    index('subsidy_notices_campaign_idx').on(t.campaignId),
    uniqueIndex('subsidy_notices_fee_year_uq').on(t.feeYearId),
    check(
      'subsidy_notices_one_scheme',
      sql`(${t.campaignId} is not null and ${t.runId} is not null and ${t.feeYearId} is null) or (${t.campaignId} is null and ${t.runId} is null and ${t.feeYearId} is not null)`,
    ),
  ],
);

/** An objection lodged by anyone during the notice period, handled as a case. */
export const subsidyObjections = pgTable(
  'subsidy_objections',
  {
    id: primaryId(),
    noticeId: requiredRef('notice_id', () => subsidyNotices.id),
    /** The notice entry objected to, when one is named. */
    awardId: optionalRef('award_id', () => subsidyAwards.id),
    /** The entry objected to in a guarantee-fee notice (a fee claim), when one is named. */
    entryId: uuid('entry_id'),
    /** Case number shown to the objector, e.g. YY-2026-0001. */
    caseNo: text('case_no').notNull(),
    ...objector(),
    reason: text('reason').notNull(),
    /** open | investigating | closed */
    status: text('status').notNull().default('open'),
    /** upheld | rejected | withdrawn (when closed) */
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    handledBy: text('handled_by'),
    handledByName: text('handled_by_name'),
    closedAt: instant('closed_at'),
    clientIp: text('client_ip'),
    createdAt: instant('created_at').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('subsidy_objections_case_uq').on(t.caseNo),
    index('subsidy_objections_notice_idx').on(t.noticeId, t.status),
  ],
);

/** 补贴资金安排计划: issued once per campaign after the notice period with every objection closed. */
export const subsidyFundingPlans = pgTable(
  'subsidy_funding_plans',
  {
    id: primaryId(),
    /** The campaign's plan, or (null) the guarantee-fee year's plan of its notice. */
    campaignId: optionalRef('campaign_id', () => subsidyCampaigns.id),
    noticeId: requiredRef('notice_id', () => subsidyNotices.id),
    documentNumber: text('document_number').notNull(),
    title: text('title').notNull(),
    totalFen: fen('total_fen').notNull(),
    itemCount: integer('item_count').notNull(),
    ...namedAct('issued'),
  },
  (t) => [
    uniqueIndex('subsidy_funding_plans_campaign_uq').on(t.campaignId),
    uniqueIndex('subsidy_funding_plans_docno_uq').on(t.documentNumber),
    uniqueIndex('subsidy_funding_plans_notice_uq').on(t.noticeId),
  ],
);
