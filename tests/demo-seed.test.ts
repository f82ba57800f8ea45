/**
 * The first-start demo data: loaded through the real use cases into a fresh platform, once, with an intact audit
 * chain, and visible to each demo account only within its scope.
 */
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachments,
  auditEvents,
  enterprises,
  loanRepayments,
  notifications,
  projectDeclarations,
  projects,
  subsidyApplications,
  subsidyCampaigns,
  users,
} from '../src/db/schema';
import { DEMO_PASSWORD } from '../src/db/seed/demo';
import {
  DEMO_REQUEST_ID,
  type DemoLoad,
  describeDemoAccounts,
  describeDemoLoad,
  loadDemoData,
  tinyPdf,
} from '../src/db/seed/demo-business';
import { sniffFileType } from '../src/services/attachments/sniff';
import { verifyAuditChain } from '../src/services/audit/verify-audit-chain';
import { makeEnterprise } from './helpers/factories';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let load: DemoLoad;
let elapsedMs = 0;

beforeAll(async () => {
  p = await createTestPlatform();
  const started = Date.now();
  const r = await loadDemoData(p.deps);
  elapsedMs = Date.now() - started;
  if (!r) throw new Error('demo data not loaded on an empty platform');
  load = r;
}, 120_000);

afterAll(async () => {
  await p?.close();
});

async function tally<T extends string>(rows: { k: T; n: number }[]): Promise<Record<string, number>> {
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
}

const sessions = new Map<string, Session>();
async function as(username: string): Promise<Session> {
  let s = sessions.get(username);
  if (!s) {
    s = await loginAs(p.app, username, DEMO_PASSWORD);
    sessions.set(username, s);
  }
  return s;
}

async function json(s: Session, url: string) {
  const res = await s.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json();
}

