/**
 * Competitive programmes (江工信工业互联网〔2021〕4号 special fund; the 资源池 selection): calls with their directions
 * and budgets, applications with invoices, experts and their assignments (scores), objections to the notice, spot
 * checks and clawback cases, and the resource-pool members a selection publishes. Money is bigint fen; the API
 * speaks decimal yuan strings. The budget of a direction can never be overcommitted (check constraint).
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
import { createdAt, fen, fenSum, instant, objector, optionalRef, primaryId, requiredRef } from './columns';
import { institutions, users } from './core';
import { enterprises } from './enterprises';
import { projects } from './projects';

export const fundCalls = pgTable(
  'fund_calls',
  {
    id: primaryId(),
    /** special_fund | resource_pool */
    programme: text('programme').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft | approved | reviewing | proposed | deliberated | notice | planned | filed */
    state: text('state').notNull().default('draft'),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    materials: jsonb('materials').$type<string[]>().notNull(),
    criteria: jsonb('criteria').$type<{ id: string; name: string; weight: string }[]>().notNull(),
    method: text('method').notNull(),
    minReviews: integer('min_reviews').notNull(),
    expertsPerApplication: integer('experts_per_application').notNull(),
    threshold: text('threshold').notNull(),
    /** The version of the rules the call runs under (iifund.003, or a recorded renewal's id). */
    policyVersion: text('policy_version').notNull(),
    operatorInstitutionId: requiredRef('operator_institution_id', () => institutions.id),
    auditInstitutionId: optionalRef('audit_institution_id', () => institutions.id),
    createdBy: requiredRef('created_by', () => users.id),
    createdAt: createdAt(),
    approvedBy: uuid('approved_by'),
    approvedAt: instant('approved_at'),
    deliberation: jsonb('deliberation').$type<{
      meetingOn: string;
      attendees: string[];
      minutesAttachmentId: string | null;
      recordedBy: string;
    }>(),
    noticeStartsOn: date('notice_starts_on'),
    noticeEndsOn: date('notice_ends_on'),
    plannedOn: date('planned_on'),
    filedOn: date('filed_on'),
  },
  (t) => [
    index('fund_calls_operator_idx').on(t.operatorInstitutionId),
    check('fund_calls_dates', sql`${t.opensOn} <= ${t.closesOn}`),
    check('fund_calls_notice_days', sql`${t.noticeStartsOn} is null or ${t.noticeEndsOn} >= ${t.noticeStartsOn} + 6`),
  ],
);

