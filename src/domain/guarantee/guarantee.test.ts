import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratio } from '../money/index';
import { locateCitation } from '../policies/core/citation';
import { computeFeeSubsidy } from './fee-subsidy';
import {
  AWARD_ENHANCEMENT_BASIS,
  FEE_SUBSIDY_BASIS,
  GUARANTEE_PARAMS,
  guaranteeParam,
  RISK_COMPENSATION_BASIS,
} from './params';
import { computeCompensation, poolReturnOf } from './risk-compensation';
import { recoveryReportOverdue, riskTransition } from './risk-workflow';

const base = {
  guaranteedAmount: 10_000_000_00n,
  periodFrom: '2026-01-01',
  periodTo: '2026-12-31',
  usedThisYear: 0n,
  otherSubsidies: [],
};

describe('guarantee-fee subsidy', () => {
  it('is the fee paid × ratio when the fee is under the ceiling, with the citation in Chinese', () => {
    const r = computeFeeSubsidy({ ...base, feePaid: 100_000_00n });
    // ceiling: 10,000,000 × 1.5% × 365/365 = 150,000 → fee counted 100,000 × 50% = 50,000
    expect(r.ceilingFee).toBe(150_000_00n);
    expect(r.amount).toBe(50_000_00n);
    expect(r.explanation.join('')).toContain('珠海市中小企业数字化转型融资服务工作方案 三（五）1');
    expect(r.explanation.join('')).toContain('演示');
  });

  it('counts the fee only up to the fee-rate ceiling for the period, rounding once half up', () => {
    // 181 days: ceiling = 10,000,000 × 0.015 × 181/365 = 74,383.5616…; × 0.5 = 37,191.78082… → 37,191.78
    const r = computeFeeSubsidy({ ...base, periodTo: '2026-06-30', feePaid: 200_000_00n });
    expect(r.ceilingFee).toBe(7_438_356n);
    expect(r.amount).toBe(3_719_178n);
    expect(r.explanation.join('')).toContain('按上限计算');
  });

  it('applies the per-enterprise yearly cap on what is already awarded this year', () => {
    const r = computeFeeSubsidy({ ...base, feePaid: 100_000_00n, usedThisYear: 180_000_00n });
    expect(r.amount).toBe(20_000_00n);
    expect(r.capped).toBe(true);
    const none = computeFeeSubsidy({ ...base, feePaid: 100_000_00n, usedThisYear: 250_000_00n });
    expect(none.amount).toBe(0n);
  });

  it('does not stack: a higher (or equal) other subsidy of the same fee wins, a lower one gives way', () => {
    const higher = computeFeeSubsidy({
      ...base,
      feePaid: 100_000_00n,
      otherSubsidies: [{ name: '区担保费补贴', amount: 50_000_00n }],
    });
    expect(higher.amount).toBe(0n);
    expect(higher.winner).toBe('区担保费补贴');
    expect(higher.explanation.join('')).toContain('就高不重复');
    const lower = computeFeeSubsidy({
      ...base,
      feePaid: 100_000_00n,
      otherSubsidies: [{ name: '区担保费补贴', amount: 10_000_00n }],
    });
    expect(lower.amount).toBe(50_000_00n);
    expect(lower.winner).toBe('ours');
  });
});