describe('demo data on a first start', () => {
  it('loads once; a second start finds data and loads nothing', async () => {
    console.info(`demo data loaded in ${elapsedMs} ms (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
    expect(await loadDemoData(p.deps)).toBeNull();
    const [u] = await p.deps.db.select({ n: count() }).from(users);
    expect(u!.n).toBe(21);
  });

  it('has records at every stage', async () => {
    const db = p.deps.db;
    const ents = await db.select().from(enterprises);
    expect(ents).toHaveLength(6);
    expect(new Set(ents.map((e) => e.districtCode))).toEqual(new Set(['440703', '440704', '440705', null]));
    expect(ents.filter((e) => e.outsideCity).map((e) => e.name)).toEqual(['佛山市顺德区美联家电配件有限公司']);
    expect(ents.filter((e) => e.creditStatus === 'abnormal').map((e) => e.name)).toEqual([
      '江门市华锐电子科技有限公司',
    ]);

    const decls = await tally(
      await db
        .select({ k: projectDeclarations.state, n: count() })
        .from(projectDeclarations)
        .groupBy(projectDeclarations.state),
    );
    expect(decls).toEqual({ approved: 2, submitted: 1, returned: 1, draft: 1 });
    const byName = async (name: string) =>
      (await db.select().from(projectDeclarations).where(eq(projectDeclarations.name, name)))[0]!;
    const returned = await byName('注塑车间设备联网与能耗管理系统建设');
    expect(returned.state).toBe('returned');
    expect(returned.lastReason).toMatch(/不一致/);
    expect(returned.returnDeadline).toBe('2026-12-04');
    const awaiting = await byName('注塑五金行业云MES工业互联网平台研发');
    expect(awaiting).toMatchObject({ state: 'submitted', districtCode: '440705', declarationMonth: '2026-11' });

    const numbered = await db.select().from(projects).orderBy(asc(projects.libraryNumber));
    expect(numbered.map((x) => [x.libraryNumber, x.trackingState, x.lastReportPeriod])).toEqual([
      ['JMSZ-2025-0001', 'active', '2026-Q3'],
      ['JMSZ-2025-0002', 'completed', '2026-Q1'],
    ]);
    expect(numbered[0]!.resourcePoolLed).toBe(true);

    const [repaid] = await db.select({ n: count() }).from(loanRepayments);
    // 13 on time, and 海联's period 7 paid six days late (a risk warning to 江门农商银行 and 新会).
    expect(repaid!.n).toBe(14);

    const [campaign] = await db.select().from(subsidyCampaigns);
    expect(campaign).toMatchObject({ year: 2026, status: 'open', applyTo: '2026-12-31' });
    const apps = await tally(
      await db
        .select({ k: subsidyApplications.status, n: count() })
        .from(subsidyApplications)
        .groupBy(subsidyApplications.status),
    );
    expect(apps).toEqual({ submitted: 1, district_passed: 1 });

    expect(load.business).toMatchObject({
      declarations: decls,
      applications: apps,
      projectNumbers: ['JMSZ-2025-0001', 'JMSZ-2025-0002'],
      loans: 3,
      repayments: 14,
      progressReports: 10,
    });
    expect(load.accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(['qiye', 'fuwushang', 'gonghang', 'junye', 'hailian', 'huarui', 'meilian']),
    );
    const lines = describeDemoLoad(load);
    expect(lines.join('\n')).toMatch(/入库申报 5 件/);
    expect(lines.join('\n')).toMatch(/JMSZ-2025-0001、JMSZ-2025-0002/);
  });

  it('prints the start-up table with Chinese role names and says the demo accounts keep their password', async () => {
    const table = describeDemoAccounts(load.accounts);
    expect(table.rows.find((r) => r.用户名 === 'gonghang')).toMatchObject({ 角色: '合作银行人员' });
    expect(table.rows.find((r) => r.用户名 === 'qiye')).toMatchObject({ 角色: '企业用户' });
    for (const r of table.rows) expect(r.角色).not.toMatch(/[a-z_]/);
    expect(table.note).toContain('不强制修改密码');
    const forced = await p.deps.db.select({ u: users.username }).from(users).where(eq(users.mustChangePassword, true));
    expect(forced.filter((f) => table.rows.some((r) => r.用户名 === f.u))).toEqual([]);
  });

  it('stored its files as real PDFs', async () => {
    expect(sniffFileType(tinyPdf('x'))).toMatchObject({ ok: true, type: 'pdf' });
    const files = await p.deps.db.select().from(attachments);
    expect(files.length).toBeGreaterThan(40);
    expect(new Set(files.map((f) => f.contentType))).toEqual(new Set(['application/pdf']));
    const bytes = await p.deps.storage.get(files[0]!.sha256);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  });

  it('sent notifications as a consequence: the returned declaration and the waiting reviews are unread', async () => {
    const db = p.deps.db;
    const unread = async (username: string) =>
      (
        await db
          .select({ kind: notifications.kind, readAt: notifications.readAt })
          .from(notifications)
          .innerJoin(users, eq(users.id, notifications.recipientUserId))
          .where(eq(users.username, username))
      )
        .filter((n) => n.readAt === null)
        .map((n) => n.kind)
        .sort();
    expect(await unread('junye')).toEqual(['declaration_returned']);
    expect(await unread('xinhui')).toEqual(['credit_warning', 'declaration_submitted']);
    expect(await unread('pengjiang')).toEqual(['declaration_submitted']);
    // Older notices (verification, numbering, reports) were read before November 2026.
    const [all] = await db.select({ n: count() }).from(notifications);
    expect(all!.n).toBeGreaterThan(15);
  });

  it('is audited: an intact chain, the history in time order, the load event last', async () => {
    const result = await verifyAuditChain(p.deps.db);
    expect(result.problems).toEqual([]);
    expect(result.intact).toBe(true);
    const events = await p.deps.db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
    expect(result.checked).toBe(events.length);
    const history = events.filter((e) => e.requestId === DEMO_REQUEST_ID);
    expect(history.length).toBe(events.length - 1);
    expect(events.at(-1)).toMatchObject({ action: 'system.demo_data_loaded', requestId: null });
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.occurredAt.getTime()).toBeGreaterThanOrEqual(events[i - 1]!.occurredAt.getTime());
    const actions = new Set(history.map((e) => e.action));
    for (const a of [
      'enterprise.registered',
      'project_declaration.submitted',
      'project_declaration.district_verified',
      'project_declaration.returned',
      'loan.recorded',
      'subsidy.campaign_created',
      'subsidy.application_submitted',
      'subsidy.application_district_pass',
      'enterprise.credit_standing_set',
    ])
      expect(actions, a).toContain(a);
    // Each step was taken by the person whose job it is.
    const by = (action: string) => history.filter((e) => e.action === action).map((e) => e.actorRole);
    expect(new Set(by('loan.recorded'))).toEqual(new Set(['bank_officer']));
    expect(new Set(by('project_declaration.approved'))).toEqual(new Set(['city_reviewer']));
    expect(new Set(by('subsidy.campaign_created'))).toEqual(new Set(['city_admin']));
  });
});

describe('the demo accounts see the demo within their scope (through the API)', () => {
  it('qiye: its numbered project, its draft, its loan and its application', async () => {
    const s = await as('qiye');
    const decl = await json(s, '/api/v1/declarations');
    expect(decl.items.map((d: { state: string }) => d.state).sort()).toEqual(['approved', 'draft']);
    const proj = await json(s, '/api/v1/projects');
    expect(proj.items.map((x: { libraryNumber: string }) => x.libraryNumber)).toEqual(['JMSZ-2025-0001']);
    const loans = await json(s, '/api/v1/loans');
    expect(loans.items).toHaveLength(1);
    expect(loans.items[0]).toMatchObject({
      contractNo: 'GSJM-ZYB-2025-0318',
      repaymentCount: 7,
      project: { projectNo: 'JMSZ-2025-0001' },
    });
    const apps = await json(s, '/api/v1/subsidy/applications');
    expect(apps.items).toHaveLength(1);
    expect(apps.items[0]).toMatchObject({
      status: 'submitted',
      projectNo: 'JMSZ-2025-0001',
      claimedInterest: '79925.00',
      bankInterest: '79925.00',
    });
  });

  it('pengjiang: 蓬江 declarations (never drafts), the application to check, not 新会', async () => {
    const s = await as('pengjiang');
    const decl = await json(s, '/api/v1/declarations');
    expect(decl.items.every((d: { districtCode: string }) => d.districtCode === '440703')).toBe(true);
    expect(decl.items.map((d: { state: string }) => d.state).sort()).toEqual(['approved', 'returned']);
    const apps = await json(s, '/api/v1/subsidy/applications');
    expect(apps.items.map((a: { status: string; districtCode: string }) => [a.status, a.districtCode])).toEqual([
      ['submitted', '440703'],
    ]);
    const ents = await json(s, '/api/v1/enterprises');
    expect(ents.items.map((e: { name: string }) => e.name).sort()).toEqual([
      '江门市蓬江精密五金制造有限公司',
      '江门市骏业塑胶制品有限公司',
    ]);
  });

  it('gonghang: its own loan with the interest paid, and the declaration it finances; not 农商 loans', async () => {
    const s = await as('gonghang');
    const loans = await json(s, '/api/v1/loans');
    expect(loans.items).toHaveLength(1);
    expect(loans.items[0]).toMatchObject({
      bank: { shortName: '工商银行江门分行' },
      cover: { kind: 'insurer' },
      amount: '3000000.00',
      principalRepaid: '750000.00',
    });
    expect(loans.items[0].interestPaid).not.toBe('0.00');
    const repayments = await json(s, `/api/v1/loans/${loans.items[0].id}`);
    expect(repayments.repayments).toHaveLength(7);
    const decl = await json(s, '/api/v1/declarations');
    expect(decl.items.map((d: { enterpriseName: string }) => d.enterpriseName)).toEqual([
      '江门市蓬江精密五金制造有限公司',
    ]);
    const nong = await as('nongshang');
    const theirs = await json(nong, '/api/v1/loans');
    expect(theirs.items.map((l: { cover: { kind: string } }) => l.cover.kind)).toEqual(['guarantor', 'guarantor']);
    expect((await s.get(`/api/v1/loans/${theirs.items[0].id}`)).statusCode).toBe(404);
  });

  it('nongshang: its risk-compensation claim paid after a second approval, with a recovery returning the share', async () => {
    const s = await as('nongshang');
    const claims = (await json(s, '/api/v1/guarantee/risk-claims')).items;
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      contractNo: 'JMRCB-LD-2025-0320',
      status: 'paid',
      compensation: '520000.00',
      recoveredAfter: '150000.00',
      returned: '60000.00',
    });
    expect(claims[0].steps.map((x: { action: string }) => x.action)).toEqual([
      'district_pass',
      'city_approve',
      'second_approve',
      'pay',
    ]);
    const files = await json(s, `/api/v1/attachments?ownerType=risk_claim&ownerId=${claims[0].id}`);
    expect(files.items).toHaveLength(2);
    expect((await json(await as('gonghang'), '/api/v1/guarantee/risk-claims')).items).toEqual([]);
  });

  it('the 2025 guarantee-fee year is published on the public page and its plan issued', async () => {
    const years = (await json(await as('admin'), '/api/v1/guarantee/fee-years')).items;
    const y2025 = years.find((y: { year: number }) => y.year === 2025);
    expect(y2025).toMatchObject({ status: 'plan_issued', plan: { documentNumber: expect.stringContaining('演示') } });
    const pub = await p.app.inject({ method: 'GET', url: '/api/v1/public/notices' });
    expect(pub.json().items.some((n: { id: string; scheme: string }) => n.id === y2025.notice.id)).toBe(true);
  });

  it('xinhui: 新会 declarations and the provider waiting for verification; no 蓬江 declaration', async () => {
    const s = await as('xinhui');
    const decl = await json(s, '/api/v1/declarations');
    expect(decl.items.length).toBe(2);
    expect(decl.items.every((d: { districtCode: string }) => d.districtCode === '440705')).toBe(true);
    const queue = await json(s, '/api/v1/declarations?state=submitted');
    expect(queue.items.map((d: { enterpriseName: string }) => d.enterpriseName)).toEqual(['江门智造云科技有限公司']);
    const pengjiangDecl = await json(await as('pengjiang'), '/api/v1/declarations');
    for (const d of pengjiangDecl.items)
      expect((await s.get(`/api/v1/declarations/${d.id}`)).statusCode, d.name).toBe(404);
  });

  it('the city: the dashboard shows the campaign and its applications by district', async () => {
    const s = await as('shiji');
    const dash = await json(s, '/api/v1/dashboard/subsidy');
    expect(dash.campaign).toMatchObject({ year: 2026, acceptingApplications: true });
    expect(dash.budget).toBe('3000000.00');
    const byDistrict = Object.fromEntries(
      dash.byDistrict.map((d: { districtCode: string; total: number }) => [d.districtCode, d.total]),
    );
    expect(byDistrict).toMatchObject({ '440703': 1, '440705': 1, '440704': 0 });
    const apps = await json(s, '/api/v1/subsidy/applications?status=district_passed');
    expect(apps.items).toHaveLength(1);
    expect(apps.items[0]).toMatchObject({ claimedInterest: '39055.55', interestDifference: '0.00' });
  });
});

describe('a demo load that fails part-way', () => {
  it('leaves nothing behind, so the next start tries again', async () => {
    const q = await createTestPlatform();
    try {
      // An enterprise already holds the code one of the demo enterprises registers with: its registration fails.
      const [junye] = load.accounts.filter((a) => a.username === 'junye');
      const [taken] = await p.deps.db
        .select({ uscc: enterprises.uscc })
        .from(enterprises)
        .where(eq(enterprises.name, junye!.scope));
      await makeEnterprise(q.deps, { uscc: taken!.uscc });
      await expect(loadDemoData(q.deps)).rejects.toMatchObject({ code: 'USCC_TAKEN' });
      const [u] = await q.deps.db.select({ n: count() }).from(users);
      const [e] = await q.deps.db.select({ n: count() }).from(enterprises);
      const [a] = await q.deps.db.select({ n: count() }).from(auditEvents);
      expect([u!.n, e!.n, a!.n]).toEqual([0, 1, 0]);
    } finally {
      await q.close();
    }
  }, 60_000);
});

describe('demo data of the competitive programmes', () => {
  it('shows the 2024 call under 003, the 2026 call under the recorded renewal and the resource-pool selection', async () => {
    const calls = (await json(await as('shujiang'), '/api/v1/fund/calls')).items as {
      title: string;
      policyVersion: string;
      programme: string;
    }[];
    expect(calls).toHaveLength(3);
    expect(calls.find((c) => c.title.startsWith('2024'))!.policyVersion).toBe('iifund.003');
    expect(calls.find((c) => c.title === '2026年江门市工业互联网专项资金申报通知')!.policyVersion).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(calls.filter((c) => c.programme === 'resource_pool')).toHaveLength(1);
    const reviews = (await json(await as('zhuanjia1'), '/api/v1/fund/reviews')).items;
    const auditorCalls = (await json(await as('shenjisuo'), '/api/v1/fund/calls')).items;
    expect(auditorCalls).toHaveLength(2);
    expect(Array.isArray(reviews)).toBe(true);
    expect((await json(await as('fuwushang'), '/api/v1/fund/applications')).items).toHaveLength(1);
  });
});
