/**
 * What every change to a recorded loan (correction, cancellation, extension) checks first, inside its transaction:
 * the actor is the recording bank (others: 404), the loan is not cancelled, the request edits the current version
 * (optimistic concurrency: a stale version is a 409), and the loan is not part of a subsidy application.
 *
 * Subsidy applications have no draft state in the database: an application row exists only once submitted
 * (vouchers uploaded before submission are not linked to loans). So any application claiming the loan — whatever
 * its status, including returned, awarded or unfunded — freezes the loan's recorded facts: they are the basis of
 * S = I × R × C and of the first-come-first-served order (申报指南 六（二）（四）).
 *
 * Which records claim a loan is asked of the modules that registered a check (`claims.ts`; the subsidy module's
 * applications). The loan row is locked FOR UPDATE; a submission reads the loans it claims FOR SHARE, so a submission and a
 * change of the same loan cannot interleave.
 */
import { and, eq } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { enterprises, loans } from '../../db/schema';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { claimsOnLoan } from './claims';
import { loanScopeCondition } from './scope';
import { bankOf, type LoanWriteAction, lockBank } from './shared';

export type LoanRowT = typeof loans.$inferSelect;

/**
 * A loan of the actor's scope (others: 404) that is not cancelled (a 409 naming what could not be done to it);
 * locked for update when asked.
 */
export async function activeLoanInScope(
  tx: Tx,
  ctx: Ctx,
  loanId: string,
  actionZh: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoanRowT> {
  const q = tx
    .select({ loan: loans })
    .from(loans)
    .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
    .where(and(eq(loans.id, loanId), loanScopeCondition(ctx.actor)))
    .limit(1);
  const [row] = opts.forUpdate ? await q.for('update', { of: loans }) : await q;
  if (!row) throw Errors.notFound({ zh: '贷款', en: 'Loan' });
  const loan = row.loan;
  if (loan.status === 'cancelled') {
    throw Errors.conflict(
      'LOAN_CANCELLED',
      `贷款“${loan.contractNo}”已作废，不能再${actionZh}`,
      `Loan "${loan.contractNo}" is cancelled`,
      { loanId },
    );
  }
  return loan;
}

export async function loadLoanForChange(
  tx: Tx,
  ctx: Ctx,
  loanId: string,
  version: number,
  actionZh: string,
  action: Extract<LoanWriteAction, 'loan.correct' | 'loan.cancel' | 'loan.extend'>,
): Promise<{ bankId: string; loan: LoanRowT }> {
  const bankId = bankOf(ctx.actor, action);
  await lockBank(tx, bankId);
  const loan = await activeLoanInScope(tx, ctx, loanId, actionZh, { forUpdate: true });
  if (loan.version !== version) {
    throw Errors.conflict(
      'VERSION_CONFLICT',
      `贷款“${loan.contractNo}”已被修改（当前版本 ${loan.version}，您编辑的是版本 ${version}），请刷新页面查看最新内容后重新${actionZh}`,
      `The loan was changed meanwhile (current version ${loan.version}, yours ${version}); reload and retry`,
      { loanId, currentVersion: loan.version },
    );
  }
  await assertNotInApplication(tx, loan, actionZh);
  return { bankId, loan };
}

async function assertNotInApplication(tx: Tx, loan: LoanRowT, actionZh: string): Promise<void> {
  const claims = await claimsOnLoan(tx, loan.id);
  if (claims.length === 0) return;
  const named = claims.map((c) => c.describedZh).join('；');
  throw Errors.conflict(
    'LOAN_IN_APPLICATION',
    `贷款“${loan.contractNo}”已用于${named}，贷款信息是贴息计算和核查的依据，不能${actionZh}。如登记确有错误，请联系市工业和信息化局处理该申请`,
    `Loan "${loan.contractNo}" is claimed by subsidy application ${claims.map((c) => c.id).join(', ')}`,
    { loanId: loan.id, applicationIds: claims.map((c) => c.id) },
  );
}

/** Who recorded it (a signed-in person, or a bank's API token), as stored beside loans, repayments and batches. */
export function createdByOf(ctx: Ctx) {
  return {
    createdBy: ctx.actor?.via === 'session' ? ctx.actor.id : null,
    createdVia: ctx.actor?.via ?? 'session',
  };
}

/** Who did it, as stored beside corrections and extensions. */
export function byOf(ctx: Ctx) {
  return { ...createdByOf(ctx), createdByName: ctx.actor?.name ?? null };
}

/** The loan as the credit profile's hooks are told of it. */
export function loanFacts(loan: LoanRowT) {
  return {
    id: loan.id,
    enterpriseId: loan.enterpriseId,
    bankId: loan.bankId,
    contractNo: loan.contractNo,
    amountFen: loan.amountFen,
  };
}

/** Writes a change to the version the request edited, and returns the new version. */
export async function updateLoanVersion(
  tx: Tx,
  ctx: Ctx,
  loan: LoanRowT,
  set: Omit<PgUpdateSetSource<typeof loans>, 'version' | 'updatedAt'>,
): Promise<number> {
  const version = loan.version + 1;
  await tx
    .update(loans)
    .set({ ...set, version, updatedAt: ctx.now })
    .where(and(eq(loans.id, loan.id), eq(loans.version, loan.version)));
  return version;
}
