import { describe, expect, it } from 'vitest';
import { fenToYuan, yuanToFen } from '../money/index';
import { CATALOGUE, getPolicy, matchPolicies, policyValidityAsOf } from './catalogue';
import { citationLabel } from './core/citation';
import { conditionMessage } from './core/conditions';
import { validityStatus } from './core/param';
import { explain } from './core/trace';
import type { EnterpriseFacts } from './facts';

const TODAY = '2026-11-21';
const policy = (id: string) => {
  const p = getPolicy(id);
  if (!p) throw new Error(`no policy ${id}`);
  return p;
};
const status = (id: string, asOf: string) => validityStatus(policy(id).validity[0]!.value, asOf);

describe('validity as of a date', () => {
  it.each([
    ['zyb.interest', '2024-01-24', 'not_yet'],
    ['zyb.interest', '2024-01-25', 'in_force'],
    ['zyb.interest', TODAY, 'in_force'],
    ['zyb.interest', '2026-12-31', 'in_force'],
    ['zyb.interest', '2027-01-01', 'expired'],
    ['iifund.benchmark', '2021-05-15', 'not_yet'],
    ['iifund.benchmark', '2021-05-16', 'in_force'],
    ['iifund.benchmark', '2024-05-15', 'in_force'], // 3 years from 2021-05-16
    ['iifund.benchmark', '2024-05-16', 'expired'],
    ['iifund.benchmark', TODAY, 'expired'],
    ['m2023.quality_award_national', '2023-04-28', 'not_yet'],
    ['m2023.quality_award_national', '2023-04-29', 'in_force'],
    ['m2023.quality_award_national', '2025-12-31', 'in_force'],
    ['m2023.quality_award_national', '2026-01-01', 'expired'],
    ['m2023.quality_award_national', TODAY, 'expired'],
    // 措施9 carries its own period, "2023 至 2025 年", which governs (末段: 从其规定)
    ['m2023.tech_upgrade_provincial', '2023-01-01', 'in_force'],
    ['m2023.tech_upgrade_provincial', '2026-01-01', 'expired'],
  ])('%s on %s: %s', (id, asOf, expected) => expect(status(id, asOf)).toBe(expected));

  it.each([
    ['zyb.interest', 'in_force', '江工信工业互联网〔2023〕33号 第十五条'],
    ['iifund.cloud', 'expired', '江工信工业互联网〔2021〕4号 第十八条 （2021年5月16日印发）'],
    ['m2023.aeo', 'expired', '江府〔2023〕11号 末段'],
  ])('policyValidityAsOf(%s, today) → %s, citing %s', (id, expected, label) => {
    const v = policyValidityAsOf(policy(id), TODAY);
    expect(v.status).toBe(expected);
    expect(citationLabel(v.citation)).toBe(label);
  });

  it('today every policy of 003 and 004 has expired; only 政银保 is in force', () => {
    const inForce = CATALOGUE.filter((p) => p.evaluate({}, TODAY).validityStatus === 'in_force').map((p) => p.id);
    expect(inForce).toEqual(['zyb.interest']);
  });
});