describe('risk compensation', () => {
  it('is the net loss × share, cut by the per-loan cap (the contract example)', () => {
    const r = computeCompensation({
      loss: 1_000_000_00n,
      recoveredBeforeClaim: 200_000_00n,
      share: ratio('0.50'),
      limits: [{ amount: 300_000_00n, label: '单笔贷款补偿上限', citation: null }],
    });
    expect(r.ok && r.compensation).toBe(300_000_00n);
    expect(r.ok && r.netLoss).toBe(800_000_00n);
    expect(r.ok && r.limitedBy).toBe('单笔贷款补偿上限');
    expect(poolReturnOf(300_000_00n, 800_000_00n, 100_000_00n)).toBe(37_500_00n);
  });

  it('rounds once, half up', () => {
    const r = computeCompensation({ loss: 1_00n, recoveredBeforeClaim: 0n, share: ratio('0.305') });
    // 100 fen × 0.305 = 30.5 fen → 31
    expect(r.ok && r.compensation).toBe(31n);
  });

  it('refuses when the shares on the loan would pass 100% of the loss', () => {
    const r = computeCompensation({
      loss: 100_00n,
      recoveredBeforeClaim: 0n,
      share: ratio('0.40'),
      otherSharesOnLoan: [ratio('0.70')],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.code).toBe('SHARES_ABOVE_WHOLE');
    const exact = computeCompensation({
      loss: 100_00n,
      recoveredBeforeClaim: 0n,
      share: ratio('0.30'),
      otherSharesOnLoan: [ratio('0.70')],
    });
    expect(exact.ok).toBe(true);
  });

  it('never pays more than the actual loss, counting the other claims on the loan and an award used as security', () => {
    const r = computeCompensation({
      loss: 1_000_00n,
      recoveredBeforeClaim: 100_00n,
      awardOffset: 400_00n,
      share: ratio('1'),
      otherCompensationOnLoan: 300_00n,
    });
    expect(r.ok && r.netLoss).toBe(500_00n);
    expect(r.ok && r.compensation).toBe(200_00n);
    expect(r.ok && r.explanation.join('')).toContain('三（五）3');
    const none = computeCompensation({ loss: 100_00n, recoveredBeforeClaim: 100_00n, share: ratio('0.5') });
    expect(none.ok).toBe(false);
  });

  it('takes the pool balance and the institution yearly cap as limits', () => {
    const r = computeCompensation({
      loss: 1_000_00n,
      recoveredBeforeClaim: 0n,
      share: ratio('0.5'),
      limits: [
        { amount: 400_00n, label: '机构年度补偿上限余额', citation: null },
        { amount: 120_00n, label: '风险补偿资金池余额', citation: null },
      ],
    });
    expect(r.ok && r.compensation).toBe(120_00n);
    expect(r.ok && r.limitedBy).toBe('风险补偿资金池余额');
  });

  it('returns recoveries pro rata on the running total, never above the compensation', () => {
    expect(poolReturnOf(1n, 3n, 1n)).toBe(0n);
    expect(poolReturnOf(300_00n, 800_00n, 900_00n)).toBe(300_00n);
    expect(poolReturnOf(0n, 800_00n, 100_00n)).toBe(0n);
  });
});

describe('risk claim workflow', () => {
  it('needs a second, different approver above the threshold', () => {
    expect(riskTransition({ status: 'district_passed', action: 'city_approve', needsSecondApprover: true })).toEqual({
      ok: true,
      to: 'awaiting_second',
    });
    expect(riskTransition({ status: 'district_passed', action: 'city_approve', needsSecondApprover: false })).toEqual({
      ok: true,
      to: 'approved',
    });
    const same = riskTransition({
      status: 'awaiting_second',
      action: 'second_approve',
      firstApprover: 'u1',
      actorId: 'u1',
    });
    expect(same.ok).toBe(false);
    expect(
      riskTransition({ status: 'awaiting_second', action: 'second_approve', firstApprover: 'u1', actorId: 'u2' }),
    ).toEqual({ ok: true, to: 'approved' });
  });

  it('refuses steps out of order and returns without a reason', () => {
    expect(riskTransition({ status: 'submitted', action: 'pay' }).ok).toBe(false);
    expect(riskTransition({ status: 'submitted', action: 'district_return', reason: ' ' }).ok).toBe(false);
  });

  it('flags recoveries reported after the deadline', () => {
    expect(recoveryReportOverdue('2026-01-01', '2026-01-31', 30)).toBe(false);
    expect(recoveryReportOverdue('2026-01-01', '2026-02-01', 30)).toBe(true);
  });
});

describe('the demo notice', () => {
  it('cites plan clauses that exist, and the bank share plus any cover share never pass 100%', () => {
    const text = readFileSync(
      join(import.meta.dirname, '..', 'policies', 'sources', '002_e53bacea870a8c13.txt'),
      'utf8',
    );
    for (const c of [FEE_SUBSIDY_BASIS, RISK_COMPENSATION_BASIS, AWARD_ENHANCEMENT_BASIS])
      expect(locateCitation(text, c).ok).toBe(true);
    for (const i of GUARANTEE_PARAMS.bankShare.keys()) {
      const bank = ratio(GUARANTEE_PARAMS.bankShare[i]!.value);
      for (const cover of [GUARANTEE_PARAMS.guarantorShare[i]!.value, GUARANTEE_PARAMS.insurerShare[i]!.value]) {
        const c = ratio(cover);
        expect(bank.num * c.den + c.num * bank.den <= bank.den * c.den).toBe(true);
      }
    }
    expect(guaranteeParam('feeSubsidyRatio', '2026-06-01').citation.docNumber).toContain('演示');
  });
});
