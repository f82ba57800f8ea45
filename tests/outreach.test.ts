/**
 * Outreach over HTTP: white lists built by filters and by hand, published to named banks (a bank sees only the
 * lists pushed to it and only its own visits), coverage per bank and overall, the Excel file; a match-making
 * event scheduled from wishes without clashes and with every wish met, timetables, check-in and outcomes; the
 * statistics on known needs and orders, and their Excel export.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { needBody, productBody } from './helpers/financing-fixtures';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let admin: Session;
let bankA: Session;
let bankB: Session;
let bankC: Session;
let ent: Session;
let ent2: Session;
let pub: Session;
const ids: Record<string, string> = {};
const O = '/api/v1/outreach';

/** `who` registers for a matchmaking event (for itself unless an institution or enterprise is named); the status. */
async function register(
  event: string,
  who: Session,
  r: {
    institutionId?: string | undefined;
    enterpriseId?: string | undefined;
    wishes: readonly (string | undefined)[];
    contactName: string;
  },
): Promise<number> {
  const body = { institutionId: null, enterpriseId: null, ...r };
  return (await who.post(`${event}/registrations`, body)).statusCode;
}
const F = '/api/v1/financing';

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-11-20T02:00:00Z' });
  pub = anonymous(p.app);
  for (const k of ['A', 'B', 'C']) ids[k] = (await makeInstitution(p.deps, 'bank')).id;
  ids.G = (await makeInstitution(p.deps, 'guarantor')).id;
  // 恩平市: four in the pool (one abnormal), one not in the pool; 开平市: one in the pool.
  for (const [k, over] of [
    ['e1', { districtCode: '440785', inResourcePool: true, name: '恩平一号制造有限公司' }],
    ['e2', { districtCode: '440785', inResourcePool: true, name: '恩平二号制造有限公司' }],
    ['e3', { districtCode: '440785', inResourcePool: true, name: '恩平三号制造有限公司' }],
    ['e4', { districtCode: '440785', inResourcePool: true, creditStatus: 'abnormal', name: '恩平四号制造有限公司' }],
    ['e5', { districtCode: '440785', inResourcePool: false, name: '恩平五号制造有限公司' }],
    ['e6', { districtCode: '440783', inResourcePool: true, name: '开平六号制造有限公司' }],
  ] as const)
    ids[k] = (await makeEnterprise(p.deps, over)).id;
  const login = async (role: Parameters<typeof makeUser>[1], scope: Parameters<typeof makeUser>[2] = {}) => {
    const u = await makeUser(p.deps, role, scope);
    return loginAs(p.app, u.username, u.password);
  };
  admin = await login('city_admin');
  bankA = await login('bank_officer', { institutionId: ids.A });
  bankB = await login('bank_officer', { institutionId: ids.B });
  bankC = await login('bank_officer', { institutionId: ids.C });
  ent = await login('enterprise', { enterpriseId: ids.e1, isEnterpriseAdmin: true });
  ent2 = await login('enterprise', { enterpriseId: ids.e5, isEnterpriseAdmin: true });
});
afterAll(async () => p.close());

