/**
 * The lending bank registers that a loan is secured on the enterprise's expected award (三（五）3.: a library
 * project's 政银保 subsidy or a competitive-fund award) and how much of it has been paid; compensation for the loan
 * is then computed on the loss after the award.
 */
import { and, eq } from 'drizzle-orm';
import type { TEnhancement, TRegisterEnhancement } from '../../contracts/guarantee';
import { creditEnhancements, loans } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { actorFor, findCoveredLoan, yuan } from './shared';

export async function registerEnhancement(ctx: Ctx, input: TRegisterEnhancement): Promise<TEnhancement> {
  const actor = actorFor(ctx, 'guarantee.enhancement.register');
  return inTx(ctx, async (tx) => {
    const loan = await findCoveredLoan(tx, actor, input.loanId, eq(loans.bankId, actor.institutionId!));
    if (
      !mayDo(actor, 'guarantee.enhancement.register', { enterpriseId: loan.enterpriseId, institutionId: loan.bankId })
    ) {
      throw Errors.forbidden('只有放款银行可以登记奖补增信', 'Only the lending bank registers this');
    }
    if (yuanToFen(input.awardPaid) > yuanToFen(input.expectedAmount)) {
      throw Errors.badRequest('AWARD_ABOVE_EXPECTED', '已到位奖补金额不能超过预计奖补金额', 'Paid exceeds expected');
    }
    const [row] = await tx
      .insert(creditEnhancements)
      .values({
        loanId: loan.id,
        bankId: loan.bankId,
        kind: input.kind,
        reference: input.reference,
        expectedFen: yuanToFen(input.expectedAmount),
        awardPaidFen: yuanToFen(input.awardPaid),
        createdBy: actor.id,
      })
      .onConflictDoUpdate({
        target: [creditEnhancements.loanId, creditEnhancements.kind, creditEnhancements.reference],
        set: { expectedFen: yuanToFen(input.expectedAmount), awardPaidFen: yuanToFen(input.awardPaid) },
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'guarantee.enhancement_registered',
      objectType: 'credit_enhancement',
      objectId: row!.id,
      after: input,
    });
    return {
      id: row!.id,
      loanId: row!.loanId,
      kind: row!.kind as TEnhancement['kind'],
      reference: row!.reference,
      expectedAmount: yuan(row!.expectedFen)!,
      awardPaid: yuan(row!.awardPaidFen)!,
    };
  });
}

/** The enhancements registered on a loan in the actor's loan scope. */
export async function listEnhancements(ctx: Ctx, loanId: string): Promise<{ items: TEnhancement[] }> {
  const actor = actorFor(ctx, 'guarantee.risk.read');
  await findCoveredLoan(ctx.deps.db, actor, loanId);
  const rows = await ctx.deps.db
    .select()
    .from(creditEnhancements)
    .where(and(eq(creditEnhancements.loanId, loanId)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      loanId: r.loanId,
      kind: r.kind as TEnhancement['kind'],
      reference: r.reference,
      expectedAmount: yuan(r.expectedFen)!,
      awardPaid: yuan(r.awardPaidFen)!,
    })),
  };
}
