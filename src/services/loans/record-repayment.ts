/**
 * A bank records one repayment period of a loan: principal and interest actually paid (第七条（四）按贷款合同按期
 * 还本付息). The interest recorded here is what the interest subsidy is computed on. Idempotent on
 * (loan, period number).
 */
import { asc, eq } from 'drizzle-orm';
import type { TRecordRepayment, TRecordRepaymentResult } from '../../contracts/loans';
import { loanRepayments, loans } from '../../db/schema';
import { effectiveMaturity } from '../../domain/loans/lifecycle';
import {
  type RepaymentDraft,
  type RepaymentField,
  sameRepayment,
  validateRepayment,
} from '../../domain/loans/validate';
import { chinaDateOf } from '../../domain/loans/values';
import { fenToYuan, yuanToFen } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { repaymentRecorded } from '../credit';
import { Errors } from '../errors';
import { activeLoanInScope, createdByOf, loanFacts } from './lifecycle-guard';
import { loanScopeCondition } from './scope';
import { bankOf, lockBank, validationFailed } from './shared';
import { loadLoanDetail, toRepaymentView } from './view';

const LABELS: Record<RepaymentField, string> = {
  contractNo: '贷款合同编号',
  periodNo: '期次',
  dueDate: '应还日期',
  paidDate: '实还日期',
  principalPaid: '实还本金',
  interestPaid: '实还利息',
};

function toDraft(r: typeof loanRepayments.$inferSelect): RepaymentDraft {
  return {
    periodNo: r.periodNo,
    dueDate: r.dueDate,
    paidDate: r.paidDate,
    principalFen: r.principalPaidFen,
    interestFen: r.interestPaidFen,
  };
}

export async function recordRepayment(
  ctx: Ctx,
  loanId: string,
  input: TRecordRepayment,
): Promise<TRecordRepaymentResult> {
  const bankId = bankOf(ctx.actor, 'loan.repay');
  const draft: RepaymentDraft = {
    periodNo: input.periodNo,
    dueDate: input.dueDate,
    paidDate: input.paidDate,
    principalFen: yuanToFen(input.principalPaid),
    interestFen: yuanToFen(input.interestPaid),
  };
  return inTx(ctx, async (tx) => {
    await lockBank(tx, bankId);
    const loan = await activeLoanInScope(tx, ctx, loanId, '登记还款');
    const existing = await tx
      .select()
      .from(loanRepayments)
      .where(eq(loanRepayments.loanId, loanId))
      .orderBy(asc(loanRepayments.periodNo));
    const same = existing.find((r) => r.periodNo === draft.periodNo);
    if (same) {
      if (!sameRepayment(toDraft(same), draft)) {
        throw Errors.conflict(
          'REPAYMENT_PERIOD_EXISTS',
          `该贷款第 ${draft.periodNo} 期还款已登记，内容与本次提交不一致；已登记的还款不能重复登记`,
          `Period ${draft.periodNo} is already recorded with different content`,
          { repaymentId: same.id },
        );
      }
      const detail = await loadLoanDetail(tx, loanId, loanScopeCondition(ctx.actor));
      return { created: false, repayment: toRepaymentView(same), loan: detail! };
    }
    const problems = validateRepayment(
      {
        amountFen: loan.amountFen,
        annualRate: loan.annualRate,
        disbursedOn: loan.disbursedOn,
        maturityDate: effectiveMaturity(loan),
      },
      existing.map(toDraft),
      draft,
      chinaDateOf(ctx.now),
    );
    if (problems.length) {
      throw validationFailed(problems.map((p) => ({ path: p.field, label: LABELS[p.field], zh: p.zh, en: p.en })));
    }
    const [created] = await tx
      .insert(loanRepayments)
      .values({
        loanId,
        periodNo: draft.periodNo,
        dueDate: draft.dueDate,
        paidDate: draft.paidDate,
        principalPaidFen: draft.principalFen,
        interestPaidFen: draft.interestFen,
        ...createdByOf(ctx),
        createdAt: ctx.now,
      })
      .returning();
    await tx.update(loans).set({ updatedAt: ctx.now }).where(eq(loans.id, loanId));
    await repaymentRecorded(tx, ctx, loanFacts(loan), {
      id: created!.id,
      periodNo: draft.periodNo,
      dueDate: draft.dueDate,
      paidDate: draft.paidDate,
    });
    await recordAudit(tx, ctx, {
      action: 'loan.repayment_recorded',
      objectType: 'loan',
      objectId: loanId,
      after: {
        repaymentId: created!.id,
        contractNo: loan.contractNo,
        periodNo: draft.periodNo,
        dueDate: draft.dueDate,
        paidDate: draft.paidDate,
        principalPaid: fenToYuan(draft.principalFen),
        interestPaid: fenToYuan(draft.interestFen),
        via: ctx.actor?.via ?? 'session',
      },
    });
    const detail = await loadLoanDetail(tx, loanId, loanScopeCondition(ctx.actor));
    return { created: true, repayment: toRepaymentView(created!), loan: detail! };
  });
}
