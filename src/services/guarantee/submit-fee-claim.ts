/**
 * An enterprise (for its own loan) or the loan's guarantor/insurer (on the enterprise's behalf) claims the guarantee
 * fee actually paid in a period, with its vouchers. The amount is computed at once (explained, cited) with the
 * enterprise's awards of the year so far; the allocation recomputes it in first-come-first-served order.
 */
import { eq } from 'drizzle-orm';
import type { TCreateFeeClaim, TFeeClaim } from '../../contracts/guarantee';
import { guaranteeFeeClaims, guaranteeFeeYears } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { computeFeeSubsidy } from '../../domain/guarantee/index';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { feeAwardedThisYear, loadFeeClaim } from './read-fee-claims';
import { actorFor, findCoveredLoan } from './shared';

export async function submitFeeClaim(ctx: Ctx, input: TCreateFeeClaim): Promise<TFeeClaim> {
  const actor = actorFor(ctx, 'guarantee.fee.claim');
  const year = Number(input.periodFrom.slice(0, 4));
  return inTx(ctx, async (tx) => {
    const loan = await findCoveredLoan(tx, actor, input.loanId);
    if (loan.coverKind !== 'guarantor' && loan.coverKind !== 'insurer')
      throw Errors.notFound({ zh: '贷款', en: 'Loan' });
    const [fy] = await tx.select().from(guaranteeFeeYears).where(eq(guaranteeFeeYears.year, year));
    if (!fy)
      throw Errors.unprocessable(
        'FEE_YEAR_MISSING',
        `${year}年度尚未设立担保费补贴预算，暂不能申请`,
        'No budget for the year',
      );
    if (fy.status !== 'open')
      throw Errors.conflict(
        'FEE_YEAR_CLOSED',
        `${year}年度担保费补贴已完成分配，不再受理申请`,
        'The year is allocated',
      );
    const otherSubsidies = input.otherSubsidies.map((o) => ({ name: o.name, amount: yuanToFen(o.amount) }));
    const r = computeFeeSubsidy({
      feePaid: yuanToFen(input.feePaid),
      guaranteedAmount: loan.amountFen,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      usedThisYear: await feeAwardedThisYear(tx, loan.enterpriseId, year),
      otherSubsidies,
    });
    const [row] = await tx
      .insert(guaranteeFeeClaims)
      .values({
        year,
        loanId: loan.id,
        enterpriseId: loan.enterpriseId,
        districtCode: loan.districtCode,
        coverInstitutionId: loan.coverInstitutionId,
        bankId: loan.bankId,
        claimant: actor.enterpriseId ? 'enterprise' : 'guarantor',
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        feePaidFen: yuanToFen(input.feePaid),
        guaranteedAmountFen: loan.amountFen,
        vouchers: input.vouchers,
        otherSubsidies: input.otherSubsidies,
        requestedFen: r.amount,
        explanation: r.explanation.join('\n'),
        declarationMonth: loan.declarationMonth ?? chinaDateOf(ctx.now).slice(0, 7),
        loanDisbursedAt: loan.disbursedAt,
        submittedBy: actor.id,
        submittedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: guaranteeFeeClaims.id });
    if (!row) {
      throw Errors.conflict(
        'FEE_CLAIM_DUPLICATE',
        '该笔贷款同一担保期间已有补贴申请，不能重复申请',
        'A claim for this period exists',
      );
    }
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_claim_submitted',
      objectType: 'guarantee_fee_claim',
      objectId: row.id,
      after: {
        loanId: loan.id,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        feePaid: input.feePaid,
        requestedFen: String(r.amount),
      },
    });
    return (await loadFeeClaim(tx, actor, row.id))!;
  });
}