describe('amounts the texts fix', () => {
  const ev = (id: string, facts: EnterpriseFacts, asOf = '2025-06-01') => policy(id).evaluate(facts, asOf);
  const est = (id: string, facts: EnterpriseFacts, asOf?: string) => {
    const e = ev(id, facts, asOf).estimate;
    return [e.kind, e.amount === null ? null : fenToYuan(e.amount)];
  };

  it.each([
    ['m2023.quality_award_national', 'exact', '2000000.00'],
    ['m2023.quality_award_national_nomination', 'exact', '1000000.00'],
    ['m2023.quality_award_provincial', 'exact', '1000000.00'],
    ['m2023.quality_award_provincial_nomination', 'exact', '500000.00'],
    ['m2023.quality_award_municipal', 'exact', '500000.00'],
    ['m2023.quality_innovation_center', 'exact', '100000.00'],
    ['m2023.little_giant', 'exact', '1000000.00'],
    ['m2023.single_champion', 'exact', '1200000.00'],
    ['m2023.clean_production_excellent', 'exact', '80000.00'],
    ['m2023.clean_production', 'exact', '50000.00'],
    ['m2023.aeo', 'exact', '50000.00'],
    ['m2023.scale_up', 'up_to', '200000.00'],
    ['m2023.shareholding_reform', 'up_to', '300000.00'],
    ['m2023.listing', 'up_to', '5300000.00'],
    ['m2023.overseas_warehouse_build', 'up_to', '200000.00'],
    ['m2023.overseas_warehouse_use', 'up_to', '500000.00'],
    ['m2023.cluster_pilot_provincial', 'up_to', '20000000.00'],
    ['m2023.cluster_pilot_municipal', 'up_to', '5000000.00'],
    ['m2023.benchmark', 'up_to', '1000000.00'],
    ['m2023.cloud', 'up_to', '600000.00'],
    ['m2023.export_credit_insurance', 'up_to', '1000000.00'],
    ['m2023.imports', 'up_to', '500000.00'],
    ['m2023.bonded_logistics', 'up_to', '2000000.00'],
    ['m2023.innovation_center_national', 'up_to', '30000000.00'],
    ['m2023.innovation_center_provincial', 'up_to', '10000000.00'],
    ['m2023.headquarters', 'up_to', '10000000.00'],
    ['m2023.solid_waste', 'up_to', '20000000.00'],
    ['m2023.exhibitions', 'by_notice', null],
    ['m2023.zjtx_credit_loan_interest', 'by_notice', null],
    ['m2023.transfer_platform', 'by_notice', null],
  ])('%s: %s %s', (id, kind, amount) => expect(est(id, {})).toEqual([kind, amount]));

  it.each([
    [
      'technical upgrade, provincial: 20% ≤ ¥50,000,000',
      'm2023.tech_upgrade_provincial',
      { newEquipmentPurchase: '10000000.00' },
      ['up_to', '2000000.00'],
    ],
    [
      'technical upgrade, provincial, capped',
      'm2023.tech_upgrade_provincial',
      { newEquipmentPurchase: '300000000.00' },
      ['up_to', '50000000.00'],
    ],
    [
      'technical upgrade, municipal: 10% ≤ ¥3,000,000',
      'm2023.tech_upgrade_municipal',
      { newEquipmentPurchase: '10000000.00' },
      ['up_to', '1000000.00'],
    ],
    [
      'technical upgrade, municipal, capped',
      'm2023.tech_upgrade_municipal',
      { newEquipmentPurchase: '50000000.00' },
      ['up_to', '3000000.00'],
    ],
    // 首台（套）: 30% of the unit price, "支持额度不低于100万元" — not a cap; by default the measure's budget
    [
      'first set: 30% of ¥5,000,000, no cap',
      'm2023.first_set',
      { firstSetUnitPrice: '5000000.00' },
      ['exact', '1500000.00'],
    ],
    [
      'first set: 30% of ¥100,000,000 is not capped at ¥1,000,000',
      'm2023.first_set',
      { firstSetUnitPrice: '100000000.00' },
      ['exact', '30000000.00'],
    ],
    [
      'first set: 30% of ¥2,000,000 is not raised (the ¥1,000,000 is the measure’s budget by default)',
      'm2023.first_set',
      { firstSetUnitPrice: '2000000.00' },
      ['exact', '600000.00'],
    ],
    [
      'IP pledge: 50% of interest paid',
      'm2023.ip_pledge_interest',
      { ipPledgeInterestPaid: '100000.00' },
      ['exact', '50000.00'],
    ],
    [
      'IP pledge: ≤ ¥200,000 a firm a year',
      'm2023.ip_pledge_interest',
      { ipPledgeInterestPaid: '1000000.00' },
      ['exact', '200000.00'],
    ],
    [
      'IP pledge: less this year’s',
      'm2023.ip_pledge_interest',
      { ipPledgeInterestPaid: '1000000.00', ipPledgeReceivedThisYear: '180000.00' },
      ['exact', '20000.00'],
    ],
    [
      'special fund benchmark: 50% ≤ ¥1,000,000, competitive',
      'iifund.benchmark',
      { iifundBenchmarkInvestment: '1000000.00' },
      ['up_to', '500000.00'],
    ],
    [
      'special fund benchmark capped',
      'iifund.benchmark',
      { iifundBenchmarkInvestment: '3000000.00' },
      ['up_to', '1000000.00'],
    ],
    [
      'special fund cloud: 80% ≤ ¥600,000',
      'iifund.cloud',
      { iifundCloudInvestment: '1000000.00' },
      ['up_to', '600000.00'],
    ],
    [
      'special fund cloud below the cap',
      'iifund.cloud',
      { iifundCloudInvestment: '500000.00' },
      ['up_to', '400000.00'],
    ],
    [
      'cluster firm: 80% ≤ ¥500,000',
      'iifund.cluster',
      { iifundClusterInvestment: '1000000.00' },
      ['up_to', '500000.00'],
    ],
    [
      'cluster firm: cut by the ¥5,000,000 cluster ceiling',
      'iifund.cluster',
      { iifundClusterInvestment: '1000000.00', iifundClusterAwardedSoFar: '4800000.00' },
      ['up_to', '200000.00'],
    ],
  ])('%s', (_name, id, figures, expected) => {
    const f = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, yuanToFen(v)]));
    expect(est(id, { figures: f }, id.startsWith('iifund') ? '2023-06-01' : '2025-06-01')).toEqual(expected);
  });

  it('the first-set ¥1,000,000 follows the register: the measure’s budget by default, a floor per award by ruling', () => {
    const facts = { events: { first_set_equipment: true }, figures: { firstSetUnitPrice: yuanToFen('2000000.00') } };
    const byDefault = policy('m2023.first_set').evaluate(facts, '2025-06-01');
    expect(byDefault.estimate.amount).toBe(60_000_000n);
    expect(explain(byDefault.estimate.trace!).join('\n')).toContain(
      '支持额度下限1,000,000.00元按该措施的资金总额下限理解，不据此提高单个项目的金额：600,000.00元。',
    );
    expect(explain(byDefault.estimate.trace!).join('\n')).toContain('平台默认读法');
    const ruling = {
      id: 'r1',
      interpretationId: 'iifund.measure13_floor',
      option: 'award_floor',
      effectiveFrom: '2025-05-01',
      notice: '江工信函〔2025〕9号',
      noticeDate: '2025-04-20',
      approvedAt: '2025-04-21T00:00:00.000Z',
    };
    const ruled = policy('m2023.first_set').evaluate(facts, '2025-06-01', { rulings: [ruling] });
    expect(ruled.estimate.amount).toBe(100_000_000n);
    expect(explain(ruled.estimate.trace!).join('\n')).toContain('原文为下限，不是上限');
    expect(explain(ruled.estimate.trace!).join('\n')).toContain('依江工信函〔2025〕9号裁定，自2025-05-01起适用');
    const before = policy('m2023.first_set').evaluate(facts, '2025-04-30', { rulings: [ruling] });
    expect(before.estimate.amount).toBe(60_000_000n);
  });

  it('standards: ≤ ¥300,000 per standard', () => {
    expect(est('m2023.standards', { counts: { standardsCount: 3 } })).toEqual(['up_to', '900000.00']);
    expect(est('m2023.standards', {})[0]).toBe('unknown');
  });

  it('talent training: ¥1,000,000 is the programme’s yearly budget and 10 sessions / 500 trainees its targets', () => {
    const e = ev('iifund.talent', { counts: { talentTrainingSessions: 9, talentTrainees: 600 } }, '2023-06-01');
    // Not an amount an enterprise claims, and 9 sessions is not a failed condition.
    expect([e.estimate.kind, e.estimate.amount]).toEqual(['by_notice', null]);
    expect(e.estimate.note).toContain('是该项目的年度预算（第八条（四）），不是单个企业可获得的金额');
    expect(e.estimate.note).toContain('是项目的工作目标，不是申报条件');
    expect(e.eligibility.conditions.map((c) => c.code)).not.toContain('IIF_TALENT_SESSIONS');
    expect(e.eligibility.failures).toEqual([]);
  });

  it('what-if overrides apply to one evaluation only', () => {
    const p = policy('m2023.quality_award_national');
    const sim = p.evaluate({}, '2025-01-01', {
      overrides: { 'm2023.quality_award_national': { amount: 300_000_000n } },
    });
    expect(fenToYuan(sim.estimate.amount!)).toBe('3000000.00');
    expect(explain(sim.estimate.trace!).join('')).toContain('模拟值');
    expect(fenToYuan(p.evaluate({}, '2025-01-01').estimate.amount!)).toBe('2000000.00');
  });
});

