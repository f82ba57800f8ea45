/**
 * Races and clocks: duplicate submissions (retried with an idempotency key, or sent twice at once), concurrent
 * drafts with one key, concurrent city approvals (unique, gap-free numbers), and the district's overdue count
 * across the Mid-Autumn holiday. On PostgreSQL (DATABASE_URL) the requests really run in parallel on a pool.
 */
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, projectDeclarationEvents, projectDeclarations, projects } from '../src/db/schema';
import { sweepProjectLibrary } from '../src/services/projects/sweep';
import { makeUser } from './helpers/factories';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import {
  cityReview,
  districtReview,
  draftOfNewManufacturer,
  type Library,
  manufacturerForm,
  readyDraft,
  setupLibrary,
  submit,
} from './projects-fixtures';

let p: TestPlatform;
let lib: Library;
const IN_MARCH_WINDOW = '2024-03-12T02:00:00Z';

beforeAll(async () => {
  p = await createTestPlatform({ now: IN_MARCH_WINDOW });
  lib = await setupLibrary(p);
});
afterAll(async () => p.close());

async function eventsOf(id: string, event: string): Promise<number> {
  const [r] = await p.deps.db
    .select({ n: count() })
    .from(projectDeclarationEvents)
    .where(and(eq(projectDeclarationEvents.declarationId, id), eq(projectDeclarationEvents.event, event)));
  return r?.n ?? 0;
}

describe('one submission per request', () => {
  it('the same request twice at once with one idempotency key: both answer 200, one submission', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const { s, id } = await draftOfNewManufacturer(lib);
    const key = `submit-${id}`;
    const [a, b] = await Promise.all([
      s.post(`/api/v1/declarations/${id}/submit`, undefined, { 'idempotency-key': key }),
      s.post(`/api/v1/declarations/${id}/submit`, undefined, { 'idempotency-key': key }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(a.json().state).toBe('submitted');
    expect(b.json().submissionCount).toBe(1);
    expect(await eventsOf(id, 'submit')).toBe(1);

    // A retry later with the same key is answered, not repeated.
    const retry = await s.post(`/api/v1/declarations/${id}/submit`, undefined, { 'idempotency-key': key });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().submissionCount).toBe(1);
    expect(await eventsOf(id, 'submit')).toBe(1);

    // The key belongs to that request: another declaration cannot reuse it.
    const other = await readyDraft(s, manufacturerForm(lib.provider.uscc));
    const reused = await s.post(`/api/v1/declarations/${other}/submit`, undefined, { 'idempotency-key': key });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('sent twice at once without a key: one succeeds, the other is told it is already submitted', async () => {
    const { s, id } = await draftOfNewManufacturer(lib);
    const res = await Promise.all([1, 2, 3].map(() => s.post(`/api/v1/declarations/${id}/submit`)));
    const codes = res.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
    const refused = res.find((r) => r.statusCode === 409)!;
    expect(refused.json().error.code).toBe('INVALID_STATE');
    expect(refused.json().error.message).toContain('待区县核实');
    expect(await eventsOf(id, 'submit')).toBe(1);
  });

  it('a refused submission leaves nothing behind, so its retry runs afresh', async () => {
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const id = (await s.post('/api/v1/declarations', manufacturerForm(lib.provider.uscc))).json().id;
    const first = await s.post(`/api/v1/declarations/${id}/submit`, undefined, { 'idempotency-key': `k-${id}` });
    expect(first.json().error.code).toBe('MATERIALS_MISSING');
    const second = await s.post(`/api/v1/declarations/${id}/submit`, undefined, { 'idempotency-key': `k-${id}` });
    expect(second.json().error.code).toBe('MATERIALS_MISSING');
  });

  it('drafts created twice at once with one key make one record', async () => {
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const body = manufacturerForm(lib.provider.uscc);
    const res = await Promise.all(
      [1, 2, 3].map(() => s.post('/api/v1/declarations', body, { 'idempotency-key': `create-${m.id}` })),
    );
    expect(res.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(res.map((r) => r.json().id)).size).toBe(1);
    const [n] = await p.deps.db
      .select({ n: count() })
      .from(projectDeclarations)
      .where(eq(projectDeclarations.enterpriseId, m.id));
    expect(n?.n).toBe(1);
  });
});

describe('numbering under concurrent approvals', () => {
  it('gives unique, gap-free numbers per year', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const { s, id } = await draftOfNewManufacturer(lib);
      await submit(s, id);
      ids.push(id);
    }
    const rev = await lib.as(lib.district['440703']!);
    const batch = await rev.post('/api/v1/declarations/review/district', {
      ids,
      decision: 'verify',
      reason: '核实无误',
    });
    expect(batch.json()).toMatchObject({ succeeded: 8, failed: 0 });

    // Two reviewers' sessions approving one by one and in batches, all at once.
    const c1 = await lib.as(lib.city);
    const c2 = await lib.as(await makeUser(p.deps, 'city_reviewer'));
    const res = await Promise.all([
      ...ids
        .slice(0, 5)
        .map((id, i) => (i % 2 ? c1 : c2).post('/api/v1/declarations/review/city', { ids: [id], decision: 'approve' })),
      c1.post('/api/v1/declarations/review/city', { ids: ids.slice(5), decision: 'approve' }),
      c2.post('/api/v1/declarations/review/city', { ids: ids.slice(5), decision: 'approve' }),
    ]);
    const results = res.flatMap((r) => r.json().results ?? [{ ok: false, error: r.json().error }]);
    const numbers = results.filter((r) => r.ok).map((r) => r.libraryNumber as string);
    expect(numbers).toHaveLength(8);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `JMSZ-2024-${String(i + 1).padStart(4, '0')}`),
    );
    // The declarations approved twice were refused the second time, taking no number.
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(3);
    expect(refused.every((r) => r.error.code === 'INVALID_STATE')).toBe(true);
    const rows = await p.deps.db.select({ n: projects.libraryNumber }).from(projects);
    expect(rows).toHaveLength(8);

    // A new year starts again at 0001.
    p.clock.set('2025-01-13T02:00:00Z');
    const { s, id } = await draftOfNewManufacturer(lib);
    await submit(s, id);
    await districtReview(lib, [id], {
      decision: 'verify',
    });
    const y = await cityReview(lib, [id], {
      decision: 'approve',
    });
    expect(y.json().results[0].libraryNumber).toBe('JMSZ-2025-0001');
  });
});

