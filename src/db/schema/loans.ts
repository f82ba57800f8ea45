/**
 * 政银保 loans recorded by partner banks, their repayments period by period, and bulk-import batches.
 *
 * Money is bigint fen (`*_fen`, mode bigint) like the rest of the schema; the API speaks decimal yuan strings.
 * Rates are exact `numeric(9,6)` read as strings ("0.038500"). Natural keys make imports idempotent:
 * a loan is (bank, contract number), a repayment is (loan, period number), a batch is (bank, file SHA-256).
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, fen, instant, optionalRef, primaryId, requiredRef, updatedAt, version } from './columns';
import { institutions, users } from './core';
import { enterprises } from './enterprises';
import { financingOrders } from './financing';
import { projects } from './projects';

/** How the row was written (`session` | `api_token`) and when. */
const writtenVia = () => ({ createdVia: text('created_via').notNull(), createdAt: createdAt() });

/** One accepted bulk import (rejected files leave no row: the whole import is one transaction). */
export const loanImportBatches = pgTable(
  'loan_import_batches',
  {
    id: primaryId(),
    /** The importing bank. */
    bankId: requiredRef('bank_id', () => institutions.id),
    /** Lower-case hex SHA-256 of the uploaded file's bytes. */
    fileSha256: text('file_sha256').notNull(),
    fileName: text('file_name').notNull(),
    /** xlsx | csv */
    format: text('format').notNull(),
    loansCreated: integer('loans_created').notNull().default(0),
    loansUnchanged: integer('loans_unchanged').notNull().default(0),
    repaymentsCreated: integer('repayments_created').notNull().default(0),
    repaymentsUnchanged: integer('repayments_unchanged').notNull().default(0),
    createdBy: optionalRef('created_by', () => users.id),
    ...writtenVia(),
  },
  (t) => [uniqueIndex('loan_import_batches_bank_sha_uq').on(t.bankId, t.fileSha256)],
);

export const loans = pgTable(
  'loans',
  {
    id: primaryId(),
    /** The lending partner bank (institutions.kind = 'bank'). */
    bankId: requiredRef('bank_id', () => institutions.id),
    /** The bank's loan contract number; unique per bank. */
    contractNo: text('contract_no').notNull(),
    enterpriseId: requiredRef('enterprise_id', () => enterprises.id),
    /** The partner insurer or financing guarantor covering the loan (institutions.kind insurer | guarantor). */
    coverInstitutionId: requiredRef('cover_institution_id', () => institutions.id),
    /** insurer | guarantor — copied from the cover institution's kind when recorded. */
    coverKind: text('cover_kind').notNull(),
    /**
     * The numbered library project (项目库) the loan finances; nullable (a loan may be recorded before the
     * project is numbered). Validated in the service: same enterprise, numbered.
     */
    projectId: optionalRef('project_id', () => projects.id),
    /** equipment (设备贷款) | working_capital (流动资金贷款) | other — term caps by purpose. */
    purpose: text('purpose').notNull(),
    amountFen: fen('amount_fen').notNull(),
    /** Annual interest rate as an exact decimal fraction, e.g. 0.038500 = 3.85%. */
    annualRate: numeric('annual_rate', { precision: 9, scale: 6 }).notNull(),
    termMonths: integer('term_months').notNull(),
    /** Disbursement (放款) instant. */
    disbursedAt: instant('disbursed_at').notNull(),
    /** Disbursement date in China time (Asia/Shanghai), for date arithmetic and ordering by day. */
    disbursedOn: date('disbursed_on').notNull(),
    /** disbursedOn + termMonths, clamped to month end. */
    maturityDate: date('maturity_date').notNull(),
    remarks: text('remarks'),
    /**
     * The maturity after the latest extension (展期), null when never extended; the contract's own maturity stays in
     * `maturity_date`. The effective maturity is coalesce(extended_maturity_date, maturity_date).
     */
    extendedMaturityDate: date('extended_maturity_date'),
    /** active | cancelled (作废: recorded in error; kept with its repayments, hidden from subsidy applications). */
    status: text('status').notNull().default('active'),
    cancelledAt: instant('cancelled_at'),
    cancelledBy: optionalRef('cancelled_by', () => users.id),
    cancelReason: text('cancel_reason'),
    /** Optimistic concurrency: bumped by every correction, cancellation and extension. */
    version: version(),
    importBatchId: optionalRef('import_batch_id', () => loanImportBatches.id),
    /** The financing-zone order (对接单) this loan was carried from, without retyping; one loan per order at most. */
    sourceOrderId: optionalRef('source_order_id', () => financingOrders.id),
    createdBy: optionalRef('created_by', () => users.id),
    ...writtenVia(),
    updatedAt: updatedAt(),
  },
  (t) => [
    /** A cancelled loan frees its contract number: the bank may record the loan again correctly. */
    uniqueIndex('loans_bank_contract_active_uq').on(t.bankId, t.contractNo).where(sql`${t.status} = 'active'`),
    index('loans_bank_contract_idx').on(t.bankId, t.contractNo),
    uniqueIndex('loans_source_order_uq').on(t.sourceOrderId).where(sql`${t.sourceOrderId} is not null`),
    check('loans_status_valid', sql`${t.status} in ('active', 'cancelled')`),
    check(
      'loans_extended_after_maturity',
      sql`${t.extendedMaturityDate} is null or ${t.extendedMaturityDate} > ${t.maturityDate}`,
    ),
    index('loans_enterprise_idx').on(t.enterpriseId),
    index('loans_cover_idx').on(t.coverInstitutionId),
    index('loans_project_idx').on(t.projectId),
    check('loans_amount_positive', sql`${t.amountFen} > 0`),
    check('loans_rate_range', sql`${t.annualRate} > 0 and ${t.annualRate} <= 0.24`),
    check('loans_term_range', sql`${t.termMonths} between 1 and 60`),
  ],
);

