/**
 * 政银保 subsidy journey in the browser, each role in its own session: the bank imports the loan and its
 * repayments; the city administrator opens the campaign; the enterprise applies with vouchers; the district checks
 * and the city verifies; the administrator runs a dry run, commits the allocation and publishes the 公示; a member of
 * the public lodges an objection and the city reviewer resolves it; the plan is refused until the notice ends, then
 * issued with its document number, 大写金额 and Excel; the enterprise sees its award and remaining cap.
 *
 * Time: the journey needs a filing window (to number the project), a campaign window and a notice period that ends.
 * The server runs with a test-only preload that shifts its clock by an offset read from a file, so the spec moves
 * server time to fixed dates in 2026 (like libfaketime), whatever day the suite runs on. The numbered project is set
 * up through the project library's API (its own journeys cover that UI).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChinaDateTime } from '../src/domain/calendar/china-time';
import { LOAN_COLUMNS, REPAYMENT_COLUMNS } from '../src/domain/loans/import';
import {
  apiSession,
  clickUntil,
  DEMO_PASSWORD,
  type E2EServer,
  launchBrowser,
  loginAs,
  newSession,
  screenshot,
  startServer,
  stopPlatform,
} from './fixtures';

const PRELOAD = `
import fs from 'node:fs';
const file = process.env.HUIQI_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  let offset = 0;
  const read = () => { try { offset = Number(fs.readFileSync(file, 'utf8')) || 0; } catch {} };
  read();
  setInterval(read, 50).unref();
  class ShiftedDate extends RealDate {
    constructor(...args) { if (args.length === 0) super(RealDate.now() + offset); else super(...args); }
    static now() { return RealDate.now() + offset; }
  }
  globalThis.Date = ShiftedDate;
}
`;

let server: E2EServer;
let browser: Browser;
let clockFile: string;
let projectNo: string;
let caseNo: string;
let enterpriseName: string;
let uscc: string;
const contractNo = `GH-SUB-${Date.now() % 100000}`;

/** Moves the server's clock to `iso` (China noon by default) and waits for it to take effect. */
async function serverTime(iso: string): Promise<void> {
  fs.writeFileSync(clockFile, String(new Date(iso).getTime() - Date.now()));
  await new Promise((r) => setTimeout(r, 300));
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function uploadTo(server: E2EServer, username: string, ownerType: string, ownerId: string, kind: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const fd = new FormData();
  fd.append('ownerType', ownerType);
  fd.append('ownerId', ownerId);
  fd.append('kind', kind);
  fd.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
  const r = await fetch(`${server.baseUrl}/api/v1/attachments`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken },
    body: fd,
  });
  if (!r.ok) throw new Error(`upload ${kind}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** A numbered project for 蓬江精密五金 through the project library's API, declared in the March 2026 window. */
async function numberedProject(): Promise<string> {
  await serverTime('2026-03-12T02:00:00Z');
  const qiye = await apiSession(server, 'qiye');
  const draft = await qiye<{ id: string }>('POST', '/api/v1/declarations', {
    name: '五金冲压车间MES与设备联网改造',
    content: '建设MES系统、设备联网与数据采集，实现冲压车间生产过程数字化管理',
    categories: ['digital_system', 'industrial_control_software'],
    siteDistrictCode: '440703',
    siteAddress: '江门市蓬江区杜阮镇龙榜村工业区 8 号',
    startDate: '2026-02-01',
    endDate: '2027-06-30',
    projectStatus: 'in_progress',
    investments: [
      { item: 'software', amount: '800000.00' },
      { item: 'equipment', amount: '600000.00' },
    ],
    investmentMade: '300000.00',
    assessmentLevel: 'level2',
    assessmentDate: '2026-01-20',
    hasLoan: false,
    contracts: [
      {
        providerUscc: '91440705MA55XW6T3B',
        providerName: '江门智造云科技有限公司',
        contractNumber: 'HT-2026-0012',
        amount: '800000.00',
        signedOn: '2026-01-10',
        startDate: '2026-02-01',
        endDate: '2027-06-30',
      },
    ],
  });
  const id = draft.id;
  for (const k of [
    'cover',
    'declaration_form',
    'business_licence',
    'credit_report',
    'digital_assessment',
    'construction_plan',
  ]) {
    await uploadTo(server, 'qiye', 'project_declaration', id, k);
  }
  // biome-ignore lint/suspicious/noExplicitAny: a JSON response body
  const d = await qiye<any>('GET', `/api/v1/declarations/${id}`);
  const fileId = await uploadTo(server, 'qiye', 'project_declaration', id, 'service_contract');
  await qiye('PUT', `/api/v1/declarations/${id}`, {
    name: d.name,
    content: d.content,
    categories: d.categories,
    siteDistrictCode: d.siteDistrictCode,
    siteAddress: d.siteAddress,
    startDate: d.startDate,
    endDate: d.endDate,
    projectStatus: d.projectStatus,
    investments: d.investments.map((l: { item: string; amount: string }) => ({ item: l.item, amount: l.amount })),
    investmentMade: d.investmentMade,
    assessmentLevel: d.assessmentLevel,
    assessmentDate: d.assessmentDate,
    hasLoan: false,
    contracts: d.contracts.map((c: Record<string, unknown>) => ({
      providerUscc: c.providerUscc,
      providerName: c.providerName,
      contractNumber: c.contractNumber,
      amount: c.amount,
      signedOn: c.signedOn,
      startDate: c.startDate,
      endDate: c.endDate,
      isLead: c.isLead,
      attachmentId: fileId,
    })),
    version: d.version,
  });
  await qiye('POST', `/api/v1/declarations/${id}/submit`, {});
  const district = await apiSession(server, 'pengjiang');
  await district('POST', '/api/v1/declarations/review/district', { ids: [id], decision: 'verify' });
  const city = await apiSession(server, 'shiji');
  const r = await city<{ results: { libraryNumber: string | null; error: unknown }[] }>(
    'POST',
    '/api/v1/declarations/review/city',
    { ids: [id], decision: 'approve' },
  );
  const no = r.results[0]?.libraryNumber;
  if (!no) throw new Error(`project not numbered: ${JSON.stringify(r)}`);
  return no;
}

function csv(columns: readonly { header: string }[], rows: string[][]): Buffer {
  const lines = [columns.map((c) => c.header), ...rows].map((r) => r.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Picks an Ant Design Select option and checks that it took (shown as the selection inside `scope`): a click during
 * the drop-down's entrance animation can miss, so it tries again.
 */
async function pickOption(
  page: Page,
  opener: ReturnType<Page['locator']>,
  text: string | RegExp,
  scope: ReturnType<Page['locator']>,
) {
  for (let attempt = 0; attempt < 4; attempt++) {
    await opener.click();
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: text })
      .first();
    await option.waitFor();
    await page.waitForTimeout(150 * (attempt + 1));
    await option.click();
    const took = await scope
      .locator('.ant-select')
      .filter({ hasText: text })
      .first()
      .waitFor({ timeout: 2000 })
      .then(
        () => true,
        () => false,
      );
    if (took) return;
  }
  throw new Error(`could not choose “${String(text)}”`);
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-e2e-clock-'));
  clockFile = path.join(dir, 'offset');
  fs.writeFileSync(clockFile, '0');
  const preload = path.join(dir, 'clock.mjs');
  fs.writeFileSync(preload, PRELOAD);
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, HUIQI_E2E_CLOCK_FILE: process.env.HUIQI_E2E_CLOCK_FILE };
  process.env.NODE_OPTIONS = `${saved.NODE_OPTIONS ?? ''} --import=${preload}`.trim();
  process.env.HUIQI_E2E_CLOCK_FILE = clockFile;
  try {
    server = await startServer();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
  browser = await launchBrowser();
  projectNo = await numberedProject();
  await serverTime('2026-12-03T02:00:00Z');
  const qiye = await apiSession(server, 'qiye');
  const me = await qiye<{ uscc: string; name: string }>('GET', '/api/v1/enterprises/me');
  uscc = me.uscc;
  enterpriseName = me.name;
});

afterAll(() => stopPlatform({ server, browser }));

describe('政银保 subsidy: from the bank import to the issued funding plan', () => {
  it('the bank imports the loan (linked to the numbered project) and its repayments', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'gonghang');
    await page.getByRole('menuitem', { name: /批量导入/ }).click();
    await page.waitForURL(/\/bank\/import$/);
    const input = page.locator('input[type=file]');
    const loanRow = [
      uscc,
      '',
      contractNo,
      '设备贷款',
      '2000000.00',
      '3.6%',
      '24',
      '2026-04-01 10:00',
      '江门融资担保',
      projectNo,
      '',
    ];
    await input.setInputFiles({ name: 'loans.csv', mimeType: 'text/csv', buffer: csv(LOAN_COLUMNS, [loanRow]) });
    await page.getByTestId('import-check').click();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByText('导入完成').waitFor();
    await page.getByRole('button', { name: '导入另一个文件' }).click();
    const months = ['05', '06', '07', '08', '09', '10'];
    const repayments = months.map((m, i) => [
      contractNo,
      String(i + 1),
      `2026-${m}-01`,
      `2026-${m}-01`,
      '0.00',
      '6000.00',
    ]);
    await input.setInputFiles({
      name: 'repayments.csv',
      mimeType: 'text/csv',
      buffer: csv(REPAYMENT_COLUMNS, repayments),
    });
    await page.getByTestId('import-check').click();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByText('导入完成').waitFor();
    await screenshot(page, 'subsidy-01-bank-import');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the city administrator opens the 2026 campaign', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /申报批次/ }).click();
    await page.getByTestId('new-campaign').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('年度', { exact: true }).fill('2026');
    await drawer.getByLabel('批次名称', { exact: true }).fill('2026年度“政银保”数字化转型贷款贴息申请');
    for (const [label, value] of [
      ['贴息期间起', '2026-01-01'],
      ['贴息期间止', '2026-11-30'],
      ['申请开始日', '2026-12-01'],
      ['申请截止日', '2026-12-31'],
    ] as const) {
      const f = drawer.getByLabel(label, { exact: true });
      await f.click();
      await f.fill(value);
      await f.press('Enter');
    }
    await drawer.getByLabel('年度预算（元）', { exact: true }).fill('1000000.00');
    await drawer.getByTestId('save-campaign').click();
    await page.locator('.ant-table').getByText('2026年度“政银保”数字化转型贷款贴息申请').waitFor();
    await screenshot(page, 'subsidy-02-campaign');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the enterprise applies: loan with the bank-recorded interest, vouchers, investment since declaration', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'qiye');
    await page.getByRole('menuitem', { name: /贴息申请/ }).click();
    await page.getByTestId('new-application').click();
    const drawer = page.locator('.ant-drawer');
    await pickOption(page, drawer.getByLabel('入库项目'), projectNo, drawer);
    await drawer.getByTestId(`loan-${contractNo}`).check();
    await drawer.getByText('¥36,000.00').waitFor();
    await drawer.getByTestId('new-investment').fill('300000.00');
    await drawer.getByTestId('progress-report').fill('MES系统已上线，设备联网完成80%，正在建设数据采集平台。');
    const [c1] = await Promise.all([page.waitForEvent('filechooser'), drawer.getByTestId('upload-repayment').click()]);
    await c1.setFiles({ name: '还本付息凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await drawer.getByText('还本付息凭证.pdf').waitFor();
    const [c2] = await Promise.all([
      page.waitForEvent('filechooser'),
      drawer.getByTestId('upload-expenditure').click(),
    ]);
    await c2.setFiles({ name: '项目支出凭证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await drawer.getByText('项目支出凭证.pdf').waitFor();
    await screenshot(page, 'subsidy-03-apply');
    await drawer.getByTestId('submit-application').click();
    await page.getByText('申请已提交').waitFor();
    await page.locator('.ant-table').getByText('已提交，待县（市、区）核查').waitFor();
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the district checks and the city verifies; both see the engine decision (S = 36,000 × 90% × 30%)', async () => {
    for (const [user, menu, button] of [
      ['pengjiang', /补贴核查/, '核查通过，报市级核实'],
      ['shiji', /补贴核实/, '核实通过'],
    ] as const) {
      const s = await newSession(browser, server);
      const { page } = s;
      await loginAs(page, user);
      await page.getByRole('menuitem', { name: menu }).click();
      await page.locator('.ant-table-tbody').getByText(enterpriseName).click();
      const drawer = page.locator('.ant-drawer');
      await drawer.getByTestId('decision-amount').getByText('¥9,720.00').waitFor();
      await drawer.getByText('一致').first().waitFor();
      await screenshot(page, `subsidy-04-review-${user}`);
      await drawer.getByTestId('review-pass').getByText(button).waitFor();
      await drawer.getByTestId('review-pass').click();
      // an irreversible step asks first, naming what will happen
      await page
        .getByText(
          user === 'pengjiang' ? '核查通过后申请将报市级核实，不能撤回' : '核实通过后申请进入资金分配，不能撤回',
        )
        .waitFor();
      await clickUntil(page.getByTestId('confirm-pass'), page.getByText('已通过'));
      expect(s.errors).toEqual([]);
      await s.close();
    }
  });

  it('the administrator runs a dry run, commits the allocation and publishes the notice', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /预算与公示/ }).click();
    await page.getByTestId('dry-run').click();
    await page.getByTestId('run-summary').getByText('试算').waitFor();
    await page.getByTestId('total-awarded').getByText('¥9,720.00').waitFor();
    await screenshot(page, 'subsidy-05-dry-run');
    // The campaign still accepts applications: the confirmation says applications close first.
    await page.getByTestId('commit-run').click();
    await page.getByText('截止受理并正式分配？').waitFor();
    await page.getByText(/确认后将先截止受理（申请截止日改为今天，记入审计日志）/).waitFor();
    await clickUntil(page.getByTestId('confirm-commit'), page.getByText('正式分配已提交'));
    await page.getByTestId('run-summary').getByText('正式分配').waitFor();
    // The dashboard downloads as Excel, with the awarded budget in figures.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export').click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await download.path())!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['预算', '各县区申请', '按入库申报月份']);
    expect(wb.worksheets[0]!.getRow(5).getCell(2).value).toBe(9720);
    await page.getByTestId('publish-notice').click();
    await page.getByText('公示将立即在公众页面发布，公示期 7 天，发布后不能撤回').waitFor();
    await clickUntil(page.getByTestId('confirm-publish'), page.getByText('公示已发布'));
    await page.getByText('2026-12-03 ～ 2026-12-09').waitFor();
    await screenshot(page, 'subsidy-06-committed');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('anyone lodges an objection on the public page; the city reviewer resolves it', async () => {
    const pub = await newSession(browser, server);
    await pub.page.goto('/public/notices');
    await pub.page.getByTestId('open-notice').first().click();
    await pub.page.getByTestId('notice-entries').getByText(enterpriseName).waitFor();
    await pub.page.getByTestId('notice-entries').getByText('¥9,720.00').waitFor();
    // Printed (or saved as PDF), the 公示 is the document alone: every line, 大写金额, the authority and date.
    await pub.page.emulateMedia({ media: 'print' });
    const printed = pub.page.getByTestId('notice-print');
    await printed.waitFor();
    expect(await pub.page.locator('nav').first().isVisible()).toBe(false);
    expect(await pub.page.getByTestId('lodge-objection').isVisible()).toBe(false);
    expect(await pub.page.getByTestId('notice-entries').isVisible()).toBe(false);
    await printed.getByText(enterpriseName).waitFor();
    await printed.getByText('玖仟柒佰贰拾元整').first().waitFor();
    expect(await printed.getByTestId('notice-signature').innerText()).toMatch(
      /^江门市工业和信息化局\n2026年12月\d+日$/,
    );
    expect((await pub.page.pdf({ preferCSSPageSize: true })).subarray(0, 5).toString()).toBe('%PDF-');
    await pub.page.emulateMedia({ media: 'screen' });
    await pub.page.getByTestId('lodge-objection').click();
    const modal = pub.page.locator('.ant-modal');
    await pickOption(pub.page, modal.getByTestId('objection-target'), enterpriseName, modal);
    await modal.getByTestId('objection-name').fill('王先生');
    await modal.getByTestId('objection-contact').fill('13800001234');
    await modal.getByTestId('objection-reason').fill('该企业冲压车间改造项目进度与申报情况可能不符，请核实。');
    await screenshot(pub.page, 'subsidy-07-objection');
    await modal.getByTestId('submit-objection').click();
    const receipt = pub.page.getByText(/案件号：YY2026-/);
    await receipt.waitFor();
    caseNo = /YY2026-[A-Z0-9-]+/.exec(await receipt.innerText())![0];
    expect(pub.errors).toEqual([]);
    await pub.close();

    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'shiji');
    await page.getByRole('menuitem', { name: /资金分配/ }).click();
    await page.getByTestId('objections').getByText('138****1234').waitFor();
    await page.getByTestId('handle-objection').click();
    await page.getByTestId('objection-note').fill('经县区现场核查，项目按计划推进，异议不成立。');
    await page.getByTestId('save-objection').click();
    await page.getByTestId('objections').getByText('异议不成立').first().waitFor();
    await screenshot(page, 'subsidy-08-objection-closed');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the objector looks the case up by its number from a UTC browser and reads its outcome in Beijing time', async () => {
    const pub = await newSession(browser, server, { timezoneId: 'UTC' });
    await pub.page.goto('/public/notices');
    const lookup = pub.page.getByTestId('objection-lookup');
    await lookup.getByLabel('案件编号').fill(caseNo);
    await lookup.getByLabel('提出异议时填写的联系方式').fill('13800001234');
    const [answer] = await Promise.all([
      pub.page.waitForResponse((r) => r.url().endsWith('/objection-lookup')),
      lookup.getByTestId('lookup-objection').click(),
    ]);
    const { lodgedAt } = (await answer.json()) as { lodgedAt: string };
    const found = pub.page.getByTestId('objection-case');
    await found.getByText('异议不成立', { exact: true }).waitFor();
    await found.getByText('经县区现场核查，项目按计划推进，异议不成立。').waitFor();
    // the browser runs in UTC; the page shows Beijing wall time (UTC + 8 hours)
    await found
      .getByText(formatChinaDateTime(new Date(lodgedAt)))
      .first()
      .waitFor();
    expect(await found.innerText()).not.toContain(lodgedAt.slice(0, 16).replace('T', ' '));
    await screenshot(pub.page, 'subsidy-08b-objection-lookup');
    expect(pub.errors).toEqual([]);
    await pub.close();
  });

  it('the plan is refused during the notice period, then issued with its number, 大写金额 and Excel', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /资金计划/ }).click();
    await page.getByTestId('plan-docno').fill('江工信〔2026〕88号');
    await page.getByTestId('issue-plan').click();
    await page
      .getByTestId('plan-error')
      .getByText(/公示期满后方可下达/)
      .waitFor();
    await s.close();

    await serverTime('2026-12-11T02:00:00Z');
    const s2 = await newSession(browser, server);
    const p2 = s2.page;
    await loginAs(p2, 'admin');
    await p2.getByRole('menuitem', { name: /资金计划/ }).click();
    await p2.getByTestId('plan-docno').fill('江工信〔2026〕88号');
    await p2.getByTestId('issue-plan').click();
    await p2.getByText('资金安排计划已下达').waitFor();
    const plan = p2.getByTestId('funding-plan');
    await plan.getByText('江工信〔2026〕88号', { exact: false }).waitFor();
    await plan.getByText(enterpriseName).waitFor();
    await plan.getByText('玖仟柒佰贰拾元整').first().waitFor();
    await screenshot(p2, 'subsidy-09-plan');
    // Printed (or saved as PDF): the plan alone, with its 落款 and 大写; no navigation, no buttons, no page title.
    await p2.emulateMedia({ media: 'print' });
    expect(await p2.locator('nav').first().isVisible()).toBe(false);
    expect(await p2.getByTestId('plan-xlsx').isVisible()).toBe(false);
    expect(await p2.locator('.page-header').isVisible()).toBe(false);
    expect(await plan.getByText('玖仟柒佰贰拾元整').first().isVisible()).toBe(true);
    expect(await plan.getByTestId('plan-signature').innerText()).toBe('江门市工业和信息化局\n2026年12月11日');
    expect((await p2.pdf({ preferCSSPageSize: true })).subarray(0, 5).toString()).toBe('%PDF-');
    await p2.emulateMedia({ media: 'screen' });
    const [download] = await Promise.all([p2.waitForEvent('download'), p2.getByTestId('plan-xlsx').click()]);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file!);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A2').value)).toContain('江工信〔2026〕88号');
    const row = ws.getRow(4);
    expect(row.getCell(2).value).toBe(enterpriseName);
    expect(row.getCell(7).value).toBe(9720);
    expect(row.getCell(8).value).toBe('玖仟柒佰贰拾元整');
    expect(s2.errors).toEqual([]);
    await s2.close();
  });

  it('the enterprise sees its award, the explanation and its remaining cap', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'qiye');
    await page.getByRole('menuitem', { name: /贴息申请/ }).click();
    await page.getByText('¥990,280.00').waitFor();
    await page.getByTestId('my-award').getByText('江工信〔2026〕88号', { exact: false }).waitFor();
    await page.getByTestId('my-award').click();
    await page
      .getByTestId('explanation')
      .getByText(/S = I × R × C/)
      .first()
      .waitFor();
    await screenshot(page, 'subsidy-10-enterprise');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
