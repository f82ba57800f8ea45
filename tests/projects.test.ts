/**
 * The project library through the API: drafting with the live check, refusals (outside a window, missing
 * materials, incomplete, ineligible), district verification with a return and resubmission, city approval with
 * a number, the timeline, scope between districts and enterprises, re-declaration, progress reports and spot
 * checks, and the audit trail of each decision.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notificationOutbox, notifications, projectDeclarationEvents, projects } from '../src/db/schema';
import { sweepProjectLibrary } from '../src/services/projects/sweep';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import {
  completeMaterials,
  districtReview,
  draftOfNewManufacturer,
  formOf,
  type Library,
  manufacturerForm,
  providerForm,
  readyDraft,
  setupLibrary,
  submit,
  upload,
} from './projects-fixtures';

let p: TestPlatform;
let lib: Library;

/** 2024-03-12 10:00 in Jiangmen: inside the March window (10–15). */
const IN_MARCH_WINDOW = '2024-03-12T02:00:00Z';

beforeAll(async () => {
  p = await createTestPlatform({ now: IN_MARCH_WINDOW });
  lib = await setupLibrary(p);
});
afterAll(async () => p.close());

describe('drafting and the live check', () => {
  it('saves a draft at any time and shows what still blocks submission, with citations', async () => {
    p.clock.set('2024-03-20T02:00:00Z');
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const created = await s.post('/api/v1/declarations', { name: '仅有名称的草稿' });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({
      state: 'draft',
      form: 'manufacturer',
      stateName: '草稿',
      actions: ['submit', 'withdraw'],
    });
    expect(d.materials.complete).toBe(false);
    expect(d.materials.missing).toContain('营业执照');

    const check = await s.post('/api/v1/declarations/check', {
      ...manufacturerForm(lib.provider.uscc),
      startDate: '2022-06-01',
      declarationId: d.id,
    });
    expect(check.statusCode).toBe(200);
    const c = check.json();
    expect(c.canSubmit).toBe(false);
    expect(c.window.open).toBeNull();
    expect(c.window.next).toMatchObject({ month: '2024-04', opens: '2024-04-10', closes: '2024-04-15' });
    expect(c.blockers.map((b: { code: string }) => b.code)).toEqual([
      'FILING_WINDOW_CLOSED',
      'MATERIALS_MISSING',
      'INELIGIBLE',
    ]);
    const start = c.eligibility.failures.find((f: { code: string }) => f.code === 'ZYB_PROJECT_START');
    expect(start.message).toContain('2022-06-01');
    expect(start.citation).toBe('申报指南 三（二）');
    expect(c.resourcePoolLed).toBe(true);
    expect(c.leadProvider.uscc).toBe(lib.provider.uscc);
  });

  it('names the field for bad input (Chinese), and never answers 500 to garbage', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const bad = await s.post('/api/v1/declarations', {
      investments: [{ item: 'software', amount: '12.345' }],
      contracts: [
        {
          providerUscc: '91440705MA55XW6T10',
          providerName: 'x',
          contractNumber: 'a',
          amount: '1',
          signedOn: '2024-02-30',
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['investments.0.amount', 'contracts.0.providerUscc', 'contracts.0.signedOn']),
    );
    expect(bad.json().error.message).toContain('第 1 行计划投资金额');
    for (const payload of ['not json', '[]', '{"categories": "x"}', '{"hasLoan": "yes"}']) {
      const r = await s.request({
        method: 'POST',
        url: '/api/v1/declarations',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(r.statusCode).toBe(400);
    }
    expect((await s.get('/api/v1/declarations/not-a-uuid')).statusCode).toBe(400);
    expect((await s.post('/api/v1/declarations/review/district', { ids: [] })).statusCode).toBe(400);
    const notReviewer = await s.post('/api/v1/declarations/review/district', {
      ids: ['00000000-0000-4000-8000-000000000000'],
      decision: 'verify',
    });
    expect(notReviewer.statusCode).toBe(403);
  });

  it('keeps the form per enterprise type: contracts only on the manufacturer form', async () => {
    const s = await lib.as(lib.provider.user);
    const id = (await s.post('/api/v1/declarations', providerForm())).json().id;
    const def = (await s.get('/api/v1/declarations/form?form=service_provider')).json();
    expect(def.annex).toContain('附件4');
    expect(def.materials.map((x: { code: string }) => x.code)).toContain('project_approval');
    const d = (await s.get(`/api/v1/declarations/${id}`)).json();
    const res = await s.put(`/api/v1/declarations/${id}`, {
      ...formOf(d),
      contracts: manufacturerForm(lib.provider.uscc).contracts,
      version: d.version,
    });
    expect(res.statusCode).toBe(200);
    const check = await s.post('/api/v1/declarations/check', { ...formOf(res.json()), declarationId: id });
    expect(check.json().problems.map((x: { path: string }) => x.path)).toContain('contracts');
  });
});

describe('submission refusals', () => {
  it('outside a window: refused, naming the next window', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    let s = await lib.as(m.user);
    const id = await readyDraft(s, manufacturerForm(lib.provider.uscc));
    p.clock.set('2024-03-15T16:30:00Z'); // 2024-03-16 00:30 in Jiangmen: the window closed at midnight
    s = await lib.as(m.user);
    const res = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('FILING_WINDOW_CLOSED');
    expect(res.json().error.message).toContain('下一申报窗口：2024年4月，2024年4月10日至2024年4月15日');
    expect(res.json().error.details.nextWindow).toMatchObject({ month: '2024-04', verifyDueOn: '2024-04-22' });
    expect((await s.get(`/api/v1/declarations/${id}`)).json().state).toBe('draft');

    p.clock.set('2024-03-15T15:59:00Z'); // 23:59 on the 15th: still open
    s = await lib.as(m.user);
    expect((await s.post(`/api/v1/declarations/${id}/submit`)).statusCode).toBe(200);
  });

  it('after the policy ends there is no next window', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    let s = await lib.as(m.user);
    const id = await readyDraft(s, manufacturerForm(lib.provider.uscc, { endDate: '2027-12-31' }));
    p.clock.set('2026-12-20T02:00:00Z');
    s = await lib.as(m.user);
    const res = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(res.json().error.code).toBe('FILING_WINDOW_CLOSED');
    expect(res.json().error.message).toContain('有效期内已无后续申报窗口');
    p.clock.set(IN_MARCH_WINDOW);
  });

  it('missing materials: refused, naming each missing item', async () => {
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const id = (await s.post('/api/v1/declarations', manufacturerForm(lib.provider.uscc))).json().id;
    await completeMaterials(s, id, { skip: ['credit_report', 'service_contract'] });
    const res = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('MATERIALS_MISSING');
    expect(res.json().error.message).toContain('信用中国网信用报告');
    expect(res.json().error.message).toContain('与数字化服务商签订的数字化转型服务合同');
    expect(res.json().error.details.missing.map((x: { code: string }) => x.code)).toEqual([
      'credit_report',
      'service_contract',
    ]);
    const events = await p.deps.db
      .select()
      .from(projectDeclarationEvents)
      .where(eq(projectDeclarationEvents.declarationId, id));
    expect(events.map((e) => e.event)).toEqual(['created']);
  });

  it('the same project cannot be declared twice while one is live', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    const s = await lib.as(m.user);
    const body = manufacturerForm(lib.provider.uscc);
    await submit(s, await readyDraft(s, body));
    const twin = await readyDraft(s, { ...body, name: body.name.toUpperCase() });
    const res = await s.post(`/api/v1/declarations/${twin}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE_PROJECT' });
    expect(res.json().error.message).toContain('项目名称');
  });

  it('incomplete form: refused, naming the fields', async () => {
    const { s, id } = await draftOfNewManufacturer(lib, { assessmentLevel: null, siteAddress: '' });
    const res = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['siteAddress', 'assessmentLevel']);
    expect(res.json().error.message).toContain('数字化水平评测等级为必填项');
  });

  it.each([
    ['a project started before 2023', {}, { startDate: '2022-06-01' }, 'ZYB_PROJECT_START', '申报指南 三（二）'],
    ['a completed project', {}, { projectStatus: 'completed' }, 'ZYB_PROJECT_STATUS', '申报指南 三（二）'],
    ['a project outside the city', {}, { siteDistrictCode: 'outside' }, 'ZYB_PROJECT_LOCATION', '申报指南 二（一）2'],
    [
      'a project out of scope',
      {},
      { categories: ['out_of_scope'] },
      'ZYB_PROJECT_SCOPE',
      '江工信工业互联网〔2023〕33号 第四条',
    ],
    ['a dishonest enterprise', { creditStatus: 'dishonest' }, {}, 'ZYB_CREDIT_GOOD', '申报指南 二'],
    [
      'a loan disbursed before 2023',
      {},
      { hasLoan: true, loan: { contractNumber: 'DK-1', amount: '1000000', disbursedOn: '2022-12-20' } },
      'ZYB_LOAN_FROM',
      '申报指南 三（二）',
    ],
  ])('ineligible: %s is refused with the citation', async (_t, ent, over, code, citation) => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer(ent as { creditStatus?: string });
    const s = await lib.as(m.user);
    const body = manufacturerForm(lib.provider.uscc, over as Record<string, unknown>);
    if ((over as { hasLoan?: boolean }).hasLoan)
      ((body as Record<string, unknown>).loan as Record<string, unknown>).bankId = lib.bankId;
    const id = await readyDraft(s, body);
    const res = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.code).toBe('INELIGIBLE');
    const f = res.json().error.details.failures.find((x: { code: string }) => x.code === code);
    expect(f, JSON.stringify(res.json().error.details.failures)).toBeTruthy();
    expect(f.citation).toContain(citation);
    expect(res.json().error.message).toContain(`依据：${f.citation}`);
    expect((await s.get(`/api/v1/declarations/${id}`)).json().state).toBe('draft');
  });
});

describe('the whole way: declaration → verification → return → resubmission → approval → tracking', () => {
  it('walks a manufacturer through every step, each reviewer seeing only what is theirs', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    const other = await lib.newManufacturer({ districtCode: '440704' });
    let ent = await lib.as(m.user);
    const body = manufacturerForm(lib.provider.uscc, {
      hasLoan: true,
      loan: { bankId: lib.bankId, contractNumber: 'JM-DK-2024-7', amount: '1000000.00', disbursedOn: '2024-02-28' },
    });
    const id = await readyDraft(ent, body);
    const submitted = await submit(ent, id);
    expect(submitted).toMatchObject({
      state: 'submitted',
      declaredOn: '2024-03-12',
      declarationMonth: '2024-03',
      windowCloses: '2024-03-15',
      verifyDueOn: '2024-03-22',
      resourcePoolLed: true,
      plannedTotal: '1250000.50',
      investmentMade: '300000.00',
    });
    expect(submitted.eligibility.status).toBe('eligible');

    // Scope: the district of the enterprise sees it; another district, another enterprise, the security admin don't.
    const rev = await lib.as(lib.district['440703']!);
    const queue = (await rev.get('/api/v1/declarations/review-queue')).json();
    expect(queue.stage).toBe('district');
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(id);
    const rev4 = await lib.as(lib.district['440704']!);
    expect((await rev4.get(`/api/v1/declarations/${id}`)).statusCode).toBe(404);
    expect((await rev4.get('/api/v1/declarations')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    const foreign = await rev4.post('/api/v1/declarations/review/district', { ids: [id], decision: 'verify' });
    expect(foreign.statusCode).toBe(404);
    expect((await (await lib.as(other.user)).get(`/api/v1/declarations/${id}`)).statusCode).toBe(404);
    expect((await (await lib.as(lib.security)).get('/api/v1/declarations')).statusCode).toBe(403);

    // Return with reasons and a deadline.
    const noReason = await rev.post('/api/v1/declarations/review/district', { ids: [id], decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toContain('理由退回须填写理由');
    const pastDeadline = await rev.post('/api/v1/declarations/review/district', {
      ids: [id],
      decision: 'return',
      reason: '建设方案缺少设备清单',
      returnDeadline: '2024-03-12',
    });
    expect(pastDeadline.statusCode).toBe(400);
    const ret = await rev.post('/api/v1/declarations/review/district', {
      ids: [id],
      decision: 'return',
      reason: '建设方案缺少设备清单，请补充',
      returnDeadline: '2024-03-25',
    });
    expect(ret.statusCode).toBe(200);
    expect(ret.json().results[0]).toMatchObject({ ok: true, state: 'returned' });

    // The enterprise sees where it stands and why; corrects and resubmits after the window closed.
    p.clock.set('2024-03-19T02:00:00Z');
    ent = await lib.as(m.user);
    let d = (await ent.get(`/api/v1/declarations/${id}`)).json();
    expect(d).toMatchObject({
      state: 'returned',
      returnDeadline: '2024-03-25',
      lastReason: '建设方案缺少设备清单，请补充',
    });
    expect(d.actions).toEqual(['resubmit', 'withdraw']);
    const step = d.timeline.at(-1);
    expect(step).toMatchObject({
      event: 'district_return',
      eventName: '区县退回补正',
      actorOrg: '蓬江区工业和信息化主管部门',
      reason: '建设方案缺少设备清单，请补充',
      deadline: '2024-03-25',
    });
    expect(step.actorName).toBeTruthy();
    await upload(ent, 'project_declaration', id, 'construction_plan', Buffer.from('%PDF-1.7\n% 补充设备清单\n%%EOF\n'));
    const saved = await ent.put(`/api/v1/declarations/${id}`, {
      ...formOf(d),
      content: `${d.content}（补充设备清单）`,
      version: d.version,
    });
    expect(saved.statusCode).toBe(200);
    const stale = await ent.put(`/api/v1/declarations/${id}`, { ...formOf(d), version: d.version });
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const re = await submit(ent, id);
    expect(re).toMatchObject({
      state: 'submitted',
      declaredOn: '2024-03-12',
      declarationMonth: '2024-03',
      submissionCount: 2,
    });
    expect(re.verifyDueOn).toBe('2024-03-26'); // 5 working days after the resubmission on 2024-03-19

    // Verify, then the city approves and numbers it.
    const rev2 = await lib.as(lib.district['440703']!);
    const ver = await rev2.post('/api/v1/declarations/review/district', {
      ids: [id],
      decision: 'verify',
      reason: '材料齐全',
    });
    expect(ver.json().results[0].state).toBe('district_verified');
    const city = await lib.as(lib.city);
    const cq = (await city.get('/api/v1/declarations/review-queue')).json();
    expect(cq.stage).toBe('city');
    expect(cq.items.map((x: { id: string }) => x.id)).toContain(id);
    const noRejectReason = await city.post('/api/v1/declarations/review/city', { ids: [id], decision: 'reject' });
    expect(noRejectReason.statusCode).toBe(400);
    const ok = await city.post('/api/v1/declarations/review/city', { ids: [id], decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    const number = ok.json().results[0].libraryNumber;
    expect(number).toMatch(/^JMSZ-2024-\d{4}$/);

    d = (await ent.get(`/api/v1/declarations/${id}`)).json();
    expect(d).toMatchObject({ state: 'approved', stateName: '已入库', libraryNumber: number });
    expect(d.timeline.map((t: { event: string }) => t.event)).toEqual([
      'created',
      'submit',
      'district_return',
      'resubmit',
      'district_verify',
      'city_approve',
    ]);
    expect(d.timeline.at(-1).actorOrg).toBe('江门市工业和信息化局');

    // The project carries what later modules need.
    const [proj] = await p.deps.db.select().from(projects).where(eq(projects.declarationId, id));
    expect(proj).toMatchObject({
      libraryNumber: number,
      enterpriseId: m.id,
      districtCode: '440703',
      declarationMonth: '2024-03',
      declaredOn: '2024-03-12',
      investmentAtDeclarationFen: 30_000_000n,
      resourcePoolLed: true,
      loanBankId: lib.bankId,
      approvedOn: '2024-03-19',
    });

    // Each decision is an audit event naming who decided.
    const audit = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'project_declaration'), eq(auditEvents.objectId, id)));
    const byAction = Object.fromEntries(audit.map((a) => [a.action, a]));
    expect(Object.keys(byAction)).toEqual(
      expect.arrayContaining([
        'project_declaration.created',
        'project_declaration.submitted',
        'project_declaration.returned',
        'project_declaration.resubmitted',
        'project_declaration.district_verified',
        'project_declaration.approved',
      ]),
    );
    expect(byAction['project_declaration.returned']!.actorId).toBe(lib.district['440703']!.id);
    expect(byAction['project_declaration.approved']!.actorId).toBe(lib.city.id);
    expect((byAction['project_declaration.approved']!.after as { libraryNumber: string }).libraryNumber).toBe(number);

    // Notices: the enterprise learnt of the return and the approval (also by SMS); reviewers of their queue.
    const mine = (await ent.get('/api/v1/notifications')).json();
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(
      expect.arrayContaining(['declaration_returned', 'declaration_verified', 'declaration_approved']),
    );
    const sms = await p.deps.db.select().from(notificationOutbox).where(eq(notificationOutbox.channel, 'sms'));
    expect(sms.filter((x) => x.kind === 'declaration_approved').length).toBeGreaterThan(0);
    expect(sms.every((x) => x.addressMasked.includes('****'))).toBe(true);
    const revNotes = await p.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientUserId, lib.district['440703']!.id));
    expect(revNotes.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['declaration_submitted', 'declaration_resubmitted']),
    );
    const rev4Notes = await p.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipientUserId, lib.district['440704']!.id));
    expect(rev4Notes.filter((n) => n.objectId === id)).toEqual([]);

    // The bank of the loan sees the declaration; tracking follows.
    const projectId = proj!.id;
    p.clock.set('2024-04-08T02:00:00Z');
    ent = await lib.as(m.user);
    let pd = (await ent.get(`/api/v1/projects/${projectId}`)).json();
    expect(pd).toMatchObject({
      libraryNumber: number,
      pendingReport: { period: '2024-Q1', dueOn: '2024-04-15', overdue: false },
      investmentToDate: '300000.00',
    });
    const lower = await ent.post(`/api/v1/projects/${projectId}/reports`, {
      period: '2024-Q1',
      investmentToDate: '250000.00',
      status: 'in_progress',
    });
    expect(lower.statusCode).toBe(201);
    const lowerSubmit = await ent.post(`/api/v1/projects/${projectId}/reports/${lower.json().id}/submit`);
    expect(lowerSubmit.statusCode).toBe(400);
    expect(lowerSubmit.json().error.message).toContain('累计完成投资不能少于此前已报的累计投资 300000.00 元');
    const upd = await ent.put(`/api/v1/projects/${projectId}/reports/${lower.json().id}`, {
      period: '2024-Q1',
      investmentToDate: '520000.00',
      status: 'in_progress',
      milestones: [{ name: 'MES上线试运行', plannedOn: '2024-03-31', achievedOn: '2024-03-28' }],
      narrative: 'MES一期已上线',
    });
    expect(upd.statusCode).toBe(200);
    const noVoucher = await ent.post(`/api/v1/projects/${projectId}/reports/${lower.json().id}/submit`);
    expect(noVoucher.json().error.code).toBe('VOUCHERS_MISSING');
    await upload(ent, 'project_progress_report', lower.json().id, 'voucher');
    const sent = await ent.post(`/api/v1/projects/${projectId}/reports/${lower.json().id}/submit`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', reportedOn: '2024-04-08', investmentToDate: '520000.00' });
    expect(sent.json().vouchers).toHaveLength(1);
    // the district's notification writes the amount as every page does: ¥520,000.00
    const told = await p.deps.db
      .select({ body: notifications.body })
      .from(notifications)
      .where(eq(notifications.kind, 'report_submitted'));
    expect(told.map((n) => n.body).join('\n')).toContain('累计完成投资 ¥520,000.00，');
    const dup = await ent.post(`/api/v1/projects/${projectId}/reports`, {
      period: '2024-Q1',
      investmentToDate: '600000.00',
      status: 'in_progress',
    });
    expect(dup.json().error.code).toBe('REPORT_EXISTS');

    // District spot check (第九条); other districts can't see the project.
    const rev3 = await lib.as(lib.district['440703']!);
    expect((await (await lib.as(lib.district['440704']!)).get(`/api/v1/projects/${projectId}`)).statusCode).toBe(404);
    const chk = await rev3.post(`/api/v1/projects/${projectId}/spot-checks`, {
      reason: '年度随机抽查',
      plannedOn: '2024-04-20',
    });
    expect(chk.statusCode).toBe(201);
    const closed = await rev3.post(`/api/v1/projects/${projectId}/spot-checks/${chk.json().id}/close`, {
      outcome: 'rectification_required',
      findings: '设备台账与凭证不一致',
    });
    expect(closed.statusCode).toBe(400);
    expect(closed.json().error.fields[0].path).toBe('rectifyBy');
    const closed2 = await rev3.post(`/api/v1/projects/${projectId}/spot-checks/${chk.json().id}/close`, {
      outcome: 'rectification_required',
      findings: '设备台账与凭证不一致',
      rectifyBy: '2024-05-31',
    });
    expect(closed2.json()).toMatchObject({ state: 'closed', outcomeName: '限期整改' });
    pd = (await rev3.get(`/api/v1/projects/${projectId}`)).json();
    expect(pd).toMatchObject({ investmentToDate: '520000.00', lastReportPeriod: '2024-Q1', openSpotChecks: 0 });
    expect(pd.reports[0].milestones[0].name).toBe('MES上线试运行');
    const ent2 = await lib.as(m.user);
    expect((await ent2.post(`/api/v1/projects/${projectId}/spot-checks`, { reason: '自查' })).statusCode).toBe(403);
  });

  it('a service provider declares too, led by itself (in the pool)', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const s = await lib.as(lib.provider.user);
    const id = await readyDraft(s, providerForm());
    const d = await submit(s, id);
    expect(d).toMatchObject({
      state: 'submitted',
      form: 'service_provider',
      resourcePoolLed: true,
      districtCode: '440705',
    });
    expect(d.leadProvider.uscc).toBe(lib.provider.uscc);
    const rev = await lib.as(lib.district['440705']!);
    expect((await rev.get(`/api/v1/declarations/${id}`)).statusCode).toBe(200);
    expect((await (await lib.as(lib.district['440703']!)).get(`/api/v1/declarations/${id}`)).statusCode).toBe(404);
  });
});

describe('rejection and re-declaration in a later window', () => {
  it('links the new declaration to the rejected one, refuses the same window, shows what changed', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    let s = await lib.as(m.user);
    const first = await readyDraft(s, manufacturerForm(lib.provider.uscc));
    await submit(s, first);
    await districtReview(lib, [first], {
      decision: 'verify',
    });
    const city = await lib.as(lib.city);
    const rej = await city.post('/api/v1/declarations/review/city', {
      ids: [first],
      decision: 'reject',
      reason: '投资构成中软件占比不明确，建设内容需细化',
    });
    expect(rej.json().results[0].state).toBe('rejected');

    s = await lib.as(m.user);
    const rejected = (await s.get(`/api/v1/declarations/${first}`)).json();
    expect(rejected.timeline.at(-1)).toMatchObject({
      event: 'city_reject',
      reason: '投资构成中软件占比不明确，建设内容需细化',
    });

    // Amend: the draft starts as a copy (content, contracts, files) and overrides what was sent.
    const again = await s.post('/api/v1/declarations', {
      predecessorId: first,
      content: '建设MES系统，软件投入细化为MES许可与实施服务',
    });
    expect(again.statusCode).toBe(201);
    const nd = again.json();
    expect(nd.predecessor).toMatchObject({ id: first, state: 'rejected', declarationMonth: '2024-03' });
    expect(nd.materials.complete).toBe(true);
    expect(nd.changes).toEqual([
      expect.objectContaining({
        path: 'content',
        kind: 'changed',
        after: '建设MES系统，软件投入细化为MES许可与实施服务',
      }),
    ]);
    expect((await s.post('/api/v1/declarations', { predecessorId: first })).json().error.code).toBe(
      'PREDECESSOR_TAKEN',
    );

    const same = await s.post(`/api/v1/declarations/${nd.id}/submit`);
    expect(same.statusCode).toBe(422);
    expect(same.json().error.code).toBe('REDECLARATION_TOO_EARLY');
    expect(same.json().error.message).toContain('后续申报周期');

    p.clock.set('2024-04-11T02:00:00Z');
    s = await lib.as(m.user);
    const later = await submit(s, nd.id);
    expect(later).toMatchObject({ state: 'submitted', declarationMonth: '2024-04', predecessorId: first });
    expect((await s.get(`/api/v1/declarations/${first}`)).json().successorId).toBe(nd.id);
    p.clock.set(IN_MARCH_WINDOW);
  });

  it('a returned declaration not corrected by its deadline lapses', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const m = await lib.newManufacturer();
    let s = await lib.as(m.user);
    const id = await readyDraft(s, manufacturerForm(lib.provider.uscc));
    await submit(s, id);
    await districtReview(lib, [id], {
      decision: 'return',
      reason: '请补充合同',
      returnDeadline: '2024-03-20',
    });
    p.clock.set('2024-03-21T02:00:00Z');
    s = await lib.as(m.user);
    const late = await s.post(`/api/v1/declarations/${id}/submit`);
    expect(late.json().error.code).toBe('RETURN_DEADLINE_PASSED');
    const r = await sweepProjectLibrary(p.deps);
    expect(r.lapsed).toBeGreaterThanOrEqual(1);
    const d = (await s.get(`/api/v1/declarations/${id}`)).json();
    expect(d.state).toBe('lapsed');
    expect(d.timeline.at(-1)).toMatchObject({ event: 'lapse', actorOrg: '惠企平台' });
    expect((await sweepProjectLibrary(p.deps)).lapsed).toBe(0);
    p.clock.set(IN_MARCH_WINDOW);
  });

  it('withdraws a submitted declaration before verification, not after', async () => {
    p.clock.set(IN_MARCH_WINDOW);
    const { s, id } = await draftOfNewManufacturer(lib);
    await submit(s, id);
    const w = await s.post(`/api/v1/declarations/${id}/withdraw`, { reason: '项目调整' });
    expect(w.json().state).toBe('withdrawn');
    const again = await s.post(`/api/v1/declarations/${id}/withdraw`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('已撤回');
  });
});

describe('calendar maintained by the city administrator', () => {
  it('an override by notice moves the window; only the city administrator may set it', async () => {
    p.clock.set('2024-05-08T02:00:00Z');
    const admin = await lib.as(lib.admin);
    const city = await lib.as(lib.city);
    const body = { opens: '2024-05-06', closes: '2024-05-09', notice: '江工信函〔2024〕88号', reason: '系统升级提前' };
    expect((await city.put('/api/v1/calendar/windows/2024-05', body)).statusCode).toBe(403);
    const bad = await admin.put('/api/v1/calendar/windows/2024-05', { ...body, closes: '2024-05-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('申报结束日期');
    const ok = await admin.put('/api/v1/calendar/windows/2024-05', body);
    expect(ok.statusCode).toBe(200);
    const may = ok.json().windows.find((w: { month: string }) => w.month === '2024-05');
    expect(may).toMatchObject({
      opens: '2024-05-06',
      closes: '2024-05-09',
      adjustment: 'notice',
      notice: '江工信函〔2024〕88号',
    });
    const anon = await p.app.inject({ method: 'GET', url: '/api/v1/calendar/windows/current' });
    expect(anon.json().open).toMatchObject({ month: '2024-05', closes: '2024-05-09' });

    const { s, id } = await draftOfNewManufacturer(lib);
    expect((await submit(s, id)).windowCloses).toBe('2024-05-09');
    expect((await admin.delete('/api/v1/calendar/windows/2024-05')).statusCode).toBe(200);
    p.clock.set(IN_MARCH_WINDOW);
  });

  it('adds a year the code does not know', async () => {
    const admin = await lib.as(lib.admin);
    const before = (await admin.get('/api/v1/calendar/years/2027')).json();
    expect(before.scheduleSource).toBe('none');
    const res = await admin.put('/api/v1/calendar/years/2027/schedule', {
      notice: '国办发明电〔2026〕9号',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      issuedOn: '2026-11-10',
      periods: [
        {
          name: '元旦',
          start: '2027-01-01',
          end: '2027-01-03',
          makeUpWorkdays: [],
          clause: '一',
          statement: '1月1日至3日放假，共3天。',
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ scheduleKnown: true, scheduleSource: 'admin' });
    expect(res.json().holidays[0]).toMatchObject({ name: '元旦', start: '2027-01-01' });
  });
});
