/**
 * The financing zone in the browser, each role in its own session: a bank officer publishes a product and the city
 * reviewer approves it (上架审核); the public catalogue lists it; an enterprise types its need in one sentence, sees
 * what was read, corrects the amount, consents and posts it, sees the matched product with the reason for each
 * criterion and applies; the bank accepts within the due day and reports the approval, which the enterprise sees;
 * the bank carries the approved 政银保 loan into the loan register in one action; a second order is left waiting,
 * the platform's clock moves past its due day, and it appears on the city's overdue list.
 *
 * The server runs with a test-only preload that shifts its clock by an offset read from a file (as the subsidy
 * journey does), starting at the journeys' instant (E2E_NOW).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  E2E_NOW,
  type E2EServer,
  launchBrowser,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
} from './fixtures';
import { type MovableClockServer, startServerWithMovableClock } from './movable-clock';

let server: E2EServer;
let browser: Browser;
let bank: RoleSession;
let city: RoleSession;
let ent: RoleSession;
let visitor: RoleSession;
let clock: MovableClockServer;

/** Moves the server's clock to `iso` and waits for it to take effect. */
const serverTime = (iso: string) => clock.moveTo(iso);

beforeAll(async () => {
  clock = await startServerWithMovableClock(E2E_NOW, { browsersAtStart: false });
  server = clock.server;
  browser = await launchBrowser();
  bank = await newSession(browser, server);
  city = await newSession(browser, server);
  ent = await newSession(browser, server);
  visitor = await newSession(browser, server);
});

afterAll(async () => {
  for (const s of [bank, city, ent, visitor]) await s?.close();
  await browser?.close();
  await server?.close();
});

const PRODUCT = '旅程政银保智造贷';
const CONTRACT = 'GH-ZYB-E2E-001';

