/**
 * English mode of the main flows: with `Accept-Language: en` the project library, loans and subsidy answer in
 * English — field errors (the message and each field's message), business refusals, the live check's rule findings
 * and blockers, and the form's categories, investment items and materials. Without the header they stay Chinese.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, type World } from './helpers/loans-fixtures';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { draftOfNewManufacturer, type Library, setupLibrary } from './projects-fixtures';
import { CAMPAIGN_2025, staff } from './subsidy-fixtures';

const HAN = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en' };

let p: TestPlatform;
let lib: Library;

beforeAll(async () => {
  // 2024-03-20: after the March filing window (10–15) closed.
  p = await createTestPlatform({ now: '2024-03-20T02:00:00Z' });
  lib = await setupLibrary(p);
});
afterAll(async () => p.close());

function english(s: string) {
  expect(s, s).not.toMatch(HAN);
  expect(s.length).toBeGreaterThan(3);
}

describe('the project library in English', () => {
  it('the form’s categories, investment items and materials', async () => {
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const zh = (await s.get('/api/v1/declarations/form?form=manufacturer')).json();
    const en = (await s.get('/api/v1/declarations/form?form=manufacturer', EN)).json();
    expect(zh.categories.items[0].name).toBe('数字化系统');
    expect(en.categories.items[0].name).toBe('Digital systems');
    for (const list of [en.categories.items, en.investmentItems.items, en.materials])
      for (const i of list as Array<{ name: string }>) english(i.name);
  });

  it('the live check: rule findings, blockers and problems', async () => {
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const body = { name: '数字化车间', categories: ['out_of_scope'] };
    const zh = (await s.post('/api/v1/declarations/check', body)).json();
    const en = (await s.post('/api/v1/declarations/check', body, EN)).json();
    expect(zh.eligibility.conditions[0].message).toMatch(HAN);
    expect(zh.blockers[0].message).toMatch(HAN);
    for (const c of en.eligibility.conditions as Array<{ message: string }>) english(c.message);
    const scope = en.eligibility.conditions.find((c: { code: string }) => c.code === 'ZYB_PROJECT_SCOPE');
    expect(scope).toMatchObject({
      status: 'fail',
      message: 'The project lies within manufacturing digital transformation: not met',
    });
    for (const b of en.blockers as Array<{ message: string }>) english(b.message);
    for (const x of en.problems as Array<{ message: string }>) english(x.message);
    for (const l of en.materials.lines as Array<{ name: string }>) english(l.name);
  });

  it('a refusal (outside the filing window) and a field error, with each field’s message', async () => {
    const { s, id } = await draftOfNewManufacturer(lib);
    const zh = await s.post(`/api/v1/declarations/${id}/submit`);
    const en = await s.post(`/api/v1/declarations/${id}/submit`, undefined, EN);
    expect(zh.statusCode).toBe(422);
    expect(en.json().error.code).toBe('FILING_WINDOW_CLOSED');
    expect(zh.json().error.message).toMatch(HAN);
    english(en.json().error.message);

    const bad = { name: '车间', investments: [{ item: 'software', amount: '-5' }] };
    const fz = await s.post('/api/v1/declarations', bad);
    const fe = await s.post('/api/v1/declarations', bad, EN);
    expect(fz.statusCode).toBe(400);
    expect(fe.statusCode).toBe(400);
    expect(fz.json().error.fields[0].message).toMatch(HAN);
    english(fe.json().error.message);
    for (const f of fe.json().error.fields as Array<{ message: string }>) english(f.message);
  });
});

describe('loans in English', () => {
  let w: World;
  let bank: Session;
  beforeAll(async () => {
    w = await makeWorld(p.deps);
    bank = await loginAs(p.app, w.users.bankA!.username, w.users.bankA!.password);
  });
  const body = (over: Record<string, unknown>) => ({
    enterpriseUscc: w.e1.uscc,
    contractNo: 'JM-ZYB-EN-0001',
    purpose: 'working_capital',
    amount: '1000000.00',
    annualRate: '0.0385',
    termMonths: 48,
    disbursedAt: '2024-03-15T10:30:00+08:00',
    coverInstitutionId: w.insurer.id,
    ...over,
  });

  it('a rule the service checks (the term cap) names the field in English, message and fields alike', async () => {
    const zh = await bank.post('/api/v1/loans', body({}));
    const en = await bank.post('/api/v1/loans', body({}), EN);
    expect(zh.statusCode, zh.body).toBe(400);
    expect(zh.json().error.message).toMatch(HAN);
    expect(zh.json().error.fields[0].message).toMatch(HAN);
    expect(en.statusCode).toBe(400);
    english(en.json().error.message);
    expect(en.json().error.fields[0]).toMatchObject({ path: 'termMonths' });
    english(en.json().error.fields[0].message);
  });

  it('a business refusal: the same contract number with other terms', async () => {
    expect((await bank.post('/api/v1/loans', body({ termMonths: 24 }))).statusCode).toBe(201);
    const zh = await bank.post('/api/v1/loans', body({ termMonths: 12 }));
    const en = await bank.post('/api/v1/loans', body({ termMonths: 12 }), EN);
    expect(zh.statusCode).toBe(409);
    expect(en.json().error.code).toBe('LOAN_CONTRACT_EXISTS');
    expect(zh.json().error.message).toMatch(HAN);
    english(en.json().error.message);
  });
});

describe('subsidy in English', () => {
  it('refusals of the campaign and the allocation', async () => {
    p.clock.set('2025-03-15T02:00:00Z');
    const admin = await staff(p, 'city_admin');
    const created = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025);
    expect(created.statusCode, created.body).toBe(201);
    const again = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025, EN);
    expect(again.json().error.code).toBe('CAMPAIGN_EXISTS');
    english(again.json().error.message);
    const bad = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, year: 2027, budget: '-1' }, EN);
    expect(bad.statusCode).toBe(400);
    english(bad.json().error.message);
    for (const f of bad.json().error.fields as Array<{ message: string }>) english(f.message);
    const commit = await admin.post(
      `/api/v1/subsidy/campaigns/${created.json().id}/allocation-runs`,
      { dryRun: false },
      EN,
    );
    expect(commit.json().error.code).toBe('CAMPAIGN_STILL_OPEN');
    english(commit.json().error.message);
  });
});
