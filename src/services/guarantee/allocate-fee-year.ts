/**
 * The city administrator allocates the year's fee-subsidy budget over the verified claims, once: the interest
 * subsidy's ranking-and-cap loop (domain/allocation) in the year's mode — first come first served by the project's
 * declaration month (or the claim's month when the loan finances no library project), then the loan's disbursement,
 * then submission — with each claim recomputed against what its enterprise already holds in the year, so the yearly
 * cap is shared in order. Every claim is marked awarded or unfunded with its explanation.
 */
import { and, eq } from 'drizzle-orm';
import type { TFeeAllocationResult } from '../../contracts/guarantee';
import { guaranteeFeeClaims, guaranteeFeeYears } from '../../db/schema';
import { type AllocationMode, awardStatusOf, explainAward, rankDecideAndAllocate } from '../../domain/allocation/index';
import { computeFeeSubsidy, type OtherFeeSubsidy } from '../../domain/guarantee/index';
import { fenToYuan, yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { lockFeeYear } from './fee-years';
import { feeAwardedThisYear } from './read-fee-claims';
import { actorFor } from './shared';

export async function allocateFeeYear(ctx: Ctx, year: number): Promise<TFeeAllocationResult> {
  actorFor(ctx, 'guarantee.fee.year.manage');
  return inTx(ctx, async (tx) => {
    const fy = await lockFeeYear(tx, year);
    if (fy.status !== 'open')
      throw Errors.conflict('FEE_YEAR_ALLOCATED', `${year}年度担保费补贴已分配，不能重复分配`, 'Already allocated');
    const claims = await tx
      .select()
      .from(guaranteeFeeClaims)
      .where(and(eq(guaranteeFeeClaims.year, year), eq(guaranteeFeeClaims.status, 'verified')));
    const held = new Map<string, bigint>();
    for (const c of claims)
      if (!held.has(c.enterpriseId)) held.set(c.enterpriseId, await feeAwardedThisYear(tx, c.enterpriseId, year));
    const out = rankDecideAndAllocate({
      apps: claims.map((c) => ({
        applicationId: c.id,
        enterpriseId: c.enterpriseId,
        declarationMonth: c.declarationMonth,
        firstDisbursedAt: c.loanDisbursedAt,
        submittedAt: c.submittedAt,
      })),
      heldBefore: (i) => held.get(claims[i]!.enterpriseId) ?? 0n,
      decide: (i, used) => {
        const c = claims[i]!;
        const r = computeFeeSubsidy({
          feePaid: c.feePaidFen,
          guaranteedAmount: c.guaranteedAmountFen,
          periodFrom: c.periodFrom,
          periodTo: c.periodTo,
          usedThisYear: used,
          otherSubsidies: (c.otherSubsidies as { name: string; amount: string }[]).map(
            (o): OtherFeeSubsidy => ({ name: o.name, amount: yuanToFen(o.amount) }),
          ),
        });
        return { amountFen: r.amount, explanation: r.explanation };
      },
      budget: fy.budgetFen,
      mode: fy.allocationMode as AllocationMode,
    });
    const awards: TFeeAllocationResult['awards'] = [];
    for (let i = 0; i < claims.length; i++) {
      const c = claims[i]!;
      const awarded = out.result.awarded[i]!;
      const status = awardStatusOf(out.result, i);
      const explanation = [...out.decisions[i]!.explanation, ...explainAward(out.cols, out.result, i)];
      await tx
        .update(guaranteeFeeClaims)
        .set({
          status: awarded > 0n ? 'awarded' : 'unfunded',
          requestedFen: out.asks[i]!,
          awardedFen: awarded,
          awardRank: out.result.rank[i]!,
          explanation: explanation.join('\n'),
          updatedAt: ctx.now,
        })
        .where(eq(guaranteeFeeClaims.id, c.id));
      awards.push({
        claimId: c.id,
        rank: out.result.rank[i]!,
        requested: fenToYuan(out.asks[i]!),
        awarded: fenToYuan(awarded),
        status,
      });
    }
    awards.sort((a, b) => a.rank - b.rank);
    await tx
      .update(guaranteeFeeYears)
      .set({ status: 'allocated', allocatedFen: out.result.totalAwarded, updatedAt: ctx.now })
      .where(eq(guaranteeFeeYears.id, fy.id));
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_allocated',
      objectType: 'guarantee_fee_year',
      objectId: fy.id,
      after: { year, claims: claims.length, allocatedFen: String(out.result.totalAwarded), mode: fy.allocationMode },
    });
    return { year, budget: fenToYuan(fy.budgetFen), allocated: fenToYuan(out.result.totalAwarded), awards };
  });
}
