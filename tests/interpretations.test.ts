/**
 * The register of interpretations: the bureau rules that 申报指南 三（三）"不能超过6个自然月" counts calendar
 * months; a city administrator records the ruling, a second person approves it, and decisions dated from its
 * effective date on follow it and name it in their trace, while earlier decisions keep the default reading.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { type RuleMakers, ruleMakers } from './helpers/people';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { ELIGIBLE_MANUFACTURER } from './helpers/zyb-facts';

let p: TestPlatform;
let people: RuleMakers;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-12-02T02:00:00Z' });
  people = await ruleMakers(p);
});
afterAll(async () => p.close());

const NOTICE = '江工信函〔2025〕88号';
const ruling = (over: Record<string, unknown> = {}) => ({
  interpretationId: 'zyb.loan_gap_months',
  option: 'calendar_month',
  effectiveFrom: '2026-01-01',
  notice: NOTICE,
  noticeDate: '2025-12-20',
  reason: '按自然月计算，8月放款的贷款可在次年2月入库申报',
  ...over,
});

/** Disbursed 2024-08-05, declared 2025-02-12: 6 months and 7 days to the day, 6 calendar months by month. */
const decision = (asOf: string) => ({
  ...ELIGIBLE_MANUFACTURER,
  projectStartOn: '2024-07-01',
  projectEndOn: '2027-12-31',
  declaredOn: '2025-02-12',
  loanDisbursedOn: '2024-08-05',
  interestPaid: '50000.00',
  yearIndex: 1,
  digitalInvestment: '5000000.00',
  loanAmount: '5000000.00',
  asOf,
});
const decide = (asOf: string) => people.pub.post('/api/v1/calculators/zyb-decision', decision(asOf));
const gapOf = (body: { eligibility: { conditions: { code: string; status: string; message: string }[] } }) =>
  body.eligibility.conditions.find((c) => c.code === 'ZYB_LOAN_GAP')!;

let id: string;

describe('the register', () => {
  it('lists every named reading publicly, with the default in force and no ruling yet', async () => {
    const r = await people.pub.get('/api/v1/policies/interpretations?asOf=2026-03-01');
    expect(r.statusCode).toBe(200);
    const ids = r.json().interpretations.map((i: { id: string }) => i.id);
    expect(ids).toEqual([
      'zyb.loan_gap_months',
      'zyb.window_extension_in_holiday',
      'zyb.first_year_subject',
      'zyb.annual_decrement_points',
      'iifund.measure13_floor',
      'ranking.ties',
    ]);
    const gap = r.json().interpretations[0];
    expect(gap).toMatchObject({
      citation: '申报指南 三（三）',
      defaultOption: 'exact_day',
      inForce: { option: 'exact_day', rulingId: null },
      rulings: [],
    });
  });

  it('decides with the default reading before any ruling, and names it in the trace', async () => {
    const r = await decide('2026-03-01');
    expect(r.json().status).toBe('ineligible');
    expect(gapOf(r.json()).status).toBe('fail');
    expect(r.json().readings).toEqual([
      expect.objectContaining({ interpretationId: 'zyb.loan_gap_months', option: 'exact_day', isDefault: true }),
      expect.objectContaining({ interpretationId: 'zyb.window_extension_in_holiday', option: 'calendar_days' }),
      expect.objectContaining({
        interpretationId: 'zyb.first_year_subject',
        option: 'per_enterprise',
        isDefault: true,
      }),
    ]);
    expect(r.json().explanation.join('\n')).toContain(
      '解释口径“放款与入库申报“不能超过6个自然月”的计算”：按日计算：自较早日期起6个月的对应日为止（无对应日的取当月末日）（平台默认读法，市工业和信息化局尚未裁定）',
    );
  });
});

