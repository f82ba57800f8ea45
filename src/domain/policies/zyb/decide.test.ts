import { describe, expect, it } from 'vitest';
import { ZYB_APPLICATION } from '../../../../tests/helpers/zyb-facts';
import { fenToYuan, yuanToFen } from '../../money/index';
import { explain, traceToJson } from '../core/trace';
import { decideZybApplication, type ZybApplicationFacts, type ZybCompetingFacts } from './decide';

/** Eligible manufacturer; 50,000 interest, C = 0.6 → ¥27,000 under this policy. */
const BASE = ZYB_APPLICATION;
const AS_OF = '2025-03-01'; // 江府〔2023〕11号 still in force

function decide(facts: Partial<ZybApplicationFacts> = {}, asOf = AS_OF) {
  return decideZybApplication({ ...BASE, ...facts }, { asOf });
}

describe('complete decision', () => {
  it('awards the subsidy with eligibility, trace and the district verification deadline', () => {
    const d = decide();
    expect(d.status).toBe('award');
    expect(fenToYuan(d.award)).toBe('27000.00');
    expect(d.eligibility.status).toBe('eligible');
    // February 2024 window 20–25, closes on a Sunday; 5 working days from the next day (第七条（二）)
    expect(d.verificationDue?.date).toBe('2024-03-01');
    expect(d.nonStacking.chosen).toBe('zyb.interest');
    const text = explain(d.trace).join('\n');
    expect(text).toContain('资格审查：共16项条件');
    expect(text).toContain('县（市、区）核实时限');
    expect(text).toContain('2024年3月1日');
    expect(text).toContain('贰万柒仟元整');
  });

  it.each([
    ['ineligible', { isSme: false }, 'ineligible'],
    ['loan not yet disbursed', { loanDisbursedOn: null }, 'undetermined'],
  ] as const)('%s → %s, nothing awarded, amount still computed', (_name, facts, status) => {
    const d = decide(facts);
    expect(d.status).toBe(status);
    expect(d.award).toBe(0n);
    expect(fenToYuan(d.subsidy.amount)).toBe('27000.00');
  });

  it('the trace says when the six-month limit was clamped to the month end', () => {
    const d = decide({ loanDisbursedOn: '2024-08-31', declaredOn: '2025-02-12' });
    expect(d.status).toBe('award');
    expect(explain(d.trace).join('\n')).toContain(
      '自2024-08-31起6个自然月为2025-02-28（2025-02-31不存在，按该月末日计）',
    );
  });

  it('reports the policy’s validity at the decision date separately from eligibility', () => {
    expect(decide({}, '2027-03-01').policyStatusAsOf).toBe('expired');
    expect(decide({}, '2026-11-21').policyStatusAsOf).toBe('in_force');
  });

  it('serialises its trace', () => {
    const json = traceToJson(decide({ competing: { ipPledgeLoan: true } }).trace);
    expect(JSON.parse(JSON.stringify(json)).result.value).toBe('27000.00');
  });
});

describe('就高不重复 (第十四条, 申报指南 六（三）): only the highest interest subsidy is awarded', () => {
  it.each<[string, Partial<ZybApplicationFacts>, ZybCompetingFacts, string | null, string, boolean]>([
    ['IP-pledge 50% = 25,000 < 27,000 → this policy', {}, { ipPledgeLoan: true }, 'zyb.interest', '27000.00', true],
    [
      'IP-pledge 25,000 > 9,000 (C = 0.2) → IP pledge, this policy superseded',
      { digitalInvestment: yuanToFen('1000000.00') },
      { ipPledgeLoan: true },
      'm2023.ip_pledge_interest',
      '25000.00',
      true,
    ],
    [
      'a tie (C = 5/9 → 25,000 each) goes to this policy',
      { digitalInvestment: yuanToFen('5.00'), loanAmount: yuanToFen('9.00') },
      { ipPledgeLoan: true },
      'zyb.interest',
      '25000.00',
      true,
    ],
    [
      'IP-pledge capped at ¥200,000 a firm a year',
      { interestPaid: yuanToFen('600000.00'), digitalInvestment: yuanToFen('1000000.00') },
      { ipPledgeLoan: true },
      'm2023.ip_pledge_interest',
      '200000.00',
      true,
    ],
    [
      'IP-pledge cap less what the firm already got this year',
      { interestPaid: yuanToFen('600000.00'), digitalInvestment: yuanToFen('100000.00') },
      { ipPledgeLoan: true, ipPledgeReceivedThisYear: yuanToFen('150000.00') },
      'm2023.ip_pledge_interest',
      '50000.00',
      true,
    ],
    ['not an IP-pledge loan → this policy', {}, { ipPledgeLoan: false }, 'zyb.interest', '27000.00', true],
    [
      '专精特新 credit loan, amount by notice not yet known → incomplete',
      {},
      { zjtxEnterprise: true, commercialCreditLoan: true },
      'zyb.interest',
      '27000.00',
      false,
    ],
    [
      '专精特新 credit loan with the notice’s amount 30,000 → that subsidy',
      {},
      { zjtxEnterprise: true, commercialCreditLoan: true, zjtxNoticeAmount: yuanToFen('30000.00') },
      'm2023.zjtx_credit_loan_interest',
      '30000.00',
      true,
    ],
    [
      'not a credit loan → no competition',
      {},
      { zjtxEnterprise: true, commercialCreditLoan: false, zjtxNoticeAmount: yuanToFen('30000.00') },
      'zyb.interest',
      '27000.00',
      true,
    ],
  ])('%s', (_name, facts, competing, chosen, amount, complete) => {
    const d = decide({ ...facts, competing });
    expect(d.nonStacking.chosen).toBe(chosen);
    expect(fenToYuan(d.nonStacking.amount)).toBe(amount);
    expect(d.nonStacking.complete).toBe(complete);
    expect(d.status).toBe(chosen === 'zyb.interest' ? 'award' : 'superseded');
    expect(d.award).toBe(chosen === 'zyb.interest' ? d.subsidy.amount : 0n);
    // the others stay in the trace
    expect(d.nonStacking.candidates.length).toBeGreaterThan(1);
    expect(explain(d.trace).join('\n')).toContain('就高不重复');
  });

  it('keeps the competitors’ own traces', () => {
    const d = decide({ competing: { ipPledgeLoan: true } });
    expect(d.trace.alternatives?.map((t) => t.policy)).toEqual(['m2023.ip_pledge_interest']);
    expect(explain(d.trace).join('\n')).toContain('同时计算的知识产权质押融资贴息');
  });

  it('江府〔2023〕11号 has expired by 2026-11-21: its subsidies no longer compete', () => {
    const d = decide({ digitalInvestment: yuanToFen('1000000.00'), competing: { ipPledgeLoan: true } }, '2026-11-21');
    expect(d.nonStacking.chosen).toBe('zyb.interest');
    const ip = d.nonStacking.candidates.find((c) => c.policyId === 'm2023.ip_pledge_interest')!;
    expect([ip.qualifies, ip.validityStatus]).toEqual(['no', 'expired']);
    expect(ip.note).toContain('已失效');
  });

  it('an ineligible application is never chosen, even when it would be highest', () => {
    const d = decide({ isSme: false, competing: { ipPledgeLoan: true } });
    expect(d.nonStacking.chosen).toBe('m2023.ip_pledge_interest');
    expect(d.status).toBe('ineligible');
  });
});
