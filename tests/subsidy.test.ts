/**
 * 政银保 subsidy applications end to end through the API: campaign, application (vouchers, interest check,
 * idempotency), district/city review with returns, scope, non-stacking, allocation, notice, objections, plan.
 */
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, enterprises, institutions, loanImportBatches, loans } from '../src/db/schema';
import { LOAN_COLUMNS } from '../src/domain/loans/import';
import { makeInstitution, makeUser } from './helpers/factories';
import { multipart } from './helpers/multipart';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { type Applicant, apply, CAMPAIGN_2025, makeApplicant, staff, verify } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let district: Session;
let otherDistrict: Session;
let campaignId: string;
let a1: Applicant;
let a1User: { username: string; password: string };

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  admin = await staff(p, 'city_admin');
  city = await staff(p, 'city_reviewer');
  district = await staff(p, 'district_reviewer', '440703');
  otherDistrict = await staff(p, 'district_reviewer', '440705');
  const res = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025);
  expect(res.statusCode, res.body).toBe(201);
  campaignId = res.json().id;
  a1 = await makeApplicant(p);
  a1User = await makeUser(p.deps, 'enterprise', { enterpriseId: a1.enterpriseId });
});
afterAll(async () => p.close());

describe('campaigns', () => {
  it('only the city administrator opens a campaign; one per year; Chinese field errors', async () => {
    const ent = await a1.session.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, year: 2026 });
    expect(ent.statusCode).toBe(403);
    const dup = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('2025年度');
    const bad = await admin.post('/api/v1/subsidy/campaigns', { ...CAMPAIGN_2025, year: 2030, budget: '12.345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('年度预算（元）');
    const list = await a1.session.get('/api/v1/subsidy/campaigns');
    expect(list.json().items[0]).toMatchObject({
      year: 2025,
      noticeDays: 7,
      acceptingApplications: true,
      budget: '500000.00',
    });
  });
});

