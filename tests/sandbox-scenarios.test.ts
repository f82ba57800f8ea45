/**
 * Saved sandbox scenarios and the sandbox of a draft policy version: the city administrator saves scenarios of a
 * campaign (name, parameters, the summary computed on its real applications), lists them, compares two side by
 * side (funded count, amounts by district and by month, gainers and losers, budget left) and downloads the
 * comparison as a real .xlsx; saving and exporting are audited. A draft renewal is run on the campaign's real
 * applications before approval and shows the difference against the versions in force; the draft stays a draft.
 */

import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, policyVersions } from '../src/db/schema';
import type { Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { campaignWithThreeVerified, staff } from './subsidy-fixtures';

let p: TestPlatform;
let admin: Session;
let city: Session;
let campaignId: string;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2025-03-15T02:00:00Z' });
  admin = await staff(p, 'city_admin');
  city = await staff(p, 'city_reviewer');
  ({ campaignId } = await campaignWithThreeVerified(p, admin, city));
});
afterAll(async () => p.close());

const base = () => `/api/v1/subsidy/campaigns/${campaignId}/sandbox`;
let halved: string;
let lowRatio: string;

describe('saving scenarios', () => {
  it('saves a scenario with its parameters and the summary computed on the real applications', async () => {
    const r = await admin.post(`${base()}/scenarios`, { name: '预算减半', scenario: { budget: '12150.00' } });
    expect(r.statusCode, r.body).toBe(201);
    halved = r.json().id;
    p.clock.advance(60_000);
    expect(r.json()).toMatchObject({
      name: '预算减半',
      parameters: { budget: '12150.00' },
      summary: {
        applications: 3,
        live: { funded: 3, awarded: '24300.00', remaining: '0.00' },
        scenario: { funded: 2, awarded: '12150.00', remaining: '0.00' },
        losers: 2,
        gainers: 0,
        lost: '12150.00',
        gained: '0.00',
        changed: ['预算：24300.00元 → 12150.00元'],
      },
    });
    const low = await admin.post(`${base()}/scenarios`, { name: '比例45%', scenario: { firstYearRatio: '0.45' } });
    expect(low.statusCode, low.body).toBe(201);
    lowRatio = low.json().id;
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectType, 'sandbox_scenario'), eq(auditEvents.objectId, halved)));
    expect(events.map((e) => e.action)).toEqual(['sandbox_scenario.saved']);
  });

  it('refuses a second scenario of the same name, an empty name and other roles', async () => {
    const again = await admin.post(`${base()}/scenarios`, { name: '预算减半', scenario: { budget: '1.00' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('本批次已有名为“预算减半”的方案');
    const empty = await admin.post(`${base()}/scenarios`, { name: ' ', scenario: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('方案名称不能为空');
    expect((await city.post(`${base()}/scenarios`, { name: 'x', scenario: {} })).statusCode).toBe(403);
    expect((await city.get(`${base()}/scenarios`)).statusCode).toBe(403);
  });

  it('lists the campaign’s scenarios in the order saved', async () => {
    const r = await admin.get(`${base()}/scenarios`);
    expect(r.statusCode).toBe(200);
    expect(r.json().items.map((s: { name: string }) => s.name)).toEqual(['预算减半', '比例45%']);
  });
});

describe('comparing scenarios', () => {
  it('sets two scenarios beside the live outcome', async () => {
    const r = await admin.post(`${base()}/comparison`, { scenarioIds: [halved, lowRatio] });
    expect(r.statusCode, r.body).toBe(200);
    const c = r.json();
    expect(c.columns.map((x: Record<string, unknown>) => [x.name, x.funded, x.awarded, x.remaining, x.losers])).toEqual(
      [
        ['现行参数', 3, '24300.00', '0.00', 0],
        ['预算减半', 2, '12150.00', '0.00', 2],
        ['比例45%', 3, '12150.00', '12150.00', 3],
      ],
    );
    expect(c.byDistrict).toEqual([
      { key: '440703', label: '蓬江区', values: ['8100.00', '8100.00', '4050.00'] },
      { key: '440704', label: '江海区', values: ['16200.00', '4050.00', '8100.00'] },
    ]);
    expect(c.byMonth.map((m: { label: string; values: string[] }) => [m.label, ...m.values])).toEqual([
      ['2024年3月', '16200.00', '12150.00', '8100.00'],
      ['2024年4月', '8100.00', '0.00', '4050.00'],
    ]);
  });

  it('needs two scenarios of this campaign', async () => {
    const one = await admin.post(`${base()}/comparison`, { scenarioIds: [halved] });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain('要比较的方案至少需要 2 项');
    const same = await admin.post(`${base()}/comparison`, { scenarioIds: [halved, halved] });
    expect(same.statusCode).toBe(400);
    const other = await admin.post(`${base()}/comparison`, {
      scenarioIds: [halved, '00000000-0000-4000-8000-000000000000'],
    });
    expect(other.statusCode).toBe(404);
  });

  it('exports the comparison as a real Excel workbook, audited', async () => {
    const r = await admin.get(`${base()}/comparison/xlsx?ids=${halved},${lowRatio}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('方案对比')!;
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    const row = (label: string) => rows.find((x) => x[1] === label)!.slice(2);
    expect(row('项目')).toEqual(['现行参数', '预算减半', '比例45%']);
    expect(row('获安排申请数')).toEqual([3, 2, 3]);
    expect(row('预算结余')).toEqual([0, 0, 12150]);
    expect(row('江海区')).toEqual([16200, 4050, 8100]);
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sandbox_scenario.exported'), eq(auditEvents.objectId, campaignId)));
    expect(events).toHaveLength(1);
  });
});

describe('the sandbox of a draft policy version', () => {
  const SOURCE = `江门市工业和信息化局关于调整“政银保”贷款贴息比例的通知
江工信工业互联网〔2025〕7号
第一条 企业第一年获得的补助比例为“政银保”融资项目实际发生贷款利息的45%。
第二条 本通知自2024年1月25日起实施，有效期至2026年12月31日。
`;
  let draftId: string;

  it('runs the campaign’s real applications under the draft and shows what changes, before approval', async () => {
    const d = await admin.post('/api/v1/policy-versions', {
      docNumber: '江工信工业互联网〔2025〕7号',
      title: '关于调整“政银保”贷款贴息比例的通知',
      issuer: '江门市工业和信息化局',
      issuedOn: '2025-03-01',
      validFrom: '2024-01-25',
      validTo: '2026-12-31',
      sourceText: SOURCE,
      params: {
        validityArticle: { ref: ['第二条'], quote: '有效期至2026年12月31日' },
        changes: { firstYearRatio: { value: '0.45', article: { ref: ['第一条'], quote: '实际发生贷款利息的45%' } } },
      },
    });
    expect(d.statusCode, d.body).toBe(201);
    draftId = d.json().id;
    const r = await admin.post(`/api/v1/policy-versions/${draftId}/sandbox`, { campaignId });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().live).toMatchObject({ awarded: '24300.00', funded: 3 });
    expect(r.json().scenario).toMatchObject({ awarded: '12150.00', remaining: '12150.00', funded: 3 });
    expect(r.json().changes.map((c: { difference: string }) => c.difference)).toEqual([
      '-4050.00',
      '-4050.00',
      '-4050.00',
    ]);
    expect(r.json().changed[0]).toContain('政策版本草稿：江工信工业互联网〔2025〕7号');
    const [row] = await p.deps.db.select().from(policyVersions).where(eq(policyVersions.id, draftId));
    expect(row!.status).toBe('draft');
    // The live decisions still follow the versions in force.
    const live = await admin.post(base(), {});
    expect(live.json().live.awarded).toBe('24300.00');
  });

  it('is for the city administrator, and only for a draft', async () => {
    expect((await city.post(`/api/v1/policy-versions/${draftId}/sandbox`, { campaignId })).statusCode).toBe(403);
    const base000 = await admin.post('/api/v1/policy-versions/zyb.000/sandbox', { campaignId });
    expect(base000.statusCode).toBe(404);
    const bad = await admin.post(`/api/v1/policy-versions/${draftId}/sandbox`, { campaignId: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('贴息申报批次格式不正确');
  });
});
