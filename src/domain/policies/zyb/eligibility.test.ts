import { describe, expect, it } from 'vitest';
import { ZYB_ELIGIBLE } from '../../../../tests/helpers/zyb-facts';
import { citationLabel } from '../core/citation';
import { type ConditionStatus, conditionMessage } from '../core/conditions';
import { evaluateZybEligibility, ZYB_RULES, type ZybEligibilityFacts, type ZybRuleCode } from './eligibility';

/** A manufacturer that meets every condition, declaring in the March 2024 window. */
const OK: ZybEligibilityFacts = {
  ...ZYB_ELIGIBLE,
  projectStatus: 'planned',
  projectStartOn: '2024-01-01',
  projectEndOn: '2026-12-31',
  loanDisbursedOn: '2024-03-01',
};

function check(facts: Partial<ZybEligibilityFacts>) {
  return evaluateZybEligibility({ ...OK, ...facts });
}

function statusOf(facts: Partial<ZybEligibilityFacts>, code: ZybRuleCode): ConditionStatus {
  return check(facts).conditions.find((c) => c.code === code)!.status;
}

describe('政银保 eligibility: the base case', () => {
  it('is eligible and evaluates all 16 conditions', () => {
    const e = check({});
    expect(e.status).toBe('eligible');
    expect(e.eligible).toBe(true);
    expect(e.conditions.map((c) => c.code)).toEqual(Object.keys(ZYB_RULES));
    expect(e.failures).toEqual([]);
    expect(e.unknown).toEqual([]);
  });
});

describe('each condition fails on its own, with a message naming the fact and a citation', () => {
  it.each<[string, Partial<ZybEligibilityFacts>, ZybRuleCode, string, string]>([
    [
      'service provider outside the pool',
      { applicantType: 'service_provider', inResourcePool: false },
      'ZYB_RESOURCE_POOL',
      '资源池',
      '第四条（二）1（2）',
    ],
    [
      'not registered in Jiangmen',
      { registeredInJiangmen: false },
      'ZYB_REGISTERED_IN_JIANGMEN',
      '注册登记',
      '申报指南 二',
    ],
    [
      'not operating in Jiangmen',
      { operatingInJiangmen: false },
      'ZYB_OPERATING_IN_JIANGMEN',
      '经营地址',
      '申报指南 二',
    ],
    ['not an SME', { isSme: false }, 'ZYB_SME', '中小企业', '申报指南 二'],
    ['bad credit', { creditGood: false }, 'ZYB_CREDIT_GOOD', '信用', '申报指南 二'],
    ['project outside the scope', { projectInScope: false }, 'ZYB_PROJECT_SCOPE', '数字化转型范围', '第四条'],
    [
      'project outside Jiangmen',
      { projectLocationInJiangmen: false },
      'ZYB_PROJECT_LOCATION',
      '实施地点',
      '申报指南 二（一）2',
    ],
    ['project completed', { projectStatus: 'completed' }, 'ZYB_PROJECT_STATUS', '已完成', '申报指南 三（二）'],
    [
      'project started 2022-12-31',
      { projectStartOn: '2022-12-31' },
      'ZYB_PROJECT_START',
      '2022-12-31',
      '申报指南 三（二）',
    ],
    [
      'project ends on the declaration day',
      { projectEndOn: '2024-03-12' },
      'ZYB_PROJECT_END',
      '2024-03-12',
      '申报指南 三（二）',
    ],
    [
      'loan disbursed 2022-12-31',
      { loanDisbursedOn: '2022-12-31' },
      'ZYB_LOAN_FROM',
      '2022-12-31',
      '申报指南 三（二）',
    ],
    [
      '2023 loan declared after 2024-06-30',
      { loanDisbursedOn: '2023-12-31', declaredOn: '2024-07-12' },
      'ZYB_LOAN_2023_DEADLINE',
      '2024-06-30',
      '申报指南 三（三）',
    ],
    [
      'loan 6 months and a day after declaring',
      { loanDisbursedOn: '2024-09-13' },
      'ZYB_LOAN_GAP',
      '2024-09-12',
      '申报指南 三（三）',
    ],
    [
      'declared outside the February 2024 window',
      { declaredOn: '2024-02-12', loanDisbursedOn: '2024-02-01' },
      'ZYB_FILING_WINDOW',
      '2024-02-20至2024-02-25',
      '申报指南 三（四）',
    ],
    [
      'declared outside an ordinary window',
      { declaredOn: '2024-03-16' },
      'ZYB_FILING_WINDOW',
      '2024-03-10至2024-03-15',
      '第七条（一）',
    ],
    [
      'declared before the rules took effect',
      { declaredOn: '2024-01-12', loanDisbursedOn: '2024-01-05' },
      'ZYB_POLICY_IN_FORCE',
      '2024-01-25',
      '第十五条',
    ],
  ])('%s', (_name, facts, code, mention, citation) => {
    const e = check(facts);
    expect(e.status).toBe('ineligible');
    expect(e.failures.map((f) => f.code)).toEqual([code]);
    const f = e.failures[0]!;
    expect(conditionMessage(f)).toContain(mention);
    expect(citationLabel(f.citation)).toContain(citation);
  });
});