describe('overdue district verifications across a holiday', () => {
  it('counts a review overdue only after the 5th working day, skipping Mid-Autumn (15–17 Sept 2024)', async () => {
    // The September 2024 window runs 10–16 Sept (中秋 covers the 15th: extended by a day). Counting 5 working
    // days after the 16th skips 17 Sept (holiday): 18, 19, 20, 23, 24 → due 24 Sept. A count that ignored the
    // holiday would say 23 Sept.
    p.clock.set('2024-09-12T02:00:00Z');
    const reviewer = await makeUser(p.deps, 'district_reviewer', { districtCode: '440781' });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const m = await lib.newManufacturer({ districtCode: '440781' });
      const s = await lib.as(m.user);
      const id = await readyDraft(s, manufacturerForm(lib.provider.uscc, { siteDistrictCode: '440781' }));
      const d = await submit(s, id);
      expect(d).toMatchObject({ windowCloses: '2024-09-16', verifyDueOn: '2024-09-24' });
      ids.push(id);
    }
    const queueOn = async (instant: string) => {
      p.clock.set(instant);
      const s = await lib.as(reviewer);
      const q = await s.get('/api/v1/declarations/review-queue');
      expect(q.statusCode).toBe(200);
      return q.json();
    };
    let q = await queueOn('2024-09-23T02:00:00Z');
    expect(q).toMatchObject({ today: '2024-09-23', total: 2, overdueCount: 0, dueTodayCount: 0 });
    expect(q.items.map((x: { dueStatus: string }) => x.dueStatus)).toEqual(['pending', 'pending']);
    q = await queueOn('2024-09-24T15:59:00Z'); // 23:59 on the 24th in Jiangmen
    expect(q).toMatchObject({ today: '2024-09-24', overdueCount: 0, dueTodayCount: 2 });
    q = await queueOn('2024-09-24T16:00:00Z'); // midnight: the 25th
    expect(q).toMatchObject({ today: '2024-09-25', overdueCount: 2, dueTodayCount: 0 });
    expect(q.items.map((x: { dueStatus: string }) => x.dueStatus)).toEqual(['overdue', 'overdue']);
    const only = await (await lib.as(reviewer)).get('/api/v1/declarations/review-queue?overdueOnly=true');
    expect(only.json().total).toBe(2);

    // The reviewer is told once a day, however many sweeps run.
    await sweepProjectLibrary(p.deps);
    await sweepProjectLibrary(p.deps);
    const told = await p.deps.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientUserId, reviewer.id), eq(notifications.kind, 'review_overdue')));
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toBe('2 件入库申报核实已逾期');

    // Verifying one takes it off the count; the decision records that it was late.
    const s = await lib.as(reviewer);
    const v = await s.post('/api/v1/declarations/review/district', { ids: [ids[0]], decision: 'verify' });
    expect(v.json().results[0].ok).toBe(true);
    q = (await s.get('/api/v1/declarations/review-queue')).json();
    expect(q).toMatchObject({ total: 1, overdueCount: 1 });
    const [ev] = await p.deps.db
      .select()
      .from(projectDeclarationEvents)
      .where(
        and(eq(projectDeclarationEvents.declarationId, ids[0]!), eq(projectDeclarationEvents.event, 'district_verify')),
      );
    expect(ev!.details).toMatchObject({ overdue: true, verifyDueOn: '2024-09-24' });
  });
});