const criteria = {
  libraryProject: false,
  resourcePool: true,
  creditGood: true,
  smeOnly: false,
  districts: ['440785'],
  minDigitalLevel: null,
};

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe('white lists', () => {
  let listId: string;
  it('previews the filters with the reason each enterprise is in or out', async () => {
    const r = await admin.post(`${O}/whitelists/preview`, criteria);
    expect(r.statusCode).toBe(200);
    const byId = new Map(r.json().items.map((x: { enterpriseId: string }) => [x.enterpriseId, x]));
    expect(byId.get(ids.e1)).toMatchObject({ included: true, reason: '按条件筛选：资源池成员；信用良好；属恩平市' });
    expect(byId.get(ids.e4)).toMatchObject({ included: false, failed: ['列入经营异常名录'] });
    expect(byId.get(ids.e6)).toMatchObject({ included: false, failed: ['不在所选县（市、区）'] });
    expect((await bankA.post(`${O}/whitelists/preview`, criteria)).statusCode).toBe(403);
  });

  it("filters by the digital-level result in force (the credit module's assessments)", async () => {
    const byLevel = async () => {
      const r = await admin.post(`${O}/whitelists/preview`, { ...criteria, minDigitalLevel: 3 });
      expect(r.statusCode).toBe(200);
      return new Map(r.json().items.map((x: { enterpriseId: string }) => [x.enterpriseId, x]));
    };
    expect((await byLevel()).get(ids.e1)).toMatchObject({ included: false, failed: ['平台尚无其数字化水平评测结果'] });
    const assessed = await admin.post(`/api/v1/credit/profiles/${ids.e1}/digital-levels`, {
      level: 3,
      score: '81.0',
      assessedOn: '2026-06-01',
      validTo: '2027-05-31',
      assessor: '江门市数字化评测中心',
      evidence: '评测报告',
    });
    expect(assessed.statusCode, assessed.body).toBe(201);
    const after = (await byLevel()).get(ids.e1) as { included: boolean; reason: string };
    expect(after.included).toBe(true);
    expect(after.reason).toContain('数字化水平三级');
  });

  it('builds a quarterly list by filters and by hand, then publishes it to the banks it names', async () => {
    const c = await admin.post(`${O}/whitelists`, {
      title: '恩平市数字化转型融资服务白名单',
      periodOf: '2026-11-20',
      criteria,
      bankIds: [ids.A, ids.B],
    });
    expect(c.statusCode).toBe(201);
    listId = c.json().id;
    expect(
      (await admin.post(`${O}/whitelists`, { title: 'x', periodOf: '2026-11-20', criteria, bankIds: [ids.G] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await admin.post(`${O}/whitelists/${listId}/entries`, { enterpriseId: ids.e5, category: 'pilot', reason: '' }))
        .statusCode,
    ).toBe(400);
    const m = await admin.post(`${O}/whitelists/${listId}/entries`, {
      enterpriseId: ids.e5,
      category: 'pilot',
      reason: '列入2026年第二批试点拟改造企业名单',
    });
    expect(m.statusCode).toBe(201);
    expect(
      (
        await admin.post(`${O}/whitelists/${listId}/entries`, {
          enterpriseId: ids.e5,
          category: 'other',
          reason: '重复',
        })
      ).statusCode,
    ).toBe(409);
    // A draft is the city's: the banks do not see it yet.
    expect((await bankA.get(`${O}/whitelists/${listId}`)).statusCode).toBe(404);
    expect((await admin.post(`${O}/whitelists/${listId}/publish`)).statusCode).toBe(200);
    const list = (await admin.get(`${O}/whitelists/${listId}`)).json();
    expect(list).toMatchObject({ periodCode: '2026-Q4', status: 'published', nextDueOn: '2027-01-01', entries: 4 });
    expect(list.items.map((e: { enterpriseName: string }) => e.enterpriseName)).toEqual(
      ['恩平一号制造有限公司', '恩平三号制造有限公司', '恩平二号制造有限公司', '恩平五号制造有限公司'].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
    expect(list.items.find((e: { enterpriseId: string }) => e.enterpriseId === ids.e5).reason).toBe(
      '数字化转型城市试点拟改造企业：列入2026年第二批试点拟改造企业名单',
    );
    expect(
      (
        await admin.post(`${O}/whitelists/${listId}/entries`, {
          enterpriseId: ids.e6,
          category: 'other',
          reason: '补充',
        })
      ).statusCode,
    ).toBe(409);
    // One published list per period.
    const again = await admin.post(`${O}/whitelists`, {
      title: '重复',
      periodOf: '2026-10-01',
      criteria,
      bankIds: [ids.A],
    });
    expect((await admin.post(`${O}/whitelists/${again.json().id}/publish`)).statusCode).toBe(409);
  });

  it('shows a bank only the lists pushed to it and only its own visits; coverage per bank and overall', async () => {
    expect((await bankC.get(`${O}/whitelists`)).json().items).toEqual([]);
    expect((await bankC.get(`${O}/whitelists/${listId}`)).statusCode).toBe(404);
    expect((await ent.get(`${O}/whitelists`)).statusCode).toBe(403);
    const list = (await bankA.get(`${O}/whitelists/${listId}`)).json();
    const entries = list.items.map((e: { id: string }) => e.id) as string[];
    const visit = (s: Session, entryId: string, over: Record<string, unknown> = {}) =>
      s.put(`${O}/whitelists/${listId}/entries/${entryId}/visit`, {
        visitedOn: '2026-11-18',
        method: 'onsite',
        outcome: 'intention',
        intentionAmount: '3000000.00',
        note: '有设备更新融资意向',
        ...over,
      });
    for (const e of entries.slice(0, 3)) expect((await visit(bankA, e)).statusCode).toBe(200);
    expect((await visit(bankB, entries[3]!, { outcome: 'no_need', intentionAmount: null })).statusCode).toBe(200);
    expect((await visit(bankC, entries[0]!)).statusCode).toBe(404);
    expect((await visit(bankA, entries[0]!, { visitedOn: '2026-12-01' })).statusCode).toBe(400);
    // Recording again replaces the bank's record.
    expect((await visit(bankA, entries[0]!, { outcome: 'applied' })).statusCode).toBe(200);

    const a = (await bankA.get(`${O}/whitelists/${listId}`)).json();
    expect(
      a.items.flatMap((e: { visits: { institutionId: string }[] }) => e.visits.map((v) => v.institutionId)),
    ).toEqual([ids.A, ids.A, ids.A]);
    expect(a.coverage).toMatchObject({ entries: 4, visited: 3, percent: '75.00', meetsGoal: false });
    expect(a.coverageByBank.map((b: { institutionId: string }) => b.institutionId)).toEqual([ids.A]);

    const city = (await admin.get(`${O}/whitelists/${listId}`)).json();
    expect(city.coverage).toMatchObject({ entries: 4, visited: 4, percent: '100.00', meetsGoal: true });
    expect(city.coverageByBank.map((b: { percent: string }) => b.percent)).toEqual(['75.00', '25.00']);
    expect(city.coverage.explanation).toContain('超90%');
  });

  it('exports the list as an Excel file that opens', async () => {
    const r = await bankA.get(`${O}/whitelists/${listId}/xlsx`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = await readXlsx(r.rawPayload);
    const ws = wb.getWorksheet('融资服务白名单')!;
    expect(ws.getRow(3).getCell(2).value).toBe('企业名称');
    const names = [] as string[];
    ws.eachRow((row, n) => {
      if (n > 3 && typeof row.getCell(2).value === 'string') names.push(row.getCell(2).value as string);
    });
    expect(names).toContain('恩平五号制造有限公司');
  });
});

describe('match-making events', () => {
  let eventId: string;
  it('schedules three banks and five enterprises from their wishes with no clashes, every wish met', async () => {
    const slots = [
      { start: '09:30', end: '09:50' },
      { start: '10:00', end: '10:20' },
      { start: '10:30', end: '10:50' },
      { start: '11:00', end: '11:20' },
    ];
    expect(
      (await admin.post(`${O}/events`, { theme: 'x', heldOn: '2026-11-01', mode: 'onsite', place: '市工信局', slots }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post(`${O}/events`, {
          theme: 'x',
          heldOn: '2026-12-10',
          mode: 'onsite',
          place: '市工信局',
          slots: [{ start: '10:00', end: '09:00' }],
        })
      ).statusCode,
    ).toBe(400);
    const c = await admin.post(`${O}/events`, {
      theme: '2026年第四季度数字化转型融资对接会',
      heldOn: '2026-12-10',
      mode: 'onsite',
      place: '江门市工业和信息化局三楼会议室',
      slots,
    });
    expect(c.statusCode).toBe(201);
    eventId = c.json().id;
    const E = `${O}/events/${eventId}`;
    // Banks register themselves; the city registers enterprises by phone; one enterprise registers itself.
    expect(await register(E, bankA, { wishes: [ids.e1, ids.e2, ids.e3], contactName: '甲' })).toBe(201);
    expect(await register(E, bankA, { wishes: [], contactName: '甲' })).toBe(409);
    expect(await register(E, bankB, { wishes: [ids.e1, ids.e4], contactName: '乙' })).toBe(201);
    expect(await register(E, bankC, { institutionId: ids.A, wishes: [], contactName: '丙' })).toBe(400);
    expect(await register(E, bankC, { wishes: [ids.e5], contactName: '丙' })).toBe(201);
    expect(await register(E, ent, { wishes: [ids.A, ids.B, ids.C], contactName: '一号' })).toBe(201);
    for (const [e, w] of [
      ['e2', [ids.A]],
      ['e3', [ids.B]],
      ['e4', []],
    ] as const)
      expect(await register(E, admin, { enterpriseId: ids[e], wishes: w, contactName: '联系人' })).toBe(201);
    expect(await register(E, ent2, { wishes: [ids.C, ids.A], contactName: '五号' })).toBe(201);
    expect(await register(E, ent2, { wishes: [], contactName: '五号' })).toBe(409);
    expect((await bankA.post(`${E}/schedule`)).statusCode).toBe(403);

    const s = await admin.post(`${E}/schedule`);
    expect(s.json()).toEqual({ meetings: 9, unmet: 0, slotsNeeded: 4 });
    // A is wished by four (e1, e2, e3 and e5's wish) and there are four slots: every wish is met.
    const ev = (await admin.get(E)).json();
    expect(ev.status).toBe('scheduled');
    expect(ev.meetings).toHaveLength(9);
    expect(ev.unmet).toEqual([]);
    const pairs = ev.meetings.map(
      (m: { institutionId: string; enterpriseId: string }) => `${m.institutionId}|${m.enterpriseId}`,
    );
    for (const [i, e] of [
      ['A', 'e1'],
      ['A', 'e2'],
      ['A', 'e3'],
      ['A', 'e5'],
      ['B', 'e1'],
      ['B', 'e3'],
      ['B', 'e4'],
      ['C', 'e1'],
      ['C', 'e5'],
    ])
      expect(pairs).toContain(`${ids[i!]}|${ids[e!]}`);
    const seen = new Set<string>();
    for (const m of ev.meetings)
      for (const k of [`${m.slot}|${m.institutionId}`, `${m.slot}|${m.enterpriseId}`]) {
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    // Registration is closed once scheduled; scheduling again gives the same timetable.
    expect(await register(E, bankA, { wishes: [], contactName: '甲' })).toBe(409);
    await admin.post(`${E}/schedule`);
    expect(
      (await admin.get(E))
        .json()
        .meetings.map((m: { slot: number; institutionId: string; enterpriseId: string }) => [
          m.slot,
          m.institutionId,
          m.enterpriseId,
        ]),
    ).toEqual(
      ev.meetings.map((m: { slot: number; institutionId: string; enterpriseId: string }) => [
        m.slot,
        m.institutionId,
        m.enterpriseId,
      ]),
    );
  });

  it('gives every party its own timetable and only its own meetings', async () => {
    const E = `${O}/events/${eventId}`;
    const t = (await ent.get(`${E}/timetable`)).json();
    expect(t.rows).toHaveLength(4);
    expect(t.rows.filter((r: { counterpart: string | null }) => r.counterpart).length).toBe(3);
    const mine = (await bankB.get(E)).json();
    expect(mine.meetings.every((m: { institutionId: string }) => m.institutionId === ids.B)).toBe(true);
    expect(mine.registrations.find((r: { partyId: string }) => r.partyId === ids.A).wishes).toEqual([]);
    expect(mine.unmet).toEqual([]);
  });

  it('checks parties in and records the outcome on the institution side only', async () => {
    const E = `${O}/events/${eventId}`;
    const ev = (await admin.get(E)).json();
    const reg = ev.registrations.find((r: { partyId: string }) => r.partyId === ids.e1);
    expect((await admin.post(`${E}/registrations/${reg.id}/check-in`)).statusCode).toBe(200);
    expect((await bankA.post(`${E}/registrations/${reg.id}/check-in`)).statusCode).toBe(403);
    expect(
      (await admin.get(E)).json().registrations.find((r: { id: string }) => r.id === reg.id).checkedInAt,
    ).not.toBeNull();
    const mA = ev.meetings.find((m: { institutionId: string }) => m.institutionId === ids.A);
    const body = { intentionAmount: '5000000.00', signed: true, followUpOrderId: null, note: '签订意向协议' };
    expect((await bankB.put(`${E}/meetings/${mA.id}/outcome`, body)).statusCode).toBe(404);
    expect((await ent.put(`${E}/meetings/${mA.id}/outcome`, body)).statusCode).toBe(403);
    expect((await bankA.put(`${E}/meetings/${mA.id}/outcome`, { ...body, intentionAmount: null })).statusCode).toBe(
      400,
    );
    expect((await bankA.put(`${E}/meetings/${mA.id}/outcome`, body)).statusCode).toBe(200);
    const after = (await bankA.get(E)).json().meetings.find((m: { id: string }) => m.id === mA.id);
    expect(after).toMatchObject({ intentionAmount: '5000000.00', signed: true, outcomeNote: '签订意向协议' });
    // Outcomes recorded: no rescheduling.
    expect((await admin.post(`${E}/schedule`)).statusCode).toBe(409);
  });
});

describe('statistics', () => {
  const product = productBody({
    name: '统计设备贷',
    size: 'any',
    minYearsInBusiness: null,
    materials: [],
    description: '',
  });
  const need = needBody({
    amountMin: '3000000.00',
    amountMax: '3000000.00',
    description: '购置智能产线',
    sourceText: null,
    consent: { scope: 'all', banks: [] },
  });

  it('counts needs and orders by bank, district, product type and month, against the 50亿元 target', async () => {
    const city = admin;
    const pr = await bankA.post(`${F}/bank/products`, product);
    expect(pr.statusCode).toBe(201);
    expect(
      (await city.post(`${F}/review/products/${pr.json().id}`, { decision: 'approve', reason: '' })).statusCode,
    ).toBe(200);
    const n1 = (await ent.post(`${F}/needs`, need)).json().id;
    const n2 = (await ent2.post(`${F}/needs`, { ...need, amountMin: '1000000.00', amountMax: '1000000.00' })).json().id;
    const o1 = await ent.post(`${F}/needs/${n1}/orders`, { productId: pr.json().id, shareProfile: true });
    expect(o1.statusCode).toBe(201);
    expect((await bankA.post(`${F}/orders/${o1.json().id}/accept`)).statusCode).toBe(200);
    const out = await bankA.post(`${F}/orders/${o1.json().id}/outcome`, {
      outcome: 'approved',
      approvedAmount: '3000000.00',
      approvedRate: '0.0350',
      approvedTermMonths: 36,
      disbursedOn: '2026-11-20',
      refuseReason: '',
    });
    expect(out.statusCode).toBe(200);
    const o2 = await bankB.post(`${F}/needs/${n2}/take`, { productId: null });
    expect(o2.statusCode).toBe(201);

    const s = await city.get(`${O}/statistics`);
    expect(s.statusCode).toBe(200);
    const b = s.json();
    expect(b.totals).toMatchObject({ posted: 2, matched: 2, taken: 1, approved: 1, granted: '3000000.00' });
    expect(
      b.byBank.map(
        (r: {
          key: string;
          matched: number;
          approved: number;
          granted: string;
          avgAnswerWorkingDays: string | null;
        }) => [r.key, r.matched, r.approved, r.granted, r.avgAnswerWorkingDays],
      ),
    ).toEqual([
      [ids.A, 1, 1, '3000000.00', '0.0'],
      [ids.B, 1, 0, '0.00', null],
    ]);
    expect(b.byDistrict.map((r: { key: string; posted: number }) => [r.key, r.posted])).toEqual([['440785', 2]]);
    expect(b.byProductType.map((r: { label: string; matched: number }) => [r.label, r.matched])).toEqual([
      ['设备贷', 1],
      ['未经产品（银行接洽需求）', 1],
    ]);
    expect(
      b.byMonth.map((r: { key: string; posted: number; granted: string }) => [r.key, r.posted, r.granted]),
    ).toEqual([['2026-11', 2, '3000000.00']]);
    expect(b.target).toMatchObject({
      target: '5000000000.00',
      granted: '3000000.00',
      percent: '0.06',
      from: '2025-01-01',
      to: '2027-12-31',
    });
    expect(b.target.citation).toContain('二1');
    expect((await bankA.get(`${O}/statistics`)).statusCode).toBe(403);

    const pubS = await pub.get(`${O}/public/statistics`);
    expect(pubS.statusCode).toBe(200);
    expect(pubS.json().byBank).toBeUndefined();
    expect(pubS.json().totals.granted).toBe('3000000.00');
  });

  it('exports every table to Excel', async () => {
    const r = await admin.get(`${O}/statistics/xlsx`);
    expect(r.statusCode).toBe(200);
    const wb = await readXlsx(r.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '授信目标',
      '合计',
      '按银行',
      '按县（市、区）',
      '按产品类型',
      '按月份',
    ]);
    expect(wb.getWorksheet('按银行')!.getRow(3).getCell(5).value).toBe(3000000);
    const pubX = await pub.get(`${O}/public/statistics/xlsx`);
    expect((await readXlsx(pubX.rawPayload)).getWorksheet('按银行')).toBeUndefined();
  });
});
