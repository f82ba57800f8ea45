/**
 * The competitive special fund (江工信工业互联网〔2021〕4号) from call to acceptance, over HTTP: a call after 003's
 * validity needs a recorded renewal; applications with invoices (a claimed invoice refused); formal review returns
 * one and it is resubmitted; experts drawn with conflicts excluded and a declared conflict replaced; hidden scores;
 * ranking, deliberation with a reasoned change, the 7-day notice with an objection, the plan (concurrent issues
 * never overspend), acceptance that lowers an award, a spot check with clawback; scope everywhere (404).
 */
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fundCallDirections, institutions } from '../src/db/schema';
import { makeEnterprise, makeUser, randomUscc } from './helpers/factories';
import { multipart, PDF, uploadAttachment } from './helpers/multipart';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
const s: Record<string, Session> = {};
const ent: Record<string, { id: string; uscc: string }> = {};
let callId = '';
const apps: Record<string, string> = {};
const experts: string[] = [];
const expertUsers: Record<string, Session> = {};

async function inst(kind: string, name: string) {
  const [i] = await p.deps.db.insert(institutions).values({ kind, name, shortName: name }).returning();
  return i!.id;
}
/** Every signed-in session, so the journey can sign everyone in again after the clock moves past session expiry. */
const logins: { u: { username: string; password: string }; session: Session }[] = [];
async function session(role: Parameters<typeof makeUser>[1], scope: Parameters<typeof makeUser>[2] = {}) {
  const u = await makeUser(p.deps, role, scope);
  const signed = await loginAs(p.app, u.username, u.password);
  logins.push({ u, session: signed });
  return { s: signed, id: u.id };
}
async function signInAgain() {
  for (const l of logins) {
    const fresh = await loginAs(p.app, l.u.username, l.u.password);
    l.session.cookie = fresh.cookie;
    l.session.csrf = fresh.csrf;
  }
}

const RENEWAL_TEXT = `江门市工业和信息化局关于延续实施《江门市工业互联网专项资金管理实施细则》的通知
江工信工业互联网〔2024〕9号
第一条 延续实施《江门市工业互联网专项资金管理实施细则》，除本通知调整的内容外，继续按原细则执行。
第二条 中小企业上云上平台每家企业补贴不超过50万元。
第三条 本通知自2024年5月16日起实施，有效期至2027年5月15日。
`;

const invoice = (no: string, amount: string) => ({
  item: '工业互联网平台软件',
  invoiceNo: no,
  amount,
  issuedOn: '2026-02-10',
  seller: '江门数智科技有限公司',
});
const DECLARED = {
  independentLegalEntity: true,
  noOtherFiscalSupport: true,
  fiscalRecordGood: true,
  noMajorAccidents: true,
};
const application = (over: Record<string, unknown> = {}) => ({
  direction: 'benchmark_app',
  projectName: '智能工厂工业互联网应用',
  invoices: [invoice('44001234567', '1500000.00')],
  declarations: DECLARED,
  commitmentSigned: true,
  targets: ['设备联网率达到90%'],
  tasks: ['部署平台', '上线应用'],
  ...over,
});
const CALL = {
  programme: 'special_fund',
  year: 2026,
  title: '2026年工业互联网专项资金（标杆示范）申报通知',
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
  materials: ['申报书', '发票复印件', '承诺书'],
  directions: [{ direction: 'benchmark_app', budget: '1600000.00' }],
  criteria: [
    { id: 'innovation', name: '创新性', weight: '40' },
    { id: 'benefit', name: '效益', weight: '60' },
  ],
  method: 'mean',
  minReviews: 3,
  expertsPerApplication: 3,
  threshold: '60.00',
};

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-03-02T02:00:00Z' });
  const operatorInst = await inst('operator', '数字江门网络建设有限公司');
  const otherOperatorInst = await inst('operator', '另一受托机构');
  const auditInst = await inst('auditor', '江门诚信会计师事务所');
  const otherAuditInst = await inst('auditor', '另一会计师事务所');
  s.operator = (await session('fund_operator', { institutionId: operatorInst })).s;
  s.otherOperator = (await session('fund_operator', { institutionId: otherOperatorInst })).s;
  s.auditor = (await session('external_auditor', { institutionId: auditInst })).s;
  s.otherAuditor = (await session('external_auditor', { institutionId: otherAuditInst })).s;
  s.admin = (await session('city_admin')).s;
  s.admin2 = (await session('city_admin')).s;
  s.reviewer = (await session('city_reviewer')).s;
  for (const k of ['A', 'B', 'C']) {
    const e = await makeEnterprise(p.deps, k === 'C' ? { establishedOn: '2025-06-01' } : {});
    ent[k] = { id: e.id, uscc: e.uscc };
    s[k] = (await session('enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true })).s;
  }
  s.auditInst = { csrf: auditInst } as unknown as Session;
});
afterAll(async () => p.close());

