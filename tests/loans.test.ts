/**
 * 政银保 loans through the HTTP API: a bank records a loan and its repayments (web session and bank token),
 * validation names fields in Chinese, records are idempotent on their natural keys, every write is audited,
 * and each role sees exactly the loans in its scope (404 otherwise).
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents, loanRepayments, loans } from '../src/db/schema';
import { interestPaidByLoan } from '../src/services/loans/interest';
import { makeEnterprise } from './helpers/factories';
import {
  contractNumbers,
  createWorldPlatform,
  enterpriseIn,
  loanOfE1,
  makeApiToken,
  makeNumberedProject,
  validUscc,
  type World,
} from './helpers/loans-fixtures';
import { anonymous, type Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let w: World;
let s: Record<string, Session>;

beforeAll(async () => {
  ({ p, w, s } = await createWorldPlatform());
});
afterAll(async () => p.close());

const nextContract = contractNumbers('JM-ZYB-2026-');
const loanBody = (over: Record<string, unknown> = {}) => loanOfE1(w, nextContract(), over);

async function auditCount(action: string, objectId?: string): Promise<number> {
  const rows = await p.deps.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(
      objectId
        ? and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId))
        : eq(auditEvents.action, action),
    );
  return rows[0]!.n;
}

describe('recording a loan', () => {
  it('records a loan with decimal-string money, an exact rate, China-time disbursement and an audit event', async () => {
    const body = loanBody({ annualRate: '0.038500', remarks: '数字化车间设备贷款' });
    const res = await s.bankA!.post('/api/v1/loans', body);
    expect(res.statusCode).toBe(201);
    const { created, loan } = res.json();
    expect(created).toBe(true);
    expect(loan).toMatchObject({
      contractNo: body.contractNo,
      amount: '5000000.00',
      annualRate: '0.0385',
      termMonths: 36,
      purpose: 'equipment',
      disbursedAt: '2026-03-15T10:30:00+08:00',
      disbursedOn: '2026-03-15',
      maturityDate: '2029-03-15',
      principalRepaid: '0.00',
      interestPaid: '0.00',
      outstandingPrincipal: '5000000.00',
      status: 'repaying',
      source: 'session',
      bank: { id: w.bankA.id },
      cover: { id: w.insurer.id, kind: 'insurer' },
      enterprise: { id: w.e1.id, uscc: w.e1.uscc, districtCode: '440703' },
      project: null,
      remarks: '数字化车间设备贷款',
      repayments: [],
    });
    const [row] = await p.deps.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(row!.amountFen).toBe(500000000n);
    expect(row!.annualRate).toBe('0.038500');
    expect(row!.disbursedAt.toISOString()).toBe('2026-03-15T02:30:00.000Z');
    expect(await auditCount('loan.recorded', loan.id)).toBe(1);
  });

  it('accepts a lower-case credit code and a UTC instant; a guarantor can cover the loan', async () => {
    const res = await s.bankA!.post(
      '/api/v1/loans',
      loanBody({
        enterpriseUscc: w.e1.uscc.toLowerCase(),
        disbursedAt: '2026-01-31T16:00:00Z',
        coverInstitutionId: w.guarantor.id,
        purpose: 'working_capital',
        termMonths: 1,
      }),
    );
    expect(res.statusCode).toBe(201);
    const { loan } = res.json();
    // 16:00 UTC on 31 January is 00:00 on 1 February in China; one month later is 1 March.
    expect(loan.disbursedAt).toBe('2026-02-01T00:00:00+08:00');
    expect(loan.disbursedOn).toBe('2026-02-01');
    expect(loan.maturityDate).toBe('2026-03-01');
    expect(loan.cover.kind).toBe('guarantor');
  });

  it('is idempotent on bank + contract number: the same record again answers 200, different content 409', async () => {
    const body = loanBody();
    const first = await s.bankA!.post('/api/v1/loans', body);
    expect(first.statusCode).toBe(201);
    const again = await s.bankA!.post('/api/v1/loans', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().created).toBe(false);
    expect(again.json().loan.id).toBe(first.json().loan.id);
    const changed = await s.bankA!.post('/api/v1/loans', { ...body, amount: '4000000.00' });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error.code).toBe('LOAN_CONTRACT_EXISTS');
    expect(changed.json().error.message).toContain(body.contractNo);
    const rows = await p.deps.db.select().from(loans).where(eq(loans.contractNo, body.contractNo));
    expect(rows).toHaveLength(1);
    expect(await auditCount('loan.recorded', first.json().loan.id)).toBe(1);
    // Another bank may use the same contract number for its own loan.
    const other = await s.bankB!.post('/api/v1/loans', body);
    expect(other.statusCode).toBe(201);
  });

  it.each([
    ['amount', { amount: '0.00' }, '贷款金额必须大于 0'],
    ['amount', { amount: '12.345' }, '贷款金额'],
    ['annualRate', { annualRate: '0.25' }, '年利率'],
    ['annualRate', { annualRate: '0' }, '年利率必须大于 0'],
    ['annualRate', { annualRate: '3.85%' }, '年利率'],
    ['termMonths', { termMonths: 61 }, '贷款期限（月）不能大于 60'],
    ['termMonths', { termMonths: 0 }, '贷款期限（月）不能小于 1'],
    ['disbursedAt', { disbursedAt: '2026-11-21T10:30:00+08:00' }, '放款时间不能晚于当前时间'],
    ['disbursedAt', { disbursedAt: '2026-03-15 10:30' }, '放款时间'],
    ['enterpriseUscc', { enterpriseUscc: '91440703MA4UQK5X4A' }, '借款企业统一社会信用代码'],
    ['coverInstitutionId', { coverInstitutionId: 'not-a-uuid' }, '保险/担保机构'],
    ['contractNo', { contractNo: 'JM 001' }, '贷款合同编号'],
  ])('refuses a bad %s with a Chinese message naming the field (%j)', async (field, over, message) => {
    const res = await s.bankA!.post('/api/v1/loans', loanBody(over));
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(err.message).toContain(message);
  });

  it('caps the term by purpose: working capital ≤ 36 months, equipment ≤ 60 (珠海方案 三（二）1, as guidance)', async () => {
    const wc = await s.bankA!.post('/api/v1/loans', loanBody({ purpose: 'working_capital', termMonths: 48 }));
    expect(wc.statusCode).toBe(400);
    expect(wc.json().error.message).toContain('流动资金贷款期限最长 36 个月');
    expect(wc.json().error.message).toContain('三（二）1');
    const eq60 = await s.bankA!.post('/api/v1/loans', loanBody({ purpose: 'equipment', termMonths: 60 }));
    expect(eq60.statusCode).toBe(201);
  });

  it('requires a registered enterprise, and a cover institution that is an insurer or guarantor', async () => {
    const unregistered = await s.bankA!.post('/api/v1/loans', loanBody({ enterpriseUscc: validUscc('440704') }));
    expect(unregistered.statusCode).toBe(400);
    expect(unregistered.json().error.message).toContain('未在平台登记');
    const bankAsCover = await s.bankA!.post('/api/v1/loans', loanBody({ coverInstitutionId: w.bankB.id }));
    expect(bankAsCover.statusCode).toBe(400);
    expect(bankAsCover.json().error.message).toContain('不是保险公司或融资性担保公司');
    const unknown = await s.bankA!.post(
      '/api/v1/loans',
      loanBody({ coverInstitutionId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('coverInstitutionId');
  });

  it('links a numbered library project of the same enterprise, and refuses another enterprise’s or an unknown one', async () => {
    const own = await makeNumberedProject(p.deps, w.e1.id, w.users.cityAdmin!.id);
    const foreign = await makeNumberedProject(p.deps, w.e2.id, w.users.cityAdmin!.id);
    const ok = await s.bankA!.post('/api/v1/loans', loanBody({ projectNo: own.libraryNumber }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().loan.project).toEqual({ id: own.id, projectNo: own.libraryNumber, name: own.name });
    const wrong = await s.bankA!.post('/api/v1/loans', loanBody({ projectNo: foreign.libraryNumber }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('不属于该借款企业');
    const missing = await s.bankA!.post('/api/v1/loans', loanBody({ projectNo: 'JMSZ-2026-9999' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('projectNo');
  });

  it('lets only bank officers record loans', async () => {
    for (const who of ['insurer', 'e1', 'cityAdmin', 'pengjiang', 'securityAdmin']) {
      const res = await s[who]!.post('/api/v1/loans', loanBody());
      expect(res.statusCode, who).toBe(403);
    }
    expect((await anonymous(p.app).post('/api/v1/loans', loanBody())).statusCode).toBe(401);
  });

  it('answers malformed input with 4xx, never 500', async () => {
    const bad = await s.bankA!.request({
      method: 'POST',
      url: '/api/v1/loans',
      payload: '{"amount":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await s.bankA!.get('/api/v1/loans/not-a-uuid')).statusCode).toBe(400);
    expect((await s.bankA!.post('/api/v1/loans', [])).statusCode).toBe(400);
    expect((await s.bankA!.get('/api/v1/loans?page=0')).statusCode).toBe(400);
  });
});

describe('repayments', () => {
  let loanId: string;
  beforeAll(async () => {
    const res = await s.bankA!.post(
      '/api/v1/loans',
      loanBody({ amount: '1200000.00', annualRate: '0.036', termMonths: 12, disbursedAt: '2026-01-10T09:00:00+08:00' }),
    );
    loanId = res.json().loan.id;
  });

  const period = (n: number, over: Record<string, unknown> = {}) => ({
    periodNo: n,
    dueDate: `2026-${String(n + 1).padStart(2, '0')}-10`,
    paidDate: `2026-${String(n + 1).padStart(2, '0')}-10`,
    principalPaid: '100000.00',
    interestPaid: '3600.00',
    ...over,
  });

  it('records periods, updates the totals, and audits each', async () => {
    const r1 = await s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, period(1));
    expect(r1.statusCode).toBe(201);
    expect(r1.json().repayment).toMatchObject({ periodNo: 1, principalPaid: '100000.00', interestPaid: '3600.00' });
    const r2 = await s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, period(2, { interestPaid: '3300.50' }));
    expect(r2.statusCode).toBe(201);
    const loan = r2.json().loan;
    expect(loan.principalRepaid).toBe('200000.00');
    expect(loan.interestPaid).toBe('6900.50');
    expect(loan.outstandingPrincipal).toBe('1000000.00');
    expect(loan.repaymentCount).toBe(2);
    expect(loan.repayments.map((r: { periodNo: number }) => r.periodNo)).toEqual([1, 2]);
    expect(await auditCount('loan.repayment_recorded', loanId)).toBe(2);
  });

  it('is idempotent on loan + period: the same period again is 200, different content 409', async () => {
    const same = await s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, period(1));
    expect(same.statusCode).toBe(200);
    expect(same.json().created).toBe(false);
    const diff = await s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, period(1, { interestPaid: '3601.00' }));
    expect(diff.statusCode).toBe(409);
    expect(diff.json().error.code).toBe('REPAYMENT_PERIOD_EXISTS');
    const rows = await p.deps.db.select().from(loanRepayments).where(eq(loanRepayments.loanId, loanId));
    expect(rows).toHaveLength(2);
    expect(await auditCount('loan.repayment_recorded', loanId)).toBe(2);
  });

  it.each([
    ['dueDate', period(3, { dueDate: '2026-01-05' }), '不能早于放款日 2026-01-10'],
    ['dueDate', period(3, { dueDate: '2027-02-10' }), '不能晚于贷款到期日 2027-01-10'],
    ['dueDate', period(3, { dueDate: '2026-02-20' }), '应晚于第 2 期的应还日期 2026-03-10'],
    ['paidDate', period(3, { paidDate: '2026-12-01' }), '不能晚于今天'],
    ['principalPaid', period(3, { principalPaid: '0.00', interestPaid: '0.00' }), '不能同时为 0'],
    ['principalPaid', period(3, { principalPaid: '1000000.01' }), '超过贷款金额 1200000.00 元'],
    ['interestPaid', period(3, { interestPaid: '20000.00' }), '罚息、复利不属于贴息范围'],
  ])('refuses a bad %s (%#)', async (field, body, message) => {
    const res = await s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(res.json().error.message).toContain(message);
  });

  it('answers 404 to another bank and 403 to roles that do not record repayments', async () => {
    expect((await s.bankB!.post(`/api/v1/loans/${loanId}/repayments`, period(3))).statusCode).toBe(404);
    expect((await s.insurer!.post(`/api/v1/loans/${loanId}/repayments`, period(3))).statusCode).toBe(403);
    expect((await s.e1!.post(`/api/v1/loans/${loanId}/repayments`, period(3))).statusCode).toBe(403);
    const rows = await p.deps.db.select().from(loanRepayments).where(eq(loanRepayments.loanId, loanId));
    expect(rows).toHaveLength(2);
  });

  it('sums interest paid per loan over a date range by paid date (interestPaidByLoan)', async () => {
    const other = await s.bankA!.post('/api/v1/loans', loanBody());
    const otherId = other.json().loan.id as string;
    const all = await interestPaidByLoan(p.deps.db, [loanId, otherId], '2026-01-01', '2026-12-31');
    expect(all.get(loanId)).toBe(690050n);
    expect(all.get(otherId)).toBe(0n);
    const onlyFeb = await interestPaidByLoan(p.deps.db, [loanId], '2026-02-10', '2026-02-10');
    expect(onlyFeb.get(loanId)).toBe(360000n);
    const afterFeb = await interestPaidByLoan(p.deps.db, [loanId], '2026-02-11', '2026-03-10');
    expect(afterFeb.get(loanId)).toBe(330050n);
    expect((await interestPaidByLoan(p.deps.db, [], '2026-01-01', '2026-12-31')).size).toBe(0);
  });
});

describe('who sees which loan', () => {
  let loanE1: string; // bank A, insurer, enterprise 1 (蓬江区)
  let loanE2: string; // bank B, guarantor, enterprise 2 (新会区)
  beforeAll(async () => {
    loanE1 = (await s.bankA!.post('/api/v1/loans', loanBody())).json().loan.id;
    loanE2 = (
      await s.bankB!.post('/api/v1/loans', loanBody({ enterpriseUscc: w.e2.uscc, coverInstitutionId: w.guarantor.id }))
    ).json().loan.id;
  });

  const table: [string, boolean, boolean][] = [
    ['bankA', true, false],
    ['bankB', false, true],
    ['insurer', true, false],
    ['guarantor', false, true],
    ['otherInsurer', false, false],
    ['e1', true, false],
    ['e2', false, true],
    ['pengjiang', true, false],
    ['xinhui', false, true],
    ['cityReviewer', true, true],
    ['cityAdmin', true, true],
  ];

  it.each(table)('%s: sees loan of e1 = %s, loan of e2 = %s (read and list)', async (who, seesE1, seesE2) => {
    const session = s[who]!;
    for (const [id, sees] of [
      [loanE1, seesE1],
      [loanE2, seesE2],
    ] as const) {
      const res = await session.get(`/api/v1/loans/${id}`);
      expect(res.statusCode, `${who} GET ${id}`).toBe(sees ? 200 : 404);
      if (!sees) expect(res.json().error.code).toBe('NOT_FOUND');
    }
    const list = await session.get('/api/v1/loans?pageSize=200');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((l: { id: string }) => l.id);
    expect(ids.includes(loanE1), `${who} list e1`).toBe(seesE1);
    expect(ids.includes(loanE2), `${who} list e2`).toBe(seesE2);
    expect(list.json().total).toBe(ids.length);
  });

  it('lists every loan of a bank and nothing else, with filters', async () => {
    const mine = await s.bankA!.get('/api/v1/loans?pageSize=200');
    for (const l of mine.json().items) expect(l.bank.id).toBe(w.bankA.id);
    const covered = await s.insurer!.get('/api/v1/loans?pageSize=200');
    for (const l of covered.json().items) expect(l.cover.id).toBe(w.insurer.id);
    const byCode = await s.cityAdmin!.get(`/api/v1/loans?enterpriseUscc=${w.e2.uscc}`);
    expect(byCode.json().items.every((l: { enterprise: { id: string } }) => l.enterprise.id === w.e2.id)).toBe(true);
    expect(byCode.json().total).toBeGreaterThan(0);
  });

  it('refuses the security and audit administrators (403 for lists, 404 for records) and the public (401)', async () => {
    for (const who of ['securityAdmin', 'auditAdmin']) {
      expect((await s[who]!.get('/api/v1/loans')).statusCode).toBe(403);
      expect((await s[who]!.get(`/api/v1/loans/${loanE1}`)).statusCode).toBe(404);
    }
    expect((await anonymous(p.app).get('/api/v1/loans')).statusCode).toBe(401);
    expect((await anonymous(p.app).get(`/api/v1/loans/${loanE1}`)).statusCode).toBe(401);
  });

  it('lets a bank or insurer see the enterprises it has a loan with, and no others', async () => {
    const stranger = await enterpriseIn(p.deps, '440781');
    expect((await s.bankA!.get(`/api/v1/enterprises/${w.e1.id}`)).statusCode).toBe(200);
    expect((await s.insurer!.get(`/api/v1/enterprises/${w.e1.id}`)).statusCode).toBe(200);
    expect((await s.guarantor!.get(`/api/v1/enterprises/${w.e2.id}`)).statusCode).toBe(200);
    expect((await s.bankA!.get(`/api/v1/enterprises/${stranger.id}`)).statusCode).toBe(404);
    expect((await s.otherInsurer!.get(`/api/v1/enterprises/${w.e1.id}`)).statusCode).toBe(404);
    const list = await s.bankB!.get('/api/v1/enterprises?pageSize=100');
    const ids = list.json().items.map((e: { id: string }) => e.id);
    expect(ids).toContain(w.e2.id);
    expect(ids).not.toContain(stranger.id);
  });
});

describe('bank systems with an API token', () => {
  it('record loans and repayments with a bearer token (no cookie, no CSRF), attributed to the token', async () => {
    const token = await makeApiToken(p.deps, w.bankA.id);
    const api = anonymous(p.app);
    const auth = { authorization: `Bearer ${token}` };
    const body = loanBody({ disbursedAt: '2026-06-01T08:00:00+08:00', termMonths: 24 });
    const created = await api.post('/api/v1/loans', body, auth);
    expect(created.statusCode).toBe(201);
    const loan = created.json().loan;
    expect(loan.source).toBe('api_token');
    const [row] = await p.deps.db.select().from(loans).where(eq(loans.id, loan.id));
    expect(row!.createdVia).toBe('api_token');
    expect(row!.createdBy).toBeNull();
    const [event] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'loan.recorded'), eq(auditEvents.objectId, loan.id)));
    const [tok] = await p.deps.db.select().from(apiTokens).where(eq(apiTokens.institutionId, w.bankA.id));
    expect(event!.actorId).toBe(tok!.id);

    const rep = await api.post(
      `/api/v1/loans/${loan.id}/repayments`,
      { periodNo: 1, dueDate: '2026-07-01', paidDate: '2026-07-01', principalPaid: '0', interestPaid: '16041.67' },
      auth,
    );
    expect(rep.statusCode).toBe(201);
    expect(rep.json().repayment.source).toBe('api_token');
    const found = await api.get(`/api/v1/loans?contractNo=${encodeURIComponent(body.contractNo)}`, auth);
    expect(found.json().items.map((l: { id: string }) => l.id)).toEqual([loan.id]);
    expect((await api.get(`/api/v1/loans/${loan.id}`, auth)).json().interestPaid).toBe('16041.67');
  });

  it('an insurer’s token reads the loans it covers, and cannot record', async () => {
    const token = await makeApiToken(p.deps, w.insurer.id);
    const auth = { authorization: `Bearer ${token}` };
    const api = anonymous(p.app);
    const list = await api.get('/api/v1/loans?pageSize=200', auth);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    for (const l of list.json().items) expect(l.cover.id).toBe(w.insurer.id);
    expect((await api.post('/api/v1/loans', loanBody(), auth)).statusCode).toBe(403);
  });

  it('a revoked or unknown token is refused', async () => {
    const token = await makeApiToken(p.deps, w.bankA.id);
    await p.deps.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.tokenPrefix, token.slice(0, 8)));
    const api = anonymous(p.app);
    expect((await api.post('/api/v1/loans', loanBody(), { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await api.get('/api/v1/loans', { authorization: 'Bearer nope' })).statusCode).toBe(401);
  });
});

describe('reference and documentation', () => {
  it('lists the insurers and guarantors a bank can choose', async () => {
    const res = await s.bankA!.get('/api/v1/loans/cover-institutions');
    expect(res.statusCode).toBe(200);
    const kinds = new Set(res.json().items.map((i: { kind: string }) => i.kind));
    expect([...kinds].sort()).toEqual(['guarantor', 'insurer']);
    expect(res.json().items.some((i: { id: string }) => i.id === w.bankA.id)).toBe(false);
  });

  it('documents the loan endpoints in OpenAPI', async () => {
    const res = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    for (const path of [
      '/api/v1/loans/',
      '/api/v1/loans/{id}',
      '/api/v1/loans/{id}/repayments',
      '/api/v1/loans/import',
      '/api/v1/loans/import/template',
    ]) {
      expect(
        paths.some((x) => x.replace(/\/$/, '') === path.replace(/\/$/, '')),
        path,
      ).toBe(true);
    }
    // The documented list answers as documented: a page of loans with its total.
    const listPath = paths.find((x) => x.replace(/\/$/, '') === '/api/v1/loans')!;
    expect(Object.keys(res.json().paths[listPath].get.responses)).toContain('200');
    const list = await s.bankA!.get('/api/v1/loans');
    expect(list.statusCode).toBe(200);
    expect(Array.isArray(list.json().items)).toBe(true);
    expect(typeof list.json().total).toBe('number');
  });

  it('keeps an enterprise’s loan at another bank out of a bank’s view', async () => {
    const uscc = validUscc('440785');
    const e = await makeEnterprise(p.deps, { uscc, districtCode: '440785' });
    const made = await s.bankB!.post('/api/v1/loans', loanBody({ enterpriseUscc: uscc, contractNo: 'SCOPE-B-1' }));
    expect(made.statusCode, made.body).toBe(201);
    expect((await s.bankB!.get(`/api/v1/loans?enterpriseId=${e.id}`)).json().total).toBe(1);
    const res = await s.bankA!.get(`/api/v1/loans?enterpriseId=${e.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(0);
  });
});
