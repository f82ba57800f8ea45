/**
 * The recording bank records an extension agreement (展期协议): a new maturity after the current one. The loan
 * keeps every extension in order; its term in force becomes the extended one, checked against the purpose's term
 * guidance (参照珠海市方案 三（二）1, `src/domain/loans/params.ts`) with its citation. Repayments may then fall due
 * up to the new maturity. Refused once the loan is claimed by a subsidy application, when cancelled, or when the
 * version is stale.
 */
import { asc, eq } from 'drizzle-orm';
import type { TExtendLoan, TLoanDetail } from '../../contracts/loans';
import { loanExtensions } from '../../db/schema';
import { type ExtensionField, effectiveMaturity, validateExtension } from '../../domain/loans/lifecycle';
import type { LoanPurpose } from '../../domain/loans/params';
import { chinaDateOf } from '../../domain/loans/values';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { loanExtended } from '../credit';
import { byOf, loadLoanForChange, loanFacts, updateLoanVersion } from './lifecycle-guard';
import { loanScopeCondition } from './scope';
import { validationFailed } from './shared';
import { loadLoanDetail } from './view';

const LABELS: Record<ExtensionField, string> = {
  agreementNo: '展期协议编号',
  agreementDate: '展期协议签订日期',
  newMaturityDate: '展期后到期日',
};

export async function extendLoan(ctx: Ctx, loanId: string, input: TExtendLoan): Promise<TLoanDetail> {
  return inTx(ctx, async (tx) => {
    const { loan } = await loadLoanForChange(tx, ctx, loanId, input.version, '登记展期', 'loan.extend');
    const prior = await tx
      .select()
      .from(loanExtensions)
      .where(eq(loanExtensions.loanId, loan.id))
      .orderBy(asc(loanExtensions.seq));
    const currentMaturity = effectiveMaturity(loan);
    const { problems, termMonthsAfter } = validateExtension(
      {
        purpose: loan.purpose as LoanPurpose,
        disbursedOn: loan.disbursedOn,
        currentMaturity,
        agreementNos: prior.map((e) => e.agreementNo),
      },
      { agreementNo: input.agreementNo, agreementDate: input.agreementDate, newMaturityDate: input.newMaturityDate },
      chinaDateOf(ctx.now),
    );
    if (problems.length) {
      throw validationFailed(problems.map((p) => ({ path: p.field, label: LABELS[p.field], zh: p.zh, en: p.en })));
    }
    const seq = prior.length + 1;
    const version = await updateLoanVersion(tx, ctx, loan, { extendedMaturityDate: input.newMaturityDate });
    const [ext] = await tx
      .insert(loanExtensions)
      .values({
        loanId: loan.id,
        seq,
        agreementNo: input.agreementNo,
        agreementDate: input.agreementDate,
        previousMaturityDate: currentMaturity,
        newMaturityDate: input.newMaturityDate,
        termMonthsAfter,
        remarks: input.remarks || null,
        ...byOf(ctx),
        createdAt: ctx.now,
      })
      .returning({ id: loanExtensions.id });
    await loanExtended(tx, ctx, loanFacts(loan), {
      seq,
      previousMaturity: currentMaturity,
      newMaturity: input.newMaturityDate,
      agreementNo: input.agreementNo,
    });
    await recordAudit(tx, ctx, {
      action: 'loan.extended',
      objectType: 'loan',
      objectId: loan.id,
      before: { maturityDate: currentMaturity, version: loan.version },
      after: {
        extensionId: ext!.id,
        seq,
        agreementNo: input.agreementNo,
        agreementDate: input.agreementDate,
        maturityDate: input.newMaturityDate,
        termMonths: termMonthsAfter,
        version,
        via: ctx.actor?.via ?? 'session',
      },
    });
    return (await loadLoanDetail(tx, loan.id, loanScopeCondition(ctx.actor)))!;
  });
}
