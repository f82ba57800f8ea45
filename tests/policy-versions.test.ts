/**
 * Renewing the 政银保 rules by notice: a city administrator drafts a version for 2027–2029 with a new ratio
 * schedule, a second person approves it, and decisions then apply it to 2027 interest while 2026 interest keeps
 * the rules of 江工信工业互联网〔2023〕33号. The public library lists both versions, their status on a date and
 * what changed.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { type RuleMakers, ruleMakers, signedIn } from './helpers/people';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { zybApplicationJson } from './helpers/zyb-facts';
import { apply, CAMPAIGN_2025, makeApplicant, staff } from './subsidy-fixtures';

let p: TestPlatform;
let people: RuleMakers;
/** A second city administrator. */
let otherAdmin: Session;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-12-02T02:00:00Z' });
  people = await ruleMakers(p);
  otherAdmin = await signedIn(p, 'city_admin');
});
afterAll(async () => p.close());

const NOTICE = '江工信工业互联网〔2026〕50号';
const SOURCE = `江门市工业和信息化局 江门市财政局关于延续实施“政银保”融资项目促进制造业数字化转型贷款贴息政策的通知
${NOTICE}

各县（市、区）工业和信息化主管部门、财政局：
第一条 延续实施《江门市“政银保”融资项目促进制造业数字化转型贷款贴息实施细则》，除本通知调整的内容外，继续按原实施细则执行。
第二条 企业第一年获得的补助比例为“政银保”融资项目实际发生贷款利息的80%，该比例每年递减20%。
第三条 本通知自2027年1月1日起实施，有效期至2029年12月31日。
`;

const renewal = (over: Record<string, unknown> = {}) => ({
  docNumber: NOTICE,
  title: '关于延续实施“政银保”贷款贴息政策的通知',
  issuer: '江门市工业和信息化局、江门市财政局',
  issuedOn: '2026-11-30',
  validFrom: '2027-01-01',
  validTo: '2029-12-31',
  sourceText: SOURCE,
  params: {
    validityArticle: { ref: ['第三条'], quote: '有效期至2029年12月31日' },
    changes: {
      firstYearRatio: { value: '0.80', article: { ref: ['第二条'], quote: '实际发生贷款利息的80%' } },
      annualDecrement: { value: '0.20', article: { ref: ['第二条'], quote: '该比例每年递减20%' } },
    },
  },
  ...over,
});

/** An eligible manufacturer in its second subsidy year; C = 1, so S = I × R. */
const decision = zybApplicationJson;

const decide = (body: Record<string, unknown>) => people.pub.post('/api/v1/calculators/zyb-decision', decision(body));

let id: string;
let before2025: string[];

