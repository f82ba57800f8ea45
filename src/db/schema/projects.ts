/**
 * The project library (数字化转型项目库, 江工信工业互联网〔2023〕33号 第七条（一）（二）（七）): enterprises' declarations
 * with their investment lines, service contracts and timeline; the numbered projects the city passes; the
 * per-year numbering counter; progress reports and district spot checks; idempotency keys for submissions.
 *
 * Money is bigint fen (`*_fen`, mode bigint) like the rest of the schema; the API speaks decimal yuan strings.
 * Dates are `date` ('YYYY-MM-DD', Asia/Shanghai calendar dates); instants are timestamptz.
 * Materials and contract files are `attachments` rows owned by 'project_declaration'; vouchers by
 * 'project_progress_report'.
 */
import { sql } from 'drizzle-orm';
import {
  bigserial,
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
import { attachments } from './attachments';
import {
  actor,
  createdAt,
  fen,
  fenSum,
  instant,
  jsonList,
  optionalRef,
  primaryId,
  requiredRef,
  timestamps,
  version,
} from './columns';
import { districtRef, institutions } from './core';
import { enterprises } from './enterprises';

const DECLARATION_STATES_SQL = sql.raw(
  `'draft','submitted','returned','district_verified','approved','rejected','withdrawn','lapsed'`,
);

export const projectDeclarations = pgTable(
  'project_declarations',
  {
    id: primaryId(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** The enterprise's district when the declaration was created: the district reviewer's scope. */
    districtCode: districtRef(),
    /** manufacturer (附件3) | service_provider (附件4) — the enterprise's type. */
    form: text('form').notNull(),
    /** See src/domain/workflow/declaration.ts. */
    state: text('state').notNull().default('draft'),
    /** Optimistic-lock version: every change increments it. */
    version: version(),
    /** The rejected/lapsed/withdrawn declaration this one re-declares (amended). */
    predecessorId: uuid('predecessor_id'),
    name: text('name'),
    content: text('content'),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    /** A Jiangmen district code, or 'outside'. */
    siteDistrictCode: text('site_district_code'),
    siteAddress: text('site_address'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** planned | in_progress | completed */
    projectStatus: text('project_status'),
    /** Sum of the investment lines (kept with them in one transaction). */
    plannedTotalFen: fenSum('planned_total_fen'),
    /** Investment already made at declaration (入库申报时的已有投入). */
    investmentMadeFen: fen('investment_made_fen'),
    /** level1..level4 */
    assessmentLevel: text('assessment_level'),
    assessmentDate: date('assessment_date'),
    hasLoan: boolean('has_loan').notNull().default(false),
    loanBankId: optionalRef('loan_bank_id', () => institutions.id),
    loanContractNumber: text('loan_contract_number'),
    loanAmountFen: fen('loan_amount_fen'),
    loanDisbursedOn: date('loan_disbursed_on'),
    loanMaturityOn: date('loan_maturity_on'),
    /** A loan recorded by the bank on the platform, when the applicant picked one. */
    loanId: uuid('loan_id'),
    /** Led by a member of the resource pool (申报指南 四（五）): fixed at each submission. */
    resourcePoolLed: boolean('resource_pool_led').notNull().default(false),
    leadProviderUscc: text('lead_provider_uscc'),
    leadProviderName: text('lead_provider_name'),
    /** Asia/Shanghai date of the first submission: the declaration date for eligibility. */
    declaredOn: date('declared_on'),
    /** The filing window's month (YYYY-MM): the first-come-first-served key of later subsidies. */
    declarationMonth: text('declaration_month'),
    windowOpens: date('window_opens'),
    windowCloses: date('window_closes'),
    /** District verification due (5 working days after the window closes, or after a resubmission). */
    verifyDueOn: date('verify_due_on'),
    submittedAt: instant('submitted_at'),
    lastSubmittedAt: instant('last_submitted_at'),
    submissionCount: integer('submission_count').notNull().default(0),
    /** Deadline for correcting a returned declaration, set by the reviewer. */
    returnDeadline: date('return_deadline'),
    /** The latest reviewer's reason (return, reject) or opinion. */
    lastReason: text('last_reason'),
    districtVerifiedAt: instant('district_verified_at'),
    districtVerifiedBy: uuid('district_verified_by'),
    decidedAt: instant('decided_at'),
    decidedBy: uuid('decided_by'),
    /** The eligibility result at the latest submission (conditions with messages and citations). */
    eligibility: jsonb('eligibility'),
    createdBy: uuid('created_by').notNull(),
    ...timestamps(),
  },
  (t) => [
    index('project_declarations_enterprise_idx').on(t.enterpriseId, t.createdAt),
    index('project_declarations_queue_idx').on(t.districtCode, t.state, t.verifyDueOn),
    index('project_declarations_state_idx').on(t.state),
    index('project_declarations_bank_idx').on(t.loanBankId),
    /** A declaration is re-declared at most once (a withdrawn re-declaration frees it). */
    uniqueIndex('project_declarations_predecessor_uq')
      .on(t.predecessorId)
      .where(sql`${t.predecessorId} is not null and ${t.state} <> 'withdrawn'`),
    /** One live declaration per project name and enterprise. */
    uniqueIndex('project_declarations_active_name_uq')
      .on(t.enterpriseId, sql`lower(${t.name})`)
      .where(sql`${t.state} in ('submitted','returned','district_verified','approved')`),
    check('project_declarations_state_ck', sql`${t.state} in (${DECLARATION_STATES_SQL})`),
    check('project_declarations_form_ck', sql`${t.form} in ('manufacturer','service_provider')`),
    check('project_declarations_money_ck', sql`${t.plannedTotalFen} >= 0 and coalesce(${t.investmentMadeFen}, 0) >= 0`),
  ],
);

/** Planned investment by item (申报指南 四（四）, 五（三）). */
export const projectDeclarationInvestments = pgTable(
  'project_declaration_investments',
  {
    declarationId: requiredRef('declaration_id', () => projectDeclarations.id),
    item: text('item').notNull(),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.declarationId, t.item] }),
    check('project_declaration_investments_amount_ck', sql`${t.amountFen} >= 0`),
  ],
);

