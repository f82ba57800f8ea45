/**
 * The project library in the browser, each role in its own session: the city administrator opens a filing
 * window by notice; a manufacturer and a service provider register, declare (live check, materials, contracts)
 * and submit; the 蓬江区 reviewer returns one and verifies the other; the manufacturer corrects and resubmits;
 * the city approves both and they get library numbers; both report progress with vouchers. The 新会区 reviewer
 * never sees any of it.
 *
 * The server runs on the real clock, so the journey opens a window for today by notice (申报指南 三（四）) and
 * needs today to lie within the policy's validity (2024-01-25 – 2026-12-31).
 */
import { randomInt } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../src/domain/enterprise/uscc';
import {
  apiSession,
  type E2EServer,
  e2eChinaDay,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const chinaDay = e2eChinaDay;
const TODAY = chinaDay();

let server: E2EServer;
let browser: Browser;
const sessions: RoleSession[] = [];

async function session(): Promise<RoleSession> {
  const s = await newSession(browser, server);
  sessions.push(s);
  return s;
}

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
});

afterAll(async () => {
  for (const s of sessions) await s.close().catch(() => {});
  await stopPlatform({ server, browser });
});

async function pickDate(page: Page | ReturnType<Page['locator']>, label: string, date: string) {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** Chooses a Select option by its field label, checking that it took (see `selectOption`). */
async function choose(page: Page, label: string, option: string) {
  await selectOption(page, label, option);
}

async function uploadVia(page: Page, testId: string, name: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId(testId).click()]);
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: PDF });
}

/** Opens a reviewer's decision and makes sure it is the one meant (a click during a re-layout can land next door). */
async function openDecision(page: Page, testId: string, title: string) {
  await page.getByTestId(testId).click();
  await page
    .getByRole('dialog')
    .getByText(new RegExp(`^${title}（`))
    .waitFor();
}

/** Confirms the open decision and waits until the server has answered and the dialog has closed. */
async function confirmDecision(page: Page) {
  await page.getByTestId('review-ok').click();
  await page.getByTestId('review-ok').waitFor({ state: 'hidden' });
}

interface Enterprise {
  uscc: string;
  name: string;
  username: string;
  password: string;
  type: 'manufacturer' | 'service_provider';
}

function newEnterprise(type: Enterprise['type'], label: string): Enterprise {
  const body = String(randomInt(100_000, 999_999));
  return {
    uscc: completeUscc(`91440703MA${body}`),
    name: `江门${label}${body}有限公司`,
    username: `e2e_${type === 'manufacturer' ? 'mfg' : 'svc'}_${body}`,
    password: 'Shuzi@2026x',
    type,
  };
}

async function register(page: Page, e: Enterprise) {
  await page.goto('/register');
  await page.getByLabel('统一社会信用代码').fill(e.uscc);
  await page.getByTestId('uscc-ok').waitFor();
  await page.getByLabel('企业名称').fill(e.name);
  if (e.type === 'service_provider') await page.getByLabel('数字化转型服务商').check();
  await pickDate(page, '成立日期', '2018-06-01');
  await page.getByLabel('注册地址').fill('江门市蓬江区白沙大道 1 号');
  await page.getByLabel('经营地址').fill('江门市蓬江区白沙大道 1 号');
  await page.getByLabel('联系人', { exact: true }).fill('张工');
  await page.getByLabel('联系电话').fill('0750-3501234');
  await page.getByLabel('用户名').fill(e.username);
  await page.getByLabel('姓名', { exact: true }).fill('张工');
  await page.getByLabel('密码', { exact: true }).fill(e.password);
  await page.getByLabel('确认新密码').fill(e.password);
  await page.getByRole('button', { name: '提交注册' }).click();
  await page.getByText('注册成功', { exact: true }).waitFor();
}

const mfg = newEnterprise('manufacturer', '精工制造');
const svc = newEnterprise('service_provider', '云智数科');
const MFG_PROJECT = `注塑车间MES系统建设${mfg.uscc.slice(-4)}`;
const SVC_PROJECT = `注塑行业工业互联网平台${svc.uscc.slice(-4)}`;
const ids: { mfg?: string; svc?: string } = {};
let mfgSession: RoleSession;
let svcSession: RoleSession;