describe('the financing zone', () => {
  it('a bank officer publishes a product; beyond 5 years it is refused with the clause', async () => {
    const { page } = bank;
    await loginAs(page, 'gonghang');
    await page.goto('/bank/products');
    await page.getByRole('button', { name: /发布产品/ }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('产品名称').fill(PRODUCT);
    await selectOption(drawer, '类型', '设备贷');
    await drawer.getByLabel('最低额度（元）').fill('500000.00');
    await drawer.getByLabel('最高额度（元）').fill('10000000.00');
    await drawer.getByLabel('最短期限（月）').fill('12');
    await drawer.getByLabel('最长期限（月）').fill('72');
    await drawer.getByLabel('最低年利率（如 0.0345）').fill('0.0320');
    await drawer.getByLabel('最高年利率').fill('0.0450');
    await selectOption(drawer, '担保方式', '抵押');
    await drawer.getByLabel('联系人').fill('王经理');
    await drawer.getByLabel('联系电话').fill('0750-3000000');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer
      .getByText(/设备贷款期限最长5年/)
      .first()
      .waitFor();
    // Within the cap it is saved; as a 政银保 product it names its partner insurer.
    await drawer.getByLabel('最长期限（月）').fill('60');
    await selectOption(drawer, '类型', '政银保');
    await selectOption(drawer, '合作保险/担保机构（政银保产品）', '中国人民财产保险股份有限公司江门市分公司');
    await drawer.getByLabel('有效期起').fill('2026-01-01');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('row').filter({ hasText: PRODUCT }).getByText('待审核').waitFor();
    await screenshot(page, 'financing-bank-products');
  });

  it('the city reviewer approves it and the public catalogue lists it', async () => {
    const { page } = city;
    await loginAs(page, 'shiji');
    await page.goto('/city/financing');
    const card = page.getByTestId(`review-${PRODUCT}`);
    await card.getByRole('button', { name: /通\s*过/ }).click();
    await card.waitFor({ state: 'detached' });
    await screenshot(page, 'financing-city');

    await visitor.page.goto('/public/financing');
    await visitor.page.getByRole('row').filter({ hasText: PRODUCT }).waitFor();
    await screenshot(visitor.page, 'financing-catalogue');
  });

  it('an enterprise types its need in one sentence, corrects it, consents, posts it and applies', async () => {
    const { page } = ent;
    await loginAs(page, 'qiye');
    await page.goto('/enterprise/financing');
    await page
      .getByLabel(/一句话描述/)
      .fill('公司年营收3000万元，计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押');
    await page.getByRole('button', { name: /读\s*取/ }).click();
    const reading = page.getByTestId('need-reading');
    await reading.getByText('依据原文：“500万元”').waitFor();
    await reading.getByText(/“3000万元”（营业收入，不是融资金额）/).waitFor();
    await expect(page.getByLabel('最高金额（元）').inputValue()).resolves.toBe('5000000.00');
    // The enterprise corrects what was read: 4,500,000 is enough.
    await page.getByLabel('最低金额（元）').fill('4500000.00');
    await page.getByLabel('最高金额（元）').fill('4500000.00');
    await page.getByLabel('所有合作银行').check();
    await screenshot(page, 'financing-need-read');
    await page.getByRole('button', { name: /发布需求/ }).click();
    const row = page.getByRole('row').filter({ hasText: '¥4,500,000.00' });
    await row.waitFor();
    await row.getByRole('button', { name: /匹配的产品/ }).click();
    const match = page.getByTestId(`match-${PRODUCT}`);
    await match.getByText('各项条件均符合').waitFor();
    await match.getByText(/可提供的“抵押”在产品接受的担保方式/).waitFor();
    await screenshot(page, 'financing-matches');
    await match.getByRole('button', { name: /申\s*请/ }).click();
    await page.getByText(/答复截止日：2026-06-17/).waitFor();
  });

  it('the bank accepts, reports the approval, and the enterprise sees it', async () => {
    const { page } = bank;
    await page.goto('/bank/products');
    await page.getByRole('tab', { name: '对接单' }).click();
    const order = page.getByTestId('bank-orders').getByRole('row').filter({ hasText: PRODUCT });
    await order.getByText('2026-06-17').waitFor();
    await order.getByRole('button', { name: /接\s*单/ }).click();
    await order.getByText('银行已接单，待授信决定').waitFor();
    await order.getByRole('button', { name: /报告授信结果/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('批准金额（元）').fill('4500000.00');
    await dialog.getByLabel('批准年利率（如 0.0350）').fill('0.0350');
    await dialog.getByLabel('批准期限（月）').fill('36');
    await dialog.getByLabel('放款日期').fill('2026-06-15');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await order.getByText('已获批').waitFor();
    await screenshot(page, 'financing-bank-orders');

    await ent.page.reload();
    const mine = ent.page.getByTestId('enterprise-orders').getByRole('row').filter({ hasText: PRODUCT });
    await mine.getByText('已获批').waitFor();
    await mine.getByText(/¥4,500,000.00 · 3.50% · 36 个月/).waitFor();
  });

  it('the bank carries the approved 政银保 loan into the loan register without retyping', async () => {
    const { page } = bank;
    const order = page.getByTestId('bank-orders').getByRole('row').filter({ hasText: PRODUCT });
    await order.getByRole('button', { name: /转入贷款登记/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('¥4,500,000.00').waitFor();
    await dialog.getByText('2026-06-15').waitFor();
    await dialog.getByLabel('贷款合同编号').fill(CONTRACT);
    await screenshot(page, 'financing-register-loan');
    await dialog.getByRole('button', { name: /转入贷款登记/ }).click();
    await order.getByText(`已登记贷款 ${CONTRACT}`).waitFor();
    await expect(order.getByRole('button', { name: /转入贷款登记/ }).count()).resolves.toBe(0);

    await order.getByRole('link', { name: new RegExp(CONTRACT) }).click();
    await page.waitForURL(/\/loans\//);
    await page.getByText(CONTRACT).first().waitFor();
    await page.getByText('¥4,500,000.00').first().waitFor();
    await page.getByTestId('loan-source-order').waitFor();
    await screenshot(page, 'financing-register-loan-detail');

    await ent.page.reload();
    const mine = ent.page.getByTestId('enterprise-orders').getByRole('row').filter({ hasText: PRODUCT });
    await mine.getByText(`已登记贷款 ${CONTRACT}`).waitFor();
  });

  it('a second order goes overdue and appears on the city list', async () => {
    // The enterprise posts a second need for all banks; a bank takes it and then lets it wait.
    const qiye = await apiSession(server, 'qiye');
    const need = await qiye<{ id: string }>('POST', '/api/v1/financing/needs', {
      amountMin: '800000.00',
      amountMax: '800000.00',
      termMinMonths: 12,
      termMaxMonths: 12,
      purpose: 'working_capital',
      guarantee: 'credit',
      wantedBy: null,
      projectId: null,
      description: '补充流动资金',
      sourceText: null,
      exclusive: false,
      consent: { scope: 'all', banks: [] },
    });
    const gonghang = await apiSession(server, 'gonghang');
    const taken = await gonghang<{ id: string; contactDueOn: string }>(
      'POST',
      `/api/v1/financing/needs/${need.id}/take`,
      { productId: null },
    );
    // Taken on Monday 2026-06-15: due in 2 working days (06-17); from 06-18 it is overdue.
    expect(taken.contactDueOn).toBe('2026-06-17');
    await serverTime('2026-06-18T02:00:00Z');

    const { page } = city;
    await loginAs(page, 'shiji');
    await page.goto('/city/financing');
    await page.getByRole('tab', { name: '响应监测' }).click();
    const overdue = page.getByTestId('city-overdue').getByRole('row').filter({ hasText: '¥800,000.00' });
    await overdue.getByText('已逾期').waitFor();
    await overdue.getByText('2026-06-17').waitFor();
    await screenshot(page, 'financing-city-overdue');
    expect([...bank.errors, ...city.errors, ...ent.errors, ...visitor.errors]).toEqual([]);
  });
});