describe('a call under a policy version', () => {
  it('a call opening after 2024-05-15 is refused until a renewal of 003 is recorded and approved', async () => {
    const refused = await s.operator!.post('/api/v1/fund/calls', CALL);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('第十八条');
    const renewal = await s.admin!.post('/api/v1/fund/renewals', {
      docNumber: '江工信工业互联网〔2024〕9号',
      title: '关于延续实施《江门市工业互联网专项资金管理实施细则》的通知',
      issuer: '江门市工业和信息化局',
      issuedOn: '2024-05-10',
      validFrom: '2024-05-16',
      validTo: '2027-05-15',
      sourceText: RENEWAL_TEXT,
      params: {
        validityArticle: { ref: ['第三条'], quote: '有效期至2027年5月15日' },
        changes: {
          'cloud.cap': { value: '500000.00', article: { ref: ['第二条'], quote: '每家企业补贴不超过50万元' } },
        },
      },
    });
    expect(renewal.statusCode, renewal.body).toBe(201);
    const id = renewal.json().id;
    expect((await s.admin!.post(`/api/v1/fund/renewals/${id}/approve`)).statusCode).toBe(403); // the drafter
    expect((await s.admin2!.post(`/api/v1/fund/renewals/${id}/approve`)).statusCode).toBe(200);
    const created = await s.operator!.post('/api/v1/fund/calls', CALL);
    expect(created.statusCode, created.body).toBe(201);
    callId = created.json().id;
    const call = (await s.operator!.get(`/api/v1/fund/calls/${callId}`)).json();
    expect(call.policyVersion).toBe(id);
    expect(call.directions[0].standard).toBe(
      '补贴不超过发票金额的50%，单个项目不超过1000000.00元（依据江工信工业互联网〔2021〕4号 第八条（一））',
    );
  });

  it('only the bureau approves it; enterprises see it only once approved; another operator never', async () => {
    expect((await s.A!.get(`/api/v1/fund/calls/${callId}`)).statusCode).toBe(404);
    expect((await s.operator!.post(`/api/v1/fund/calls/${callId}/approve`, {})).statusCode).toBe(403);
    const auditInstitutionId = (s.auditInst as unknown as { csrf: string }).csrf;
    expect((await s.admin!.post(`/api/v1/fund/calls/${callId}/approve`, { auditInstitutionId })).statusCode).toBe(200);
    expect((await s.A!.get(`/api/v1/fund/calls/${callId}`)).statusCode).toBe(200);
    expect((await s.otherOperator!.get(`/api/v1/fund/calls/${callId}`)).statusCode).toBe(404);
    expect((await s.otherAuditor!.get(`/api/v1/fund/calls/${callId}`)).statusCode).toBe(404);
    expect((await s.auditor!.get(`/api/v1/fund/calls/${callId}`)).statusCode).toBe(200);
  });
});

