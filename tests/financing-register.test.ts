/**
 * The financing zone, carried on: an approved, disbursed 政银保 order enters the loan register without retyping
 * (linked both ways, once only, audited with the loan), and the city's own answer times (dated, audited, used by
 * new orders, a bank's shorter promise still applying).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { needBody, productBody } from './helpers/financing-fixtures';
import { makeNumberedProject } from './helpers/loans-fixtures';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let bankA: Session;
let bankB: Session;
let city: Session;
let admin: Session;
let ent: Session;
let insurerId: string;
let enterpriseId: string;
let entUserId: string;

const F = '/api/v1/financing';

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-09-30T02:00:00Z' });
  const a = await makeInstitution(p.deps, 'bank');
  const b = await makeInstitution(p.deps, 'bank');
  insurerId = (await makeInstitution(p.deps, 'insurer')).id;
  const e = await makeEnterprise(p.deps, { districtCode: '440703', establishedOn: '2018-06-01' });
  const login = async (role: Parameters<typeof makeUser>[1], scope: Parameters<typeof makeUser>[2] = {}) => {
    const u = await makeUser(p.deps, role, scope);
    return loginAs(p.app, u.username, u.password);
  };
  bankA = await login('bank_officer', { institutionId: a.id });
  bankB = await login('bank_officer', { institutionId: b.id });
  city = await login('city_reviewer');
  admin = await login('city_admin');
  enterpriseId = e.id;
  const eu = await makeUser(p.deps, 'enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true });
  entUserId = eu.id;
  ent = await loginAs(p.app, eu.username, eu.password);
});
afterAll(async () => p.close());

const product = (over: Record<string, unknown> = {}) =>
  productBody({
    name: '政银保数字贷',
    type: 'zyb',
    termMaxMonths: 36,
    guarantees: ['insurance', 'credit'],
    minYearsInBusiness: null,
    materials: ['营业执照'],
    description: '',
    ...over,
  });

const need = needBody({
  amountMin: '3000000.00',
  amountMax: '3000000.00',
  termMinMonths: 24,
  termMaxMonths: 24,
  purpose: 'digital',
  guarantee: 'insurance',
  description: '数字化改造',
  sourceText: null,
  consent: { scope: 'all', banks: [] },
});

const approved = {
  outcome: 'approved',
  approvedAmount: '3000000.00',
  approvedRate: '0.0385',
  approvedTermMonths: 24,
  disbursedOn: '2026-09-30',
  refuseReason: '',
};

async function liveProduct(over: Record<string, unknown> = {}): Promise<string> {
  const r = await bankA.post(`${F}/bank/products`, product(over));
  expect(r.statusCode).toBe(201);
  const id = r.json().id as string;
  expect((await city.post(`${F}/review/products/${id}`, { decision: 'approve', reason: '' })).statusCode).toBe(200);
  return id;
}

/** An order of bank A on a new need, accepted; `outcome` reported when given. */
async function acceptedOrder(productId: string, outcome: Record<string, unknown> | null = approved) {
  const n = await ent.post(`${F}/needs`, need);
  expect(n.statusCode).toBe(201);
  const o = await ent.post(`${F}/needs/${n.json().id}/orders`, { productId, shareProfile: true });
  expect(o.statusCode).toBe(201);
  const id = o.json().id as string;
  expect((await bankA.post(`${F}/orders/${id}/accept`)).statusCode).toBe(200);
  if (outcome) expect((await bankA.post(`${F}/orders/${id}/outcome`, outcome)).statusCode).toBe(200);
  return id;
}

