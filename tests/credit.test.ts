/**
 * The credit profile and risk warnings over HTTP (002 三（三）2, 三（四）2): a bank reads a profile only under the
 * enterprise's consent and loses it at once on revocation; every view is logged for the enterprise; the score's
 * breakdown names each fact, its points and its clause; every warning rule is raised once, closed when its cause
 * is resolved, and delivered only to the banks with exposure and to the enterprise's district; lists are scoped.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, creditWarnings, projectDeclarations } from '../src/db/schema';
import { systemCtx } from '../src/services/context';
import { acceptanceRecorded, clawbackOpened, clawbackSettled, sweepCreditWarnings } from '../src/services/credit';
import { makeInstitution, makeUser } from './helpers/factories';
import { needBody } from './helpers/financing-fixtures';
import { makeNumberedProject, makeWorld, numberedLoans, signInWorld, type World } from './helpers/loans-fixtures';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let w: World;
const s: Record<string, Session> = {};
let bankCId: string;
let loan1: string;
let need1: string;

const C = '/api/v1/credit';
const F = '/api/v1/financing';

interface Warning {
  id: string;
  kind: string;
  level: string;
  reason: string;
  status: string;
  closeReason: string | null;
  deliveries: { audience: string; recipient: string; exposure: string | null; actionTaken: string | null }[];
  mine: { acknowledged: boolean } | null;
}

async function warningsOf(who: string, status = 'all', kind?: string): Promise<Warning[]> {
  const r = await s[who]!.get(`${C}/warnings?status=${status}`);
  expect(r.statusCode, r.body).toBe(200);
  const items = r.json().items as Warning[];
  return kind ? items.filter((x) => x.kind === kind) : items;
}

async function rowsOfKind(kind: string, enterpriseId: string) {
  return p.deps.db
    .select()
    .from(creditWarnings)
    .where(and(eq(creditWarnings.kind, kind), eq(creditWarnings.enterpriseId, enterpriseId)));
}

/** Bank A's ¥1,000,000 12-month loans of e1 disbursed on 2026-01-15; each call returns the new loan's id. */
const newLoan = numberedLoans(
  'CR-2026-',
  () => ({ w, bank: s.bankA! }),
  () => ({
    amount: '1000000.00',
    termMonths: 12,
    disbursedAt: '2026-01-15T10:00:00+08:00',
  }),
);

const repay = (loanId: string, periodNo: number, dueDate: string, paidDate: string, principal = '0.00') =>
  s.bankA!.post(`/api/v1/loans/${loanId}/repayments`, {
    periodNo,
    dueDate,
    paidDate,
    principalPaid: principal,
    interestPaid: '1000.00',
  });

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-09-30T02:00:00Z' });
  w = await makeWorld(p.deps);
  const c = await makeInstitution(p.deps, 'bank');
  bankCId = c.id;
  const bankC = await makeUser(p.deps, 'bank_officer', { institutionId: c.id });
  await signInWorld(p, w, s, ['bankA', 'bankB', 'e1', 'e2', 'pengjiang', 'xinhui', 'cityAdmin', 'cityReviewer']);
  s.bankC = await loginAs(p.app, bankC.username, bankC.password);

  loan1 = await newLoan();
  const n = await s.e1!.post(
    `${F}/needs`,
    needBody({
      amountMin: '3000000.00',
      amountMax: '3000000.00',
      termMinMonths: 24,
      termMaxMonths: 24,
      description: '购置智能产线',
      sourceText: null,
      consent: { scope: 'named', banks: [w.bankA.id, w.bankB.id, bankCId] },
    }),
  );
  expect(n.statusCode, n.body).toBe(201);
  need1 = n.json().id;
  // Bank B takes the need: an open order is its exposure.
  const t = await s.bankB!.post(`${F}/needs/${need1}/take`, { productId: null });
  expect(t.statusCode, t.body).toBe(201);
});
afterAll(async () => p.close());

