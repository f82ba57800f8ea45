/** Loads loans with their bank, cover institution, enterprise, project and repayment totals, and shapes them for the API. */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { TLoan, TLoanCorrection, TLoanDetail, TLoanExtension, TRepayment } from '../../contracts/loans';
import type { DbOrTx } from '../../db/client';
import {
  enterprises,
  institutions,
  loanCorrections,
  loanExtensions,
  loanRepayments,
  loans,
  projects,
  users,
} from '../../db/schema';
import { effectiveMaturity, termMonthsTo } from '../../domain/loans/lifecycle';
import type { LoanPurpose } from '../../domain/loans/params';
import { formatRate, toChinaIso } from '../../domain/loans/values';
import { fenToYuan } from '../../domain/money/money';

const bank = alias(institutions, 'bank');
const cover = alias(institutions, 'cover');
const canceller = alias(users, 'canceller');

const totals = sql<string>`(select coalesce(sum(${loanRepayments.principalPaidFen}), 0)::text || ',' ||
  coalesce(sum(${loanRepayments.interestPaidFen}), 0)::text || ',' || count(*)::text
  from ${loanRepayments} where ${loanRepayments.loanId} = ${loans.id})`;

export const loanSelection = {
  loan: loans,
  enterprise: {
    id: enterprises.id,
    uscc: enterprises.uscc,
    name: enterprises.name,
    districtCode: enterprises.districtCode,
  },
  bank: { id: bank.id, name: bank.name, shortName: bank.shortName },
  cover: { id: cover.id, name: cover.name, shortName: cover.shortName },
  projectNo: projects.libraryNumber,
  projectName: projects.name,
  cancelledByName: canceller.displayName,
  totals,
};

/** A select over loans joined with everything a view needs; `where` may use `enterprises` columns (scope). */
export function selectLoans(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(loanSelection)
    .from(loans)
    .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
    .innerJoin(bank, eq(bank.id, loans.bankId))
    .innerJoin(cover, eq(cover.id, loans.coverInstitutionId))
    .leftJoin(projects, eq(projects.id, loans.projectId))
    .leftJoin(canceller, eq(canceller.id, loans.cancelledBy))
    .where(where);
}

export type LoanRow = Awaited<ReturnType<typeof selectLoans>>[number];

export function toLoanView(r: LoanRow): TLoan {
  const [p = '0', i = '0', n = '0'] = r.totals.split(',');
  const principal = BigInt(p);
  const interest = BigInt(i);
  const l = r.loan;
  const maturity = effectiveMaturity(l);
  return {
    id: l.id,
    contractNo: l.contractNo,
    bank: r.bank,
    enterprise: r.enterprise,
    cover: { ...r.cover, kind: l.coverKind as 'insurer' | 'guarantor' },
    version: l.version,
    project: l.projectId ? { id: l.projectId, projectNo: r.projectNo ?? null, name: r.projectName ?? null } : null,
    purpose: l.purpose as LoanPurpose,
    amount: fenToYuan(l.amountFen),
    annualRate: formatRate(l.annualRate),
    termMonths: l.extendedMaturityDate ? termMonthsTo(l.disbursedOn, maturity) : l.termMonths,
    disbursedAt: toChinaIso(l.disbursedAt),
    disbursedOn: l.disbursedOn,
    maturityDate: maturity,
    contractTermMonths: l.termMonths,
    contractMaturityDate: l.maturityDate,
    extended: l.extendedMaturityDate !== null,
    cancelled:
      l.status === 'cancelled'
        ? {
            at: (l.cancelledAt ?? l.updatedAt).toISOString(),
            reason: l.cancelReason ?? '',
            byName: r.cancelledByName ?? null,
          }
        : null,
    remarks: l.remarks,
    principalRepaid: fenToYuan(principal),
    interestPaid: fenToYuan(interest),
    outstandingPrincipal: fenToYuan(l.amountFen - principal),
    repaymentCount: Number(n),
    status: l.status === 'cancelled' ? 'cancelled' : principal >= l.amountFen ? 'settled' : 'repaying',
    source: l.importBatchId ? 'import' : (l.createdVia as 'session' | 'api_token'),
    importBatchId: l.importBatchId,
    sourceOrderId: l.sourceOrderId,
    createdAt: l.createdAt.toISOString(),
  };
}

export function toRepaymentView(r: typeof loanRepayments.$inferSelect): TRepayment {
  return {
    id: r.id,
    periodNo: r.periodNo,
    dueDate: r.dueDate,
    paidDate: r.paidDate,
    principalPaid: fenToYuan(r.principalPaidFen),
    interestPaid: fenToYuan(r.interestPaidFen),
    source: r.importBatchId ? 'import' : (r.createdVia as 'session' | 'api_token'),
    createdAt: r.createdAt.toISOString(),
  };
}

/** One loan with its repayments, or null when it does not exist within `scope`. */
export async function loadLoanDetail(db: DbOrTx, id: string, scope: SQL): Promise<TLoanDetail | null> {
  const [row] = await selectLoans(db, and(eq(loans.id, id), scope)).limit(1);
  if (!row) return null;
  const reps = await db
    .select()
    .from(loanRepayments)
    .where(eq(loanRepayments.loanId, id))
    .orderBy(asc(loanRepayments.periodNo));
  const corr = await db
    .select()
    .from(loanCorrections)
    .where(eq(loanCorrections.loanId, id))
    .orderBy(asc(loanCorrections.createdAt), asc(loanCorrections.version));
  const exts = await db
    .select()
    .from(loanExtensions)
    .where(eq(loanExtensions.loanId, id))
    .orderBy(asc(loanExtensions.seq));
  return {
    ...toLoanView(row),
    repayments: reps.map(toRepaymentView),
    corrections: corr.map(toCorrectionView),
    extensions: exts.map(toExtensionView),
  };
}

export function toCorrectionView(c: typeof loanCorrections.$inferSelect): TLoanCorrection {
  return {
    id: c.id,
    version: c.version,
    reason: c.reason,
    before: c.before as Record<string, unknown>,
    after: c.after as Record<string, unknown>,
    byName: c.createdByName,
    via: c.createdVia,
    at: c.createdAt.toISOString(),
  };
}

export function toExtensionView(e: typeof loanExtensions.$inferSelect): TLoanExtension {
  return {
    id: e.id,
    seq: e.seq,
    agreementNo: e.agreementNo,
    agreementDate: e.agreementDate,
    previousMaturityDate: e.previousMaturityDate,
    newMaturityDate: e.newMaturityDate,
    termMonthsAfter: e.termMonthsAfter,
    remarks: e.remarks,
    byName: e.createdByName,
    via: e.createdVia,
    at: e.createdAt.toISOString(),
  };
}
