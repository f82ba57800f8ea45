/**
 * Guarantee-fee subsidies and risk compensation through the HTTP API: claims computed and explained with their
 * citations, the district/city review, first-come-first-served allocation and its notice, the compensation steps
 * with a second approver, payment and recoveries returned pro rata, scope (a bank or guarantor sees only its own
 * claims: 404 outside), and a pool never overspent under concurrent approvals.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, riskClaims, riskPools } from '../src/db/schema';
import { createWorldPlatform, guaranteed, numberedLoans, signInWorld, type World } from './helpers/loans-fixtures';
import type { Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let w: World;
let s: Record<string, Session>;
/** Bank A's ¥10,000,000 loans of e1 guaranteed by the guarantor; each call returns the new loan's id. */
const loan = numberedLoans('JM-DB-2026-', () => ({ w, bank: s.bankA! }), guaranteed);

/** Moves the test clock and signs everyone in again (a jump in time ends idle sessions). */
async function moveClock(iso: string, who: (keyof World['users'])[]) {
  p.clock.set(iso);
  await signInWorld(p, w, s, who);
}

beforeAll(async () => {
  ({ p, w, s } = await createWorldPlatform());
});
afterAll(async () => p.close());

describe('guarantee-fee subsidy', () => {
  let loanId: string;
  let claimId: string;

  beforeAll(async () => {
    loanId = await loan();
    const fy = await s.cityAdmin!.post('/api/v1/guarantee/fee-years', { year: 2026, budget: '60000.00' });
    expect(fy.statusCode, fy.body).toBe(201);
  });

  it('the guarantor claims on the enterprise’s behalf; the amount is explained with the plan and the notice', async () => {
    const res = await s.guarantor!.post('/api/v1/guarantee/fee-claims', {
      loanId,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '100000.00',
      vouchers: ['DBF-2026-001'],
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    claimId = c.id;
    expect(c).toMatchObject({
      claimant: 'guarantor',
      requested: '50000.00',
      status: 'submitted',
      guaranteedAmount: '10000000.00',
    });
    expect(c.explanation.join('')).toContain('珠海市中小企业数字化转型融资服务工作方案 三（五）1');
    expect(c.explanation.join('')).toContain('演示');
    const audits = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, claimId));
    expect(audits.map((a) => a.action)).toContain('guarantee.fee_claim_submitted');
  });

  it('refuses a second claim for the same period, and a claim with no vouchers names the field', async () => {
    const dup = await s.e1!.post('/api/v1/guarantee/fee-claims', {
      loanId,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '100000.00',
      vouchers: ['X'],
    });
    expect(dup.statusCode).toBe(409);
    const bad = await s.e1!.post('/api/v1/guarantee/fee-claims', {
      loanId,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '1.00',
      vouchers: [],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('缴费凭证');
  });

  it('is scoped: another enterprise, bank, insurer or district sees nothing and claims nothing on the loan', async () => {
    for (const who of ['e2', 'bankB', 'otherInsurer', 'xinhui']) {
      expect((await s[who]!.get(`/api/v1/guarantee/fee-claims/${claimId}`)).statusCode, who).toBe(404);
      expect((await s[who]!.get('/api/v1/guarantee/fee-claims')).json().items, who).toEqual([]);
    }
    const foreign = await s.otherInsurer!.post('/api/v1/guarantee/fee-claims', {
      loanId,
      periodFrom: '2026-02-01',
      periodTo: '2026-02-28',
      feePaid: '100.00',
      vouchers: ['X'],
    });
    expect(foreign.statusCode).toBe(404);
    for (const who of ['e1', 'bankA', 'guarantor', 'pengjiang', 'cityReviewer']) {
      expect((await s[who]!.get(`/api/v1/guarantee/fee-claims/${claimId}`)).statusCode, who).toBe(200);
    }
  });

  it('is checked by its district and verified by the city; another district cannot review it', async () => {
    expect(
      (await s.xinhui!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, { action: 'district_pass' })).statusCode,
    ).toBe(404);
    expect(
      (await s.cityReviewer!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, { action: 'city_verify' }))
        .statusCode,
    ).toBe(409);
    const d = await s.pengjiang!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, { action: 'district_pass' });
    expect(d.json().status).toBe('district_passed');
    const c = await s.cityReviewer!.post(`/api/v1/guarantee/fee-claims/${claimId}/review`, { action: 'city_verify' });
    expect(c.json().status).toBe('verified');
  });

  it('is allocated first come first served with the yearly cap shared in order, then published', async () => {
    // A second loan of the same enterprise: 10,000,000 × 1.5% ceiling → 150,000 counted × 50% = 75,000, but the
    // enterprise's yearly cap (200,000) is not reached; the budget (60,000) runs out after the first claim.
    const loan2 = await loan({ disbursedAt: '2026-04-15T10:30:00+08:00' });
    const second = await s.e1!.post('/api/v1/guarantee/fee-claims', {
      loanId: loan2,
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      feePaid: '200000.00',
      vouchers: ['DBF-2026-002'],
    });
    expect(second.json().requested).toBe('75000.00');
    await s.pengjiang!.post(`/api/v1/guarantee/fee-claims/${second.json().id}/review`, { action: 'district_pass' });
    await s.cityAdmin!.post(`/api/v1/guarantee/fee-claims/${second.json().id}/review`, { action: 'city_verify' });
    expect((await s.cityReviewer!.post('/api/v1/guarantee/fee-years/2026/allocate')).statusCode).toBe(403);
    const run = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/allocate');
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().allocated).toBe('60000.00');
    expect(run.json().awards.map((a: { awarded: string }) => a.awarded)).toEqual(['50000.00', '10000.00']);
    expect((await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/allocate')).statusCode).toBe(409);
    const mine = await s.e1!.get(`/api/v1/guarantee/fee-claims/${second.json().id}`);
    expect(mine.json()).toMatchObject({ status: 'awarded', awarded: '10000.00' });
    expect(mine.json().explanation.join('')).toContain('部分安排');
    const notice = await s.cityAdmin!.post('/api/v1/guarantee/fee-years/2026/notice', {});
    expect(notice.statusCode, notice.body).toBe(200);
    expect(notice.json()).toMatchObject({
      status: 'published',
      notice: { startsOn: '2026-11-21', endsOn: '2026-11-27' },
    });
    expect(notice.json().notice).toMatchObject({ scheme: 'guarantee_fee', totalAmount: '60000.00', entryCount: 2 });
    const pub = await p.app.inject({ method: 'GET', url: `/api/v1/public/notices/${notice.json().notice.id}` });
    expect(pub.json().entries.map((e: { amount: string }) => e.amount)).toEqual(['50000.00', '10000.00']);
  });
});

