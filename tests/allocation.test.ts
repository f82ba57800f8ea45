/**
 * The committed allocation: the budget is awarded once even when two commits start at once; the ¥1,000,000
 * per-enterprise cap holds across years (an enterprise near it receives only the rest) and R falls with the
 * loan's subsidy year; partial mode never exceeds the budget.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../src/db/client';
import { subsidyAllocationRuns, subsidyAwards, subsidyCampaigns } from '../src/db/schema';
import { systemCtx } from '../src/services/context';
import { runAllocation } from '../src/services/subsidy/run-allocation';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { apply, makeApplicant, openCampaign, subsidyStaff, verify } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let district: Session;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  ({ admin, city, district } = await subsidyStaff(p));
});
afterAll(async () => p.close());

const campaign = (over: Record<string, unknown>) => openCampaign(admin, over);

describe('committed allocation', () => {
  it('two commits started at once award the budget once; partial mode stops at the budget', async () => {
    const id = await campaign({ year: 2030, budget: '20000.00', allocationMode: 'partial' });
    // Three applications of 8100.00 each (30000 × 90% × 30%); the budget covers two and part of the third.
    for (let i = 0; i < 3; i++) {
      const a = await makeApplicant(p, { disbursedAt: `2024-04-0${i + 1}T02:00:00Z` });
      const r = await apply(a, id);
      expect(r.status).toBe(201);
      await verify(district, city, r.id);
    }
    const [x, y] = await Promise.all([
      admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, { dryRun: false, closeCampaign: true }),
      admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, { dryRun: false, closeCampaign: true }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const loser = x.statusCode === 409 ? x : y;
    expect(loser.json().error.code).toBe('ALREADY_ALLOCATED');
    const runs = await p.deps.db.select().from(subsidyAllocationRuns).where(eq(subsidyAllocationRuns.campaignId, id));
    expect(runs.filter((r) => r.kind === 'commit')).toHaveLength(1);
    const [{ total }] = (await p.deps.db
      .select({ total: sql<string>`coalesce(sum(${subsidyAwards.awardedFen}), 0)::text` })
      .from(subsidyAwards)
      .where(eq(subsidyAwards.campaignId, id))) as [{ total: string }];
    expect(BigInt(total)).toBe(2_000_000n);
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c!.allocatedFen).toBe(2_000_000n);
    const awards = await p.deps.db
      .select()
      .from(subsidyAwards)
      .where(eq(subsidyAwards.campaignId, id))
      .orderBy(subsidyAwards.rank);
    expect(awards.map((a) => [a.status, a.awardedFen])).toEqual([
      ['funded', 810_000n],
      ['funded', 810_000n],
      ['partial', 380_000n],
    ]);
  });

  it('an enterprise near its ¥1,000,000 cap receives only the rest; year two uses R = 80%', async () => {
    const y1 = await campaign({
      year: 2031,
      budget: '2000000.00',
      interestFrom: '2024-01-01',
      interestTo: '2024-12-31',
    });
    // I = 1,050,000; IN = 6,000,000 ≥ LV → C = 1; R = 90% → 945,000.00
    const a = await makeApplicant(p, {
      loanAmountFen: 500_000_000n,
      investmentAtDeclarationFen: 600_000_000n,
      interestFen: [52_500_000n, 52_500_000n, 10_000_000n],
      paidDates: ['2024-06-01', '2024-12-01', '2025-06-01'],
    });
    const r1 = await apply(a, y1, {
      newInvestment: '0.00',
      loans: [{ loanId: a.loanId, claimedInterest: '1050000.00' }],
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    await verify(district, city, r1.id);
    const c1 = await admin.post(`/api/v1/subsidy/campaigns/${y1}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(c1.statusCode, c1.body).toBe(201);
    expect(c1.json().totalAwarded).toBe('945000.00');

    // Next year: interest 100,000 paid in 2025; year two → R = 80% → 80,000, but only 55,000 is left.
    const y2 = await campaign({
      year: 2032,
      budget: '2000000.00',
      interestFrom: '2025-01-01',
      interestTo: '2025-12-31',
    });
    const r2 = await apply(a, y2, {
      interestFrom: '2025-01-01',
      interestTo: '2025-12-31',
      newInvestment: '0.00',
      loans: [{ loanId: a.loanId, claimedInterest: '100000.00' }],
    });
    expect(r2.status, JSON.stringify(r2.body)).toBe(201);
    await verify(district, city, r2.id);
    const detail = (await city.get(`/api/v1/subsidy/applications/${r2.id}`)).json();
    expect(detail.decision.subsidyYears[a.loanId]).toBe(2);
    expect(detail.decision.explanation.join('\n')).toContain('第2年补助比例 R = 90% − 10% × 1 = 80%');
    const c2 = await admin.post(`/api/v1/subsidy/campaigns/${y2}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(c2.statusCode, c2.body).toBe(201);
    expect(c2.json().totalAwarded).toBe('55000.00');
    const [award] = await p.deps.db.select().from(subsidyAwards).where(eq(subsidyAwards.applicationId, r2.id));
    expect(award!.computedFen).toBe(8_000_000n);
    expect(award!.cappedFen).toBe(5_500_000n);
    expect(award!.awardedFen).toBe(5_500_000n);
    expect(award!.explanation).toContain('核减为55,000.00元');
    const mine = (await a.session.get('/api/v1/subsidy/mine')).json();
    expect(mine).toMatchObject({ cap: '1000000.00', used: '1000000.00', remaining: '0.00' });
  });

  it('two app instances (separate connection pools) committing at once: one run, budget awarded once', async () => {
    const id = await campaign({ year: 2034, budget: '10000.00', allocationMode: 'skip' });
    for (let i = 0; i < 2; i++) {
      const a = await makeApplicant(p, { disbursedAt: `2024-04-0${i + 1}T02:00:00Z` });
      const r = await apply(a, id);
      await verify(district, city, r.id);
    }
    // On PostgreSQL the second instance has its own pool; on PGlite (one connection) it shares the database.
    let second: Database | null = null;
    let deps2 = p.deps;
    if (p.database.kind === 'postgres') {
      // biome-ignore lint/suspicious/noExplicitAny: node-postgres pool behind drizzle
      const url = ((p.database.db as any).$client as { options: { connectionString: string } }).options
        .connectionString;
      second = await openDatabase({ databaseUrl: url, poolSize: 2 });
      deps2 = { ...p.deps, db: second.db, readDb: second.db };
    }
    const ctxOf = (deps: typeof p.deps) => {
      const ctx = systemCtx(deps, 'city-admin-test');
      return { ...ctx, actor: ctx.actor!, now: p.clock() };
    };
    const results = await Promise.allSettled([
      runAllocation(ctxOf(p.deps), id, { dryRun: false, closeCampaign: true }),
      runAllocation(ctxOf(deps2), id, { dryRun: false, closeCampaign: true }),
    ]);
    await second?.close();
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe('ALREADY_ALLOCATED');
    const [{ total }] = (await p.deps.db
      .select({ total: sql<string>`coalesce(sum(${subsidyAwards.awardedFen}), 0)::text` })
      .from(subsidyAwards)
      .where(eq(subsidyAwards.campaignId, id))) as [{ total: string }];
    // skip mode: the first 8100.00 fits; the second does not fit the remaining 1900.00 and is skipped.
    expect(BigInt(total)).toBe(810_000n);
  });

  it('a dry run refuses nothing and writes no award; a commit with nothing verified is refused', async () => {
    const id = await campaign({ year: 2033 });
    const dry = await admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().applicationCount).toBe(0);
    const commit = await admin.post(`/api/v1/subsidy/campaigns/${id}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.message).toContain('没有市级核实通过的申请');
  });
});
