/**
 * Review queues and the dashboard export to Excel a bureau can print and sort: a real .xlsx (A4 landscape, one page
 * wide, the header row repeated), Chinese headers, dates and times as date cells — and only what the reader's
 * own list shows (a district its district, the city everything), every row rather than one page.
 */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';
import { type Library, manufacturerForm, readyDraft, setupLibrary, submit } from './projects-fixtures';
import { apply, CAMPAIGN_2025, makeApplicant, staff, verify } from './subsidy-fixtures';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let p: TestPlatform;
let lib: Library;

beforeAll(async () => {
  // 2024-03-12 10:00 in Jiangmen: inside the March filing window.
  p = await createTestPlatform({ now: '2024-03-12T02:00:00Z' });
  lib = await setupLibrary(p);
});
afterAll(async () => p.close());

async function workbook(res: LightMyRequestResponse): Promise<ExcelJS.Workbook> {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain(XLSX);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; .*\.xlsx/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
}

function printsLikeABureau(ws: ExcelJS.Worksheet) {
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  expect(ws.pageSetup.printTitlesRow).toBe('3:3');
}

function headers(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(3).values as unknown[]).slice(1).map(String);
}

/** The data rows (below the header) as header → value. */
function rows(ws: ExcelJS.Worksheet): Array<Record<string, ExcelJS.CellValue>> {
  const h = headers(ws);
  const out: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let r = 4; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    out.push(Object.fromEntries(h.map((name, i) => [name, row.getCell(i + 1).value])));
  }
  return out;
}

describe('the project review queues export to Excel', () => {
  it('a district exports its own queue (every row, dates as date cells); the city its own stage', async () => {
    const mine = await lib.newManufacturer({ districtCode: '440703' });
    const theirs = await lib.newManufacturer({ districtCode: '440704' });
    const ids: string[] = [];
    for (const m of [mine, theirs]) {
      const s = await lib.as(m.user);
      const id = await readyDraft(s, manufacturerForm(lib.provider.uscc, { name: `数字化车间-${m.name}` }));
      await submit(s, id);
      ids.push(id);
    }

    const rev = await lib.as(lib.district['440703']!);
    const wb = await workbook(await rev.get('/api/v1/declarations/review-queue/xlsx'));
    const ws = wb.worksheets[0]!;
    printsLikeABureau(ws);
    expect(String(ws.getCell('A1').value)).toBe('入库申报区县核实队列');
    expect(headers(ws)).toEqual(
      expect.arrayContaining(['企业名称', '统一社会信用代码', '项目名称', '入库申报日期', '核实截止日', '时限状态']),
    );
    expect(headers(ws).join('')).not.toMatch(/[a-z]{3}/i);
    const data = rows(ws);
    const names = data.map((r) => r['企业名称']);
    expect(names).toContain(mine.name);
    expect(names).not.toContain(theirs.name);
    const row = data.find((r) => r['企业名称'] === mine.name)!;
    expect(row['入库申报日期']).toBeInstanceOf(Date);
    expect((row['入库申报日期'] as Date).toISOString().slice(0, 10)).toBe('2024-03-12');
    expect(ws.getRow(4 + data.indexOf(row)).getCell(headers(ws).indexOf('入库申报日期') + 1).numFmt).toBe('yyyy-mm-dd');
    expect(row['核实截止日']).toBeInstanceOf(Date);
    expect(row['时限状态']).toBe('未到期');
    expect(row['最近更新（北京时间）']).toBeInstanceOf(Date);

    // The city's queue holds what the districts verified: nothing yet from these two.
    const city = await lib.as(lib.city);
    const cw = await workbook(await city.get('/api/v1/declarations/review-queue/xlsx'));
    expect(String(cw.worksheets[0]!.getCell('A1').value)).toBe('入库申报市级复核队列');
    expect(headers(cw.worksheets[0]!)).not.toContain('核实截止日');
    expect(rows(cw.worksheets[0]!).map((r) => r['企业名称'])).not.toContain(mine.name);

    // Not a reviewer: no queue, no export.
    const ent = await lib.as(mine.user);
    expect((await ent.get('/api/v1/declarations/review-queue/xlsx')).statusCode).toBe(403);
  });
});