/** A manufacturer's digital-transformation service contracts with providers (申报指南 四（二）). */
export const projectDeclarationContracts = pgTable(
  'project_declaration_contracts',
  {
    id: primaryId(),
    declarationId: requiredRef('declaration_id', () => projectDeclarations.id),
    position: integer('position').notNull(),
    providerUscc: text('provider_uscc').notNull(),
    providerName: text('provider_name').notNull(),
    contractNumber: text('contract_number').notNull(),
    amountFen: fen('amount_fen').notNull(),
    signedOn: date('signed_on').notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    isLead: boolean('is_lead').notNull().default(false),
    /** The signed contract (an attachment of the declaration, kind service_contract). */
    attachmentId: optionalRef('attachment_id', () => attachments.id),
  },
  (t) => [
    index('project_declaration_contracts_decl_idx').on(t.declarationId, t.position),
    index('project_declaration_contracts_provider_idx').on(t.providerUscc),
    check('project_declaration_contracts_amount_ck', sql`${t.amountFen} > 0`),
  ],
);

/** The timeline the enterprise sees: every step with who decided and why (谁审批、谁负责). */
export const projectDeclarationEvents = pgTable(
  'project_declaration_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    declarationId: requiredRef('declaration_id', () => projectDeclarations.id),
    /** created | updated | submit | resubmit | withdraw | district_verify | district_return | city_approve | city_reject | lapse */
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    ...actor(),
    /** The deciding body, e.g. "蓬江区工业和信息化主管部门", "江门市工业和信息化局". */
    actorOrg: text('actor_org'),
    reason: text('reason'),
    /** Deadline set with a return. */
    deadline: date('deadline'),
    details: jsonb('details'),
    occurredAt: instant('occurred_at').notNull(),
  },
  (t) => [index('project_declaration_events_decl_idx').on(t.declarationId, t.id)],
);

