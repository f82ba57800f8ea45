/**
 * Defects found by an independent reading of the texts, each pinned by a test that failed before its fix: the
 * partial-overlap window quotes 申报指南 三（四）'s 部分重复 sentence; a decrement in percentage points is said so;
 * a loan not yet disbursed is not printed as "null"; a campaign's notice period is at least 7 days (003 第十一条).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { ELIGIBLE_MANUFACTURER } from './helpers/zyb-facts';
import { CAMPAIGN_2025, staff } from './subsidy-fixtures';

let p: TestPlatform;
let pub: Session;
let admin: Session;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  pub = anonymous(p.app);
  admin = await staff(p, 'city_admin');
});
afterAll(async () => p.close());

const FACTS = {
  ...ELIGIBLE_MANUFACTURER,
  projectStartOn: '2024-01-15',
  projectEndOn: '2027-12-31',
};

describe('filing windows', () => {
  it('a window extended for a partial overlap quotes the 部分重复 sentence (2024-06, 端午)', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-eligibility', {
      ...FACTS,
      declaredOn: '2024-06-16',
      loanDisbursedOn: '2024-05-20',
    });
    const w = r.json().conditions.find((c: { code: string }) => c.code === 'ZYB_FILING_WINDOW');
    expect(w.status).toBe('pass');
    expect(w.source.quote).toBe('如遇节假日与入库申报日期有部分重复，则延长重复部分的时间');
  });

  it('a window postponed for a whole overlap still quotes the 完全重复 sentence (2024-02, 春节)', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-eligibility', {
      ...FACTS,
      declaredOn: '2024-02-20',
      loanDisbursedOn: '2024-02-01',
    });
    const w = r.json().conditions.find((c: { code: string }) => c.code === 'ZYB_FILING_WINDOW');
    expect(w.source.quote).toBe('如遇节假日与入库申报周期完全重复');
  });
});

describe('wording', () => {
  it('the yearly decrease is said in percentage points', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-subsidy', {
      interestPaid: '50000.00',
      yearIndex: 2,
      digitalInvestment: '5000000.00',
      loanAmount: '5000000.00',
      receivedSoFar: '0.00',
      asOf: '2025-03-01',
    });
    const text = r.json().explanation.join('\n');
    expect(text).toContain('参数：补助比例每年递减10个百分点（依据');
    expect(text).not.toContain('（百分点）：10%');
  });

  it('a loan not yet disbursed is "尚未放款", never "null"', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-eligibility', {
      ...FACTS,
      declaredOn: '2025-03-12',
      loanDisbursedOn: null,
    });
    const messages = r
      .json()
      .conditions.map((c: { message: string }) => c.message)
      .join('\n');
    expect(messages).not.toContain('null');
    expect(messages).toContain(
      '贷款尚未放款，入库申报日期2025-03-12已晚于2023年，不是2023年放款的贷款，不适用本项截止日',
    );
  });
});

describe('the notice period of a campaign', () => {
  it.each([1, 6])('refuses %i days, citing 003 第十一条', async (days) => {
    const r = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, year: 2040 + days, noticeDays: days });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('公示期不少于7天');
    expect(r.json().error.message).toContain('第十一条');
  });

  it('accepts 7 days and defaults to 7', async () => {
    const r = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, year: 2050, noticeDays: 7 });
    expect(r.statusCode).toBe(201);
    const { noticeDays: _omit, ...rest } = CAMPAIGN_2025;
    const d = await admin.post('/api/v1/subsidy/campaigns', { ...rest, year: 2051 });
    expect(d.statusCode).toBe(201);
    expect(d.json().noticeDays).toBe(7);
  });
});
