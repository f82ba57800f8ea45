/**
 * 递补: budget freed during the public notice goes to the next in line. An upheld objection revokes or reduces an
 * award; a supplementary run funds the applications the committed run left unfunded or partly funded, in the
 * same order (申报指南 六（四）) and exactly up to the freed amount; two commits at once award once; the
 * per-enterprise ¥1,000,000 cap holds across years, the original and the 递补 awards; the 递补 awards get their own
 * 递补公示 and the funding plan waits for every notice's period and objection, then lists both kinds.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  projectDeclarations,
  subsidyAllocationRuns,
  subsidyAwards,
  subsidyCampaigns,
  subsidyCapLedger,
  subsidyObjections,
} from '../src/db/schema';
import { anonymous, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { type Applicant, apply, makeApplicant, openCampaign, subsidyStaff, verify } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let district: Session;
let ipSeq = 0;

const START = '2025-03-15T02:00:00Z';

beforeAll(async () => {
  p = await createTestPlatform({ now: START });
  await signIn();
});
afterAll(async () => p.close());

/** Sessions idle out when the clock moves by days: sign in again. */
async function signIn() {
  ({ admin, city, district } = await subsidyStaff(p));
}

async function at(instant: string) {
  p.clock.set(instant);
  await signIn();
}

const campaign = (over: Record<string, unknown>) => openCampaign(admin, over);

/** Applicants of 8,100.00 each (I 30,000 × R 90% × C 30%), ranked by disbursement day. */
async function applicants(campaignId: string, n: number): Promise<{ a: Applicant; appId: string }[]> {
  const out: { a: Applicant; appId: string }[] = [];
  for (let i = 0; i < n; i++) {
    const a = await makeApplicant(p, { disbursedAt: `2024-04-0${i + 1}T02:00:00Z` });
    const r = await apply(a, campaignId);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    await verify(district, city, r.id);
    out.push({ a, appId: r.id });
  }
  return out;
}

const base = (id: string) => `/api/v1/subsidy/campaigns/${id}`;

async function commitAndPublish(id: string): Promise<string> {
  const c = await admin.post(`${base(id)}/allocation-runs`, { dryRun: false, closeCampaign: true });
  expect(c.statusCode, c.body).toBe(201);
  const n = await admin.post(`${base(id)}/notice`, {});
  expect(n.statusCode, n.body).toBe(201);
  return n.json().id;
}

async function awardsOf(id: string) {
  return p.deps.db.select().from(subsidyAwards).where(eq(subsidyAwards.campaignId, id));
}

async function awardOf(campaignId: string, applicationId: string, supplementary = false) {
  const all = await awardsOf(campaignId);
  return all.find((a) => a.applicationId === applicationId && a.supplementary === supplementary)!;
}