describe('special fund eligibility (江工信工业互联网〔2021〕4号 第九条)', () => {
  const good: EnterpriseFacts = {
    enterprise: {
      registeredInJiangmen: true,
      establishedOn: '2022-04-30',
      independentLegalEntity: true,
      projectOtherFiscalSupport: false,
      fiscalRecordGood3y: true,
      creditGood3y: true,
      noMajorAccidents3y: true,
      isSme: true,
    },
    events: { iifund_cloud_project: true },
  };

  it('is met by a firm with every fact', () => {
    expect(policy('iifund.cloud').evaluate(good, '2023-05-01').eligibility.status).toBe('eligible');
  });

  it.each([
    ['established less than a year before', { establishedOn: '2022-05-02' }, 'IIF_ESTABLISHED_1Y', '2023-05-02'],
    [
      'the project had other fiscal support',
      { projectOtherFiscalSupport: true },
      'IIF_NO_OTHER_FISCAL',
      '其他财政资金',
    ],
    ['credit problems in three years', { creditGood3y: false }, 'IIF_CREDIT_3Y', '经营异常名录'],
    ['a major accident', { noMajorAccidents3y: false }, 'IIF_NO_ACCIDENTS', '事故'],
    ['not an SME (cloud direction)', { isSme: false }, 'IIF_CLOUD_SME', '中小企业'],
  ])('fails when %s', (_name, change, code, mention) => {
    const e = policy('iifund.cloud').evaluate({ ...good, enterprise: { ...good.enterprise, ...change } }, '2023-05-01');
    const f = e.eligibility.failures.find((x) => x.code === code)!;
    expect(f).toBeDefined();
    expect(conditionMessage(f)).toContain(mention);
  });

  it('established exactly a year before passes', () => {
    const e = policy('iifund.cloud').evaluate(
      { ...good, enterprise: { ...good.enterprise, establishedOn: '2022-05-01' } },
      '2023-05-01',
    );
    expect(e.eligibility.status).toBe('eligible');
  });
});