describe('profile under consent, with its view log', () => {
  it('a bank the consent names reads the profile, each item with its source; the enterprise sees who looked', async () => {
    const r = await s.bankA!.get(`${C}/profiles/${w.e1.id}`);
    expect(r.statusCode, r.body).toBe(200);
    const prof = r.json();
    expect(prof.name).toBe(w.e1.name);
    const keys = prof.sections.map((x: { key: string }) => x.key);
    expect(keys).toEqual(['basics', 'credit', 'pool', 'library', 'loans', 'grants', 'orders', 'digital']);
    const loanItem = prof.sections.find((x: { key: string }) => x.key === 'loans').items[0];
    expect(loanItem.value).toContain('1000000.00元');
    expect(loanItem.source).toContain(w.bankA.name);
    expect(loanItem.date).toBe('2026-01-15');
    expect(prof.sharedNote).toContain('三（四）2');

    const views = await s.e1!.get(`${C}/profiles/${w.e1.id}/views`);
    expect(views.statusCode).toBe(200);
    expect(views.json().items[0].organisation).toBe(w.bankA.name);
    expect(views.json().items[0].viewedAt).toBe('2026-09-30T02:00:00.000Z');
    const audit = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'credit_profile.viewed'), eq(auditEvents.objectId, w.e1.id)));
    expect(audit.length).toBe(1);
    // The enterprise's own reads are not logged as views.
    expect((await s.e1!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(200);
    expect((await s.e1!.get(`${C}/profiles/${w.e1.id}/views`)).json().items).toHaveLength(1);
  });

  it('another enterprise, and a bank without consent, get 404; the bank list shows only consenting enterprises', async () => {
    expect((await s.e2!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(404);
    expect((await s.e2!.get(`${C}/profiles/${w.e1.id}/views`)).statusCode).toBe(404);
    expect((await s.bankA!.get(`${C}/profiles/${w.e2.id}`)).statusCode).toBe(404);
    const list = (await s.bankA!.get(`${C}/profiles`))
      .json()
      .items.map((x: { enterpriseId: string }) => x.enterpriseId);
    expect(list).toEqual([w.e1.id]);
    expect((await s.xinhui!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(404);
    expect((await s.pengjiang!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(200);
  });

  it('revocation takes effect on the next read', async () => {
    const narrow = await s.e1!.put(`${F}/needs/${need1}/consent`, { scope: 'named', banks: [w.bankA.id, w.bankB.id] });
    expect(narrow.statusCode, narrow.body).toBe(200);
    expect((await s.bankC!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(404);
    expect((await s.bankA!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(200);
    await s.e1!.put(`${F}/needs/${need1}/consent`, { scope: 'none', banks: [] });
    expect((await s.bankA!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(404);
    expect((await s.bankA!.get(`${C}/profiles`)).json().items).toEqual([]);
    await s.e1!.put(`${F}/needs/${need1}/consent`, { scope: 'named', banks: [w.bankA.id, w.bankB.id] });
    expect((await s.bankA!.get(`${C}/profiles/${w.e1.id}`)).statusCode).toBe(200);
  });
});

describe('transparent score', () => {
  it('names each fact, its points, the rule and the clause; a digital level counts per level', async () => {
    const d = await s.cityAdmin!.post(`${C}/profiles/${w.e1.id}/digital-levels`, {
      level: 3,
      score: '78.5',
      assessedOn: '2026-06-01',
      validTo: '2027-05-31',
      assessor: '江门市数字化评测中心',
      evidence: '《中小企业数字化水平评测指标》自评与现场核验报告',
    });
    expect(d.statusCode, d.body).toBe(201);
    const prof = (await s.e1!.get(`${C}/profiles/${w.e1.id}`)).json();
    const lines = Object.fromEntries(
      prof.score.lines.map((l: { rule: string; points: number; citation: string; fact: string }) => [l.rule, l]),
    );
    expect(lines.base.points).toBe(60);
    expect(lines.credit_good.points).toBe(10);
    // Established 2018-01-01: 8 whole years by 2026-09-30, 1 point each.
    expect(lines.years_in_business.points).toBe(8);
    expect(lines.years_in_business.fact).toBe('成立满8年');
    expect(lines.digital_level.points).toBe(15);
    expect(lines.digital_level.citation).toContain('三（四）2');
    expect(lines.digital_level.citation).toContain('平台解读');
    expect(lines.credit_good.citation).toContain('三（三）2');
    expect(prof.score.score).toBe(93);
    expect(prof.score.reading).toContain('平台解读');
    expect(prof.digitalLevels[0]).toMatchObject({ levelName: '三级', valid: true, assessor: '江门市数字化评测中心' });
  });

  it('refuses a digital level from anyone but the city administrator, and a bad level with a Chinese message', async () => {
    const body = {
      level: 5,
      score: '78.5',
      assessedOn: '2026-06-01',
      validTo: '2027-05-31',
      assessor: '评测中心',
      evidence: '报告',
    };
    expect((await s.bankA!.post(`${C}/profiles/${w.e1.id}/digital-levels`, { ...body, level: 2 })).statusCode).toBe(
      403,
    );
    const bad = await s.cityAdmin!.post(`${C}/profiles/${w.e1.id}/digital-levels`, body);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('数字化水平等级');
  });
});

describe('warning rules', () => {
  it('credit standing → 经营异常: raised once, to the banks with exposure and the district; closed when good again', async () => {
    const set = (status: string) =>
      s.cityAdmin!.post(`/api/v1/enterprises/${w.e1.id}/credit-standing`, {
        status,
        source: '国家企业信用信息公示系统',
        asOf: '2026-09-29',
      });
    expect((await set('abnormal')).statusCode).toBe(200);
    expect((await set('abnormal')).statusCode).toBe(200);
    expect(await rowsOfKind('credit_abnormal', w.e1.id)).toHaveLength(1);
    const [a] = await warningsOf('bankA', 'open', 'credit_abnormal');
    expect(a!.level).toBe('medium');
    expect(a!.reason).toContain('经营异常名录');
    const recipients = a!.deliveries.map((d) => `${d.audience}:${d.exposure ?? ''}`).sort();
    expect(recipients).toEqual(['bank:政银保贷款', 'bank:融资对接单', 'district:']);
    expect(await warningsOf('bankB', 'open', 'credit_abnormal')).toHaveLength(1);
    expect(await warningsOf('bankC', 'all')).toHaveLength(0);
    expect(await warningsOf('pengjiang', 'open', 'credit_abnormal')).toHaveLength(1);
    expect(await warningsOf('xinhui', 'all')).toHaveLength(0);
    // The score falls with it.
    const lines = (await s.e1!.get(`${C}/profiles/${w.e1.id}`)).json().score.lines.map((l: { rule: string }) => l.rule);
    expect(lines).toContain('credit_abnormal');
    expect(lines).not.toContain('credit_good');

    // → 严重失信 closes 异常 and raises 失信 (高); → good closes it.
    await set('dishonest');
    const [d] = await warningsOf('bankA', 'open', 'credit_dishonest');
    expect(d!.level).toBe('high');
    expect((await rowsOfKind('credit_abnormal', w.e1.id))[0]!.status).toBe('closed');
    await set('good');
    const closed = await rowsOfKind('credit_dishonest', w.e1.id);
    expect(closed.map((x) => x.status)).toEqual(['closed']);
    expect(closed[0]!.closeReason).toContain('良好');
  });

  it('a late repayment raises a warning for the lending bank; recording it again raises nothing; an on-time one closes it', async () => {
    const r1 = await repay(loan1, 1, '2026-02-15', '2026-02-20');
    expect(r1.statusCode, r1.body).toBe(201);
    expect((await repay(loan1, 1, '2026-02-15', '2026-02-20')).statusCode).toBe(200);
    const late = await rowsOfKind('repayment_late', w.e1.id);
    expect(late).toHaveLength(1);
    expect(late[0]!.reason).toContain('第1期应还日期2026-02-15，实还日期2026-02-20');
    const [mine] = await warningsOf('bankA', 'open', 'repayment_late');
    expect(mine!.mine).toEqual({ acknowledged: false, actionTaken: null });
    expect(await warningsOf('bankC', 'all')).toHaveLength(0);
    expect((await repay(loan1, 2, '2026-03-15', '2026-03-15')).statusCode).toBe(201);
    expect((await rowsOfKind('repayment_late', w.e1.id))[0]!.status).toBe('closed');
  });

  it('the bank and the district acknowledge with what they did; twice is a conflict; others cannot', async () => {
    const [wn] = await warningsOf('bankA', 'all', 'repayment_late');
    const ack = await s.bankA!.post(`${C}/warnings/${wn!.id}/acknowledge`, {
      actionTaken: '已电话联系企业财务，核实逾期原因',
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect((await s.bankA!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '再次' })).statusCode).toBe(409);
    expect((await s.bankC!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '无' })).statusCode).toBe(404);
    expect((await s.xinhui!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '无' })).statusCode).toBe(404);
    expect((await s.e1!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '无' })).statusCode).toBe(403);
    expect(
      (await s.pengjiang!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '约谈企业' })).statusCode,
    ).toBe(200);
    const empty = await s.bankB!.post(`${C}/warnings/${wn!.id}/acknowledge`, { actionTaken: '' });
    expect(empty.statusCode).toBe(400);
    const [after] = await warningsOf('cityReviewer', 'all', 'repayment_late');
    const acks = after!.deliveries.filter((d) => d.actionTaken);
    expect(acks).toHaveLength(2);
  });

  it('an extension raises a warning; repaying the principal closes it', async () => {
    const ext = await s.bankA!.post(`/api/v1/loans/${loan1}/extensions`, {
      version: 1,
      agreementNo: 'ZQ-2026-009',
      agreementDate: '2026-09-01',
      newMaturityDate: '2027-06-30',
    });
    expect(ext.statusCode, ext.body).toBe(200);
    const x = await rowsOfKind('loan_extended', w.e1.id);
    expect(x).toHaveLength(1);
    expect(x[0]!.reason).toContain('到期日由2027-01-15延至2027-06-30');
    expect((await repay(loan1, 3, '2026-04-15', '2026-04-15', '1000000.00')).statusCode).toBe(201);
    expect((await rowsOfKind('loan_extended', w.e1.id))[0]!.status).toBe('closed');
  });

  it('principal unpaid after maturity is raised by the sweep once; repaying it closes the warning', async () => {
    const old = await newLoan({ disbursedAt: '2025-06-01T10:00:00+08:00', termMonths: 12 });
    const sweep = await s.cityAdmin!.post(`${C}/warnings/sweep`, {});
    expect(sweep.statusCode, sweep.body).toBe(200);
    expect(sweep.json().raised).toBeGreaterThanOrEqual(1);
    const again = await sweepCreditWarnings({ ...systemCtx(p.deps, 'sweep'), now: new Date('2026-09-30T03:00:00Z') });
    expect(again.raised).toBe(0);
    const missing = (await rowsOfKind('repayment_missing', w.e1.id)).filter((m) => m.subjectId === old);
    expect(missing).toHaveLength(1);
    expect(missing[0]!.level).toBe('high');
    expect(missing[0]!.reason).toContain('已于2026-06-01到期，尚欠本金1000000.00元');
    expect((await repay(old, 1, '2026-06-01', '2026-09-20', '1000000.00')).statusCode).toBe(201);
    expect((await rowsOfKind('repayment_missing', w.e1.id)).find((m) => m.subjectId === old)!.status).toBe('closed');
  });

  it('cancelling a loan recorded in error closes its warnings', async () => {
    const wrong = await newLoan({ disbursedAt: '2026-02-01T10:00:00+08:00' });
    expect((await repay(wrong, 1, '2026-03-01', '2026-03-09')).statusCode).toBe(201);
    const open = (await rowsOfKind('repayment_late', w.e1.id)).filter((x) => x.subjectId === wrong);
    expect(open.map((x) => x.status)).toEqual(['open']);
    const c = await s.bankA!.post(`/api/v1/loans/${wrong}/cancel`, {
      version: 1,
      reason: '合同编号录入错误，重新登记',
    });
    expect(c.statusCode, c.body).toBe(200);
    const after = (await rowsOfKind('repayment_late', w.e1.id)).find((x) => x.subjectId === wrong)!;
    expect(after.status).toBe('closed');
    expect(after.closeReason).toBe('贷款已作废（登记有误）');
  });

  it('a failed spot check raises a warning to the district; a later compliant check closes it', async () => {
    const proj = await makeNumberedProject(p.deps, w.e1.id, w.users.cityReviewer!.id);
    const check = async (outcome: string) => {
      const o = await s.pengjiang!.post(`/api/v1/projects/${proj.id}/spot-checks`, { reason: '年度抽查' });
      expect(o.statusCode, o.body).toBe(201);
      const c = await s.pengjiang!.post(`/api/v1/projects/${proj.id}/spot-checks/${o.json().id}/close`, {
        outcome,
        findings: '现场核查设备未到位',
      });
      expect(c.statusCode, c.body).toBe(200);
    };
    await check('non_compliant');
    const [f] = await warningsOf('pengjiang', 'open', 'spot_check_failed');
    expect(f!.reason).toContain('抽查结论为不符合');
    await check('compliant');
    expect((await rowsOfKind('spot_check_failed', w.e1.id))[0]!.status).toBe('closed');
  });

  it('a failed acceptance and a clawback are raised once; a settled clawback closes, a failed acceptance closes once all acknowledge', async () => {
    const ctx = { ...systemCtx(p.deps, 'system'), now: p.clock() };
    const app = randomUUID();
    const claw = randomUUID();
    await p.deps.db.transaction(async (tx) => {
      await acceptanceRecorded(tx, ctx, {
        applicationId: app,
        enterpriseId: w.e2.id,
        projectName: '云平台',
        outcome: 'fail',
      });
      await acceptanceRecorded(tx, ctx, {
        applicationId: app,
        enterpriseId: w.e2.id,
        projectName: '云平台',
        outcome: 'fail',
      });
      await acceptanceRecorded(tx, ctx, {
        applicationId: randomUUID(),
        enterpriseId: w.e2.id,
        projectName: '另一',
        outcome: 'pass',
      });
      await clawbackOpened(tx, ctx, {
        clawbackId: claw,
        enterpriseId: w.e2.id,
        projectName: '云平台',
        amountFen: 5000000n,
        dueOn: '2026-12-31',
      });
    });
    expect(await rowsOfKind('acceptance_failed', w.e2.id)).toHaveLength(1);
    const [g] = await rowsOfKind('grant_clawed_back', w.e2.id);
    expect(g!.reason).toContain('追缴50000.00元，限2026-12-31前缴回');
    // e2 has no bank exposure: only its district (新会) hears of it.
    const [x] = await warningsOf('xinhui', 'open', 'acceptance_failed');
    expect(x!.deliveries.map((d) => d.audience)).toEqual(['district']);
    expect(await warningsOf('bankA', 'all', 'acceptance_failed')).toHaveLength(0);
    await p.deps.db.transaction((tx) => clawbackSettled(tx, ctx, claw));
    expect((await rowsOfKind('grant_clawed_back', w.e2.id))[0]!.status).toBe('closed');
    const ack = await s.xinhui!.post(`${C}/warnings/${x!.id}/acknowledge`, { actionTaken: '已督促企业整改' });
    expect(ack.json().status).toBe('closed');
  });

  it('an expired digital level is raised by the sweep once and closed by a new valid result', async () => {
    const rec = (assessedOn: string, validTo: string) =>
      s.cityAdmin!.post(`${C}/profiles/${w.e2.id}/digital-levels`, {
        level: 2,
        score: '61',
        assessedOn,
        validTo,
        assessor: '第三方评测机构',
        evidence: '评测报告',
      });
    expect((await rec('2025-09-01', '2026-08-31')).statusCode).toBe(201);
    await s.cityAdmin!.post(`${C}/warnings/sweep`, {});
    await s.cityAdmin!.post(`${C}/warnings/sweep`, {});
    const ex = await rowsOfKind('digital_level_expired', w.e2.id);
    expect(ex).toHaveLength(1);
    expect(ex[0]!.level).toBe('low');
    expect((await rec('2026-09-01', '2027-08-31')).statusCode).toBe(201);
    expect((await rowsOfKind('digital_level_expired', w.e2.id))[0]!.status).toBe('closed');
  });

  it('a second rejected declaration raises a warning, and a third raises no other while it is open', async () => {
    const decl = async () => {
      const [d] = await p.deps.db
        .insert(projectDeclarations)
        .values({
          enterpriseId: w.e2.id,
          districtCode: '440705',
          form: 'manufacturer',
          state: 'district_verified',
          submissionCount: 1,
          name: `智能仓储改造${randomUUID().slice(0, 4)}`,
          createdBy: w.users.e2!.id,
        })
        .returning();
      return d!.id;
    };
    const reject = async (id: string) => {
      const r = await s.cityReviewer!.post('/api/v1/declarations/review/city', {
        ids: [id],
        decision: 'reject',
        reason: '项目建设内容不符合申报范围',
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await reject(await decl());
    expect(await rowsOfKind('declaration_rejected_twice', w.e2.id)).toHaveLength(0);
    await reject(await decl());
    const rows = await rowsOfKind('declaration_rejected_twice', w.e2.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toContain('已2次未通过市级复核');
    await reject(await decl());
    expect(await rowsOfKind('declaration_rejected_twice', w.e2.id)).toHaveLength(1);
  });
});

describe('scope of warning lists', () => {
  it('the enterprise sees its own warnings only; the city sees all; others outside scope see none', async () => {
    const mine = await warningsOf('e1', 'all');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.deliveries.length > 0)).toBe(true);
    const e2 = await warningsOf('e2', 'all');
    expect(e2.every((x) => !mine.some((m) => m.id === x.id))).toBe(true);
    const all = await warningsOf('cityReviewer', 'all');
    expect(all.length).toBe(mine.length + e2.length);
    expect((await warningsOf('pengjiang', 'all')).every((x) => mine.some((m) => m.id === x.id))).toBe(true);
    expect((await s.bankA!.post(`${C}/warnings/sweep`, {})).statusCode).toBe(403);
  });
});
