/**
 * The time-based causes, raised by the periodic sweep (`huiqi sweep`): principal still owed after a loan's
 * effective maturity (a missing repayment), and a digital-level result past its validity with no newer valid one.
 * Idempotent: each cause has its key, so running again, or on several instances, raises nothing twice.
 */
import { sql } from 'drizzle-orm';
import { DIGITAL_LEVEL_ZH } from '../../domain/credit/score';
import { causeKey, isExpired, isRepaymentMissing, warningDraft } from '../../domain/credit/warnings';
import { fenToYuan } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { raiseWarning } from './raise-warning';
import { rowsOf, todayOf } from './records';

export async function sweepCreditWarnings(ctx: Ctx): Promise<{ raised: number }> {
  const today = todayOf(ctx.now);
  return inTx(ctx, async (tx) => {
    let raised = 0;
    const loans = rowsOf<{
      id: string;
      enterprise_id: string;
      bank_id: string;
      contract_no: string;
      amount_fen: string;
      maturity: string;
      paid: string;
    }>(
      await tx.execute(sql`
        select l.id, l.enterprise_id, l.bank_id, l.contract_no, l.amount_fen::text as amount_fen,
               to_char(coalesce(l.extended_maturity_date, l.maturity_date), 'YYYY-MM-DD') as maturity,
               coalesce((select sum(r.principal_paid_fen) from loan_repayments r where r.loan_id = l.id), 0)::text as paid
          from loans l
         where l.status = 'active' and coalesce(l.extended_maturity_date, l.maturity_date) < ${today}::date`),
    );
    for (const l of loans) {
      const amount = BigInt(l.amount_fen);
      const paid = BigInt(l.paid);
      if (!isRepaymentMissing(l.maturity, amount, paid, today)) continue;
      const id = await raiseWarning(
        tx,
        ctx,
        l.enterprise_id,
        warningDraft(
          'repayment_missing',
          l.id,
          causeKey('repayment_missing', l.id, l.maturity),
          `政银保贷款（合同${l.contract_no}）已于${l.maturity}到期，尚欠本金${fenToYuan(amount - paid)}元未登记还款。`,
        ),
        { bankId: l.bank_id },
      );
      if (id) raised++;
    }
    const levels = rowsOf<{ id: string; enterprise_id: string; level: number; valid_to: string; assessor: string }>(
      await tx.execute(sql`
        select distinct on (d.enterprise_id) d.id, d.enterprise_id, d.level,
               to_char(d.valid_to, 'YYYY-MM-DD') as valid_to, d.assessor
          from credit_digital_levels d
         order by d.enterprise_id, d.valid_to desc, d.recorded_at desc`),
    );
    for (const d of levels) {
      if (!isExpired(d.valid_to, today)) continue;
      const id = await raiseWarning(
        tx,
        ctx,
        d.enterprise_id,
        warningDraft(
          'digital_level_expired',
          d.id,
          causeKey('digital_level_expired', d.id),
          `数字化水平评测结果（${DIGITAL_LEVEL_ZH[d.level]}，${d.assessor}）有效期至${d.valid_to}，已过期且无新的有效结果。`,
        ),
      );
      if (id) raised++;
    }
    return { raised };
  });
}