export const fundCallDirections = pgTable(
  'fund_call_directions',
  {
    callId: requiredRef('call_id', () => fundCalls.id),
    direction: text('direction').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    committedFen: fenSum('committed_fen'),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.direction] }),
    check('fund_call_directions_budget', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.budgetFen}`),
  ],
);

export const fundApplications = pgTable(
  'fund_applications',
  {
    id: primaryId(),
    callId: requiredRef('call_id', () => fundCalls.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    districtCode: text('district_code'),
    direction: text('direction').notNull(),
    projectName: text('project_name').notNull(),
    /** The project in the platform's project library, when the enterprise names it (double-funding check). */
    projectId: optionalRef('project_id', () => projects.id),
    cluster: text('cluster'),
    /** submitted | returned | formal_passed | awarded | not_awarded | accepted | rectify | failed */
    state: text('state').notNull(),
    submittedAt: instant('submitted_at').notNull(),
    invoiceTotalFen: fen('invoice_total_fen').notNull(),
    checks: jsonb('checks').$type<{ code: string; status: string; source: string; message: string }[]>().notNull(),
    avoidExperts: jsonb('avoid_experts').$type<string[]>().notNull(),
    targets: jsonb('targets').$type<string[]>().notNull(),
    tasks: jsonb('tasks').$type<string[]>().notNull(),
    returnReasons: text('return_reasons'),
    returnDueOn: date('return_due_on'),
    score: text('score'),
    rank: integer('rank'),
    proposedFen: fen('proposed_fen'),
    decidedFen: fen('decided_fen'),
    changeReason: text('change_reason'),
    explanation: jsonb('explanation').$type<string[]>(),
    awardedFen: fen('awarded_fen'),
    finalFen: fen('final_fen'),
    acceptance: jsonb('acceptance').$type<{
      outcome: string;
      note: string | null;
      rectifyBy: string | null;
      explanation: string[];
      /** The acceptance panel's experts (第十四条), seated and free of conflict. */
      panel?: string[];
    }>(),
    timeline: jsonb('timeline').$type<{ at: string; action: string; note: string | null }[]>().notNull(),
  },
  (t) => [
    uniqueIndex('fund_applications_once_uq').on(t.callId, t.enterpriseId, t.direction),
    index('fund_applications_call_idx').on(t.callId, t.state),
  ],
);

export const fundInvoices = pgTable(
  'fund_invoices',
  {
    id: primaryId(),
    applicationId: requiredRef('application_id', () => fundApplications.id, { onDelete: 'cascade' }),
    /** application (claimed for the award) | final (submitted at acceptance) */
    stage: text('stage').notNull(),
    item: text('item').notNull(),
    invoiceNo: text('invoice_no').notNull(),
    amountFen: fen('amount_fen').notNull(),
    issuedOn: date('issued_on').notNull(),
    seller: text('seller').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    // 第九条（二）: an invoice is claimed once on the platform (the service names the other record first).
    uniqueIndex('fund_invoices_claimed_uq').on(t.invoiceNo).where(sql`${t.stage} = 'application'`),
    index('fund_invoices_app_idx').on(t.applicationId, t.stage),
  ],
);

export const fundExperts = pgTable(
  'fund_experts',
  {
    id: primaryId(),
    operatorInstitutionId: requiredRef('operator_institution_id', () => institutions.id),
    name: text('name').notNull(),
    field: text('field').notNull(),
    employer: text('employer').notNull(),
    employerCreditCode: text('employer_credit_code').notNull(),
    /** Encrypted with the personal-data cipher; shown masked. */
    phoneEnc: text('phone_enc').notNull(),
    userId: optionalRef('user_id', () => users.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('fund_experts_user_uq').on(t.userId)],
);

export const fundAssignments = pgTable(
  'fund_assignments',
  {
    id: primaryId(),
    applicationId: requiredRef('application_id', () => fundApplications.id),
    expertId: requiredRef('expert_id', () => fundExperts.id),
    /** review (expert review) | acceptance (acceptance panel) */
    purpose: text('purpose').notNull().default('review'),
    seat: integer('seat').notNull(),
    seed: text('seed').notNull(),
    /** drawn | declared_clear | conflict | scored */
    status: text('status').notNull().default('drawn'),
    declaredAt: instant('declared_at'),
    note: text('note'),
    scores: jsonb('scores').$type<Record<string, string>>(),
    total: text('total'),
    comment: text('comment'),
    scoredAt: instant('scored_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_assignments_once_uq').on(t.applicationId, t.purpose, t.expertId),
    index('fund_assignments_expert_idx').on(t.expertId),
  ],
);

export const fundObjections = pgTable(
  'fund_objections',
  {
    id: primaryId(),
    callId: requiredRef('call_id', () => fundCalls.id),
    applicationId: optionalRef('application_id', () => fundApplications.id),
    /** The case number on the objector's receipt (`ZX<year>-<call>-<seq>`), looked up as the 政银保 cases are. */
    caseNo: text('case_no'),
    ...objector(),
    content: text('content').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    /** The city's finding: upheld | rejected | withdrawn (the 政银保 objections' outcomes). */
    result: text('result'),
    /** The city's explanation (核实处理意见), read by the objector. */
    outcome: text('outcome'),
    closedBy: uuid('closed_by'),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('fund_objections_call_idx').on(t.callId, t.status),
    uniqueIndex('fund_objections_case_uq').on(t.caseNo),
  ],
);

export const fundSpotChecks = pgTable('fund_spot_checks', {
  id: primaryId(),
  callId: requiredRef('call_id', () => fundCalls.id),
  seed: text('seed').notNull(),
  size: integer('size').notNull(),
  sample: jsonb('sample').$type<string[]>().notNull(),
  drawnBy: requiredRef('drawn_by', () => users.id),
  createdAt: createdAt(),
});

export const fundClawbacks = pgTable(
  'fund_clawbacks',
  {
    id: primaryId(),
    applicationId: requiredRef('application_id', () => fundApplications.id),
    spotCheckId: requiredRef('spot_check_id', () => fundSpotChecks.id),
    misuse: boolean('misuse').notNull(),
    findings: text('findings').notNull(),
    amountFen: fenSum('amount_fen'),
    dueOn: date('due_on'),
    repaidFen: fenSum('repaid_fen'),
    /** no_case (findings only) | open | settled */
    status: text('status').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_clawbacks_once_uq').on(t.spotCheckId, t.applicationId),
    check('fund_clawbacks_repaid', sql`${t.repaidFen} >= 0 and ${t.repaidFen} <= ${t.amountFen}`),
  ],
);

export const fundPoolMembers = pgTable(
  'fund_pool_members',
  {
    callId: requiredRef('call_id', () => fundCalls.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
  },
  (t) => [primaryKey({ columns: [t.callId, t.enterpriseId] })],
);

/**
 * 人才培养 (003 第八条（四）): the operator's yearly training budget (not a grant enterprises apply for), spent on
 * training events and tracked against the targets (10 sessions, 500 people). The database keeps spending within
 * the budget.
 */
export const fundTrainingYears = pgTable(
  'fund_training_years',
  {
    id: primaryId(),
    operatorInstitutionId: requiredRef('operator_institution_id', () => institutions.id),
    year: integer('year').notNull(),
    budgetFen: fen('budget_fen').notNull(),
    spentFen: fenSum('spent_fen'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fund_training_years_uq').on(t.operatorInstitutionId, t.year),
    check('fund_training_years_budget', sql`${t.spentFen} >= 0 and ${t.spentFen} <= ${t.budgetFen}`),
  ],
);

export const fundTrainingEvents = pgTable(
  'fund_training_events',
  {
    id: primaryId(),
    yearId: requiredRef('year_id', () => fundTrainingYears.id),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    attendees: integer('attendees').notNull(),
    costFen: fen('cost_fen').notNull(),
    recordedBy: requiredRef('recorded_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('fund_training_events_year_idx').on(t.yearId, t.heldOn),
    check('fund_training_events_positive', sql`${t.attendees} > 0 and ${t.costFen} >= 0`),
  ],
);
