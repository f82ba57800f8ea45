/**
 * The readings the engine follows once the bureau rules on them: each ruling, recorded by a city administrator and
 * approved by a second person, applies to decisions dated from its effective date on, earlier decisions keep the
 * previous reading, and the trace names the reading and the ruling —
 *  - 000 第五条 "企业第一年": the subsidy year counted per loan (the platform's reading) or per enterprise;
 *  - 001 三（四） extension days that are themselves holidays: left to a window notice, or carried past the holiday;
 *  - 004 措施13 "支持额度不低于100万元": the measure's budget (default) or a floor per award;
 *  - ties in the allocation's ranking: submission time then id (default), or the id alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RuleMakers, ruleMakers } from './helpers/people';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { ELIGIBLE_MANUFACTURER } from './helpers/zyb-facts';
import { apply, CAMPAIGN_2025, makeApplicant, subsidyStaff, verify } from './subsidy-fixtures';

let p: TestPlatform;
let people: RuleMakers;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  people = await ruleMakers(p);
});
afterAll(async () => p.close());

/** Records and approves a ruling (maker–checker); returns its id. */
async function rule(interpretationId: string, option: string, effectiveFrom: string, notice: string) {
  const r = await people.maker.post('/api/v1/interpretations/rulings', {
    interpretationId,
    option,
    effectiveFrom,
    notice,
    noticeDate: effectiveFrom,
    reason: '市工业和信息化局就条文的理解作出说明',
  });
  expect(r.statusCode, r.body).toBe(201);
  const ok = await people.reviewer.post(`/api/v1/interpretations/rulings/${r.json().id}/approve`);
  expect(ok.statusCode, ok.body).toBe(200);
  return r.json().id as string;
}

type Step = { code: string; text: string; citation: string | null };
const steps = (b: { trace: { steps: Step[] } }) => b.trace.steps.filter((s) => s.code === 'interpretation');
const reading = (b: { readings: { interpretationId: string }[] }, id: string) =>
  b.readings.find((r) => r.interpretationId === id);

describe('000 第五条 "企业第一年"', () => {
  /** The loan's first subsidised year is this one; the enterprise's was two years ago. */
  const decide = (asOf: string) =>
    people.pub.post('/api/v1/calculators/zyb-decision', {
      ...ELIGIBLE_MANUFACTURER,
      projectStartOn: '2025-01-15',
      projectEndOn: '2028-12-31',
      declaredOn: '2025-03-12',
      loanDisbursedOn: '2025-02-01',
      interestPaid: '50000.00',
      yearIndex: 1,
      enterpriseYearIndex: 3,
      digitalInvestment: '5000000.00',
      loanAmount: '5000000.00',
      asOf,
      interestPeriod: { from: '2025-02-01', to: '2025-12-31' },
    });

  it("is counted per enterprise (the text's subject) before the bureau rules, and the trace says so", async () => {
    const b = (await decide('2026-03-01')).json();
    expect(b.subsidy).toMatchObject({ ratio: '0.70', amount: '35000.00' });
    expect(reading(b, 'zyb.first_year_subject')).toMatchObject({ option: 'per_enterprise', isDefault: true });
    expect(steps(b).map((s) => s.citation)).toHaveLength(3);
    expect(b.explanation.join('\n')).toContain('按企业计算：企业首次获得本贴息的年度为第一年（平台默认读法');
  });

  it('is counted per loan for decisions from the ruling’s date, with the ruling in the trace', async () => {
    const id = await rule('zyb.first_year_subject', 'per_loan', '2026-06-01', '江工信函〔2026〕21号');
    const after = (await decide('2026-06-01')).json();
    expect(after.subsidy).toMatchObject({ ratio: '0.90', amount: '45000.00' });
    expect(reading(after, 'zyb.first_year_subject')).toMatchObject({ option: 'per_loan', rulingId: id });
    expect(after.explanation.join('\n')).toContain(
      '解释口径““企业第一年”的年度按企业还是按贷款计算”：按贷款计算：每笔贷款首次获得本贴息的年度为第一年（依江工信函〔2026〕21号裁定，自2026-06-01起适用）',
    );
    const before = (await decide('2026-05-31')).json();
    expect(before.subsidy).toMatchObject({ ratio: '0.70', amount: '35000.00' });
    expect(reading(before, 'zyb.first_year_subject')).toMatchObject({ option: 'per_enterprise', isDefault: true });
  });
});