describe('the subsidy review queue and the dashboard export to Excel', () => {
  it('a district exports its applications only; the city exports all and the dashboard', async () => {
    p.clock.set('2025-03-15T02:00:00Z');
    const admin = await staff(p, 'city_admin');
    const cityRev = await staff(p, 'city_reviewer');
    const pengjiang = await staff(p, 'district_reviewer', '440703');
    const res = await admin.post('/api/v1/subsidy/campaigns', CAMPAIGN_2025);
    expect(res.statusCode, res.body).toBe(201);
    const campaignId = res.json().id as string;
    const a = await makeApplicant(p);
    const r = await apply(a, campaignId);
    expect(r.status).toBe(201);
    const b = await makeApplicant(p, { districtCode: '440704', disbursedAt: '2024-04-02T02:00:00Z' });
    expect((await apply(b, campaignId)).status).toBe(201);

    const dw = await workbook(
      await pengjiang.get(`/api/v1/subsidy/applications/xlsx?campaignId=${campaignId}&status=submitted`),
    );
    const ws = dw.worksheets[0]!;
    printsLikeABureau(ws);
    expect(String(ws.getCell('A2').value)).toContain('2025年度政银保贴息申请');
    expect(headers(ws)).toEqual(
      expect.arrayContaining([
        '企业名称',
        '项目编号',
        '县（市、区）',
        '申报利息（元）',
        '状态',
        '提交时间（北京时间）',
      ]),
    );
    const data = rows(ws);
    expect(data).toHaveLength(1);
    expect(data[0]!['县（市、区）']).toBe('蓬江区');
    expect(data[0]!['状态']).toBe('已提交，待县（市、区）核查');
    // Submitted at 2025-03-15 10:00 Beijing time: a date cell showing that wall time.
    const submitted = data[0]!['提交时间（北京时间）'] as Date;
    expect(submitted).toBeInstanceOf(Date);
    expect(submitted.toISOString().slice(0, 16)).toBe('2025-03-15T10:00');
    expect(typeof data[0]!['申报利息（元）']).toBe('number');

    const cw = await workbook(await cityRev.get(`/api/v1/subsidy/applications/xlsx?campaignId=${campaignId}`));
    expect(rows(cw.worksheets[0]!)).toHaveLength(2);

    await verify(pengjiang, cityRev, r.id);
    const dash = await workbook(await admin.get(`/api/v1/dashboard/subsidy/xlsx?campaignId=${campaignId}`));
    expect(dash.worksheets.map((w) => w.name)).toEqual(['预算', '各县区申请', '按入库申报月份']);
    for (const w of dash.worksheets) printsLikeABureau(w);
    const budget = rows(dash.worksheets[0]!);
    expect(budget[0]).toMatchObject({ 项目: '预算（元）', 数值: 500000 });
    const byDistrict = rows(dash.worksheets[1]!);
    expect(headers(dash.worksheets[1]!)).toEqual(
      expect.arrayContaining(['县（市、区）', '待县（市、区）核查', '核实通过待分配', '申请合计']),
    );
    expect(byDistrict.find((x) => x['县（市、区）'] === '蓬江区')).toMatchObject({ 核实通过待分配: 1, 申请合计: 1 });
    expect(byDistrict.find((x) => x['县（市、区）'] === '江海区')).toMatchObject({ '待县（市、区）核查': 1 });

    // The dashboard is the city's: a district reviewer and an enterprise get no export.
    expect((await pengjiang.get('/api/v1/dashboard/subsidy/xlsx')).statusCode).toBe(403);
    expect((await a.session.get('/api/v1/dashboard/subsidy/xlsx')).statusCode).toBe(403);
  });
});