describe('risk compensation', () => {
  let loanId: string;
  let claimId: string;

  const claimBody = (over: Record<string, unknown> = {}) => ({
    loanId,
    defaultDate: '2026-09-30',
    outstandingPrincipal: '3000000.00',
    outstandingInterest: '20000.00',
    collateralRealised: '520000.00',
    collectionSteps: '电话催收、上门催收、发送律师函并提起诉讼',
    evidence: ['催收记录', '律师函', '起诉状'],
    ...over,
  });

  beforeAll(async () => {
    loanId = await loan();
    const pool = await s.cityAdmin!.post('/api/v1/guarantee/pools', { year: 2026, budget: '5000000.00' });
    expect(pool.statusCode, pool.body).toBe(201);
  });

  it('the bank files a claim for its loan; bad amounts name their field', async () => {
    const bad = await s.bankA!.post('/api/v1/guarantee/risk-claims', claimBody({ collateralRealised: '3020000.00' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('抵质押物处置');
    const junk = await s.bankA!.post('/api/v1/guarantee/risk-claims', { loanId: 'x', outstandingPrincipal: -1 });
    expect(junk.statusCode).toBe(400);
    const res = await s.bankA!.post('/api/v1/guarantee/risk-claims', claimBody());
    expect(res.statusCode, res.body).toBe(201);
    claimId = res.json().id;
    expect(res.json()).toMatchObject({ loss: '3020000.00', share: '0.40', status: 'submitted' });
    expect((await s.bankA!.post('/api/v1/guarantee/risk-claims', claimBody())).statusCode).toBe(409);
  });

  it('is scoped: another bank, an uninvolved insurer, the enterprise and another district get 404', async () => {
    for (const who of ['bankB', 'otherInsurer', 'guarantor', 'xinhui']) {
      expect((await s[who]!.get(`/api/v1/guarantee/risk-claims/${claimId}`)).statusCode, who).toBe(404);
      expect((await s[who]!.get('/api/v1/guarantee/risk-claims')).json().items, who).toEqual([]);
    }
    expect((await s.e1!.get(`/api/v1/guarantee/risk-claims/${claimId}`)).statusCode).toBe(403);
    expect((await s.bankB!.post('/api/v1/guarantee/risk-claims', claimBody())).statusCode).toBe(404);
  });

  it('the guarantor files its own share on the same loan; the shares together stay within 100%', async () => {
    const g = await s.guarantor!.post('/api/v1/guarantee/risk-claims', claimBody());
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json().share).toBe('0.30');
    const mine = await s.guarantor!.get('/api/v1/guarantee/risk-claims');
    expect(mine.json().items.map((c: { id: string }) => c.id)).toEqual([g.json().id]);
  });

  it('limits compensation by the loss after an award registered as credit enhancement', async () => {
    const l = await loan();
    const reg = await s.bankA!.post('/api/v1/guarantee/enhancements', {
      loanId: l,
      kind: 'competitive_fund',
      reference: 'JMSZ-2026-0001 标杆项目奖补',
      expectedAmount: '500000.00',
      awardPaid: '400000.00',
    });
    expect(reg.statusCode, reg.body).toBe(200);
    expect(
      (
        await s.bankB!.post('/api/v1/guarantee/enhancements', {
          loanId: l,
          kind: 'competitive_fund',
          reference: 'JMSZ-2026-0001 标杆项目奖补',
          expectedAmount: '1.00',
          awardPaid: '0.00',
        })
      ).statusCode,
    ).toBe(404);
    const c = await s.bankA!.post(
      '/api/v1/guarantee/risk-claims',
      claimBody({
        loanId: l,
        outstandingPrincipal: '1000000.00',
        outstandingInterest: '0.00',
        collateralRealised: '0.00',
      }),
    );
    await s.pengjiang!.post(`/api/v1/guarantee/risk-claims/${c.json().id}/steps`, { action: 'district_pass' });
    const a = await s.cityReviewer!.post(`/api/v1/guarantee/risk-claims/${c.json().id}/steps`, {
      action: 'city_approve',
    });
    // (1,000,000 − 400,000 award) × 40% = 240,000 ≤ threshold → approved at once.
    expect(a.json()).toMatchObject({ status: 'approved', netLoss: '600000.00', compensation: '240000.00' });
    expect(a.json().explanation.join('')).toContain('三（五）3');
  });

  it('is checked, approved by two different city accounts above the threshold, paid; recoveries return the pool’s share', async () => {
    const step = (who: string, body: Record<string, unknown>) =>
      s[who]!.post(`/api/v1/guarantee/risk-claims/${claimId}/steps`, body);
    expect((await step('pengjiang', { action: 'district_return' })).statusCode).toBe(409);
    expect((await step('pengjiang', { action: 'district_pass' })).json().status).toBe('district_passed');
    const first = await step('cityReviewer', { action: 'city_approve' });
    expect(first.statusCode, first.body).toBe(200);
    // (3,020,000 − 520,000) × 40% = 1,000,000 (cap per loan 3,000,000): above 500,000 → a second approver.
    expect(first.json()).toMatchObject({
      status: 'awaiting_second',
      compensation: '1000000.00',
      netLoss: '2500000.00',
      needsSecondApprover: true,
    });
    expect(first.json().explanation.join('')).toContain('三（五）2');
    expect((await step('cityReviewer', { action: 'second_approve' })).statusCode).toBe(409);
    expect((await step('bankA', { action: 'pay' })).statusCode).toBe(403);
    expect((await step('cityAdmin', { action: 'second_approve' })).json().status).toBe('approved');
    const paid = await step('cityAdmin', { action: 'pay', paymentRef: 'ZF-2026-001' });
    expect(paid.json().status).toBe('paid');
    expect(
      (
        await s.bankB!.post(`/api/v1/guarantee/risk-claims/${claimId}/recoveries`, {
          receivedOn: '2026-11-21',
          amount: '250000.00',
        })
      ).statusCode,
    ).toBe(404);
    const r1 = await s.bankA!.post(`/api/v1/guarantee/risk-claims/${claimId}/recoveries`, {
      receivedOn: '2026-11-21',
      amount: '250000.00',
    });
    expect(r1.statusCode, r1.body).toBe(200);
    // 250,000 × 1,000,000 / 2,500,000 = 100,000 back to the pool.
    expect(r1.json()).toMatchObject({ returned: '100000.00', recoveredAfter: '250000.00' });
    expect(r1.json().recoveries[0]).toMatchObject({ overdue: false, returned: '100000.00' });
    await moveClock('2027-01-25T02:00:00Z', ['bankA', 'cityReviewer', 'cityAdmin', 'pengjiang']);
    const r2 = await s.bankA!.post(`/api/v1/guarantee/risk-claims/${claimId}/recoveries`, {
      receivedOn: '2026-12-10',
      amount: '0.01',
    });
    expect(r2.json().recoveries[1]).toMatchObject({ overdue: true, returned: '0.00' });
    const tooMuch = await s.bankA!.post(`/api/v1/guarantee/risk-claims/${claimId}/recoveries`, {
      receivedOn: '2027-01-20',
      amount: '2500000.00',
    });
    expect(tooMuch.statusCode).toBe(400);
    const pools = await s.cityReviewer!.get('/api/v1/guarantee/pools');
    // The enhancement test's 240,000 is committed (approved, not yet paid) in the same pool.
    expect(pools.json().items[0]).toMatchObject({
      paid: '1000000.00',
      returned: '100000.00',
      committed: '240000.00',
      balance: '3860000.00',
    });
    expect((await step('cityReviewer', { action: 'close' })).statusCode).toBe(409);
    expect((await step('cityReviewer', { action: 'close', reason: '追偿程序终结' })).json().status).toBe('closed');
  });
});

describe('the pool under concurrent approvals', () => {
  it('never commits beyond its balance', async () => {
    await s.cityAdmin!.post('/api/v1/guarantee/pools', { year: 2027, budget: '100000.00' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const l = await loan();
      const c = await s.bankA!.post('/api/v1/guarantee/risk-claims', {
        loanId: l,
        defaultDate: '2027-01-10',
        outstandingPrincipal: '100000.00',
        collectionSteps: '催收',
        evidence: ['催收记录'],
      });
      expect(c.statusCode, c.body).toBe(201);
      await s.pengjiang!.post(`/api/v1/guarantee/risk-claims/${c.json().id}/steps`, { action: 'district_pass' });
      ids.push(c.json().id);
    }
    const results = await Promise.all(
      ids.map((id, i) =>
        s[i % 2 ? 'cityAdmin' : 'cityReviewer']!.post(`/api/v1/guarantee/risk-claims/${id}/steps`, {
          action: 'city_approve',
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    // 40,000 each against 100,000: two in full, one limited to the 20,000 left, the rest refused.
    expect(codes).toEqual([200, 200, 200, 409, 409]);
    const total = results
      .filter((r) => r.statusCode === 200)
      .reduce((sum, r) => sum + Number(r.json().compensation), 0);
    expect(total).toBe(100000);
    const [pool] = await p.deps.db.select().from(riskPools).where(eq(riskPools.year, 2027));
    expect(pool!.committedFen).toBe(100_000_00n);
    const committed = await p.deps.db.select().from(riskClaims).where(eq(riskClaims.poolYear, 2027));
    expect(committed).toHaveLength(3);
  });
});