describe('an approved 政银保 order enters the loan register', () => {
  it('records the loan from the order once, linked both ways and audited', async () => {
    const productId = await liveProduct({ coverInstitutionId: insurerId });
    const id = await acceptedOrder(productId);
    expect(
      (await bankB.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-001', coverInstitutionId: null })).statusCode,
    ).toBe(404);
    expect(
      (await ent.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-001', coverInstitutionId: null })).statusCode,
    ).toBe(403);

    const r = await bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-001', coverInstitutionId: null });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ orderId: id, contractNo: 'ZYB-001', created: true });
    const loanId = r.json().loanId as string;

    const loan = (await bankA.get(`/api/v1/loans/${loanId}`)).json();
    expect(loan).toMatchObject({
      sourceOrderId: id,
      amount: '3000000.00',
      annualRate: '0.0385',
      termMonths: 24,
      disbursedOn: '2026-09-30',
      purpose: 'other',
      cover: { id: insurerId, kind: 'insurer' },
    });
    const order = (await bankA.get(`${F}/orders/${id}`)).json();
    expect(order.loan).toEqual({ id: loanId, contractNo: 'ZYB-001' });
    expect(order.productType).toBe('zyb');
    expect((await ent.get(`${F}/orders/${id}`)).json().loan.id).toBe(loanId);

    // Again, even with another contract number: the same loan, never a second one.
    const again = await bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-002', coverInstitutionId: null });
    expect(again.json()).toMatchObject({ loanId, contractNo: 'ZYB-001', created: false });
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, id), eq(auditEvents.action, 'financing_order.loan_registered')));
    expect(events).toHaveLength(1);
    const loanEvents = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, loanId), eq(auditEvents.action, 'loan.recorded')));
    expect(loanEvents).toHaveLength(1);
  });

  it('lets only a 政银保 product name an insurer, and only an active insurer or guarantor', async () => {
    const bankId = (await makeInstitution(p.deps, 'bank')).id;
    const notZyb = await bankA.post(
      `${F}/bank/products`,
      product({ type: 'equipment_loan', coverInstitutionId: insurerId }),
    );
    expect(notZyb.statusCode).toBe(400);
    expect(notZyb.json().error.message).toContain('只有政银保产品可以指定');
    const aBank = await bankA.post(`${F}/bank/products`, product({ coverInstitutionId: bankId }));
    expect(aBank.statusCode).toBe(400);
    expect(aBank.json().error.message).toContain('不是保险公司或融资性担保公司');
  });

  it('makes one loan when the officer clicks twice at once', async () => {
    const productId = await liveProduct({ coverInstitutionId: insurerId });
    const id = await acceptedOrder(productId);
    const [r1, r2] = await Promise.all([
      bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-101', coverInstitutionId: null }),
      bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-101', coverInstitutionId: null }),
    ]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect(r1.json().loanId).toBe(r2.json().loanId);
    expect([r1.json().created, r2.json().created].sort()).toEqual([false, true]);
  });

  it('asks for the insurer when the product names none, and refuses what is not an approved 政银保 loan', async () => {
    const zyb = await liveProduct();
    const id = await acceptedOrder(zyb);
    const noCover = await bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-201', coverInstitutionId: null });
    expect(noCover.statusCode).toBe(400);
    expect(noCover.json().error.message).toContain('保险/担保机构');
    const ok = await bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-201', coverInstitutionId: insurerId });
    expect(ok.json().created).toBe(true);

    const notYet = await acceptedOrder(zyb, null);
    const r = await bankA.post(`${F}/orders/${notYet}/loan`, { contractNo: 'ZYB-202', coverInstitutionId: insurerId });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('获批');

    const undisbursed = await acceptedOrder(zyb, { ...approved, disbursedOn: null });
    const u = await bankA.post(`${F}/orders/${undisbursed}/loan`, {
      contractNo: 'ZYB-203',
      coverInstitutionId: insurerId,
    });
    expect(u.statusCode).toBe(409);
    expect(u.json().error.message).toContain('放款');

    const equipment = await liveProduct({ name: '设备贷', type: 'equipment_loan' });
    const other = await acceptedOrder(equipment);
    const e = await bankA.post(`${F}/orders/${other}/loan`, { contractNo: 'ZYB-204', coverInstitutionId: insurerId });
    expect(e.statusCode).toBe(409);
    expect(e.json().error.message).toContain('政银保');
    expect((await bankA.get(`${F}/orders/${other}`)).json().loan).toBeNull();

    // A contract number the bank already recorded for another loan: refused, and the order stays uncarried.
    const dup = await acceptedOrder(zyb);
    const d = await bankA.post(`${F}/orders/${dup}/loan`, { contractNo: 'ZYB-201', coverInstitutionId: insurerId });
    expect(d.statusCode).toBe(409);
    expect((await bankA.get(`${F}/orders/${dup}`)).json().loan).toBeNull();
  });
});

describe("a need linked to the enterprise's library project", () => {
  it('shows the numbered project to the banks, and the carried loan finances it', async () => {
    const project = await makeNumberedProject(p.deps, enterpriseId, entUserId);
    const other = await makeEnterprise(p.deps, { districtCode: '440703' });
    const foreign = await makeNumberedProject(p.deps, other.id, entUserId);
    const refused = await ent.post(`${F}/needs`, { ...need, projectId: foreign.id });
    expect(refused.statusCode).toBe(400);
    const n = await ent.post(`${F}/needs`, { ...need, projectId: project.id });
    expect(n.statusCode).toBe(201);
    const needId = n.json().id as string;
    const seen = (await bankB.get(`${F}/needs`)).json().items.find((x: { id: string }) => x.id === needId);
    expect(seen.project).toEqual({ id: project.id, libraryNumber: project.libraryNumber, name: project.name });
    expect((await bankB.get(`${F}/needs/${needId}`)).json().project.libraryNumber).toBe(project.libraryNumber);

    const productId = await liveProduct({ coverInstitutionId: insurerId });
    const o = await ent.post(`${F}/needs/${needId}/orders`, { productId, shareProfile: true });
    const id = o.json().id as string;
    expect((await bankA.get(`${F}/orders/${id}`)).json().need.project.libraryNumber).toBe(project.libraryNumber);
    await bankA.post(`${F}/orders/${id}/accept`);
    await bankA.post(`${F}/orders/${id}/outcome`, approved);
    const r = await bankA.post(`${F}/orders/${id}/loan`, { contractNo: 'ZYB-301', coverInstitutionId: null });
    const loan = (await bankA.get(`/api/v1/loans/${r.json().loanId}`)).json();
    expect(loan.project).toMatchObject({ id: project.id, projectNo: project.libraryNumber });
  });
});