/** Fills the declaration form, saves it, uploads every required item and submits; returns the declaration id. */
async function declare(page: Page, e: Enterprise) {
  await page.getByRole('menuitem', { name: /项目申报/ }).click();
  await page.waitForURL(/\/enterprise\/declarations$/);
  await page.getByTestId('window-banner').getByText('申报窗口开放中').waitFor();
  await page.getByTestId('declaration-new').click();
  await page.waitForURL(/\/enterprise\/declarations\/new$/);
  const isMfg = e.type === 'manufacturer';
  await page.getByLabel('项目名称').fill(isMfg ? MFG_PROJECT : SVC_PROJECT);
  await page
    .getByLabel('项目建设内容')
    .fill(isMfg ? '建设MES系统与设备联网，实现生产数据采集与排产' : '研发面向注塑行业的工业互联网平台与工业APP');
  if (isMfg) {
    await page.getByLabel('数字化系统').check();
    await page.getByLabel('工控软件').check();
  } else {
    await page.getByLabel('工业互联网平台').check();
    await page.getByLabel('工业APP').check();
  }
  await choose(page, '实施地点', '蓬江区');
  await page.getByLabel('详细地址').fill('江门市蓬江区白沙大道 1 号');
  const basic = page.locator('.ant-card').filter({ hasText: '项目基本情况' });
  await pickDate(basic, '开始日期', '2025-09-01');
  await pickDate(basic, '结束日期', chinaDay(400));
  await basic
    .locator('label')
    .filter({ hasText: /^在建$/ })
    .click();
  await choose(page, '投资构成项', isMfg ? '软件' : '研发/开发');
  await page.getByLabel('金额（元）', { exact: true }).fill('800000.00');
  await page.getByLabel('已完成投资（元）').fill(isMfg ? '300000.00' : '100000.00');
  await choose(page, '评测等级', '二级');
  await pickDate(page, '评测日期', '2025-08-15');
  if (isMfg) {
    await page.getByTestId('contract-0-providerUscc').fill(svc.uscc);
    await page.getByTestId('contract-0-providerName').fill(svc.name);
    await page.getByTestId('contract-0-contractNumber').fill(`HT-${mfg.uscc.slice(-6)}`);
    await page.getByTestId('contract-0-amount').fill('500000.00');
    await pickDate(page, '签订日期', '2025-08-20');
    // A value the check refuses replaces the previous answer with the reason (never a stale verdict) …
    await page.getByTestId('contract-0-providerUscc').fill('ABC');
    await page
      .getByTestId('check-error')
      .getByText(/统一社会信用代码/)
      .waitFor();
    await page.getByTestId('check-blockers').waitFor({ state: 'detached' });
    // … and once fixed, the panel is recomputed.
    await page.getByTestId('contract-0-providerUscc').fill(svc.uscc);
    await page.getByTestId('check-error').waitFor({ state: 'detached' });
  }
  // The live check already names what blocks submission: the materials.
  await page
    .getByTestId('check-blockers')
    .getByText(/申报材料不齐全/)
    .waitFor();
  await page.getByTestId('declaration-save').click();
  await page.waitForURL(/\/enterprise\/declarations\/[0-9a-f-]{36}\/edit$/);
  const id = /declarations\/([0-9a-f-]{36})/.exec(page.url())![1]!;

  const kinds = isMfg
    ? ['cover', 'declaration_form', 'business_licence', 'credit_report', 'digital_assessment', 'construction_plan']
    : ['cover', 'declaration_form', 'business_licence', 'credit_report', 'digital_assessment', 'project_approval'];
  const materials = page.getByTestId('materials-card');
  for (const k of kinds) {
    await uploadVia(page, `upload-${k}`, `${k}.pdf`);
    await materials.getByText(`${k}.pdf`).waitFor();
  }
  if (isMfg) {
    await uploadVia(page, 'contract-0-upload', '服务合同.pdf');
    await materials.getByText('服务合同.pdf').waitFor();
  }
  await page.getByTestId('check-panel').getByText('可以提交').waitFor({ timeout: 20_000 });
  await screenshot(page, `projects-form-${e.type}`);
  await page.getByTestId('declaration-submit').click();
  await page.waitForURL(new RegExp(`/enterprise/declarations/${id}$`));
  await page.getByTestId('declaration-state').getByText('待区县核实').waitFor();
  return id;
}