describe('applications and formal review', () => {
  it('applies; an invoice already claimed is refused naming the other record; a firm under one year is refused', async () => {
    const a = await s.A!.post(`/api/v1/fund/calls/${callId}/applications`, application());
    expect(a.statusCode, a.body).toBe(201);
    apps.A = a.json().id;
    const dup = await s.B!.post(`/api/v1/fund/calls/${callId}/applications`, application());
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('FUND_INVOICE_CLAIMED');
    expect(dup.json().error.message).toContain(apps.A);
    expect(dup.json().error.message).toContain('第九条（二）');
    const b = await s.B!.post(
      `/api/v1/fund/calls/${callId}/applications`,
      application({ projectName: '注塑车间数字化', invoices: [invoice('44009999001', '1200000.00')] }),
    );
    expect(b.statusCode, b.body).toBe(201);
    apps.B = b.json().id;
    const again = await s.B!.post(
      `/api/v1/fund/calls/${callId}/applications`,
      application({ invoices: [invoice('44009999002', '100.00')] }),
    );
    expect(again.json().error.code).toBe('FUND_ALREADY_APPLIED');
    const young = await s.C!.post(
      `/api/v1/fund/calls/${callId}/applications`,
      application({ invoices: [invoice('44007777001', '100.00')] }),
    );
    expect(young.statusCode).toBe(422);
    expect(young.json().error.message).toContain('未满1年');
    const noCommitment = await s.C!.post(
      `/api/v1/fund/calls/${callId}/applications`,
      application({ commitmentSigned: false }),
    );
    expect(noCommitment.statusCode).toBe(400);
  });

  it('checks of 第九条 name their source (record or commitment)', async () => {
    const view = (await s.A!.get(`/api/v1/fund/applications/${apps.A}`)).json();
    expect(view.checks.find((c: { code: string }) => c.code === 'IIF_ESTABLISHED_1Y')).toMatchObject({
      status: 'pass',
      source: 'record',
    });
    expect(view.checks.find((c: { code: string }) => c.code === 'IIF_NO_ACCIDENTS')).toMatchObject({
      status: 'declared',
      source: 'commitment',
    });
  });

  it('an enterprise never sees another enterprise’s application', async () => {
    expect((await s.A!.get(`/api/v1/fund/applications/${apps.B}`)).statusCode).toBe(404);
    expect((await s.A!.get('/api/v1/fund/applications')).json().items.map((x: { id: string }) => x.id)).toEqual([
      apps.A,
    ]);
    expect((await s.otherOperator!.get(`/api/v1/fund/applications/${apps.A}`)).statusCode).toBe(404);
  });

  it('formal review returns one with reasons and a deadline; the enterprise resubmits; both pass', async () => {
    const noReason = await s.operator!.post(`/api/v1/fund/applications/${apps.B}/formal-review`, {
      decision: 'return',
    });
    expect(noReason.statusCode).toBe(400);
    const ret = await s.operator!.post(`/api/v1/fund/applications/${apps.B}/formal-review`, {
      decision: 'return',
      reasons: '发票金额与投入明细不一致',
      dueOn: '2026-03-10',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const seen = (await s.B!.get(`/api/v1/fund/applications/${apps.B}`)).json();
    expect(seen.state).toBe('returned');
    expect(seen.timeline.map((t: { action: string }) => t.action)).toEqual([
      '提交申报（已签署承诺书）',
      '形式审查退回补正',
    ]);
    const re = await s.B!.post(`/api/v1/fund/applications/${apps.B}/resubmit`, {
      invoices: [invoice('44009999001', '1000000.00'), invoice('44009999003', '200000.00')],
    });
    expect(re.statusCode, re.body).toBe(200);
    for (const id of [apps.A, apps.B])
      expect(
        (await s.operator!.post(`/api/v1/fund/applications/${id}/formal-review`, { decision: 'pass' })).statusCode,
      ).toBe(200);
  });
});

describe('experts', () => {
  it('draws three, never the applicant’s own employee; a declared conflict frees the seat for another draw', async () => {
    const employers = [ent.A!.uscc, randomUscc(), randomUscc(), randomUscc(), randomUscc(), randomUscc()];
    for (const [i, code] of employers.entries()) {
      const u = await session('expert');
      const r = await s.operator!.post('/api/v1/fund/experts', {
        name: `专家${i + 1}`,
        field: '工业互联网',
        employer: `单位${i + 1}`,
        employerCreditCode: code,
        phone: `1380000000${i}`,
        userId: u.id,
      });
      expect(r.statusCode, r.body).toBe(201);
      experts.push(r.json().id);
      expertUsers[r.json().id] = u.s;
    }
    const list = (await s.operator!.get('/api/v1/fund/experts')).json();
    expect(list.items[0].phoneMasked).toMatch(/^138\*\*\*\*000\d$/);
    const d = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/experts`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().drawn).toHaveLength(3);
    expect(d.json().drawn).not.toContain(experts[0]);
    // The draw for B too.
    expect((await s.operator!.post(`/api/v1/fund/applications/${apps.B}/experts`)).json().drawn).toHaveLength(3);
  });

  it('an expert sees nothing of an application before declaring no conflict, and never one not assigned', async () => {
    const seated = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`)).json().items;
    const first = expertUsers[seated[0].expertId]!;
    const queue = (await first.get('/api/v1/fund/reviews')).json().items;
    const mine = queue.find((q: { application: unknown; assignmentId: string }) => q.assignmentId === seated[0].id);
    expect(mine.application).toBeNull();
    expect((await first.get(`/api/v1/fund/applications/${apps.A}`)).statusCode).toBe(404);
    const bSeats = (await s.operator!.get(`/api/v1/fund/applications/${apps.B}/assignments`)).json().items;
    const outsider = Object.keys(expertUsers).find(
      (id) => !bSeats.some((x: { expertId: string }) => x.expertId === id),
    )!;
    expect((await expertUsers[outsider]!.get(`/api/v1/fund/applications/${apps.B}`)).statusCode).toBe(404);
  });

  it('one declares a conflict and is replaced; the others score; scores stay hidden until all are in', async () => {
    let seated = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`)).json().items;
    const conflicted = seated[0];
    await expertUsers[conflicted.expertId]!.post(`/api/v1/fund/reviews/${conflicted.id}/declaration`, {
      conflict: true,
      note: '曾为该企业提供咨询',
    });
    const redraw = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/experts`);
    expect(redraw.json().drawn).toHaveLength(1);
    expect(redraw.json().drawn).not.toContain(conflicted.expertId);
    seated = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`)).json().items;
    const scores: Record<string, Record<string, string>> = {
      A: { innovation: '80', benefit: '90' },
      B: { innovation: '70', benefit: '75' },
    };
    for (const [key, id] of [
      ['A', apps.A],
      ['B', apps.B],
    ] as const) {
      const seats = (await s.operator!.get(`/api/v1/fund/applications/${id}/assignments`))
        .json()
        .items.filter((x: { status: string }) => x.status !== 'conflict');
      for (const [k, seat] of seats.entries()) {
        const ex = expertUsers[seat.expertId]!;
        const early = await ex.post(`/api/v1/fund/reviews/${seat.id}/scores`, { scores: scores[key] });
        expect(early.statusCode).toBe(409); // not declared yet
        await ex.post(`/api/v1/fund/reviews/${seat.id}/declaration`, { conflict: false });
        const low = await ex.post(`/api/v1/fund/reviews/${seat.id}/scores`, {
          scores: { innovation: '10', benefit: '10' },
        });
        expect(low.statusCode).toBe(400);
        expect(low.json().error.message).toContain('评审意见');
        const r = await ex.post(`/api/v1/fund/reviews/${seat.id}/scores`, { scores: scores[key] });
        expect(r.statusCode, r.body).toBe(200);
        const listed = (await s.operator!.get(`/api/v1/fund/applications/${id}/assignments`))
          .json()
          .items.filter((x: { status: string }) => x.status !== 'conflict');
        const everyone = k === seats.length - 1;
        expect(listed.every((x: { scores: unknown }) => (x.scores === null) !== everyone)).toBe(true);
      }
    }
    expect(seated.filter((x: { status: string }) => x.status !== 'conflict')).toHaveLength(3);
  });
});

describe('ranking, deliberation, notice and plan', () => {
  it('ranks and proposes amounts in rank order within the budget', async () => {
    expect((await s.operator!.post(`/api/v1/fund/calls/${callId}/close`)).statusCode).toBe(200);
    const r = await s.operator!.post(`/api/v1/fund/calls/${callId}/proposal`);
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items;
    // A: 0.4×80+0.6×90 = 86 → 50% × 1,500,000 = 750,000; B: 0.4×70+0.6×75 = 73 → 600,000 (budget 1,600,000).
    expect(
      items.map((i: { applicationId: string; rank: number; score: string; proposed: string }) => [
        i.applicationId,
        i.rank,
        i.score,
        i.proposed,
      ]),
    ).toEqual([
      [apps.A, 1, '86.00', '750000.00'],
      [apps.B, 2, '73.00', '600000.00'],
    ]);
    expect(items[0].explanation[0]).toContain('第八条（一）');
  });

  it('an enterprise never sees the ranking', async () => {
    expect((await s.A!.get(`/api/v1/fund/calls/${callId}/proposal`)).statusCode).toBe(403);
  });

  it('deliberation: a change needs a reason and is kept beside the original', async () => {
    const base = { meetingOn: '2026-03-05', attendees: ['局长', '副局长', '科长'] };
    const noReason = await s.admin!.post(`/api/v1/fund/calls/${callId}/deliberation`, {
      ...base,
      decisions: [{ applicationId: apps.B, amount: '550000.00' }],
    });
    expect(noReason.statusCode).toBe(400);
    // The minutes are uploaded through the attachment module as a file of this call's deliberation.
    const otherFile = await uploadAttachment(s.A!, 'enterprise', ent.A!.id, 'business_licence');
    const foreign = await s.admin!.post(`/api/v1/fund/calls/${callId}/deliberation`, {
      ...base,
      minutesAttachmentId: otherFile,
      decisions: [{ applicationId: apps.B, amount: '550000.00', reason: '部分投入属于日常运维，不予支持' }],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.message).toContain('会议纪要附件');
    const m = multipart(
      { ownerType: 'fund_deliberation', ownerId: callId, kind: 'minutes' },
      { name: '会议纪要.pdf', data: PDF, type: 'application/pdf' },
    );
    const byOperator = await s.operator!.request({
      method: 'POST',
      url: '/api/v1/attachments',
      payload: m.payload,
      headers: m.headers,
    });
    expect([403, 404]).toContain(byOperator.statusCode);
    const minutes = await uploadAttachment(s.admin!, 'fund_deliberation', callId, 'minutes');
    const ok = await s.admin!.post(`/api/v1/fund/calls/${callId}/deliberation`, {
      ...base,
      minutesAttachmentId: minutes,
      decisions: [{ applicationId: apps.B, amount: '550000.00', reason: '部分投入属于日常运维，不予支持' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const listed = await s.reviewer!.get(`/api/v1/attachments?ownerType=fund_deliberation&ownerId=${callId}`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(JSON.stringify(listed.json())).toContain(minutes);
    const download = await s.reviewer!.get(`/api/v1/attachments/${minutes}/download`);
    expect(download.statusCode).toBe(200);
    // Once the deliberation is recorded its files no longer change.
    const late = await s.admin!.request({
      method: 'POST',
      url: '/api/v1/attachments',
      ...(() => {
        const x = multipart(
          { ownerType: 'fund_deliberation', ownerId: callId, kind: 'minutes' },
          { name: '补充纪要.pdf', data: PDF, type: 'application/pdf' },
        );
        return { payload: x.payload, headers: x.headers };
      })(),
    });
    expect(late.statusCode).toBeGreaterThanOrEqual(400);
    expect(late.statusCode).toBeLessThan(500);
    const b = (await s.reviewer!.get(`/api/v1/fund/calls/${callId}/proposal`)).json().items[1];
    expect([b.proposed, b.decided, b.changeReason]).toEqual([
      '600000.00',
      '550000.00',
      '部分投入属于日常运维，不予支持',
    ]);
  });

  it('a notice shorter than 7 days is refused citing 第十一条; objections are cases; the plan waits for both', async () => {
    const short = await s.admin!.post(`/api/v1/fund/calls/${callId}/notice`, { startsOn: '2026-03-02', days: 6 });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('第十一条');
    const pub = await s.admin!.post(`/api/v1/fund/calls/${callId}/notice`, { startsOn: '2026-03-02', days: 7 });
    expect(pub.json()).toMatchObject({ startsOn: '2026-03-02', endsOn: '2026-03-08' });
    const anon = anonymous(p.app);
    const notice = (await anon.get(`/api/v1/fund/public/notices/${callId}`)).json();
    expect(notice.items.map((i: { amount: string }) => i.amount)).toEqual(['750000.00', '550000.00']);
    const obj = await anon.post(`/api/v1/fund/public/notices/${callId}/objections`, {
      applicationId: apps.B,
      name: '张三',
      contact: '13912345678',
      content: '该企业项目尚未实施',
    });
    expect(obj.statusCode, obj.body).toBe(201);
    const caseNo = obj.json().caseNo;
    expect(caseNo).toMatch(/^ZX2026-[0-9A-F]{4}-0001$/);
    // The fund notice is listed beside the 政银保 ones, and its case is looked up like theirs (ADR 0017).
    const listed = (await anon.get('/api/v1/fund/public/notices')).json().items;
    expect(listed).toContainEqual(expect.objectContaining({ callId, phase: 'open', endsOn: '2026-03-08' }));
    const lookup = (contact: string, no = caseNo) =>
      anon.post('/api/v1/public/notices/objection-lookup', { caseNo: no.toLowerCase(), contact });
    const pending = await lookup('139-1234-5678');
    expect(pending.statusCode, pending.body).toBe(200);
    expect(pending.json()).toMatchObject({ caseNo, status: 'open', outcome: null, closedAt: null });
    expect(pending.json().noticeTitle).toContain(CALL.title);
    expect(JSON.stringify(pending.json())).not.toContain('张三');
    const wrongContact = await lookup('13900000000');
    const wrongNumber = await lookup('13912345678', 'ZX2026-0000-0001');
    expect([wrongContact.statusCode, wrongNumber.statusCode]).toEqual([404, 404]);
    expect(wrongContact.json().error.message).toBe(wrongNumber.json().error.message);
    expect((await s.admin!.post(`/api/v1/fund/calls/${callId}/plan`, {})).json().error.message).toContain('公示期满后');
    p.clock.set('2026-03-09T02:00:00Z');
    await signInAgain();
    expect((await s.admin!.post(`/api/v1/fund/calls/${callId}/plan`, {})).json().error.message).toContain('1件未办结');
    expect(
      (
        await s.reviewer!.post(`/api/v1/fund/objections/${obj.json().id}/close`, {
          result: 'rejected',
          outcome: '经核实项目已开工，异议不成立',
        })
      ).statusCode,
    ).toBe(200);
    const closed = (await lookup('13912345678')).json();
    expect(closed).toMatchObject({
      status: 'closed',
      outcome: 'rejected',
      outcomeNote: '经核实项目已开工，异议不成立',
    });
  });

  it('concurrent plan issues: one succeeds, the other is refused, the budget is never exceeded', async () => {
    const [x, y] = await Promise.all([
      s.admin!.post(`/api/v1/fund/calls/${callId}/plan`, {}),
      s.admin2!.post(`/api/v1/fund/calls/${callId}/plan`, {}),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const [dir] = await p.deps.db.select().from(fundCallDirections).where(eq(fundCallDirections.callId, callId));
    expect(dir!.committedFen).toBe(130_000_000n);
    const plan = (await s.A!.get(`/api/v1/fund/calls/${callId}/plan`)).json();
    expect(plan.total).toBe('1300000.00');
    expect(plan.totalInWords).toBe('壹佰叁拾万元整');
    const xlsx = await s.admin!.get(`/api/v1/fund/calls/${callId}/plan/xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pw = new ExcelJS.Workbook();
    await pw.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(pw.worksheets[0]!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(pw.worksheets[0]!.pageSetup.printTitlesRow).toBe('3:3');
    expect((await s.operator!.post(`/api/v1/fund/calls/${callId}/plan/filing`)).statusCode).toBe(200);
  });
});

