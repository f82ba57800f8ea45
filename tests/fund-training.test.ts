/**
 * 人才培养 (江工信工业互联网〔2021〕4号 第八条（四）) over HTTP: the operator records training events against its
 * year's programme budget (¥1,000,000, not an enterprise grant) and sees progress against the targets (10 sessions,
 * 500 people); the budget is never exceeded, even by concurrent events; another operator sees nothing of it; the
 * city sees every operator's; an enterprise is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { institutions } from '../src/db/schema';
import { makeEnterprise, makeUser } from './helpers/factories';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
const s: Record<string, Session> = {};

async function session(role: Parameters<typeof makeUser>[1], scope: Parameters<typeof makeUser>[2] = {}) {
  const u = await makeUser(p.deps, role, scope);
  return loginAs(p.app, u.username, u.password);
}
const event = (over: Record<string, unknown> = {}) => ({
  year: 2026,
  heldOn: '2026-03-10',
  title: '工业互联网赋能企业数字化转型培训',
  attendees: 60,
  cost: '80000.00',
  ...over,
});

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-06-15T02:00:00Z' });
  const inst = async (name: string) =>
    (await p.deps.db.insert(institutions).values({ kind: 'operator', name, shortName: name }).returning())[0]!.id;
  s.operator = await session('fund_operator', { institutionId: await inst('数字江门网络建设有限公司') });
  s.other = await session('fund_operator', { institutionId: await inst('另一受托机构') });
  s.city = await session('city_reviewer');
  const e = await makeEnterprise(p.deps);
  s.enterprise = await session('enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true });
});
afterAll(async () => p.close());

describe('人才培养: a programme budget spent on training events', () => {
  it('before any event the operator sees the year’s budget and targets with their articles', async () => {
    const r = await s.operator!.get('/api/v1/fund/training?year=2026');
    expect(r.statusCode, r.body).toBe(200);
    const [y] = r.json().items;
    expect(y).toMatchObject({
      budget: '1000000.00',
      spent: '0.00',
      targets: { sessions: 10, people: 500 },
      progress: { sessions: 0, people: 0, sessionsMet: false, peopleMet: false },
    });
    expect(y.basis.join('')).toContain('第八条（四）');
  });

  it('events are recorded against the budget; progress is counted against the targets', async () => {
    for (let i = 0; i < 9; i++) {
      const r = await s.operator!.post('/api/v1/fund/training/events', event({ heldOn: `2026-0${(i % 5) + 1}-1${i}` }));
      expect(r.statusCode, r.body).toBe(201);
    }
    let y = (await s.operator!.get('/api/v1/fund/training?year=2026')).json().items[0];
    expect(y.progress).toEqual({ sessions: 9, people: 540, sessionsMet: false, peopleMet: true });
    expect([y.spent, y.left]).toEqual(['720000.00', '280000.00']);
    expect((await s.operator!.post('/api/v1/fund/training/events', event({ attendees: 20 }))).statusCode).toBe(201);
    y = (await s.operator!.get('/api/v1/fund/training?year=2026')).json().items[0];
    expect(y.progress).toMatchObject({ sessions: 10, sessionsMet: true });
    expect(y.events).toHaveLength(10);
  });

  it('an event over what is left is refused citing 第八条（四）; concurrent events never overspend', async () => {
    const over = await s.operator!.post('/api/v1/fund/training/events', event({ cost: '200000.01' }));
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toContain('第八条（四）');
    // 200,000 left: two concurrent events of 150,000 — one fits.
    const [a, b] = await Promise.all([
      s.operator!.post('/api/v1/fund/training/events', event({ cost: '150000.00' })),
      s.operator!.post('/api/v1/fund/training/events', event({ cost: '150000.00' })),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 400]);
    const y = (await s.operator!.get('/api/v1/fund/training?year=2026')).json().items[0];
    expect([y.spent, y.left]).toEqual(['950000.00', '50000.00']);
  });

  it('bad dates and input are refused with Chinese messages, never a 500', async () => {
    const future = await s.operator!.post('/api/v1/fund/training/events', event({ heldOn: '2026-07-01' }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('不能晚于今天');
    const otherYear = await s.operator!.post('/api/v1/fund/training/events', event({ heldOn: '2025-12-01' }));
    expect(otherYear.json().error.message).toContain('2026年内');
    for (const body of [{}, event({ attendees: 0 }), event({ cost: '-1' }), event({ title: '' })])
      expect((await s.operator!.post('/api/v1/fund/training/events', body)).statusCode).toBe(400);
  });

  it('scope: another operator sees only its own; the city sees all; an enterprise is refused', async () => {
    const other = (await s.other!.get('/api/v1/fund/training?year=2026')).json().items;
    expect(other).toHaveLength(1);
    expect(other[0]).toMatchObject({ spent: '0.00', events: [] });
    const city = (await s.city!.get('/api/v1/fund/training?year=2026')).json().items;
    expect(city.map((y: { operatorName: string }) => y.operatorName)).toEqual(['数字江门网络建设有限公司']);
    expect((await s.city!.post('/api/v1/fund/training/events', event())).statusCode).toBe(403);
    expect((await s.enterprise!.get('/api/v1/fund/training?year=2026')).statusCode).toBe(403);
  });
});