describe('unknown facts are unknown, not failures', () => {
  it.each<[string, Partial<ZybEligibilityFacts>, ZybRuleCode[]]>([
    ['credit not yet checked', { creditGood: null }, ['ZYB_CREDIT_GOOD']],
    [
      'service provider, pool not confirmed',
      { applicantType: 'service_provider', inResourcePool: null },
      ['ZYB_RESOURCE_POOL'],
    ],
    ['no project start date', { projectStartOn: null }, ['ZYB_PROJECT_START']],
    ['loan not yet disbursed', { loanDisbursedOn: null }, ['ZYB_LOAN_FROM', 'ZYB_LOAN_GAP']],
  ])('%s', (_name, facts, codes) => {
    const e = check(facts);
    expect(e.status).toBe('undetermined');
    expect(e.eligible).toBe(false);
    expect(e.failures).toEqual([]);
    expect(e.unknown.map((u) => u.code)).toEqual(codes);
  });

  it('a loan not yet disbursed names the latest disbursement date', () => {
    const gap = check({ loanDisbursedOn: null }).unknown.find((u) => u.code === 'ZYB_LOAN_GAP')!;
    expect(conditionMessage(gap)).toContain('不晚于2024-09-12');
  });

  it('a loan not yet disbursed at a 2024 declaration cannot be a 2023 loan', () =>
    expect(statusOf({ loanDisbursedOn: null }, 'ZYB_LOAN_2023_DEADLINE')).toBe('not_applicable'));
});