describe('001 三（四） extension days inside the holiday (2026-02: 春节 2月15–23日 covers the 15th)', () => {
  const decide = (asOf: string) =>
    people.pub.post('/api/v1/calculators/zyb-decision', {
      ...ELIGIBLE_MANUFACTURER,
      projectStartOn: '2026-01-05',
      projectEndOn: '2028-12-31',
      declaredOn: '2026-02-24',
      loanDisbursedOn: '2026-01-20',
      interestPaid: '10000.00',
      yearIndex: 1,
      digitalInvestment: '5000000.00',
      loanAmount: '5000000.00',
      asOf,
      interestPeriod: { from: '2026-01-20', to: '2026-12-31' },
    });
  const windowOf = (b: { eligibility: { conditions: { code: string; status: string; message: string }[] } }) =>
    b.eligibility.conditions.find((c) => c.code === 'ZYB_FILING_WINDOW')!;

  it('by default closes on the 16th, inside the holiday, and flags it for a window notice', async () => {
    const b = (await decide('2026-03-01')).json();
    expect(windowOf(b).status).toBe('fail');
    expect(windowOf(b).message).toContain('2026-02-10至2026-02-16');
    expect(windowOf(b).message).toContain('延长日仍在假期内');
    expect(windowOf(b).message).toContain('平台默认读法');
  });

  it('carried past the holiday from the ruling’s date: the window closes on the 24th', async () => {
    const id = await rule('zyb.window_extension_in_holiday', 'working_days', '2026-03-10', '江工信函〔2026〕30号');
    const after = (await decide('2026-03-10')).json();
    expect(windowOf(after).status).toBe('pass');
    expect(windowOf(after).message).toContain('2026-02-10至2026-02-24');
    expect(windowOf(after).message).toContain('延长的日期遇假期顺延至假期后');
    expect(reading(after, 'zyb.window_extension_in_holiday')).toMatchObject({ option: 'working_days', rulingId: id });
    expect(steps(after).map((s) => s.text)).toContainEqual(expect.stringContaining('依江工信函〔2026〕30号裁定'));
    const before = (await decide('2026-03-09')).json();
    expect(windowOf(before).status).toBe('fail');
  });
});

describe('004 措施13 "支持额度不低于100万元"', () => {
  const match = (asOf: string) =>
    people.pub.post('/api/v1/calculators/policy-match', {
      asOf,
      events: { first_set_equipment: true },
      figures: { firstSetUnitPrice: '2000000.00' },
    });
  const firstSet = (b: { policies: { id: string }[] }) =>
    b.policies.find((x) => x.id === 'm2023.first_set') as unknown as {
      estimate: { amount: string; explanation: string[] };
    };

  it('is the measure’s budget by default: 30% of ¥2,000,000 is not raised', async () => {
    const b = (await match('2025-03-01')).json();
    expect(firstSet(b).estimate.amount).toBe('600000.00');
    expect(
      b.readingsInForce.find((r: { interpretationId: string }) => r.interpretationId === 'iifund.measure13_floor'),
    ).toMatchObject({ option: 'measure_budget', isDefault: true, engineSwitches: true });
  });

  it('is a floor per award from the ruling’s date on', async () => {
    await rule('iifund.measure13_floor', 'award_floor', '2025-05-01', '江工信函〔2025〕12号');
    const after = (await match('2025-05-01')).json();
    expect(firstSet(after).estimate.amount).toBe('1000000.00');
    expect(firstSet(after).estimate.explanation.join('\n')).toContain('依江工信函〔2025〕12号裁定，自2025-05-01起适用');
    expect(
      after.readingsInForce.find((r: { interpretationId: string }) => r.interpretationId === 'iifund.measure13_floor'),
    ).toMatchObject({ option: 'award_floor', notice: '江工信函〔2025〕12号' });
    expect(firstSet((await match('2025-04-30')).json()).estimate.amount).toBe('600000.00');
  });
});

describe('ties in the ranking', () => {
  let admin: Session;
  let city: Session;
  let district: Session;
  const early = 'ffffffff-ffff-4fff-bfff-fffffffffff1';
  const late = '00000000-0000-4000-8000-000000000001';
  let campaignId: string;

  beforeAll(async () => {
    ({ admin, city, district } = await subsidyStaff(p));
    // Budget for one application of 8,100.00; both declare in the same month with loans disbursed at the same time.
    const res = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, budget: '8100.00' });
    campaignId = res.json().id;
    for (const id of [early, late]) {
      const a = await makeApplicant(p, { disbursedAt: '2024-04-01T02:00:00Z' });
      const r = await apply(a, campaignId, { id });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await verify(district, city, r.id);
      p.clock.advance(60_000);
    }
  });

  const dryRun = async () => {
    const r = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, { dryRun: true });
    expect(r.statusCode, r.body).toBe(200);
    const run = (await admin.get(`/api/v1/subsidy/allocation-runs/${r.json().id}`)).json();
    const funded = r.json().rows.find((x: { awarded: string }) => x.awarded !== '0.00').applicationId;
    return { funded, parameters: run.parameters as { ties: string; readings: string[] } };
  };

  it('go to the earlier submission by default, and the run names the reading', async () => {
    const { funded, parameters } = await dryRun();
    expect(funded).toBe(early);
    expect(parameters.ties).toContain('仍相同时依次比较申请提交时间、申请编号');
    expect(parameters.ties).toContain('解释口径“排序中的并列”：先按提交时间，再按申请编号（平台默认读法');
  });

  it('a ruling from a date after the campaign’s decision date leaves it; one before it applies', async () => {
    await rule('ranking.ties', 'id_only', '2025-01-01', '江工信函〔2025〕40号');
    expect((await dryRun()).funded).toBe(early);
    await rule('ranking.ties', 'id_only', '2024-12-01', '江工信函〔2024〕41号');
    const { funded, parameters } = await dryRun();
    expect(funded).toBe(late);
    expect(parameters.ties).toContain('仍相同时比较申请编号');
    expect(parameters.ties).toContain('依江工信函〔2024〕41号裁定，自2024-12-01起适用');
  });
});