describe('drafting a renewal', () => {
  it('keeps 2024–2026 decisions as they were, and refuses 2027 interest while no version covers it', async () => {
    const d2025 = await decide({ asOf: '2025-03-01' });
    expect(d2025.statusCode).toBe(200);
    expect(d2025.json().award).toBe('40000.00'); // 50,000 × (90% − 10%)
    before2025 = d2025.json().explanation;

    const r = await decide({ asOf: '2028-03-01' });
    expect(r.json()).toMatchObject({
      status: 'ineligible',
      award: '0.00',
      interestPeriod: { from: '2027-01-01', to: '2027-12-31' },
      version: null,
    });
    const refusal = r.json().eligibility.failures.find((c: { code: string }) => c.code === 'ZYB_INTEREST_PERIOD');
    expect(refusal.citation).toBe('江工信工业互联网〔2023〕33号 第十五条');
    expect(refusal.message).toContain('2027-01-01至2027-12-31不在任何政策版本的适用期内');
  });

  it('is for the city administrator only', async () => {
    expect((await people.reviewer.post('/api/v1/policy-versions', renewal())).statusCode).toBe(403);
    expect((await people.district.post('/api/v1/policy-versions', renewal())).statusCode).toBe(403);
    expect((await people.pub.post('/api/v1/policy-versions', renewal())).statusCode).toBe(401);
  });

  it('refuses an article that the pasted notice does not contain, in Chinese', async () => {
    const bad = renewal({
      params: {
        validityArticle: { ref: ['第三条'], quote: '有效期至2029年12月31日' },
        changes: { firstYearRatio: { value: '0.80', article: { ref: ['第九条'], quote: '80%' } } },
      },
    });
    const r = await people.maker.post('/api/v1/policy-versions', bad);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('在通知原文中找不到：原文未找到“第九条”');
    const badValue = renewal({
      params: {
        validityArticle: { ref: ['第三条'], quote: '有效期至2029年12月31日' },
        changes: { firstYearRatio: { value: '80%', article: { ref: ['第二条'], quote: '80%' } } },
      },
    });
    const v = await people.maker.post('/api/v1/policy-versions', badValue);
    expect(v.statusCode).toBe(400);
    expect(v.json().error.message).toContain('应为0至1之间的小数');
  });

  it('records the draft; the public library does not show it', async () => {
    const r = await people.maker.post(
      '/api/v1/policy-versions',
      renewal({ title: '关于延续实施贴息政策的通知（草）' }),
    );
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    const list = await people.pub.get('/api/v1/policies/zyb.interest/versions');
    expect(list.json().versions.map((v: { id: string }) => v.id)).toEqual(['zyb.000']);
    expect((await people.pub.get(`/api/v1/policies/zyb.interest/versions/${id}`)).statusCode).toBe(404);
    const city = await people.reviewer.get('/api/v1/policy-versions');
    expect(city.json().versions.map((v: { id: string; status: string }) => [v.id, v.status])).toEqual([
      ['zyb.000', 'approved'],
      [id, 'draft'],
    ]);
  });

  it('lets the drafter correct the draft', async () => {
    const r = await people.maker.put(`/api/v1/policy-versions/${id}`, renewal());
    expect(r.statusCode).toBe(200);
  });

  it('is not approved by the person who drafted it (maker–checker)', async () => {
    const r = await people.maker.post(`/api/v1/policy-versions/${id}/approve`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('起草人以外');
    expect((await people.district.post(`/api/v1/policy-versions/${id}/approve`)).statusCode).toBe(403);
    // Still a draft: 2027 interest is still refused.
    expect((await decide({ asOf: '2028-03-01' })).json().status).toBe('ineligible');
  });
});

describe('approval by a second person', () => {
  it('puts the version in force and records who did what', async () => {
    const r = await people.reviewer.post(`/api/v1/policy-versions/${id}/approve`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id, superseded: [] });
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'policy_version'), eq(auditEvents.objectId, id)));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['policy_version.drafted', people.maker.userId],
      ['policy_version.draft_updated', people.maker.userId],
      ['policy_version.approved', people.reviewer.userId],
    ]);
  });

  it('never edits an approved version, nor approves it twice', async () => {
    const r = await otherAdmin.put(`/api/v1/policy-versions/${id}`, renewal({ title: '改' }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('已批准的政策版本不能修改');
    expect((await otherAdmin.post(`/api/v1/policy-versions/${id}/approve`)).statusCode).toBe(409);
  });

  it('applies the renewal to 2027 interest, naming the version and its article', async () => {
    const r = await decide({ asOf: '2028-03-01' });
    const body = r.json();
    expect(body.status).toBe('award');
    expect(body.award).toBe('30000.00'); // 50,000 × (80% − 20%)
    expect(body.version).toEqual({ id, docNumber: NOTICE, validFrom: '2027-01-01', validTo: '2029-12-31' });
    expect(body.trace.version.id).toBe(id);
    const ratio = body.trace.params.find((x: { key: string }) => x.key === 'firstYearRatio');
    expect(ratio).toMatchObject({ citation: `${NOTICE} 第二条`, from: '2027-01-01', to: '2029-12-31' });
    expect(body.explanation.join('\n')).toContain(`全部在${NOTICE}（有效期2027-01-01至2029-12-31）的适用期内`);
  });

  it('keeps the old version for 2026 interest decided in 2027', async () => {
    const body = (await decide({ asOf: '2027-03-01' })).json();
    expect(body.interestPeriod).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(body.award).toBe('40000.00');
    expect(body.version.id).toBe('zyb.000');
    const ratio = body.trace.params.find((x: { key: string }) => x.key === 'firstYearRatio');
    expect(ratio.citation).toBe('江工信工业互联网〔2023〕33号 第五条');
  });

  it('splits interest straddling the end date by days and says so', async () => {
    const body = (
      await decide({ asOf: '2027-08-01', interestPeriod: { from: '2026-07-01', to: '2027-06-30' } })
    ).json();
    // 50,000 × 184/365 × 80% + 50,000 × 181/365 × 60% = 20,164.38… + 14,876.71… → 35,041.10
    expect(body.award).toBe('35041.10');
    expect(body.periodParts).toEqual([
      {
        from: '2026-07-01',
        to: '2026-12-31',
        days: 184,
        versionId: 'zyb.000',
        docNumber: '江工信工业互联网〔2023〕33号',
      },
      { from: '2027-01-01', to: '2027-06-30', days: 181, versionId: id, docNumber: NOTICE },
    ]);
    expect(body.explanation.join('\n')).toContain('跨越政策版本的起止日期，按日拆分、利息按日数比例分摊');
  });

  it('leaves the 2025 decision word for word as before', async () => {
    expect((await decide({ asOf: '2025-03-01' })).json().explanation).toEqual(before2025);
  });

  it('refuses a bad interest period in Chinese', async () => {
    const r = await decide({ asOf: '2028-03-01', interestPeriod: { from: '2027-12-31', to: '2027-01-01' } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('结束日期不能早于开始日期');
  });
});

describe('the public policy library', () => {
  it('shows every version, its status on a date and what changed from the previous one', async () => {
    const r = await people.pub.get('/api/v1/policies/zyb.interest/versions?asOf=2027-06-01');
    expect(r.statusCode).toBe(200);
    const [first, second] = r.json().versions;
    expect(first).toMatchObject({ id: 'zyb.000', statusOn: 'expired', builtIn: true });
    expect(second).toMatchObject({ id, statusOn: 'in_force', status: 'approved', docNumber: NOTICE });
    expect(
      second.changes.map((c: { key: string; before: string; after: string; citation: string }) => [
        c.key,
        c.before,
        c.after,
        c.citation,
      ]),
    ).toEqual([
      ['validity', '2024-01-25至2026-12-31', '2027-01-01至2029-12-31', `${NOTICE} 第三条`],
      ['firstYearRatio', '90%', '80%', `${NOTICE} 第二条`],
      ['annualDecrement', '10%', '20%', `${NOTICE} 第二条`],
    ]);
    const onDec = await people.pub.get('/api/v1/policies/zyb.interest/versions?asOf=2026-12-02');
    expect(onDec.json().versions.map((v: { statusOn: string }) => v.statusOn)).toEqual(['in_force', 'not_yet']);
    const detail = await people.pub.get(`/api/v1/policies/zyb.interest/versions/${id}`);
    expect(detail.json().sourceText).toContain('第二条 企业第一年获得的补助比例');
  });
});

describe('a subsidy campaign for 2027 interest', () => {
  it('decides the application with the renewal in force for its interest period', async () => {
    p.clock.set('2028-03-10T02:00:00Z');
    const admin = await staff(p, 'city_admin');
    const city = await staff(p, 'city_reviewer');
    const c = await admin.post('/api/v1/subsidy/campaigns', {
      ...CAMPAIGN_2025,
      year: 2028,
      title: '2028年度政银保贴息申请',
      interestFrom: '2027-01-01',
      interestTo: '2027-12-31',
      applyFrom: '2028-03-01',
      applyTo: '2028-04-30',
    });
    expect(c.statusCode, c.body).toBe(201);
    const a = await makeApplicant(p, { paidDates: ['2027-01-15', '2027-03-15'] });
    const r = await apply(a, c.json().id, {
      interestFrom: '2027-01-01',
      interestTo: '2027-12-31',
      loans: [{ loanId: a.loanId, claimedInterest: '30000.00' }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const d = (await city.get(`/api/v1/subsidy/applications/${r.id}`)).json();
    // I = 30,000, R = 80% (the renewal's first year), C = 1.5M / 5M = 30% → 7,200.00 (8,100.00 under the old 90%)
    expect(d.decision.amount).toBe('7200.00');
    expect(d.decision.citations.join(' ')).toContain(`${NOTICE} 第二条`);
  });
});

describe('the API documentation', () => {
  it('documents the versions and the decision endpoint', async () => {
    const doc = (await people.pub.get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/policy-versions',
        '/api/v1/policy-versions/{id}/approve',
        '/api/v1/policies/zyb.interest/versions',
        '/api/v1/calculators/zyb-decision',
      ]),
    );
  });
});
