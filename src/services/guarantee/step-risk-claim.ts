/**
 * One step of a risk-compensation claim: the district checks; the city approves — the compensation is computed
 * (explained, cited) and committed against the year's pool under the pool's row lock, so concurrent approvals never
 * overspend it — or returns; above the notice's threshold another city account approves second; the city
 * administrator records the payment; the claim is closed with a reason. Every step is audited with its reason.
 */
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { TRiskClaim, TRiskClaimStep } from '../../contracts/guarantee';
import type { Tx } from '../../db/client';
import { creditEnhancements, riskClaims } from '../../db/schema';
import type { BusinessAction } from '../../domain/access/business';
import { mayDo } from '../../domain/access/business';
import { chinaDateOf } from '../../domain/calendar/china-time';
import {
  computeCompensation,
  guaranteeParam,
  type RiskClaimStatus,
  riskTransition,
} from '../../domain/guarantee/index';
import { fenToYuan, ratio, yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { lockPool, movePool, poolBalance } from './pools';
import { loadRiskClaim, lockRiskClaim, riskClaimRows } from './read-risk-claims';
import { actorFor, type StepEntry, shareKeyOf, stepEntry } from './shared';

const RULE: Record<TRiskClaimStep['action'], BusinessAction> = {
  district_pass: 'guarantee.risk.district_check',
  district_return: 'guarantee.risk.district_check',
  city_approve: 'guarantee.risk.city_approve',
  city_return: 'guarantee.risk.city_approve',
  second_approve: 'guarantee.risk.second_approve',
  pay: 'guarantee.risk.pay',
  close: 'guarantee.risk.close',
};

/** Claims whose compensation is committed or paid. */
const COUNTED: RiskClaimStatus[] = ['awaiting_second', 'approved', 'paid', 'closed'];

type ClaimRow = typeof riskClaims.$inferSelect;

async function sumCompensation(tx: Tx, where: ReturnType<typeof and>): Promise<bigint> {
  const [r] = await tx
    .select({ s: sql<string>`coalesce(sum(${riskClaims.compensationFen}), 0)::text` })
    .from(riskClaims)
    .where(where);
  return BigInt(r?.s ?? '0');
}

/** Computes the compensation of `c` now and commits it against the pool of the approval's year. */
async function approve(tx: Tx, ctx: Ctx, c: ClaimRow) {
  const year = Number(chinaDateOf(ctx.now).slice(0, 4));
  const pool = await lockPool(tx, year);
  const on = c.defaultDate;
  const pLoan = guaranteeParam('compensationCapPerLoan', on);
  const pInst = guaranteeParam('compensationCapPerInstitutionYear', on);
  const others = await tx
    .select({ share: riskClaims.share, comp: riskClaims.compensationFen })
    .from(riskClaims)
    .where(and(eq(riskClaims.loanId, c.loanId), ne(riskClaims.id, c.id), inArray(riskClaims.status, COUNTED)));
  const otherOnLoan = others.reduce((s, o) => s + (o.comp ?? 0n), 0n);
  const instUsed = await sumCompensation(
    tx,
    and(
      eq(riskClaims.institutionId, c.institutionId),
      eq(riskClaims.poolYear, year),
      inArray(riskClaims.status, COUNTED),
    ),
  );
  const [award] = await tx
    .select({ s: sql<string>`coalesce(sum(${creditEnhancements.awardPaidFen}), 0)::text` })
    .from(creditEnhancements)
    .where(eq(creditEnhancements.loanId, c.loanId));
  const r = computeCompensation({
    loss: c.lossFen,
    recoveredBeforeClaim: c.collateralRealisedFen,
    awardOffset: BigInt(award?.s ?? '0'),
    share: ratio(c.share),
    shareCitation: guaranteeParam(shareKeyOf(c.institutionKind), on).citation,
    otherSharesOnLoan: others.map((o) => ratio(o.share)),
    otherCompensationOnLoan: otherOnLoan,
    limits: [
      { amount: yuanToFen(pLoan.value) - otherOnLoan, label: '单笔贷款风险补偿上限余额', citation: pLoan.citation },
      {
        amount: yuanToFen(pInst.value) - instUsed,
        label: `本机构${year}年度风险补偿上限余额`,
        citation: pInst.citation,
      },
      { amount: poolBalance(pool), label: `${year}年度风险补偿资金池余额`, citation: null },
    ],
  });
  if (!r.ok) throw Errors.unprocessable(r.code, r.zh, r.zh);
  if (r.compensation <= 0n) {
    throw Errors.conflict(
      'NOTHING_TO_COMMIT',
      `核定补偿为0元：${r.explanation.at(-2) ?? ''}`,
      'Nothing can be committed',
    );
  }
  await movePool(tx, pool, { committed: r.compensation }, ctx.now);
  const threshold = guaranteeParam('secondApprovalAbove', on);
  const needsSecond = r.compensation > yuanToFen(threshold.value);
  if (needsSecond) {
    r.explanation.push(
      `核定金额超过${threshold.value}元（${threshold.citation.docNumber ?? ''} ${threshold.citation.note ?? ''}），须另一名市级人员复核。`,
    );
  }
  return { year, ...r, needsSecond };
}

export async function stepRiskClaim(ctx: Ctx, id: string, input: TRiskClaimStep): Promise<TRiskClaim> {
  const actor = actorFor(ctx, RULE[input.action]);
  return inTx(ctx, async (tx) => {
    const c = await lockRiskClaim(tx, actor, id);
    let approval: Awaited<ReturnType<typeof approve>> | null = null;
    // Decide the state first (no pool touched for a refused step), then compute for an approval.
    const pre = riskTransition({
      status: c.status as RiskClaimStatus,
      action: input.action,
      reason: input.reason ?? null,
      firstApprover: c.firstApprovedBy,
      actorId: actor.id,
    });
    if (!pre.ok) throw Errors.conflict(pre.code, pre.zh, pre.zh);
    if (
      input.action === 'second_approve' &&
      !mayDo(actor, 'guarantee.risk.second_approve', { enterpriseId: null, madeBy: c.firstApprovedBy })
    ) {
      throw Errors.conflict(
        'SAME_APPROVER',
        '超过复核金额的补偿须由另一名市级人员复核，初审人不能复核本人核实的申请',
        'A second approver is needed',
      );
    }
    if (input.action === 'city_approve') approval = await approve(tx, ctx, c);
    const t = riskTransition({
      status: c.status as RiskClaimStatus,
      action: input.action,
      reason: input.reason ?? null,
      needsSecondApprover: approval?.needsSecond ?? false,
      firstApprover: c.firstApprovedBy,
      actorId: actor.id,
    });
    if (!t.ok) throw Errors.conflict(t.code, t.zh, t.zh);
    const set: Partial<ClaimRow> = {
      status: t.to,
      steps: [...(c.steps as StepEntry[]), stepEntry(ctx, input.action, input.reason ?? input.paymentRef ?? null)],
      updatedAt: ctx.now,
    };
    if (approval) {
      Object.assign(set, {
        compensationFen: approval.compensation,
        netLossFen: approval.netLoss,
        poolYear: approval.year,
        explanation: approval.explanation.join('\n'),
        firstApprovedBy: actor.id,
      });
    }
    if (input.action === 'city_return' && c.compensationFen !== null && c.poolYear !== null) {
      // Returned after the first approval: the commitment goes back to the pool.
      const pool = await lockPool(tx, c.poolYear);
      await movePool(tx, pool, { committed: -c.compensationFen }, ctx.now);
      Object.assign(set, { compensationFen: null, netLossFen: null, poolYear: null, firstApprovedBy: null });
    }
    if (input.action === 'pay') {
      const pool = await lockPool(tx, c.poolYear!);
      await movePool(tx, pool, { committed: -c.compensationFen!, paid: c.compensationFen! }, ctx.now);
      Object.assign(set, { paidAt: ctx.now, paymentRef: input.paymentRef ?? null });
    }
    await riskClaimRows.update(tx, ctx, id, {
      set,
      action: 'guarantee.risk_claim_step',
      before: { status: c.status },
      after: {
        status: t.to,
        action: input.action,
        reason: input.reason ?? null,
        ...(approval ? { compensation: fenToYuan(approval.compensation), poolYear: approval.year } : {}),
      },
    });
    return (await loadRiskClaim(tx, actor, id))!;
  });
}