describe('applications', () => {
  let appId: string;

  it('submits with vouchers; IN = at declaration + new; the bank-recorded interest is set beside the claim', async () => {
    const r = await apply(a1, campaignId, { loans: [{ loanId: a1.loanId, claimedInterest: '31000.00' }] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    appId = r.id;
    const d = await a1.session.get(`/api/v1/subsidy/applications/${appId}`);
    expect(d.statusCode).toBe(200);
    const body = d.json();
    expect(body.status).toBe('submitted');
    expect(body.totalInvestment).toBe('1500000.00');
    expect(body.loans[0]).toMatchObject({
      claimedInterest: '31000.00',
      bankInterest: '30000.00',
      interestDifference: '1000.00',
    });
    expect(body.attachments).toHaveLength(2);
    // The engine's decision: I = min(claimed, recorded) = 30000, R = 90%, C = 1.5M/5M = 30% → 8100.00
    expect(body.decision.amount).toBe('8100.00');
    expect(body.decision.winner).toBe('zyb.interest');
    expect(body.decision.explanation.join('\n')).toContain('S = I × R × C');
    expect(body.decision.citations.join(' ')).toContain('江工信工业互联网〔2023〕33号 第五条');
  });

  it('a retry with the same idempotency key, or two at once, gives one application', async () => {
    const a = await makeApplicant(p);
    const key = `idem-${randomUUID()}`;
    const first = await apply(a, campaignId, {}, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    const again = await apply(a, campaignId, {}, { 'idempotency-key': key });
    expect(again.status).toBe(200);
    expect(again.id).toBe(first.id);
    expect(again.body.replayed).toBe(true);

    const b = await makeApplicant(p);
    const key2 = `idem-${randomUUID()}`;
    const [x, y] = await Promise.all([
      apply(b, campaignId, {}, { 'idempotency-key': key2 }),
      apply(b, campaignId, {}, { 'idempotency-key': key2 }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 201]);
    expect(x.id).toBe(y.id);
    const list = await b.session.get(`/api/v1/subsidy/applications?campaignId=${campaignId}`);
    expect(list.json().total).toBe(1);
  });

  it('refuses a second application for the same project, loans of another enterprise, periods outside the campaign', async () => {
    // the form knows when it opens: the project already applied in this campaign
    const options = (await a1.session.get(`/api/v1/subsidy/campaigns/${campaignId}/apply-options`)).json();
    const mine = options.projects.find((x: { id: string }) => x.id === a1.projectId);
    expect(mine.appliedApplicationId).toEqual(expect.any(String));
    const fresh = await makeApplicant(p);
    const theirs = (await fresh.session.get(`/api/v1/subsidy/campaigns/${campaignId}/apply-options`)).json();
    expect(theirs.projects.map((x: { appliedApplicationId: string | null }) => x.appliedApplicationId)).toEqual([null]);
    const dup = await apply(a1, campaignId);
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'ALREADY_APPLIED' });
    const other = await makeApplicant(p);
    const foreign = await apply(other, campaignId, { loans: [{ loanId: a1.loanId, claimedInterest: '1.00' }] });
    expect(foreign.status).toBe(400);
    expect((foreign.body.error as { message: string }).message).toContain('不属于本企业');
    const outside = await apply(other, campaignId, { interestFrom: '2023-06-01' });
    expect(outside.status).toBe(400);
    expect((outside.body.error as { message: string }).message).toContain('贴息期间起');
  });

  it('scope: another enterprise and another district get 404; the bank reads its loans read-only', async () => {
    const other = await makeApplicant(p, { districtCode: '440705' });
    expect((await other.session.get(`/api/v1/subsidy/applications/${appId}`)).statusCode).toBe(404);
    expect((await otherDistrict.get(`/api/v1/subsidy/applications/${appId}`)).statusCode).toBe(404);
    const list = await otherDistrict.get(`/api/v1/subsidy/applications?campaignId=${campaignId}`);
    expect(list.json().items.every((i: { districtCode: string }) => i.districtCode === '440705')).toBe(true);
    const bankUser = await makeUser(p.deps, 'bank_officer', { institutionId: a1.bankId });
    const bank = await loginAs(p.app, bankUser.username, bankUser.password);
    expect((await bank.get(`/api/v1/subsidy/applications/${appId}`)).statusCode).toBe(200);
    const rev = await bank.post(`/api/v1/subsidy/applications/${appId}/district-review`, {
      decision: 'pass',
      version: 1,
    });
    expect(rev.statusCode).toBe(403);
    const otherBank = await makeInstitution(p.deps, 'bank');
    const ob = await makeUser(p.deps, 'bank_officer', { institutionId: otherBank.id });
    const obs = await loginAs(p.app, ob.username, ob.password);
    expect((await obs.get(`/api/v1/subsidy/applications/${appId}`)).statusCode).toBe(404);
    // other district cannot review either: 404
    const r = await otherDistrict.post(`/api/v1/subsidy/applications/${appId}/district-review`, {
      decision: 'pass',
      version: 1,
    });
    expect(r.statusCode).toBe(404);
  });

  it('district returns with reasons; the enterprise corrects and resubmits; then district and city pass', async () => {
    const noReason = await district.post(`/api/v1/subsidy/applications/${appId}/district-review`, {
      decision: 'return',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('退回原因');
    const cityTooEarly = await city.post(`/api/v1/subsidy/applications/${appId}/city-review`, {
      decision: 'pass',
      version: 1,
    });
    expect(cityTooEarly.statusCode).toBe(409);
    const ret = await district.post(`/api/v1/subsidy/applications/${appId}/district-review`, {
      decision: 'return',
      reasons: ['申报利息与银行记录不一致，请核对'],
      version: 1,
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().status).toBe('district_returned');
    const d = (await a1.session.get(`/api/v1/subsidy/applications/${appId}`)).json();
    const res = await a1.session.post(`/api/v1/subsidy/applications/${appId}/resubmit`, {
      interestFrom: '2024-01-01',
      interestTo: '2024-12-31',
      loans: [{ loanId: a1.loanId, claimedInterest: '30000.00' }],
      newInvestment: '500000.00',
      progressReport: '已核对利息，与银行记录一致；项目按计划推进。',
      repaymentVoucherIds: d.attachments
        .filter((f: { kind: string }) => f.kind === 'repayment_voucher')
        .map((f: { id: string }) => f.id),
      expenditureVoucherIds: d.attachments
        .filter((f: { kind: string }) => f.kind === 'expenditure_voucher')
        .map((f: { id: string }) => f.id),
      otherSubsidies: [],
      version: d.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await district.get(`/api/v1/subsidy/applications/${appId}`)).json();
    expect(after.interestDifference).toBe('0.00');
    expect(after.reviews.map((r: { decision: string }) => r.decision)).toEqual(['return', 'resubmit']);
    await verify(district, city, appId);
    const v = (await city.get(`/api/v1/subsidy/applications/${appId}`)).json();
    expect(v.status).toBe('verified');
  });

  it('non-stacking: a higher 专精特新 credit-loan subsidy on the same loan wins, and the decision says so', async () => {
    const a = await makeApplicant(p);
    const r = await apply(a, campaignId, {
      otherSubsidies: [
        {
          loanId: a.loanId,
          kind: 'zjtx_credit',
          name: '专精特新企业信用贷款贴息',
          documentRef: '江府〔2023〕11号',
          amount: '20000.00',
        },
      ],
    });
    expect(r.status).toBe(201);
    const d = (await a.session.get(`/api/v1/subsidy/applications/${r.id}`)).json();
    expect(d.otherSubsidies).toHaveLength(1);
    expect(d.decision.amount).toBe('0.00');
    expect(d.decision.winner).toBe('m2023.zjtx_credit_loan_interest');
    expect(d.decision.winnerName).toBe('专精特新企业信用贷款贴息');
    expect(d.decision.explanation.join('\n')).toContain('就高不重复');
    // A lower one loses: this policy's 8100.00 stands.
    const b = await makeApplicant(p);
    const r2 = await apply(b, campaignId, {
      otherSubsidies: [{ loanId: b.loanId, kind: 'zjtx_credit', name: '专精特新企业信用贷款贴息', amount: '5000.00' }],
    });
    const d2 = (await b.session.get(`/api/v1/subsidy/applications/${r2.id}`)).json();
    expect(d2.decision).toMatchObject({ amount: '8100.00', winner: 'zyb.interest' });
  });
});

describe('bank import', () => {
  it('a rejected import leaves nothing behind: no loan, no repayment, no batch, no audit event', async () => {
    const [ent] = await p.deps.db.select().from(enterprises).where(eq(enterprises.id, a1.enterpriseId));
    const [insurer] = await p.deps.db.select().from(institutions).where(eq(institutions.kind, 'insurer')).limit(1);
    const bankUser = await makeUser(p.deps, 'bank_officer', { institutionId: a1.bankId });
    const bank = await loginAs(p.app, bankUser.username, bankUser.password);
    const row = (contract: string, amount: string) =>
      [ent!.uscc, '', contract, '设备贷款', amount, '3.6%', '24', '2024-05-01 10:00', insurer!.name, '', ''].join(',');
    const body = [
      LOAN_COLUMNS.map((c) => c.header).join(','),
      row('IMP-OK-1', '1000000.00'),
      row('IMP-BAD-2', '-5'),
    ].join('\r\n');
    const count = async () => {
      const one = async (t: typeof loans | typeof loanImportBatches | typeof auditEvents) =>
        (await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(t))[0]!.n;
      return { loans: await one(loans), batches: await one(loanImportBatches), audit: await one(auditEvents) };
    };
    const before = await count();
    const m = multipart({}, { name: 'loans.csv', data: Buffer.from(`\uFEFF${body}\r\n`, 'utf8'), type: 'text/csv' });
    const res = await bank.request({
      method: 'POST',
      url: '/api/v1/loans/import',
      payload: m.payload,
      headers: m.headers,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await count()).toEqual(before);
    // The same file without the bad row imports: the refusal was the bad row's.
    const goodBody = [LOAN_COLUMNS.map((c) => c.header).join(','), row('IMP-OK-1', '1000000.00')].join('\r\n');
    const g = multipart({}, { name: 'good.csv', data: Buffer.from(`\uFEFF${goodBody}\r\n`, 'utf8'), type: 'text/csv' });
    const ok = await bank.request({
      method: 'POST',
      url: '/api/v1/loans/import',
      payload: g.payload,
      headers: g.headers,
    });
    expect(ok.statusCode, ok.body).toBeLessThan(300);
    expect((await count()).loans).toBe(before.loans + 1);
  });
});

describe('allocation, notice, objections and the funding plan', () => {
  it('runs a dry run, commits once, publishes the notice; the plan waits for the period and every objection', async () => {
    // Verify everything submitted so far.
    const list = (
      await city.get(`/api/v1/subsidy/applications?campaignId=${campaignId}&status=submitted&pageSize=100`)
    ).json();
    for (const it of list.items) await verify(district, city, it.id);

    const dry = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    const dryBody = dry.json();
    expect(dryBody.kind).toBe('dry_run');
    expect(dryBody.applicationCount).toBeGreaterThanOrEqual(5);
    expect(dryBody.rows[0].explanation.join('\n')).toContain('排第1位');
    // A dry run changes no application.
    const still = (
      await city.get(`/api/v1/subsidy/applications?campaignId=${campaignId}&status=verified&pageSize=100`)
    ).json();
    expect(still.total).toBe(dryBody.applicationCount);
    const byReviewer = await city.post(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(byReviewer.statusCode).toBe(403);

    const commit = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(commit.statusCode, commit.body).toBe(201);
    const run = commit.json();
    expect(run.totalAwarded).toBe(dryBody.totalAwarded);
    expect(run.runByName).toBeTruthy();
    const again = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/allocation-runs`, {
      dryRun: false,
      closeCampaign: true,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能重复分配');

    const mine = (await a1.session.get('/api/v1/subsidy/mine')).json();
    expect(mine.awards[0]).toMatchObject({ awarded: '8100.00', status: 'funded' });
    expect(mine.used).toBe('8100.00');
    expect(mine.remaining).toBe('991900.00');
    expect(mine.awards[0].explanation.join('\n')).toContain('预算余额');

    // The plan cannot precede the notice.
    const early = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, {
      documentNumber: '江工信〔2025〕1号',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('第七条（六）');

    const pub = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/notice`, {});
    expect(pub.statusCode, pub.body).toBe(201);
    const noticeId = pub.json().id;
    expect(pub.json()).toMatchObject({ startsOn: '2025-03-15', endsOn: '2025-03-21' });

    // Public page: no sign-in, only what a notice shows.
    const pubSession = anonymous(p.app);
    const page = await pubSession.get(`/api/v1/public/notices/${noticeId}`);
    expect(page.statusCode).toBe(200);
    const entry = page.json().entries.find((e: { enterpriseName: string }) => e.enterpriseName === a1.enterpriseName);
    expect(entry).toMatchObject({ amount: '8100.00', districtName: '蓬江区' });
    expect(Object.keys(entry).sort()).toEqual([
      'amount',
      'awardId',
      'districtName',
      'enterpriseName',
      'projectName',
      'projectNo',
      'seq',
    ]);

    const obj = await pubSession.post(`/api/v1/public/notices/${noticeId}/objections`, {
      name: '张三',
      contact: '13800001234',
      reason: '该企业项目实际未开工，申报材料与实际不符。',
      awardId: entry.awardId,
    });
    expect(obj.statusCode, obj.body).toBe(201);
    const caseNo = obj.json().caseNo;

    // Period not over, objection open → refused with both reasons.
    const tooSoon = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, {
      documentNumber: '江工信〔2025〕1号',
    });
    expect(tooSoon.statusCode).toBe(422);
    expect(tooSoon.json().error.code).toBe('NOTICE_NOT_ENDED');
    p.clock.set('2025-03-22T02:00:00Z');
    // Sessions idle out over a week: sign in again.
    admin = await staff(p, 'city_admin');
    city = await staff(p, 'city_reviewer');
    const u1 = await loginAs(p.app, a1User.username, a1User.password);
    a1 = { ...a1, session: u1 };
    const late = await pubSession.post(`/api/v1/public/notices/${noticeId}/objections`, {
      name: '李四',
      contact: 'lisi@example.com',
      reason: '公示期结束后提出的异议理由。',
    });
    expect(late.statusCode).toBe(422);
    const open = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, {
      documentNumber: '江工信〔2025〕1号',
    });
    expect(open.statusCode).toBe(422);
    expect(open.json().error.code).toBe('OBJECTIONS_OPEN');
    expect(open.json().error.message).toContain('1件未办结');

    const objs = (await city.get(`/api/v1/subsidy/notices/${noticeId}/objections`)).json().items;
    expect(objs[0]).toMatchObject({
      caseNo,
      contact: '138****1234',
      status: 'open',
      enterpriseName: a1.enterpriseName,
    });
    const inv = await city.post(`/api/v1/subsidy/objections/${objs[0].id}/handle`, {
      status: 'investigating',
      note: '已转县区现场核查',
    });
    expect(inv.statusCode, inv.body).toBe(200);
    const closeNoOutcome = await city.post(`/api/v1/subsidy/objections/${objs[0].id}/handle`, {
      status: 'closed',
      note: '核查完毕',
    });
    expect(closeNoOutcome.statusCode).toBe(400);
    const closed = await city.post(`/api/v1/subsidy/objections/${objs[0].id}/handle`, {
      status: 'closed',
      outcome: 'rejected',
      note: '经现场核查，项目已开工建设，异议不成立。',
    });
    expect(closed.statusCode, closed.body).toBe(200);

    // The objector looks the case up by its number and the contact given: the outcome, not anyone's details.
    const lookup = await pubSession.post('/api/v1/public/notices/objection-lookup', {
      caseNo,
      contact: '138 0000 1234',
    });
    expect(lookup.statusCode, lookup.body).toBe(200);
    expect(lookup.json()).toMatchObject({
      caseNo,
      status: 'closed',
      outcome: 'rejected',
      outcomeNote: '经现场核查，项目已开工建设，异议不成立。',
    });
    expect(lookup.body).not.toContain('13800001234');
    expect(lookup.body).not.toContain('张三');
    for (const wrong of [
      { caseNo, contact: '13900009999' },
      { caseNo: 'YY2025-0000-9999', contact: '13800001234' },
    ]) {
      const r = await pubSession.post('/api/v1/public/notices/objection-lookup', wrong);
      expect(r.statusCode).toBe(404);
      expect(r.json().error.message).toBe('未找到该异议案件：请核对案件编号，联系方式须与提出异议时填写的一致');
    }

    const plan = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, {
      documentNumber: '江工信〔2025〕1号',
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const body = plan.json();
    expect(body.total).toBe(run.totalAwarded);
    expect(body.items.find((i: { enterpriseName: string }) => i.enterpriseName === a1.enterpriseName)).toMatchObject({
      amount: '8100.00',
      amountCapitals: '捌仟壹佰元整',
    });
    const twice = await admin.post(`/api/v1/subsidy/campaigns/${campaignId}/funding-plan`, {
      documentNumber: '江工信〔2025〕2号',
    });
    expect(twice.statusCode).toBe(409);

    const xlsx = await a1.session.get(`/api/v1/subsidy/funding-plans/${body.id}/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('补贴资金安排计划');
    expect(String(ws.getCell('A2').value)).toContain('江工信〔2025〕1号');
    // printed as a bureau's document: A4 landscape, one page wide, the header row on every page, page numbers
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const mine2 = (await a1.session.get('/api/v1/subsidy/mine')).json();
    expect(mine2.awards[0].planDocumentNumber).toBe('江工信〔2025〕1号');

    // Every state change left an audit event.
    const actions = (await p.deps.db.select({ a: auditEvents.action }).from(auditEvents)).map((r) => r.a);
    for (const a of [
      'subsidy.campaign_created',
      'subsidy.application_submitted',
      'subsidy.application_district_return',
      'subsidy.application_resubmitted',
      'subsidy.application_city_verify',
      'subsidy.allocation_dry_run',
      'subsidy.allocation_committed',
      'subsidy.campaign_closed_early',
      'subsidy.notice_published',
      'subsidy.objection_lodged',
      'subsidy.objection_closed',
      'subsidy.plan_issued',
    ]) {
      expect(actions, a).toContain(a);
    }

    const dash = await admin.get(`/api/v1/dashboard/subsidy?campaignId=${campaignId}`);
    expect(dash.statusCode).toBe(200);
    expect(dash.json()).toMatchObject({ budget: '500000.00', used: run.totalAwarded });
    expect(dash.json().awardsByMonth[0].month).toBe('2024-03');
    expect((await a1.session.get('/api/v1/dashboard/subsidy')).statusCode).toBe(403);

    // Objections are rate-limited per client address (5 per 10 minutes), whatever their outcome.
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await pubSession.post(`/api/v1/public/notices/${noticeId}/objections`, {
        name: '测试',
        contact: '13800009999',
        reason: '连续提交以检验限流是否生效。',
      });
      codes.push(r.statusCode);
    }
    expect(codes).toContain(429);
    const limited = await pubSession.post(`/api/v1/public/notices/${noticeId}/objections`, {
      name: '测试',
      contact: '13800009999',
      reason: '连续提交以检验限流是否生效。',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toContain('请求过于频繁');
  });
});