describe('matchPolicies', () => {
  it('lists what may be claimed today, expired ones marked, failed ones left out', () => {
    const matches = matchPolicies(
      {
        enterprise: { isSme: true, registeredInJiangmen: true },
        events: { quality_award_national: true, aeo_first_advanced: false, ip_pledge_loan: true },
      },
      TODAY,
    );
    const ids = matches.map((m) => m.policy.id);
    expect(ids[0]).toBe('zyb.interest');
    expect(matches[0]!.claimable).toBe(true);
    expect(ids).not.toContain('m2023.aeo');
    const q = matches.find((m) => m.policy.id === 'm2023.quality_award_national')!;
    expect([q.evaluation.validityStatus, q.claimable, q.outcome]).toEqual(['expired', false, 'eligible']);
    expect(matches.filter((m) => m.claimable).map((m) => m.policy.id)).toEqual(['zyb.interest']);
  });

  it('marks 措施2 and the special fund’s awards for the same kind of project as mutually exclusive (003 第九条（二）)', () => {
    const matches = matchPolicies(
      {
        events: {
          municipal_benchmark: true,
          iifund_benchmark_project: true,
          municipal_cloud: true,
          iifund_cloud_project: true,
        },
      },
      '2024-01-10',
    );
    const of = (id: string) => matches.find((m) => m.policy.id === id)!;
    expect(of('m2023.benchmark').claimable).toBe(true);
    expect(of('iifund.benchmark').claimable).toBe(true);
    expect(of('m2023.benchmark').exclusiveWith).toEqual(['iifund.benchmark']);
    expect(of('iifund.benchmark').exclusiveWith).toEqual(['m2023.benchmark']);
    expect(of('m2023.cloud').exclusiveWith).toEqual(['iifund.cloud']);
    expect(of('iifund.cloud').notes.join('\n')).toContain(
      '与“市级中小企业上云上平台项目扶持”互斥：同一项目只能择一申请——江工信工业互联网〔2021〕4号 第九条（二）要求申报项目未获得过其他财政资金支持',
    );
    // Once the special fund has expired there is nothing to choose between.
    const later = matchPolicies(
      { events: { municipal_benchmark: true, iifund_benchmark_project: true } },
      '2025-01-10',
    );
    expect(later.find((m) => m.policy.id === 'm2023.benchmark')!.exclusiveWith).toEqual([]);
  });

  it('includes failed ones on request', () => {
    const all = matchPolicies({ events: { aeo_first_advanced: false } }, TODAY, { includeIneligible: true });
    expect(all).toHaveLength(CATALOGUE.length);
    expect(all.find((m) => m.policy.id === 'm2023.aeo')?.outcome).toBe('ineligible');
  });

  it('without a declaration date, assumes the next filing window and says so', () => {
    const zyb = matchPolicies({}, TODAY).find((m) => m.policy.id === 'zyb.interest')!;
    expect(zyb.notes.join('')).toContain('2026-12-10至2026-12-15');
    expect(zyb.evaluation.eligibility.unknown.length).toBeGreaterThan(5);
    expect(zyb.evaluation.estimate.kind).toBe('unknown');
  });

  it('estimates the 政银保 amount from the facts', () => {
    const zyb = matchPolicies(
      {
        zyb: {
          interestPaid: yuanToFen('50000.00'),
          digitalInvestment: yuanToFen('3000000.00'),
          loanAmount: yuanToFen('5000000.00'),
        },
      },
      TODAY,
    ).find((m) => m.policy.id === 'zyb.interest')!;
    expect([zyb.evaluation.estimate.kind, fenToYuan(zyb.evaluation.estimate.amount!)]).toEqual(['exact', '27000.00']);
  });

  it('notes 就高不重复 when several interest subsidies are claimable at once', () => {
    const m = matchPolicies({ events: { ip_pledge_loan: true } }, '2025-03-01');
    const ip = m.find((x) => x.policy.id === 'm2023.ip_pledge_interest')!;
    expect(ip.claimable).toBe(true);
    expect(ip.notes.join('')).toContain('就高不重复');
  });

  it('orders in-force eligible first, then to prove, then not yet, then expired', () => {
    const m = matchPolicies({ events: { new_little_giant: true } }, '2025-03-01');
    expect(m[0]!.policy.id).toBe('m2023.little_giant');
    const statuses = m.map((x) => x.evaluation.validityStatus);
    expect(statuses.lastIndexOf('in_force')).toBeLessThan(statuses.indexOf('expired'));
  });
});