describe('after the award', () => {
  it('the acceptance panel is drawn from the pool with the same conflict rules; acceptance waits for it', async () => {
    const early = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/acceptance`, {
      outcome: 'pass',
      finalInvoices: [invoice('44001234567', '1200000.00')],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('验收专家组');
    expect((await s.A!.post(`/api/v1/fund/applications/${apps.A}/acceptance-panel`)).statusCode).toBe(403);
    const d = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/acceptance-panel`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().seed).toBe(`${apps.A}/acceptance/1`);
    expect(d.json().drawn).toHaveLength(3);
    expect(d.json().drawn).not.toContain(experts[0]); // the applicant's own employee, as for the review
    let panel = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`))
      .json()
      .items.filter((x: { purpose: string }) => x.purpose === 'acceptance');
    expect(panel).toHaveLength(3);
    // A panel member sees the task, cannot score it, and a declared conflict frees the seat for another draw.
    const first = expertUsers[panel[0].expertId]!;
    const task = (await first.get('/api/v1/fund/reviews'))
      .json()
      .items.find((q: { assignmentId: string }) => q.assignmentId === panel[0].id);
    expect(task).toMatchObject({ purpose: 'acceptance', application: null });
    await first.post(`/api/v1/fund/reviews/${panel[0].id}/declaration`, { conflict: true, note: '近期与该企业合作' });
    const full = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/acceptance-panel`);
    expect(full.json().drawn).toHaveLength(1);
    expect(full.json().drawn).not.toContain(panel[0].expertId);
    panel = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`))
      .json()
      .items.filter((x: { purpose: string; status: string }) => x.purpose === 'acceptance' && x.status !== 'conflict');
    expect(panel).toHaveLength(3);
    for (const seat of panel) {
      const ex = expertUsers[seat.expertId]!;
      expect((await ex.post(`/api/v1/fund/reviews/${seat.id}/declaration`, { conflict: false })).statusCode).toBe(200);
      const scored = await ex.post(`/api/v1/fund/reviews/${seat.id}/scores`, {
        scores: { innovation: '80', benefit: '90' },
      });
      expect(scored.statusCode).toBe(409);
    }
    // The review scores stay visible beside the acceptance panel.
    const reviews = (await s.operator!.get(`/api/v1/fund/applications/${apps.A}/assignments`))
      .json()
      .items.filter((x: { purpose: string; status: string }) => x.purpose === 'review' && x.status === 'scored');
    expect(reviews.every((x: { total: string | null }) => x.total !== null)).toBe(true);
    expect((await s.operator!.post(`/api/v1/fund/applications/${apps.A}/acceptance-panel`)).statusCode).toBe(409);
  });

  it('acceptance recomputes on the final invoices, lowers the award and releases the difference', async () => {
    const r = await s.operator!.post(`/api/v1/fund/applications/${apps.A}/acceptance`, {
      outcome: 'pass',
      finalInvoices: [invoice('44001234567', '1200000.00')],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ state: 'accepted', finalAmount: '600000.00', released: '150000.00' });
    const [dir] = await p.deps.db.select().from(fundCallDirections).where(eq(fundCallDirections.callId, callId));
    expect(dir!.committedFen).toBe(115_000_000n);
    expect((await s.A!.get(`/api/v1/fund/applications/${apps.A}`)).json().finalAmount).toBe('600000.00');
  });

  it('a spot check is drawn with a recorded seed; misuse opens a clawback; repayments settle it', async () => {
    const d = await s.admin!.post(`/api/v1/fund/calls/${callId}/spot-checks`, { size: 1, seed: '2026-spot-1' });
    expect(d.statusCode, d.body).toBe(200);
    const sampled = d.json().sample[0];
    const again = await s.admin!.post(`/api/v1/fund/calls/${callId}/spot-checks`, { size: 1, seed: '2026-spot-1' });
    expect(again.json().sample).toEqual([sampled]);
    const f = await s.admin!.post(`/api/v1/fund/spot-checks/${d.json().id}/findings/${sampled}`, {
      misuse: true,
      findings: '部分资金用于购置办公家具',
      clawbackAmount: '50000.00',
      dueOn: '2026-04-30',
    });
    expect(f.statusCode, f.body).toBe(200);
    const part = await s.admin!.post(`/api/v1/fund/clawbacks/${f.json().id}/repayments`, {
      amount: '20000.00',
      receivedOn: '2026-03-20',
    });
    expect(part.json()).toMatchObject({ owed: '30000.00', status: 'open' });
    const over = await s.admin!.post(`/api/v1/fund/clawbacks/${f.json().id}/repayments`, {
      amount: '40000.00',
      receivedOn: '2026-03-21',
    });
    expect(over.statusCode).toBe(400);
    const rest = await s.admin!.post(`/api/v1/fund/clawbacks/${f.json().id}/repayments`, {
      amount: '30000.00',
      receivedOn: '2026-03-22',
    });
    expect(rest.json()).toMatchObject({ owed: '0.00', status: 'settled' });
  });

  it('the external auditor reads and exports; another auditor cannot; the dashboard shows budget and stages', async () => {
    const x = await s.auditor!.get(`/api/v1/fund/calls/${callId}/export`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('申报')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.getRow(1).getCell(6).value).toBe('提交时间（北京时间）');
    expect(ws.getRow(2).getCell(6).value).toBeInstanceOf(Date);
    expect(typeof ws.getRow(2).getCell(8).value).toBe('number');
    expect((await s.otherAuditor!.get(`/api/v1/fund/calls/${callId}/export`)).statusCode).toBe(404);
    expect((await s.auditor!.post(`/api/v1/fund/calls/${callId}/spot-checks`, { size: 1, seed: 'x' })).statusCode).toBe(
      403,
    );
    const dash = (await s.operator!.get(`/api/v1/fund/calls/${callId}/dashboard`)).json();
    expect(dash.byDirection[0]).toMatchObject({ budget: '1600000.00', committed: '1150000.00', left: '450000.00' });
    expect(dash.acceptance).toEqual({ accepted: 1, awarded: 1 });
  });

  it('bad input is a 4xx naming the field, never a 500', async () => {
    for (const body of [
      {},
      { direction: 'talent' },
      'x'.repeat(10_000),
      { ...application(), invoices: [invoice('1', '-5')] },
    ]) {
      const r = await s.C!.post(`/api/v1/fund/calls/${callId}/applications`, body);
      expect([400, 415], JSON.stringify(body).slice(0, 40)).toContain(r.statusCode);
    }
    expect((await s.operator!.get('/api/v1/fund/calls/not-a-uuid')).statusCode).toBe(400);
  });
});