/** Lodges an objection on the public page (each from its own address: the public form is rate-limited). */
async function lodge(noticeId: string, awardId: string): Promise<string> {
  ipSeq++;
  const res = await anonymous(p.app).request({
    method: 'POST',
    url: `/api/v1/public/notices/${noticeId}/objections`,
    payload: { name: '王五', contact: '13900001111', reason: '该企业的贷款利息凭证与银行记录不符，请核查。', awardId },
    remoteAddress: `10.9.0.${ipSeq}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  const objs = (await city.get(`/api/v1/subsidy/notices/${noticeId}/objections`)).json().items as {
    id: string;
    caseNo: string;
  }[];
  return objs.find((o) => o.caseNo === res.json().caseNo)!.id;
}

async function uphold(objectionId: string, extra: Record<string, unknown>) {
  const res = await city.post(`/api/v1/subsidy/objections/${objectionId}/handle`, {
    status: 'closed',
    outcome: 'upheld',
    note: '经核查，企业申报利息与银行记录不符，异议成立。',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

/** The fixture names every project alike; an enterprise's project names are unique. */
async function renameProjects(enterpriseId: string, suffix: string) {
  await p.deps.db
    .update(projectDeclarations)
    .set({ name: sql`${projectDeclarations.name} || ${`（${suffix}）`}` })
    .where(sql`${projectDeclarations.enterpriseId} = ${enterpriseId} and ${projectDeclarations.name} not like '%期）'`);
}

async function ledgerSum(enterpriseId: string): Promise<bigint> {
  const [r] = (await p.deps.db
    .select({ s: sql<string>`coalesce(sum(${subsidyCapLedger.amountFen}), 0)::text` })
    .from(subsidyCapLedger)
    .where(eq(subsidyCapLedger.enterpriseId, enterpriseId))) as [{ s: string }];
  return BigInt(r.s);
}

describe('递补: freed budget goes to the next in line', () => {
  let id: string;
  let apps: { a: Applicant; appId: string }[];
  let noticeId: string;

  it('an upheld objection revokes one award and reduces another, with the reason and an audit event', async () => {
    await at(START);
    id = await campaign({ year: 2040, budget: '20000.00', allocationMode: 'partial' });
    apps = await applicants(id, 4);
    noticeId = await commitAndPublish(id);
    // A 8,100 · B 8,100 · C 3,800 (partial) · D 0 (unfunded)
    const [A, B, C, D] = await Promise.all(apps.map((x) => awardOf(id, x.appId)));
    expect([A, B, C, D].map((x) => [x!.status, x!.awardedFen])).toEqual([
      ['funded', 810_000n],
      ['funded', 810_000n],
      ['partial', 380_000n],
      ['unfunded', 0n],
    ]);
    // Nothing freed yet: a 递补 commit is refused and writes nothing.
    const none = await admin.post(`${base(id)}/supplementary-runs`, { dryRun: false });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error.code).toBe('NO_FREED_BUDGET');

    const oA = await lodge(noticeId, A!.id);
    const oB = await lodge(noticeId, B!.id);
    // Reduce and revoke need an upheld outcome; reduce must stay below the current amount.
    const notUpheld = await city.post(`/api/v1/subsidy/objections/${oB}/handle`, {
      status: 'closed',
      outcome: 'rejected',
      note: '异议不成立',
      reduceTo: '5000.00',
    });
    expect(notUpheld.statusCode).toBe(400);
    expect(notUpheld.json().error.message).toContain('核减后金额');
    const tooHigh = await city.post(`/api/v1/subsidy/objections/${oB}/handle`, {
      status: 'closed',
      outcome: 'upheld',
      note: '异议成立',
      reduceTo: '9000.00',
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().error.message).toContain('低于现安排金额8100.00元');

    await uphold(oA, { revokeAward: true });
    await uphold(oB, { reduceTo: '5000.00' });
    const [A2, B2] = await Promise.all([awardOf(id, apps[0]!.appId), awardOf(id, apps[1]!.appId)]);
    expect(A2).toMatchObject({ status: 'revoked', awardedBeforeAdjustmentFen: 810_000n });
    expect(A2!.adjustmentReason).toContain('异议成立');
    expect(B2).toMatchObject({ status: 'reduced', awardedFen: 500_000n, awardedBeforeAdjustmentFen: 810_000n });
    expect(await ledgerSum(apps[1]!.a.enterpriseId)).toBe(500_000n);
    const events = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, B2!.id));
    expect(events.map((e) => e.action)).toContain('subsidy.award_reduced');
    const status = (await admin.get(`${base(id)}/supplementary`)).json();
    expect(status).toMatchObject({
      budget: '20000.00',
      standing: '8800.00',
      freed: '11200.00',
      revokedCount: 1,
      reducedCount: 1,
      canRun: true,
      pendingRunId: null,
    });
  });

  it('the 递补 run funds the next applications in order exactly up to the freed amount; dry run first', async () => {
    const dry = await admin.post(`${base(id)}/supplementary-runs`, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const d = dry.json();
    expect(d).toMatchObject({ kind: 'supplement_dry_run', budget: '11200.00', totalAwarded: '11200.00' });
    // C first (rank 3, lacks 4,300.00), then D (rank 4, lacks 8,100.00, gets the remaining 6,900.00).
    expect(d.rows.map((r: { rank: number; awarded: string; status: string }) => [r.rank, r.awarded, r.status])).toEqual(
      [
        [3, '4300.00', 'funded'],
        [4, '6900.00', 'partial'],
      ],
    );
    // A revoked and a reduced award are not candidates.
    expect(d.rows.map((r: { applicationId: string }) => r.applicationId)).not.toContain(apps[0]!.appId);
    expect((await awardsOf(id)).filter((a) => a.supplementary)).toHaveLength(0);

    const byReviewer = await city.post(`${base(id)}/supplementary-runs`, { dryRun: false });
    expect(byReviewer.statusCode).toBe(403);
    const commit = await admin.post(`${base(id)}/supplementary-runs`, { dryRun: false });
    expect(commit.statusCode, commit.body).toBe(201);
    expect(commit.json()).toMatchObject({ kind: 'supplement', totalAwarded: '11200.00', remaining: '0.00' });
    const supp = (await awardsOf(id)).filter((a) => a.supplementary);
    expect(supp.map((a) => [a.applicationId, a.awardedFen, a.status]).sort()).toEqual(
      [
        [apps[2]!.appId, 430_000n, 'funded'],
        [apps[3]!.appId, 690_000n, 'partial'],
      ].sort(),
    );
    const cTop = supp.find((a) => a.applicationId === apps[2]!.appId)!;
    expect(cTop.explanation).toContain('递补');
    expect(cTop.explanation).toContain('申报指南 六（四）');
    expect(cTop.explanation).toContain('已安排3800.00元');
    // Never above the budget; the campaign's total is the standing awards.
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c!.allocatedFen).toBe(2_000_000n);
    const standing = (await awardsOf(id)).filter((a) => a.status !== 'revoked').reduce((s, a) => s + a.awardedFen, 0n);
    expect(standing).toBe(2_000_000n);
    // D moved from unfunded to awarded.
    const dApp = (await city.get(`/api/v1/subsidy/applications/${apps[3]!.appId}`)).json();
    expect(dApp.status).toBe('awarded');
    expect(dApp.supplementaryAwards.map((x: { awarded: string }) => x.awarded)).toEqual(['6900.00']);
    const cApp = (await city.get(`/api/v1/subsidy/applications/${apps[2]!.appId}`)).json();
    expect(cApp.award.awarded).toBe('3800.00');
    expect(cApp.supplementaryAwards).toHaveLength(1);
    expect(cApp.supplementaryAwards[0]).toMatchObject({ awarded: '4300.00', status: 'funded' });
    expect(cApp.supplementaryAwards[0].explanation.join('')).toContain('递补');
    // The enterprise sees its 递补 award.
    const mine = (await apps[3]!.a.session.get('/api/v1/subsidy/mine')).json();
    expect(mine.used).toBe('6900.00');
    // The city's dashboard counts the 递补 awards with the standing original ones (C counted once).
    const dash = (await admin.get(`/api/v1/dashboard/subsidy?campaignId=${id}`)).json();
    expect(dash).toMatchObject({ budget: '20000.00', used: '20000.00', remaining: '0.00' });
    const byDistrict = dash.byDistrict.reduce(
      (s: bigint, d: { awarded: string }) => s + BigInt(d.awarded.replace('.', '')),
      0n,
    );
    expect(byDistrict).toBe(2_000_000n);
    const months = dash.awardsByMonth as { amount: string; count: number }[];
    expect(months.reduce((s, m) => s + BigInt(m.amount.replace('.', '')), 0n)).toBe(2_000_000n);
    expect(months.reduce((s, m) => s + m.count, 0)).toBe(3);
    // The next round waits for this round's notice.
    const again = await admin.post(`${base(id)}/supplementary-runs`, { dryRun: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SUPPLEMENT_PENDING');
  });

  it('the plan waits for the 递补公示 and its objections, then lists original and 递补 awards', async () => {
    // Original notice period is over (2025-03-15 … 03-21), but the 递补 round is not yet published.
    await at('2025-03-23T02:00:00Z');
    const unpublished = await admin.post(`${base(id)}/funding-plan`, { documentNumber: '江工信〔2040〕1号' });
    expect(unpublished.statusCode).toBe(422);
    expect(unpublished.json().error.code).toBe('SUPPLEMENT_NOTICE_REQUIRED');

    const pub = await admin.post(`${base(id)}/supplementary-notices`, {});
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json()).toMatchObject({ startsOn: '2025-03-23', endsOn: '2025-03-29' });
    const suppNoticeId = pub.json().id;
    const twice = await admin.post(`${base(id)}/supplementary-notices`, {});
    expect(twice.statusCode).toBe(422);

    // Public: the list marks it; its page lists only the new awards.
    const anon = anonymous(p.app);
    const list = (await anon.get('/api/v1/public/notices')).json().items as { id: string; kind: string }[];
    expect(list.find((n) => n.id === suppNoticeId)?.kind).toBe('supplementary');
    expect(list.find((n) => n.id === noticeId)?.kind).toBe('original');
    const page = (await anon.get(`/api/v1/public/notices/${suppNoticeId}`)).json();
    expect(page.total).toBe(2);
    expect(page.totalAmount).toBe('11200.00');
    expect(page.entries.map((e: { amount: string }) => e.amount)).toEqual(['4300.00', '6900.00']);
    const all = (await admin.get(`${base(id)}/notices`)).json().items;
    expect(all).toHaveLength(2);

    // Objections work the same on the 递补公示.
    const dTop = await awardOf(id, apps[3]!.appId, true);
    const o = await lodge(suppNoticeId, dTop.id);

    const during = await admin.post(`${base(id)}/funding-plan`, { documentNumber: '江工信〔2040〕1号' });
    expect(during.statusCode).toBe(422);
    expect(during.json().error.code).toBe('NOTICE_NOT_ENDED');
    expect(during.json().error.message).toContain('递补公示期至2025-03-29止');

    await at('2025-03-30T02:00:00Z');
    const open = await admin.post(`${base(id)}/funding-plan`, { documentNumber: '江工信〔2040〕1号' });
    expect(open.statusCode).toBe(422);
    expect(open.json().error.code).toBe('OBJECTIONS_OPEN');

    const closed = await city.post(`/api/v1/subsidy/objections/${o}/handle`, {
      status: 'closed',
      outcome: 'rejected',
      note: '经核查银行记录一致，异议不成立。',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const plan = await admin.post(`${base(id)}/funding-plan`, { documentNumber: '江工信〔2040〕1号' });
    expect(plan.statusCode, plan.body).toBe(201);
    const body = plan.json();
    expect(body).toMatchObject({
      total: '20000.00',
      itemCount: 4,
      supplementaryCount: 2,
      supplementaryTotal: '11200.00',
    });
    // A (revoked) is gone; B at its reduced amount; C's original line and its 递补 top-up; D's 递补 award.
    expect(body.items.map((i: { amount: string; supplementary: boolean }) => [i.amount, i.supplementary])).toEqual([
      ['5000.00', false],
      ['3800.00', false],
      ['4300.00', true],
      ['6900.00', true],
    ]);
    // After the plan: no more 递补.
    const late = await admin.post(`${base(id)}/supplementary-runs`, { dryRun: true });
    expect(late.statusCode).toBe(409);
  });
});

describe('递补 under concurrency and the cap', () => {
  it('two 递补 commits at once award the freed budget once', async () => {
    await at(START);
    const id = await campaign({ year: 2041, budget: '16200.00', allocationMode: 'skip' });
    const apps = await applicants(id, 3);
    const noticeId = await commitAndPublish(id);
    const first = await awardOf(id, apps[0]!.appId);
    await uphold(await lodge(noticeId, first.id), { revokeAward: true });
    const [x, y] = await Promise.all([
      admin.post(`${base(id)}/supplementary-runs`, { dryRun: false }),
      admin.post(`${base(id)}/supplementary-runs`, { dryRun: false }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const runs = await p.deps.db.select().from(subsidyAllocationRuns).where(eq(subsidyAllocationRuns.campaignId, id));
    expect(runs.filter((r) => r.kind === 'supplement')).toHaveLength(1);
    const supp = (await awardsOf(id)).filter((a) => a.supplementary);
    expect(supp.map((a) => [a.applicationId, a.awardedFen])).toEqual([[apps[2]!.appId, 810_000n]]);
    const [c] = await p.deps.db.select().from(subsidyCampaigns).where(eq(subsidyCampaigns.id, id));
    expect(c!.allocatedFen).toBe(1_620_000n);
  });

  it('the per-enterprise cap holds across years, the original and the 递补 awards', async () => {
    await at(START);
    // Year one: the enterprise receives 945,000.00 (I 1,050,000 × 90% × C 1).
    const y1 = await campaign({ year: 2042, budget: '2000000.00' });
    const e = await makeApplicant(p, {
      loanAmountFen: 500_000_000n,
      investmentAtDeclarationFen: 600_000_000n,
      interestFen: [52_500_000n, 52_500_000n],
      paidDates: ['2024-06-01', '2024-12-01'],
    });
    const r1 = await apply(e, y1, {
      newInvestment: '0.00',
      loans: [{ loanId: e.loanId, claimedInterest: '1050000.00' }],
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(201);
    await verify(district, city, r1.id);
    expect((await admin.post(`${base(y1)}/allocation-runs`, { dryRun: false, closeCampaign: true })).statusCode).toBe(
      201,
    );
    expect(await ledgerSum(e.enterpriseId)).toBe(94_500_000n);

    // Year two (interest paid in 2025): E1 (8,100.00) first, X (450,000.00) takes the rest of the budget, E2
    // (90,000.00 computed, 46,900.00 after the cap) is left unfunded.
    const y2 = await campaign({
      year: 2043,
      budget: '458100.00',
      interestFrom: '2025-01-01',
      interestTo: '2025-12-31',
    });
    const in2025 = { interestFrom: '2025-01-01', interestTo: '2025-12-31' };
    await renameProjects(e.enterpriseId, '一期');
    const e1 = await makeApplicant(p, {
      enterpriseId: e.enterpriseId,
      session: e.session,
      disbursedAt: '2024-04-01T02:00:00Z',
      paidDates: ['2025-03-01', '2025-06-01'],
    });
    const x = await makeApplicant(p, {
      disbursedAt: '2024-04-02T02:00:00Z',
      investmentAtDeclarationFen: 600_000_000n,
      interestFen: [50_000_000n],
      paidDates: ['2025-03-01'],
    });
    await renameProjects(e.enterpriseId, '二期');
    const e2 = await makeApplicant(p, {
      enterpriseId: e.enterpriseId,
      session: e.session,
      disbursedAt: '2024-04-03T02:00:00Z',
      investmentAtDeclarationFen: 600_000_000n,
      interestFen: [10_000_000n],
      paidDates: ['2025-03-01'],
    });
    const ids: string[] = [];
    for (const [a, claimed] of [
      [e1, '30000.00'],
      [x, '500000.00'],
      [e2, '100000.00'],
    ] as const) {
      const r = await apply(a, y2, { ...in2025, loans: [{ loanId: a.loanId, claimedInterest: claimed }] });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await verify(district, city, r.id);
      ids.push(r.id);
    }
    const noticeId = await commitAndPublish(y2);
    const [aE1, aX, aE2] = await Promise.all(ids.map((i) => awardOf(y2, i)));
    // 000 第五条 "企业第一年" is counted per enterprise (the default reading): E's second subsidised year, 80%.
    expect([aE1, aX, aE2].map((a) => [a!.status, a!.awardedFen])).toEqual([
      ['funded', 720_000n],
      ['funded', 45_000_000n],
      ['partial', 90_000n],
    ]);
    expect(aE2!.computedFen).toBe(8_000_000n);

    // X's award is revoked: 450,000.00 freed, but E2 may receive only what is left of E's cap.
    await uphold(await lodge(noticeId, aX!.id), { revokeAward: true });
    const commit = await admin.post(`${base(y2)}/supplementary-runs`, { dryRun: false });
    expect(commit.statusCode, commit.body).toBe(201);
    expect(commit.json().totalAwarded).toBe('46900.00');
    const top = await awardOf(y2, ids[2]!, true);
    expect(top).toMatchObject({ awardedFen: 4_690_000n, cappedFen: 4_780_000n, computedFen: 8_000_000n });
    // The application's whole award is held to what is left of E's cap (47,800.00): 900.00 first, 46,900.00 now.
    expect(top.explanation).toContain('核减为47,800.00元');
    expect(await ledgerSum(e.enterpriseId)).toBe(100_000_000n);
    const mine = (await e.session.get('/api/v1/subsidy/mine')).json();
    expect(mine).toMatchObject({ used: '1000000.00', remaining: '0.00' });
  });

  it('numbers objection cases per year across every notice, one after another, never twice', async () => {
    const rows = await p.deps.db
      .select({ caseNo: subsidyObjections.caseNo, noticeId: subsidyObjections.noticeId })
      .from(subsidyObjections);
    expect(new Set(rows.map((r) => r.noticeId)).size).toBeGreaterThan(1);
    const byYear = new Map<string, number[]>();
    for (const r of rows) {
      const m = /^YY(\d{4})-(\d{5})$/.exec(r.caseNo);
      expect(m, r.caseNo).not.toBeNull();
      byYear.set(m![1]!, [...(byYear.get(m![1]!) ?? []), Number(m![2])]);
    }
    for (const seqs of byYear.values()) {
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs.map((_, i) => i + 1));
    }
  });
});
