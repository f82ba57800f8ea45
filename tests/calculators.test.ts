import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { ZYB_ELIGIBLE } from './helpers/zyb-facts';

let p: TestPlatform;
let pub: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  pub = anonymous(p.app);
});
afterAll(async () => p.close());

const eligible = { ...ZYB_ELIGIBLE, projectEndOn: '2025-12-31' };

describe('public policy endpoints', () => {
  it('GET /api/v1/filing-windows gives the guide’s two worked examples', async () => {
    const r = await pub.get('/api/v1/filing-windows?year=2024');
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.year).toBe(2024);
    expect(body.windows).toHaveLength(12);
    const feb = body.windows.find((w: { month: string }) => w.month === '2024-02');
    expect(feb).toMatchObject({
      opens: '2024-02-20',
      closes: '2024-02-25',
      shifted: true,
      reason: expect.stringContaining('春节'),
    });
    const jun = body.windows.find((w: { month: string }) => w.month === '2024-06');
    expect(jun).toMatchObject({ opens: '2024-06-10', closes: '2024-06-16', shifted: true });
  });

  it('refuses a bad year with a Chinese message naming the field', async () => {
    const r = await pub.get('/api/v1/filing-windows?year=abc');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('VALIDATION_FAILED');
    expect(r.json().error.message).toContain('年份');
    expect(r.json().error.fields[0].path).toBe('year');
  });

  it('POST /api/v1/calculators/zyb-subsidy computes S = I × R × C exactly', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-subsidy', {
      interestPaid: '50000.00',
      yearIndex: 1,
      digitalInvestment: '3000000.00',
      loanAmount: '5000000.00',
      receivedSoFar: '0.00',
    });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect(b).toMatchObject({ amount: '27000.00', ratio: '0.90', capped: false });
    expect(b.explanation.join('')).toContain('第五条');
  });

  it('caps the subsidy at what is left of ¥1,000,000', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-subsidy', {
      interestPaid: '500000.00',
      yearIndex: 1,
      digitalInvestment: '9000000.00',
      loanAmount: '5000000.00',
      receivedSoFar: '990000.00',
    });
    expect(r.json()).toMatchObject({ amount: '10000.00', capped: true });
  });

  it('refuses an amount with three decimals, naming the field', async () => {
    const r = await pub.post('/api/v1/calculators/zyb-subsidy', {
      interestPaid: '50000.001',
      yearIndex: 1,
      digitalInvestment: '3000000.00',
      loanAmount: '5000000.00',
      receivedSoFar: '0.00',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain('interestPaid');
  });

  it('POST /api/v1/calculators/zyb-eligibility lists every failure with a citation', async () => {
    const ok = await pub.post('/api/v1/calculators/zyb-eligibility', eligible);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ eligible: true, failures: [] });

    const bad = await pub.post('/api/v1/calculators/zyb-eligibility', {
      ...eligible,
      isSme: false,
      projectStartOn: '2022-12-31',
      declaredOn: '2024-03-20',
      loanDisbursedOn: null,
    });
    const b = bad.json();
    expect(b.eligible).toBe(false);
    expect(b.failures.length).toBeGreaterThanOrEqual(3);
    for (const f of b.failures) {
      expect(f.code).toBeTruthy();
      expect(f.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(f.citation).toBeTruthy();
    }
    expect(b.unknown.length).toBeGreaterThanOrEqual(1);
  });

  it('POST /api/v1/calculators/policy-match marks expired measures and estimates amounts', async () => {
    const r = await pub.post('/api/v1/calculators/policy-match', {
      asOf: '2026-11-21',
      enterprise: {
        registeredInJiangmen: true,
        operatingInJiangmen: true,
        isSme: true,
        creditGood: true,
        applicantType: 'manufacturer',
      },
      includeIneligible: true,
    });
    expect(r.statusCode).toBe(200);
    const policies = r.json().policies as { id: string; validity: { status: string } }[];
    expect(policies.some((x) => x.validity.status === 'in_force')).toBe(true);
    expect(policies.some((x) => x.validity.status === 'expired')).toBe(true);
    const bad = await pub.post('/api/v1/calculators/policy-match', { asOf: '2026-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('asOf');
  });

  it('lists the policy library with validity and serves the source text', async () => {
    const r = await pub.get('/api/v1/policies?asOf=2026-11-21');
    expect(r.statusCode).toBe(200);
    const policies = r.json().policies as { id: string; validity: { status: string } }[];
    expect(policies.length).toBeGreaterThan(5);
    const statuses = new Set(policies.map((x) => x.validity.status));
    expect(statuses.has('in_force')).toBe(true);
    expect(statuses.has('expired')).toBe(true);
    const src = await pub.get('/api/v1/policies/sources/000');
    expect(src.json().text).toContain('第十四条');
    expect((await pub.get('/api/v1/policies/sources/999')).statusCode).toBe(400);
  });

  it('publishes these paths in the OpenAPI 3.1 document', async () => {
    const doc = (await pub.get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const path of [
      '/api/v1/filing-windows',
      '/api/v1/calculators/zyb-subsidy',
      '/api/v1/calculators/zyb-eligibility',
      '/api/v1/calculators/policy-match',
    ]) {
      expect(doc.paths[path]).toBeTruthy();
    }
  });
});
