/**
 * The claimant (the enterprise, or the guarantor that filed on its behalf) corrects a fee claim the district or the
 * city returned and submits the same claim again: its amount is computed afresh (explained, cited), it goes back to
 * the district's check, and the return and the resubmission stay in its history.
 */
import { eq, ne, notInArray } from 'drizzle-orm';
import type { TFeeClaim, TResubmitFeeClaim } from '../../contracts/guarantee';
import { guaranteeFeeClaims, guaranteeFeeYears } from '../../db/schema';
import { computeFeeSubsidy } from '../../domain/guarantee/index';
import { yuanToFen } from '../../domain/money/index';
import { type ApplicationStatus, isEditableByEnterprise } from '../../domain/workflow/application';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { anyRow } from '../workflow';
import { feeAwardedThisYear, feeClaimRows, loadFeeClaim, lockFeeClaim } from './read-fee-claims';
import { actorFor, type StepEntry, stepEntry } from './shared';

const RETURNED = ['district_returned', 'city_returned'];

export async function resubmitFeeClaim(ctx: Ctx, id: string, input: TResubmitFeeClaim): Promise<TFeeClaim> {
  const actor = actorFor(ctx, 'guarantee.fee.resubmit');
  return inTx(ctx, async (tx) => {
    const row = await lockFeeClaim(tx, actor, id);
    if (!isEditableByEnterprise(row.status as ApplicationStatus)) {
      throw Errors.conflict(
        'WRONG_STATE',
        '只有被退回的申请可以修改后重新提交',
        'Only a returned claim can be resubmitted',
      );
    }
    const year = Number(input.periodFrom.slice(0, 4));
    if (year !== row.year) {
      throw Errors.unprocessable(
        'FEE_YEAR_CHANGED',
        `担保期间须仍在${row.year}年度内；其他年度的担保费请另行申请`,
        'The period must stay in the claim’s year',
      );
    }
    const [fy] = await tx.select().from(guaranteeFeeYears).where(eq(guaranteeFeeYears.year, year));
    if (fy?.status !== 'open') {
      throw Errors.conflict(
        'FEE_YEAR_CLOSED',
        `${year}年度担保费补贴已完成分配，不再受理申请`,
        'The year is allocated',
      );
    }
    const clash = await anyRow(
      tx,
      guaranteeFeeClaims,
      eq(guaranteeFeeClaims.loanId, row.loanId),
      eq(guaranteeFeeClaims.periodFrom, input.periodFrom),
      eq(guaranteeFeeClaims.periodTo, input.periodTo),
      ne(guaranteeFeeClaims.id, id),
      notInArray(guaranteeFeeClaims.status, RETURNED),
    );
    if (clash) {
      throw Errors.conflict(
        'FEE_CLAIM_DUPLICATE',
        '该笔贷款同一担保期间已有补贴申请，不能重复申请',
        'A claim for this period exists',
      );
    }
    const r = computeFeeSubsidy({
      feePaid: yuanToFen(input.feePaid),
      guaranteedAmount: row.guaranteedAmountFen,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      usedThisYear: await feeAwardedThisYear(tx, row.enterpriseId, year),
      otherSubsidies: input.otherSubsidies.map((o) => ({ name: o.name, amount: yuanToFen(o.amount) })),
    });
    await feeClaimRows.update(tx, ctx, id, {
      set: {
        status: 'submitted',
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        feePaidFen: yuanToFen(input.feePaid),
        vouchers: input.vouchers,
        otherSubsidies: input.otherSubsidies,
        requestedFen: r.amount,
        explanation: r.explanation.join('\n'),
        reviews: [...(row.reviews as StepEntry[]), stepEntry(ctx, 'resubmit', null)],
        updatedAt: ctx.now,
      },
      action: 'guarantee.fee_claim_resubmitted',
      before: {
        status: row.status,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        feePaidFen: String(row.feePaidFen),
        requestedFen: String(row.requestedFen),
      },
      after: {
        status: 'submitted',
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        feePaid: input.feePaid,
        requestedFen: String(r.amount),
      },
    });
    return (await loadFeeClaim(tx, actor, id))!;
  });
}