describe("the city's answer times", () => {
  it('starts from the platform defaults, and only the city administrator sets them, from today on', async () => {
    const r = (await city.get(`${F}/answer-times`)).json();
    expect(r.inForce).toMatchObject({ source: 'platform', firstContactDays: 2, decisionDays: 10 });
    expect((await bankA.get(`${F}/answer-times`)).statusCode).toBe(403);
    const body = {
      effectiveFrom: '2026-09-30',
      firstContactDays: 3,
      decisionDays: 8,
      greenFirstContactDays: 1,
      greenDecisionDays: 4,
      basis: '市工信局通知',
    };
    expect((await city.post(`${F}/answer-times`, body)).statusCode).toBe(403);
    const past = await admin.post(`${F}/answer-times`, { ...body, effectiveFrom: '2026-09-29' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toContain('施行日期');
    const green = await admin.post(`${F}/answer-times`, { ...body, greenDecisionDays: 9 });
    expect(green.statusCode).toBe(400);
    expect(green.json().error.message).toContain('绿色通道');

    const set = await admin.post(`${F}/answer-times`, body);
    expect(set.statusCode).toBe(201);
    const now = (await city.get(`${F}/answer-times`)).json();
    expect(now.inForce).toMatchObject({
      source: 'city',
      effectiveFrom: '2026-09-30',
      firstContactDays: 3,
      decisionDays: 8,
    });
    expect(now.settings).toHaveLength(1);
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, set.json().id), eq(auditEvents.action, 'financing_answer_times.set')));
    expect(events).toHaveLength(1);
  });

  it('counts new orders with the city times; a shorter promise of the bank still applies', async () => {
    // 3 working days after Wednesday 2026-09-30 across National Day: 10-08, 10-09, 10-10 (the make-up Saturday).
    const slow = await liveProduct({ name: '慢审贷', promisedDecisionDays: 20 });
    const n = (await ent.post(`${F}/needs`, need)).json().id as string;
    const o = await ent.post(`${F}/needs/${n}/orders`, { productId: slow, shareProfile: true });
    expect(o.json().contactDueOn).toBe('2026-10-10');
    const order = (await bankA.get(`${F}/orders/${o.json().id}`)).json();
    expect(order.contactDueBasis).toContain('市级');
    // The city's 8 working days bind a promise of 20: 10-08 … 10-16.
    const acc = await bankA.post(`${F}/orders/${o.json().id}/accept`);
    expect(acc.json().decisionDueOn).toBe('2026-10-16');
    // A promise of 5 is shorter and applies: 10-08, 10-09, 10-10, 10-12, 10-13.
    const fast = await liveProduct({ name: '快审贷', promisedDecisionDays: 5 });
    const n2 = (await ent.post(`${F}/needs`, need)).json().id as string;
    const o2 = await ent.post(`${F}/needs/${n2}/orders`, { productId: fast, shareProfile: true });
    expect((await bankA.post(`${F}/orders/${o2.json().id}/accept`)).json().decisionDueOn).toBe('2026-10-13');
  });

  it('applies a later setting only from its own date', async () => {
    const body = {
      effectiveFrom: '2026-10-12',
      firstContactDays: 5,
      decisionDays: 15,
      greenFirstContactDays: 2,
      greenDecisionDays: 6,
      basis: '调整',
    };
    expect((await admin.post(`${F}/answer-times`, body)).statusCode).toBe(201);
    const r = (await city.get(`${F}/answer-times`)).json();
    expect(r.inForce).toMatchObject({ effectiveFrom: '2026-09-30', firstContactDays: 3 });
    expect(r.settings.map((s: { effectiveFrom: string }) => s.effectiveFrom)).toEqual(['2026-10-12', '2026-09-30']);
    const n = (await ent.post(`${F}/needs`, need)).json().id as string;
    const t = await bankB.post(`${F}/needs/${n}/take`, { productId: null });
    expect(t.json().contactDueOn).toBe('2026-10-10');
  });
});
