/**
 * The what-if sandbox: over a campaign's real verified applications, a scenario with half the budget shows who
 * loses and by how much, by district and by month, beside the live outcome; a lower ratio shows every amount
 * falling. Nothing is written: no run, no award, no status changes.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, subsidyAllocationRuns, subsidyApplications } from '../src/db/schema';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { campaignWithThreeVerified, staff } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let campaignId: string;
const names: string[] = [];

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  admin = await staff(p, 'city_admin');
  city = await staff(p, 'city_reviewer');
  const seeded = await campaignWithThreeVerified(p, admin, city);
  campaignId = seeded.campaignId;
  names.push(...seeded.names);
});
afterAll(async () => p.close());

const sandbox = (body: Record<string, unknown>, who: Session = admin) =>
  who.post(`/api/v1/subsidy/campaigns/${campaignId}/sandbox`, body);

describe('a scenario with half the budget', () => {
  it('shows who loses and by how much, beside the live outcome', async () => {
    const r = await sandbox({ budget: '12150.00' });
    expect(r.statusCode, r.body).toBe(200);
    const b = r.json();
    expect(b.applications).toBe(3);
    expect(b.live).toMatchObject({ budget: '24300.00', awarded: '24300.00', remaining: '0.00', funded: 3 });
    expect(b.scenario).toMatchObject({ budget: '12150.00', awarded: '12150.00', remaining: '0.00', funded: 2 });
    expect(b.losers).toBe(2);
    expect(b.gainers).toBe(0);
    expect(b.changes.map((c: Record<string, string>) => [c.enterpriseName, c.live, c.scenario, c.difference])).toEqual([
      [names[2], '8100.00', '0.00', '-8100.00'],
      [names[1], '8100.00', '4050.00', '-4050.00'],
    ]);
    expect(b.byDistrict).toEqual([
      { key: '440703', label: '蓬江区', live: '8100.00', scenario: '8100.00', difference: '0.00' },
      { key: '440704', label: '江海区', live: '16200.00', scenario: '4050.00', difference: '-12150.00' },
    ]);
    expect(b.byMonth.map((g: Record<string, string>) => [g.label, g.difference])).toEqual([
      ['2024年3月', '-4050.00'],
      ['2024年4月', '-8100.00'],
    ]);
    expect(b.changed).toEqual(['预算：24300.00元 → 12150.00元']);
  });

  it('in stop mode funds only the first and leaves the rest of the budget', async () => {
    const b = (await sandbox({ budget: '12150.00', allocationMode: 'stop' })).json();
    expect(b.scenario).toMatchObject({ awarded: '8100.00', remaining: '4050.00', funded: 1, mode: 'stop' });
  });
});

describe('a scenario with a lower ratio', () => {
  it('recomputes every amount and leaves budget', async () => {
    const b = (await sandbox({ firstYearRatio: '0.45' })).json();
    expect(b.scenario).toMatchObject({ awarded: '12150.00', remaining: '12150.00', funded: 3 });
    expect(b.changes.map((c: Record<string, string>) => c.difference)).toEqual(['-4050.00', '-4050.00', '-4050.00']);
  });
});

describe('the sandbox', () => {
  it('touches nothing live: no run, no award, no audit event, applications still verified', async () => {
    const runs = await p.deps.db
      .select()
      .from(subsidyAllocationRuns)
      .where(eq(subsidyAllocationRuns.campaignId, campaignId));
    expect(runs).toEqual([]);
    const apps = await p.deps.db
      .select({ status: subsidyApplications.status })
      .from(subsidyApplications)
      .where(eq(subsidyApplications.campaignId, campaignId));
    expect(apps.map((a) => a.status)).toEqual(['verified', 'verified', 'verified']);
    const events = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, campaignId));
    expect(events.map((e) => e.action)).toEqual(['subsidy.campaign_created']);
  });

  it('is for the city administrator; bad input is a clear 400; an unknown campaign is a 404', async () => {
    expect((await sandbox({}, city)).statusCode).toBe(403);
    const bad = await sandbox({ budget: '十万' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('应为金额（元）');
    const ratio = await sandbox({ firstYearRatio: '2' });
    expect(ratio.statusCode).toBe(400);
    expect(ratio.json().error.message).toContain('应为0至1之间的小数');
    const unknown = await admin.post('/api/v1/subsidy/campaigns/00000000-0000-4000-8000-000000000000/sandbox', {});
    expect(unknown.statusCode).toBe(404);
  });
});