describe('date boundaries', () => {
  it.each<[string, Partial<ZybEligibilityFacts>, ZybRuleCode, ConditionStatus]>([
    ['project starts 2023-01-01', { projectStartOn: '2023-01-01' }, 'ZYB_PROJECT_START', 'pass'],
    ['project starts 2022-12-31', { projectStartOn: '2022-12-31' }, 'ZYB_PROJECT_START', 'fail'],
    ['project ends the day after declaring', { projectEndOn: '2024-03-13' }, 'ZYB_PROJECT_END', 'pass'],
    ['project ends on the declaration day', { projectEndOn: '2024-03-12' }, 'ZYB_PROJECT_END', 'fail'],
    ['loan on 2023-01-01', { loanDisbursedOn: '2023-01-01' }, 'ZYB_LOAN_FROM', 'pass'],
    ['loan on 2022-12-31', { loanDisbursedOn: '2022-12-31' }, 'ZYB_LOAN_FROM', 'fail'],
    [
      '2023 loan, declared 2024-06-30',
      { loanDisbursedOn: '2023-05-01', declaredOn: '2024-06-30' },
      'ZYB_LOAN_2023_DEADLINE',
      'pass',
    ],
    [
      '2023 loan, declared 2024-07-01',
      { loanDisbursedOn: '2023-05-01', declaredOn: '2024-07-01' },
      'ZYB_LOAN_2023_DEADLINE',
      'fail',
    ],
    [
      '2023 loan: the 6-month rule does not apply',
      { loanDisbursedOn: '2023-01-01', declaredOn: '2024-06-12' },
      'ZYB_LOAN_GAP',
      'not_applicable',
    ],
    [
      '2024 loan: the 2023 deadline does not apply',
      { loanDisbursedOn: '2024-01-01' },
      'ZYB_LOAN_2023_DEADLINE',
      'not_applicable',
    ],
    [
      'loan first, declaration 6 months to the day',
      { loanDisbursedOn: '2024-03-15', declaredOn: '2024-09-15' },
      'ZYB_LOAN_GAP',
      'pass',
    ],
    [
      'loan first, declaration 6 months and a day',
      { loanDisbursedOn: '2024-03-15', declaredOn: '2024-09-16' },
      'ZYB_LOAN_GAP',
      'fail',
    ],
    [
      'declaration first, loan 6 months to the day',
      { declaredOn: '2024-03-12', loanDisbursedOn: '2024-09-12' },
      'ZYB_LOAN_GAP',
      'pass',
    ],
    [
      'declaration first, loan 6 months and a day',
      { declaredOn: '2024-03-12', loanDisbursedOn: '2024-09-13' },
      'ZYB_LOAN_GAP',
      'fail',
    ],
    [
      '2024-08-31 + 6 months = 2025-02-28 (clamped)',
      { loanDisbursedOn: '2024-08-31', declaredOn: '2025-02-28' },
      'ZYB_LOAN_GAP',
      'pass',
    ],
    [
      '2024-08-31 + 6 months, declared 2025-03-01',
      { loanDisbursedOn: '2024-08-31', declaredOn: '2025-03-01' },
      'ZYB_LOAN_GAP',
      'fail',
    ],
    [
      'declared 2024-02-29, loan 2024-08-29',
      { declaredOn: '2024-02-29', loanDisbursedOn: '2024-08-29' },
      'ZYB_LOAN_GAP',
      'pass',
    ],
    [
      'declared 2024-02-29, loan 2024-08-30 (counted from the earlier date)',
      { declaredOn: '2024-02-29', loanDisbursedOn: '2024-08-30' },
      'ZYB_LOAN_GAP',
      'fail',
    ],
    [
      'loan 2024-03-31 + 6 months = 2024-09-30 (clamped)',
      { loanDisbursedOn: '2024-03-31', declaredOn: '2024-09-30' },
      'ZYB_LOAN_GAP',
      'pass',
    ],
    [
      'declared 2024-01-25, first day in force',
      { declaredOn: '2024-01-25', loanDisbursedOn: '2024-01-05' },
      'ZYB_POLICY_IN_FORCE',
      'pass',
    ],
    ['declared 2024-01-24', { declaredOn: '2024-01-24', loanDisbursedOn: '2024-01-05' }, 'ZYB_POLICY_IN_FORCE', 'fail'],
    ['declared 2026-12-31, last day in force', { declaredOn: '2026-12-31' }, 'ZYB_POLICY_IN_FORCE', 'pass'],
    ['declared 2027-01-01', { declaredOn: '2027-01-01' }, 'ZYB_POLICY_IN_FORCE', 'fail'],
    [
      'declared 2024-06-16, the extended June window',
      { declaredOn: '2024-06-16', loanDisbursedOn: '2024-06-01' },
      'ZYB_FILING_WINDOW',
      'pass',
    ],
    [
      'declared 2024-02-20, the postponed February window',
      { declaredOn: '2024-02-20', loanDisbursedOn: '2024-02-01' },
      'ZYB_FILING_WINDOW',
      'pass',
    ],
    ['declared 2027-01-12: no 2027 holiday schedule yet', { declaredOn: '2027-01-12' }, 'ZYB_FILING_WINDOW', 'unknown'],
  ])('%s → %s', (_name, facts, code, status) => expect(statusOf(facts, code)).toBe(status));

  it('says when the six months were clamped to the month end', () => {
    const e = check({ loanDisbursedOn: '2024-08-31', declaredOn: '2025-03-01' });
    const gap = e.failures.find((f) => f.code === 'ZYB_LOAN_GAP')!;
    expect(conditionMessage(gap)).toContain('2025-02-31不存在，按该月末日2025-02-28计');
    expect(e.gap?.limit).toEqual({ date: '2025-02-28', clamped: true, requested: '2025-02-31' });
  });

  it('an expired policy names its end date and cites 第十五条', () => {
    const f = check({ declaredOn: '2027-01-12', loanDisbursedOn: '2026-12-01' }).failures.find(
      (x) => x.code === 'ZYB_POLICY_IN_FORCE',
    )!;
    expect(conditionMessage(f)).toContain('已失效');
    expect(conditionMessage(f)).toContain('2026-12-31');
    expect(citationLabel(f.citation)).toBe('江工信工业互联网〔2023〕33号 第十五条');
  });
});

describe('no short-circuit', () => {
  it('reports every failure and every unknown at once', () => {
    const e = check({
      registeredInJiangmen: false,
      isSme: false,
      projectStatus: 'completed',
      declaredOn: '2024-03-20',
      creditGood: null,
      projectEndOn: null,
    });
    expect(e.failures.map((f) => f.code)).toEqual([
      'ZYB_REGISTERED_IN_JIANGMEN',
      'ZYB_SME',
      'ZYB_PROJECT_STATUS',
      'ZYB_FILING_WINDOW',
    ]);
    expect(e.unknown.map((u) => u.code)).toEqual(['ZYB_CREDIT_GOOD', 'ZYB_PROJECT_END']);
  });
});

describe('simulation overrides', () => {
  it('a what-if gap of 7 months passes what the policy in force fails, without touching it', () => {
    const facts = { ...OK, loanDisbursedOn: '2024-10-12' };
    expect(evaluateZybEligibility(facts).status).toBe('ineligible');
    const sim = evaluateZybEligibility(facts, { overrides: { maxGapMonths: 7 } });
    expect(sim.status).toBe('eligible');
    expect(sim.paramsRead.find((p) => p.key === 'maxGapMonths')?.simulated).toBe(true);
    expect(evaluateZybEligibility(facts).status).toBe('ineligible');
  });
});