describe('recording a ruling', () => {
  it('is for the city administrator only', async () => {
    expect((await people.reviewer.post('/api/v1/interpretations/rulings', ruling())).statusCode).toBe(403);
    expect((await people.district.post('/api/v1/interpretations/rulings', ruling())).statusCode).toBe(403);
    expect((await people.pub.post('/api/v1/interpretations/rulings', ruling())).statusCode).toBe(401);
  });

  it('refuses an unknown reading, a reading the engine cannot follow and a ruling dated before its notice', async () => {
    const bad = await people.maker.post('/api/v1/interpretations/rulings', ruling({ option: 'by_week' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('没有“by_week”这一读法，可选：exact_day、calendar_month');
    const unwired = await people.maker.post(
      '/api/v1/interpretations/rulings',
      ruling({ interpretationId: 'zyb.annual_decrement_points', option: 'relative' }),
    );
    expect(unwired.statusCode).toBe(400);
    expect(unwired.json().error.message).toContain('尚未接入计算引擎');
    const early = await people.maker.post('/api/v1/interpretations/rulings', ruling({ effectiveFrom: '2025-12-01' }));
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toContain('适用起始日期不能早于通知日期');
    const unknown = await people.maker.post('/api/v1/interpretations/rulings', ruling({ interpretationId: 'x' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toContain('没有这一解释口径');
  });

  it('records a draft that neither the public nor decisions see', async () => {
    const r = await people.maker.post('/api/v1/interpretations/rulings', ruling());
    expect(r.statusCode).toBe(201);
    id = r.json().id;
    const again = await people.maker.post('/api/v1/interpretations/rulings', ruling());
    expect(again.statusCode).toBe(409);
    const pubList = await people.pub.get('/api/v1/policies/interpretations?asOf=2026-03-01');
    expect(pubList.json().interpretations[0].rulings).toEqual([]);
    const city = await people.reviewer.get('/api/v1/interpretations?asOf=2026-03-01');
    expect(city.json().interpretations[0].rulings.map((x: { id: string; status: string }) => [x.id, x.status])).toEqual(
      [[id, 'draft']],
    );
    expect((await people.district.get('/api/v1/interpretations')).statusCode).toBe(403);
    expect(gapOf((await decide('2026-03-01')).json()).status).toBe('fail');
  });

  it('is not approved by the one who recorded it (maker–checker)', async () => {
    const r = await people.maker.post(`/api/v1/interpretations/rulings/${id}/approve`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toContain('登记人以外');
    expect((await people.district.post(`/api/v1/interpretations/rulings/${id}/approve`)).statusCode).toBe(403);
    const missing = await people.reviewer.post(
      '/api/v1/interpretations/rulings/00000000-0000-4000-8000-000000000000/approve',
    );
    expect(missing.statusCode).toBe(404);
    expect((await people.reviewer.post('/api/v1/interpretations/rulings/not-an-id/approve')).statusCode).toBe(400);
  });
});

describe('an approved ruling', () => {
  it('is approved by a second person, with both audit events', async () => {
    const r = await people.reviewer.post(`/api/v1/interpretations/rulings/${id}/approve`);
    expect(r.statusCode).toBe(200);
    expect((await people.reviewer.post(`/api/v1/interpretations/rulings/${id}/approve`)).statusCode).toBe(409);
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'interpretation_ruling'), eq(auditEvents.objectId, id)));
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ['interpretation_ruling.recorded', people.maker.userId],
      ['interpretation_ruling.approved', people.reviewer.userId],
    ]);
  });

  it('applies to decisions from its date on, and the trace cites the ruling', async () => {
    const after = await decide('2026-03-01');
    expect(after.json().status).toBe('award');
    expect(gapOf(after.json())).toMatchObject({ status: 'pass' });
    expect(gapOf(after.json()).message).toContain('按自然月计至该月末日');
    expect(after.json().readings[0]).toEqual(
      expect.objectContaining({ option: 'calendar_month', isDefault: false, rulingId: id, notice: NOTICE }),
    );
    const step = after.json().trace.steps.find((s: { code: string }) => s.code === 'interpretation');
    expect(step.text).toContain(`依${NOTICE}裁定，自2026-01-01起适用`);
    expect(step.citation).toBe('申报指南 三（三）');

    const before = await decide('2025-12-31');
    expect(before.json().status).toBe('ineligible');
    expect(before.json().readings[0]).toMatchObject({ option: 'exact_day', isDefault: true });
  });

  it('shows publicly as the reading in force from its date, with its history', async () => {
    const on = await people.pub.get('/api/v1/policies/interpretations?asOf=2026-03-01');
    expect(on.json().interpretations[0]).toMatchObject({
      inForce: { option: 'calendar_month', rulingId: id },
      rulings: [
        { id, status: 'approved', notice: NOTICE, effectiveFrom: '2026-01-01', approvedBy: people.reviewer.userId },
      ],
    });
    const earlier = await people.pub.get('/api/v1/policies/interpretations?asOf=2025-12-31');
    expect(earlier.json().interpretations[0].inForce).toMatchObject({ option: 'exact_day', rulingId: null });
  });
});