async function reportProgress(page: Page, amount: string) {
  await page.getByRole('menuitem', { name: /项目跟踪/ }).click();
  await page.waitForURL(/\/enterprise\/projects$/);
  await page
    .getByRole('link', { name: /^JMSZ-\d{4}-\d{4}$/ })
    .first()
    .click();
  await page.getByTestId('project-number').waitFor();
  await page.getByTestId('report-new').click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByTestId('report-investment').fill(amount);
  await drawer.getByTestId('milestone-0-name').fill('一期上线试运行');
  await drawer.getByTestId('report-save').click();
  await drawer.getByTestId('voucher-upload').waitFor();
  await uploadVia(page, 'voucher-upload', '投资凭证.pdf');
  await drawer.getByText('投资凭证.pdf').waitFor();
  await drawer.getByTestId('report-submit').click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByTestId('reports-table').getByText('已报送').waitFor();
}

describe('project library: declaration → verification → return → approval → tracking', () => {
  it('the city administrator opens a filing window for today by notice', async () => {
    const s = await session();
    const { page } = s;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /日历维护/ }).click();
    await page.waitForURL(/\/admin\/calendar$/);
    const month = TODAY.slice(0, 7);
    await page.getByTestId(`override-${month}`).click();
    const modal = page.locator('.ant-modal');
    await pickDate(modal, '开始', TODAY);
    await pickDate(modal, '结束', chinaDay(6));
    await modal.getByTestId('override-notice').fill('江工信函〔2026〕E2E号');
    await modal.getByTestId('override-ok').click();
    await page
      .getByRole('row', { name: new RegExp(month) })
      .getByText('通知调整', { exact: true })
      .waitFor();
    await screenshot(page, 'projects-calendar-admin');
    expect(s.errors).toEqual([]);
  });

  it('a manufacturer and a service provider register; the provider joins the resource pool', async () => {
    mfgSession = await session();
    await register(mfgSession.page, mfg);
    svcSession = await session();
    await register(svcSession.page, svc);
    // Set-up outside the journey: the city administrator records the provider's resource-pool membership.
    const admin = await apiSession(server, 'admin');
    const list = await admin<{ items: { id: string; uscc: string }[] }>(
      'GET',
      `/api/v1/enterprises?q=${encodeURIComponent(svc.uscc)}`,
    );
    const provider = list.items.find((x) => x.uscc === svc.uscc)!;
    await admin('POST', `/api/v1/enterprises/${provider.id}/resource-pool`, {
      inResourcePool: true,
      since: chinaDay(-30),
      note: '江门市制造业数字化转型产业生态供给资源池（E2E）',
    });
  });

  it('both declare with the live check and the materials checklist, and submit', async () => {
    await loginAs(mfgSession.page, mfg.username, mfg.password);
    ids.mfg = await declare(mfgSession.page, mfg);
    await loginAs(svcSession.page, svc.username, svc.password);
    ids.svc = await declare(svcSession.page, svc);
    await screenshot(svcSession.page, 'projects-declaration-submitted');
  });

  it('the 蓬江区 reviewer returns the manufacturer’s declaration and verifies the provider’s; 新会区 sees neither', async () => {
    const s = await session();
    const { page } = s;
    await loginAs(page, 'pengjiang');
    await page.getByRole('menuitem', { name: /入库核实/ }).click();
    await page.waitForURL(/\/district\/pool-verification$/);
    const mRow = page.getByRole('row', { name: new RegExp(MFG_PROJECT) });
    const sRow = page.getByRole('row', { name: new RegExp(SVC_PROJECT) });
    await mRow.waitFor();
    await sRow.getByText('资源池牵头·优先').waitFor();
    await screenshot(page, 'projects-district-queue');
    await mRow.getByRole('checkbox').check();
    await openDecision(page, 'batch-return', '退回补正');
    await page.getByTestId('review-reason').fill('建设方案缺少设备清单，请补充后重新提交');
    await confirmDecision(page);
    await page.getByText('完成 1 件，失败 0 件').waitFor();
    await mRow.waitFor({ state: 'detached' });
    await sRow.getByRole('checkbox').check();
    await openDecision(page, 'batch-verify', '核实通过');
    await confirmDecision(page);
    await sRow.waitFor({ state: 'detached' });
    expect(s.errors).toEqual([]);

    const other = await session();
    await loginAs(other.page, 'xinhui');
    await other.page.getByRole('menuitem', { name: /入库核实/ }).click();
    await other.page.getByTestId('queue-total').waitFor();
    expect(await other.page.getByText(MFG_PROJECT).count()).toBe(0);
    await other.page.goto(`/district/declarations/${ids.mfg}`);
    await other.page.getByTestId('declaration-not-found').waitFor();
    await other.page.goto(`/district/declarations/${ids.svc}`);
    await other.page.getByTestId('declaration-not-found').waitFor();
  });

  it('the manufacturer reads the reason, corrects and resubmits; the district verifies', async () => {
    const { page } = mfgSession;
    await page.goto(`/enterprise/declarations/${ids.mfg}`);
    await page
      .getByTestId('return-reason')
      .getByText(/建设方案缺少设备清单/)
      .waitFor();
    await page.getByTestId('timeline').getByText('区县退回补正').waitFor();
    await page
      .getByTestId('timeline')
      .getByText(/蓬江区工业和信息化主管部门/)
      .waitFor();
    await screenshot(page, 'projects-returned');
    await page.getByTestId('declaration-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByLabel('项目建设内容').fill('建设MES系统与设备联网（已补充设备清单），实现生产数据采集与排产');
    await uploadVia(page, 'upload-construction_plan', '建设方案（补充设备清单）.pdf');
    await page.getByTestId('materials-card').getByText('建设方案（补充设备清单）.pdf').waitFor();
    await page.getByTestId('check-panel').getByText('可以提交').waitFor({ timeout: 20_000 });
    await page.getByTestId('declaration-submit').click();
    await page.waitForURL(new RegExp(`/enterprise/declarations/${ids.mfg}$`));
    await page.getByTestId('declaration-state').getByText('待区县核实').waitFor();

    const s = await session();
    await loginAs(s.page, 'pengjiang');
    await s.page.goto(`/district/declarations/${ids.mfg}`);
    await s.page.getByTestId('timeline').getByText('补正后重新提交').waitFor();
    await openDecision(s.page, 'action-verify', '核实通过');
    await confirmDecision(s.page);
    await s.page.getByTestId('declaration-state').getByText('待市级复核').waitFor();
  });

  it('the city approves both at once; each gets a library number', async () => {
    const s = await session();
    const { page } = s;
    await loginAs(page, 'shiji');
    await page.getByRole('menuitem', { name: /入库复核/ }).click();
    await page.waitForURL(/\/city\/pool-review$/);
    for (const name of [MFG_PROJECT, SVC_PROJECT])
      await page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await screenshot(page, 'projects-city-queue');
    await openDecision(page, 'batch-approve', '复核通过并编号');
    await confirmDecision(page);
    await page.getByText('完成 2 件，失败 0 件').waitFor();
    await page.goto(`/city/declarations/${ids.mfg}`);
    const number = await page.getByTestId('library-number').textContent();
    expect(number).toMatch(/^JMSZ-\d{4}-\d{4}$/);
    await page.goto(`/city/declarations/${ids.svc}`);
    const number2 = await page.getByTestId('library-number').textContent();
    expect(number2).toMatch(/^JMSZ-\d{4}-\d{4}$/);
    expect(number2).not.toBe(number);
    expect(s.errors).toEqual([]);

    // The enterprise sees the whole path with its number, and was notified.
    const m = mfgSession.page;
    await m.goto(`/enterprise/declarations/${ids.mfg}`);
    await m.getByTestId('library-number').getByText(number!).waitFor();
    await m.getByTestId('timeline').getByText('市级复核通过，予以入库编号').waitFor();
    await m.getByTestId('notification-bell').click();
    await m
      .getByTestId('notification-list')
      .getByText(new RegExp(`项目已入库.*${number}`))
      .waitFor();
    await screenshot(m, 'projects-notifications');
  });

  it('both report progress with vouchers; the 新会区 reviewer still sees nothing', async () => {
    await reportProgress(mfgSession.page, '520000.00');
    await mfgSession.page.getByTestId('project-investment').getByText('¥520,000.00').waitFor();
    await screenshot(mfgSession.page, 'projects-progress-report');
    await reportProgress(svcSession.page, '260000.00');
    expect(mfgSession.errors).toEqual([]);
    expect(svcSession.errors).toEqual([]);

    const other = await session();
    await loginAs(other.page, 'xinhui');
    await other.page.getByRole('menuitem', { name: /项目跟踪/ }).click();
    await other.page.waitForURL(/\/district\/projects$/);
    await other.page.locator('.ant-table').waitFor();
    expect(await other.page.getByText(MFG_PROJECT).count()).toBe(0);
    expect(await other.page.getByText(SVC_PROJECT).count()).toBe(0);
  });
});