/** Per-year library-number counter: incremented inside the approving transaction (gap-free, no sequence). */
export const projectNumberCounters = pgTable(
  'project_number_counters',
  {
    year: integer('year').primaryKey(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [check('project_number_counters_seq_ck', sql`${t.lastSeq} >= 0`)],
);

/** A numbered project in the library (入库项目). Loans and subsidy applications reference it. */
export const projects = pgTable(
  'projects',
  {
    id: primaryId(),
    /** JMSZ-<year>-<seq>, see src/domain/projects/numbering.ts. */
    libraryNumber: text('library_number').notNull(),
    numberYear: integer('number_year').notNull(),
    numberSeq: integer('number_seq').notNull(),
    declarationId: requiredRef('declaration_id', () => projectDeclarations.id),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    districtCode: districtRef(),
    form: text('form').notNull(),
    name: text('name').notNull(),
    /** The filing window's month (YYYY-MM). */
    declarationMonth: text('declaration_month').notNull(),
    /** Asia/Shanghai date of the (first) submission. */
    declaredOn: date('declared_on').notNull(),
    approvedOn: date('approved_on').notNull(),
    approvedAt: instant('approved_at').notNull(),
    approvedBy: uuid('approved_by').notNull(),
    /** IN's first part: investment already made at declaration (申报指南 六（二）). */
    investmentAtDeclarationFen: fen('investment_at_declaration_fen').notNull(),
    plannedTotalFen: fen('planned_total_fen').notNull(),
    resourcePoolLed: boolean('resource_pool_led').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    loanBankId: optionalRef('loan_bank_id', () => institutions.id),
    loanId: uuid('loan_id'),
    /** active (tracked) | completed | terminated */
    trackingState: text('tracking_state').notNull().default('active'),
    /** The latest reported construction status (planned, in_progress, completed, suspended, terminated). */
    currentStatus: text('current_status').notNull(),
    /** Cumulative investment per the latest submitted progress report (starts at the declaration's). */
    investmentToDateFen: fen('investment_to_date_fen').notNull(),
    lastReportPeriod: text('last_report_period'),
    lastReportedOn: date('last_reported_on'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('projects_library_number_uq').on(t.libraryNumber),
    uniqueIndex('projects_number_uq').on(t.numberYear, t.numberSeq),
    uniqueIndex('projects_declaration_uq').on(t.declarationId),
    index('projects_enterprise_idx').on(t.enterpriseId),
    index('projects_district_idx').on(t.districtCode),
    index('projects_month_idx').on(t.declarationMonth),
    check('projects_money_ck', sql`${t.investmentAtDeclarationFen} >= 0 and ${t.investmentToDateFen} >= 0`),
  ],
);

/** The project's enterprise and district, copied onto its reports and checks for scoping. */
const projectScope = () => ({ enterpriseId: uuid('enterprise_id').notNull(), districtCode: text('district_code') });

/** Periodic progress reports (第七条（七）). Vouchers are attachments owned by the report. */
export const projectProgressReports = pgTable(
  'project_progress_reports',
  {
    id: primaryId(),
    projectId: requiredRef('project_id', () => projects.id),
    ...projectScope(),
    /** Quarter reported on, e.g. 2024-Q2. */
    period: text('period').notNull(),
    /** draft (vouchers being attached) | submitted */
    state: text('state').notNull().default('draft'),
    investmentToDateFen: fen('investment_to_date_fen').notNull(),
    status: text('status').notNull(),
    /** [{ name, plannedOn, achievedOn, note }] */
    milestones: jsonList('milestones'),
    narrative: text('narrative'),
    reportedOn: date('reported_on'),
    submittedAt: instant('submitted_at'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('project_progress_reports_period_uq').on(t.projectId, t.period),
    check('project_progress_reports_money_ck', sql`${t.investmentToDateFen} >= 0`),
  ],
);

/** District spot checks of numbered projects (第九条 跟踪抽查). */
export const projectSpotChecks = pgTable(
  'project_spot_checks',
  {
    id: primaryId(),
    projectId: requiredRef('project_id', () => projects.id),
    ...projectScope(),
    /** open | closed */
    state: text('state').notNull().default('open'),
    reason: text('reason').notNull(),
    plannedOn: date('planned_on'),
    openedBy: uuid('opened_by').notNull(),
    openedByName: text('opened_by_name'),
    openedAt: instant('opened_at').notNull(),
    /** compliant | rectification_required | non_compliant */
    outcome: text('outcome'),
    findings: text('findings'),
    rectifyBy: date('rectify_by'),
    closedBy: uuid('closed_by'),
    closedByName: text('closed_by_name'),
    closedAt: instant('closed_at'),
  },
  (t) => [index('project_spot_checks_project_idx').on(t.projectId, t.openedAt)],
);

/** Idempotency keys of declaration writes: a retried request returns the first request's result. */
export const projectIdempotencyKeys = pgTable(
  'project_idempotency_keys',
  {
    actorId: text('actor_id').notNull(),
    key: text('key').notNull(),
    /** create | submit | resubmit */
    operation: text('operation').notNull(),
    /** The declaration the request was about (for create: the one it created). */
    targetId: uuid('target_id'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.key] })],
);