export const loanRepayments = pgTable(
  'loan_repayments',
  {
    id: primaryId(),
    loanId: requiredRef('loan_id', () => loans.id),
    /** Repayment period number, 1-based; unique per loan. */
    periodNo: integer('period_no').notNull(),
    dueDate: date('due_date').notNull(),
    /** The date the bank received the payment. */
    paidDate: date('paid_date').notNull(),
    principalPaidFen: fen('principal_paid_fen').notNull(),
    /** Interest actually paid in this period: what the interest subsidy is computed on. */
    interestPaidFen: fen('interest_paid_fen').notNull(),
    importBatchId: optionalRef('import_batch_id', () => loanImportBatches.id),
    createdBy: optionalRef('created_by', () => users.id),
    ...writtenVia(),
  },
  (t) => [
    uniqueIndex('loan_repayments_loan_period_uq').on(t.loanId, t.periodNo),
    index('loan_repayments_loan_paid_idx').on(t.loanId, t.paidDate),
    check('loan_repayments_amounts_nonneg', sql`${t.principalPaidFen} >= 0 and ${t.interestPaidFen} >= 0`),
    check('loan_repayments_period_positive', sql`${t.periodNo} >= 1`),
  ],
);

/** Corrections (更正) of a loan's recorded facts by its bank: what changed, why, and the version it produced. */
export const loanCorrections = pgTable(
  'loan_corrections',
  {
    id: primaryId(),
    loanId: requiredRef('loan_id', () => loans.id),
    /** The loan's version after this correction. */
    version: integer('version').notNull(),
    reason: text('reason').notNull(),
    /** Changed fields only, in API form (yuan strings, rates, ISO times, names). */
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
    createdBy: optionalRef('created_by', () => users.id),
    createdByName: text('created_by_name'),
    ...writtenVia(),
  },
  (t) => [index('loan_corrections_loan_idx').on(t.loanId, t.createdAt)],
);

/** Extension agreements (展期协议): each moves the loan's maturity later; kept in order as its history. */
export const loanExtensions = pgTable(
  'loan_extensions',
  {
    id: primaryId(),
    loanId: requiredRef('loan_id', () => loans.id),
    /** 1, 2, … per loan. */
    seq: integer('seq').notNull(),
    agreementNo: text('agreement_no').notNull(),
    agreementDate: date('agreement_date').notNull(),
    previousMaturityDate: date('previous_maturity_date').notNull(),
    newMaturityDate: date('new_maturity_date').notNull(),
    /** The whole term from disbursement to the new maturity, in months (a part month counts as one). */
    termMonthsAfter: integer('term_months_after').notNull(),
    remarks: text('remarks'),
    createdBy: optionalRef('created_by', () => users.id),
    createdByName: text('created_by_name'),
    ...writtenVia(),
  },
  (t) => [
    uniqueIndex('loan_extensions_loan_seq_uq').on(t.loanId, t.seq),
    uniqueIndex('loan_extensions_loan_agreement_uq').on(t.loanId, t.agreementNo),
    check('loan_extensions_later', sql`${t.newMaturityDate} > ${t.previousMaturityDate}`),
  ],
);
