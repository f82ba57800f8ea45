/**
 * The financing zone over HTTP: products refused beyond 002 三（二）1 with the clause, the city's review and
 * versions, the public catalogue, the parse contract, consent (no profile without it, revocation at once), scope
 * (a bank never sees another bank's products or orders), matching with reasons, the answer flow, overdue counting
 * across the 2026 National Day holiday, and two banks taking one exclusive need at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { needBody, productBody } from './helpers/financing-fixtures';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let pub: Session;
let bankA: Session;
let bankB: Session;
let bankC: Session;
let city: Session;
let admin: Session;
let ent: Session;
let otherEnt: Session;
let bankAId: string;
let bankBId: string;

const F = '/api/v1/financing';

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-09-30T02:00:00Z' });
  pub = anonymous(p.app);
  const a = await makeInstitution(p.deps, 'bank');
  const b = await makeInstitution(p.deps, 'bank');
  const c = await makeInstitution(p.deps, 'bank');
  bankAId = a.id;
  bankBId = b.id;
  const e = await makeEnterprise(p.deps, { districtCode: '440703', establishedOn: '2018-06-01' });
  const e2 = await makeEnterprise(p.deps, { districtCode: '440705' });
  const login = async (role: Parameters<typeof makeUser>[1], scope: Parameters<typeof makeUser>[2] = {}) => {
    const u = await makeUser(p.deps, role, scope);
    return loginAs(p.app, u.username, u.password);
  };
  bankA = await login('bank_officer', { institutionId: a.id });
  bankB = await login('bank_officer', { institutionId: b.id });
  bankC = await login('bank_officer', { institutionId: c.id });
  city = await login('city_reviewer');
  admin = await login('city_admin');
  ent = await login('enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true });
  otherEnt = await login('enterprise', { enterpriseId: e2.id, isEnterpriseAdmin: true });
});
afterAll(async () => p.close());

async function freshLogin(role: 'city_reviewer' | 'city_admin'): Promise<Session> {
  const u = await makeUser(p.deps, role);
  return loginAs(p.app, u.username, u.password);
}

const product = productBody;
const need = needBody;

async function liveProduct(s: Session, over: Record<string, unknown> = {}): Promise<string> {
  const r = await s.post(`${F}/bank/products`, product(over));
  expect(r.statusCode).toBe(201);
  const id = r.json().id as string;
  expect((await city.post(`${F}/review/products/${id}`, { decision: 'approve', reason: '' })).statusCode).toBe(200);
  return id;
}

async function postNeed(over: Record<string, unknown> = {}, s = ent): Promise<string> {
  const r = await s.post(`${F}/needs`, need(over));
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

describe('products: term limits of 002 三（二）1, review, versions, catalogue', () => {
  it('refuses an equipment loan over 5 years and a working-capital loan over 3, naming the clause', async () => {
    const r = await bankA.post(`${F}/bank/products`, product({ termMaxMonths: 72 }));
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toContain('设备贷款期限最长5年');
    expect(r.json().error.message).toContain('珠海市中小企业数字化转型融资服务工作方案 三（二）1');
    const w = await bankA.post(`${F}/bank/products`, product({ type: 'working_capital_loan', termMaxMonths: 48 }));
    expect(w.statusCode).toBe(400);
    expect(w.json().error.message).toContain('流动资金贷款期限最长3年');
  });

  it('lists a product only after the city approves it; a change is a new version under review', async () => {
    const r = await bankA.post(`${F}/bank/products`, product({ name: '版本测试贷' }));
    const id = r.json().id as string;
    expect((await pub.get(`${F}/products/${id}`)).statusCode).toBe(404);
    expect((await city.post(`${F}/review/products/${id}`, { decision: 'refuse', reason: '' })).statusCode).toBe(400);
    expect((await city.post(`${F}/review/products/${id}`, { decision: 'approve', reason: '' })).json().version).toBe(1);
    expect((await pub.get(`${F}/products/${id}`)).json().live.name).toBe('版本测试贷');

    const v2 = await bankA.put(
      `${F}/bank/products/${id}`,
      product({ name: '版本测试贷（第二版）', rateMin: '0.0300' }),
    );
    expect(v2.json().version).toBe(2);
    // The live version stays listed while version 2 waits.
    expect((await pub.get(`${F}/products/${id}`)).json().live.name).toBe('版本测试贷');
    const queue = await city.get(`${F}/review/products`);
    expect(queue.json().items.map((x: { id: string }) => x.id)).toContain(id);
    const refused = await city.post(`${F}/review/products/${id}`, { decision: 'refuse', reason: '利率说明不完整' });
    expect(refused.json()).toEqual({ id, version: 2, status: 'refused' });
    const mine = (await bankA.get(`${F}/bank/products`)).json().items.find((x: { id: string }) => x.id === id);
    expect(
      mine.versions.map((v: { version: number; status: string; reason: string | null }) => [
        v.version,
        v.status,
        v.reason,
      ]),
    ).toEqual([
      [2, 'refused', '利率说明不完整'],
      [1, 'approved', null],
    ]);
    expect((await pub.get(`${F}/products/${id}`)).json().live.name).toBe('版本测试贷');
  });

  it('searches and filters the public catalogue', async () => {
    await liveProduct(bankB, {
      name: '流贷通',
      type: 'working_capital_loan',
      termMaxMonths: 36,
      guarantees: ['credit'],
      districts: ['440705'],
    });
    const names = async (q: string) =>
      (await pub.get(`${F}/products${q}`)).json().items.map((x: { live: { name: string } }) => x.live.name);
    expect(await names('?q=流贷')).toEqual(['流贷通']);
    expect(await names('?type=working_capital_loan')).toEqual(['流贷通']);
    expect(await names('?district=440703')).not.toContain('流贷通');
    expect(await names('?termMonths=48')).not.toContain('流贷通');
    expect(await names('?guarantee=credit&amount=1000000.00')).toContain('流贷通');
    expect((await pub.get(`${F}/products?type=nonsense`)).statusCode).toBe(400);
  });

  it("keeps each bank to its own products (404 on another bank's)", async () => {
    expect((await bankC.get(`${F}/oversight`)).statusCode).toBe(403);
    const id = await liveProduct(bankA, { name: 'A行专属' });
    const list = (await bankB.get(`${F}/bank/products`)).json().items;
    expect(list.every((x: { institutionId: string }) => x.institutionId === bankBId)).toBe(true);
    expect((await bankB.put(`${F}/bank/products/${id}`, product())).statusCode).toBe(404);
    expect((await ent.post(`${F}/bank/products`, product())).statusCode).toBe(403);
    expect((await bankA.post(`${F}/review/products/${id}`, { decision: 'approve', reason: '' })).statusCode).toBe(403);
  });
});

describe('the parse contract (HTTP)', () => {
  it.each([
    [
      '计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押',
      '5000000.00',
      '5000000.00',
      36,
      36,
      'equipment',
      'mortgage',
    ],
    [
      '公司年营收3000万元，员工120人，想申请流动资金贷款200万，期限12个月',
      '2000000.00',
      '2000000.00',
      12,
      12,
      'working_capital',
      null,
    ],
    ['需要融资三百万到五百万，期限一年半左右，信用贷款', '3000000.00', '5000000.00', 18, 18, null, 'credit'],
  ])('%s', async (text, amin, amax, tmin, tmax, purpose, guarantee) => {
    const r = await pub.post(`${F}/needs/parse`, { text });
    expect(r.statusCode).toBe(200);
    const b = r.json();
    expect([b.amountMin, b.amountMax, b.termMonthsMin, b.termMonthsMax, b.purpose, b.guarantee]).toEqual([
      amin,
      amax,
      tmin,
      tmax,
      purpose,
      guarantee,
    ]);
    expect(typeof b.confidence).toBe('number');
  });
  it.each([[{}], [{ text: 5 }], [{ text: 'x'.repeat(2001) }], [{ text: 'ok', extra: 1 }]])(
    'refuses %j with 400',
    async (body) => {
      expect((await pub.post(`${F}/needs/parse`, body)).statusCode).toBe(400);
    },
  );
});

describe('needs, consent and matching', () => {
  it('shows a bank no need and no profile without consent; revocation takes effect at once', async () => {
    const id = await postNeed();
    const seen = async (s: Session) => (await s.get(`${F}/needs`)).json().items.map((n: { id: string }) => n.id);
    expect(await seen(bankA)).not.toContain(id);
    expect((await bankA.get(`${F}/needs/${id}`)).statusCode).toBe(404);
    expect((await bankA.post(`${F}/needs/${id}/take`, { productId: null })).statusCode).toBe(404);

    expect((await ent.put(`${F}/needs/${id}/consent`, { scope: 'named', banks: [bankAId] })).statusCode).toBe(200);
    const a = await bankA.get(`${F}/needs/${id}`);
    expect(a.statusCode).toBe(200);
    expect(a.json().profile.districtCode).toBe('440703');
    expect(await seen(bankB)).not.toContain(id);

    const taken = await bankA.post(`${F}/needs/${id}/take`, { productId: null });
    expect(taken.statusCode).toBe(201);
    const orderId = taken.json().id as string;
    expect((await ent.put(`${F}/needs/${id}/consent`, { scope: 'none', banks: [] })).statusCode).toBe(200);
    const order = await bankA.get(`${F}/orders/${orderId}`);
    expect(order.statusCode).toBe(200);
    expect(order.json().need.profile).toBeNull();
    expect(await seen(bankA)).not.toContain(id);
    // Another enterprise cannot change this need's consent.
    expect((await otherEnt.put(`${F}/needs/${id}/consent`, { scope: 'all', banks: [] })).statusCode).toBe(404);
  });

  it('ranks products for a need with the reason for each criterion', async () => {
    const fit = await liveProduct(bankA, { name: '匹配设备贷' });
    const wc = await liveProduct(bankB, {
      name: '不匹配流贷',
      type: 'working_capital_loan',
      termMaxMonths: 24,
      guarantees: ['credit'],
    });
    const id = await postNeed();
    const r = await ent.get(`${F}/needs/${id}/matches`);
    expect(r.statusCode).toBe(200);
    const items = r.json().items as {
      productId: string;
      match: { fits: boolean; failed: string[]; criteria: { criterion: string; reasonZh: string }[] };
    }[];
    const iFit = items.findIndex((x) => x.productId === fit);
    const iWc = items.findIndex((x) => x.productId === wc);
    expect(iFit).toBeLessThan(iWc);
    expect(items[iFit]!.match.fits).toBe(true);
    expect(items[iWc]!.match.failed).toEqual(['term', 'purpose', 'guarantee']);
    expect(items[iWc]!.match.criteria.find((c) => c.criterion === 'guarantee')!.reasonZh).toBe(
      '产品不接受“抵押”，只接受信用',
    );
    expect((await otherEnt.get(`${F}/needs/${id}/matches`)).statusCode).toBe(404);
  });

  it('lists for a bank the consented needs its products fit', async () => {
    await liveProduct(bankC, { name: 'C行设备贷' });
    const id = await postNeed({ consent: { scope: 'all', banks: [] } });
    const r = await bankC.get(`${F}/bank/matches`);
    const m = r.json().items.find((x: { need: { id: string } }) => x.need.id === id);
    expect(m.productName).toBe('C行设备贷');
    expect(m.need.profile).not.toBeNull();
  });
});

describe('orders: applying, answering, scope, deadlines across a holiday', () => {
  it('applies with consent, accepts, reports approval; another bank never sees the order', async () => {
    const productId = await liveProduct(bankA, { name: '申请测试贷', promisedDecisionDays: 3 });
    const needId = await postNeed();
    const noConsent = await ent.post(`${F}/needs/${needId}/orders`, { productId, shareProfile: false });
    expect(noConsent.statusCode).toBe(422);
    const r = await ent.post(`${F}/needs/${needId}/orders`, { productId, shareProfile: true });
    expect(r.statusCode).toBe(201);
    // Made on Wednesday 2026-09-30: 2 working days after National Day (10-01 to 10-07) is Friday 10-09.
    expect(r.json().contactDueOn).toBe('2026-10-09');
    const id = r.json().id as string;
    expect((await bankB.get(`${F}/orders/${id}`)).statusCode).toBe(404);
    expect((await bankB.post(`${F}/orders/${id}/accept`)).statusCode).toBe(404);
    expect((await bankB.get(`${F}/orders`)).json().items.some((o: { id: string }) => o.id === id)).toBe(false);
    expect(
      (
        await bankA.post(`${F}/orders/${id}/outcome`, {
          outcome: 'refused',
          approvedAmount: null,
          approvedRate: null,
          approvedTermMonths: null,
          disbursedOn: null,
          refuseReason: '资料不全',
        })
      ).statusCode,
    ).toBe(409);

    const acc = await bankA.post(`${F}/orders/${id}/accept`);
    expect(acc.statusCode).toBe(200);
    // The bank's promise of 3 working days from 2026-09-30: 10-08, 10-09, 10-10 (the make-up Saturday).
    expect(acc.json().decisionDueOn).toBe('2026-10-10');
    const out = await bankA.post(`${F}/orders/${id}/outcome`, {
      outcome: 'approved',
      approvedAmount: '5000000.00',
      approvedRate: '0.0350',
      approvedTermMonths: 36,
      disbursedOn: '2026-10-12',
      refuseReason: '',
    });
    expect(out.json().status).toBe('approved');
    const mine = (await ent.get(`${F}/orders/${id}`)).json();
    expect([mine.status, mine.approvedAmount, mine.overdue]).toEqual(['approved', '5000000.00', false]);
    expect((await ent.post(`${F}/orders/${id}/rating`, { rating: 5, comment: '响应快' })).statusCode).toBe(200);
    expect((await otherEnt.get(`${F}/orders/${id}`)).statusCode).toBe(404);
  });

  it('a decline carries its reason to the enterprise', async () => {
    const needId = await postNeed({ consent: { scope: 'all', banks: [] } });
    const t = await bankB.post(`${F}/needs/${needId}/take`, { productId: null });
    const id = t.json().id as string;
    expect((await bankB.post(`${F}/orders/${id}/decline`, { reason: '' })).statusCode).toBe(400);
    expect((await bankB.post(`${F}/orders/${id}/decline`, { reason: '暂不涉及该行业' })).json().status).toBe(
      'declined',
    );
    expect((await ent.get(`${F}/orders/${id}`)).json().declineReason).toBe('暂不涉及该行业');
  });

  it('lets only one of two banks take an exclusive need at the same time', async () => {
    const needId = await postNeed({ exclusive: true, consent: { scope: 'all', banks: [] } });
    const [r1, r2] = await Promise.all([
      bankA.post(`${F}/needs/${needId}/take`, { productId: null }),
      bankB.post(`${F}/needs/${needId}/take`, { productId: null }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([201, 409]);
    const orders = (await ent.get(`${F}/orders`)).json().items.filter((o: { needId: string }) => o.needId === needId);
    expect(orders).toHaveLength(1);
  });

  it('puts green-channel needs first with a shorter due day', async () => {
    const needId = await postNeed({ consent: { scope: 'all', banks: [] } });
    expect((await bankA.put(`${F}/needs/${needId}/green-channel`, { green: true, reason: '' })).statusCode).toBe(403);
    expect((await city.put(`${F}/needs/${needId}/green-channel`, { green: true, reason: '入库项目' })).statusCode).toBe(
      200,
    );
    expect((await bankA.get(`${F}/needs`)).json().items[0].id).toBe(needId);
    const t = await bankA.post(`${F}/needs/${needId}/take`, { productId: null });
    // 1 working day after 2026-09-30 on the green channel: 2026-10-08.
    expect(t.json().contactDueOn).toBe('2026-10-08');
  });
  it('counts an order overdue only after its due day, across the holiday, and lists it for the city', async () => {
    const needId = await postNeed({ consent: { scope: 'all', banks: [] } });
    const id = (await bankC.post(`${F}/needs/${needId}/take`, { productId: null })).json().id as string;
    // Moving the clock ends the idle sessions: the city signs in again on each day.
    p.clock.set('2026-10-09T08:00:00Z');
    city = await freshLogin('city_reviewer');
    expect((await city.get(`${F}/orders/${id}`)).json().overdue).toBe(false);
    p.clock.set('2026-10-10T02:00:00Z');
    city = await freshLogin('city_reviewer');
    admin = await freshLogin('city_admin');
    expect((await city.get(`${F}/orders/${id}`)).json().overdue).toBe(true);
    const overdue = (await city.get(`${F}/orders?overdue=true`)).json().items.map((o: { id: string }) => o.id);
    expect(overdue).toContain(id);
    const sweep = await admin.post(`${F}/oversight/sweep`);
    expect(sweep.json().marked).toBeGreaterThanOrEqual(1);
    expect((await admin.post(`${F}/oversight/sweep`)).json().marked).toBe(0);
    const o = (await city.get(`${F}/oversight`)).json();
    expect(o.overdue.map((x: { id: string }) => x.id)).toContain(id);
    expect(
      o.banks.find((b: { institutionId: string; overdue: number }) => b.institutionId !== bankAId && b.overdue > 0),
    ).toBeDefined();
    expect((await city.get(`${F}/oversight`)).statusCode).toBe(200);
  });
});
