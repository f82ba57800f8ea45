/**
 * 政银保 loans in the browser: the 工商银行 officer records a loan and a repayment, bulk-imports a CSV (a file with an
 * error is refused with the row listed, then a good file is checked and imported); 人保财险 and the enterprise see
 * the loan; another bank does not.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOAN_COLUMNS } from '../src/domain/loans/import';
import {
  apiSession,
  type E2EServer,
  e2eChinaDay,
  loginAs,
  newSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
let uscc: string;
let enterpriseName: string;
const contractNo = `GH-ZYB-${Date.now() % 100000}`;

/** A Beijing day `daysAgo` before the journeys' clock, as YYYY-MM-DD. */
function chinaDay(daysAgo: number): string {
  return e2eChinaDay(-daysAgo);
}

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  const qiye = await apiSession(server, 'qiye');
  const me = await qiye<{ uscc: string; name: string }>('GET', '/api/v1/enterprises/me');
  uscc = me.uscc;
  enterpriseName = me.name;
});

afterAll(() => stopPlatform({ server, browser }));

function csv(rows: string[][]): Buffer {
  const lines = [LOAN_COLUMNS.map((c) => c.header), ...rows].map((r) => r.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('a bank records loans; insurer and enterprise see them', () => {
  it('the bank officer records a loan and a repayment in the browser', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'gonghang');
    await page.waitForURL(/\/bank\/loans$/);
    await page.getByRole('heading', { name: '贷款登记' }).waitFor();
    await page.getByTestId('loan-new').click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByLabel('借款企业统一社会信用代码').fill(uscc);
    await drawer.getByLabel('贷款合同编号').fill(contractNo);
    await drawer.getByLabel('贷款金额（元）').fill('2000000.00');
    await drawer.getByLabel('年利率').fill('0.0365');
    const when = drawer.getByLabel('放款时间（北京时间）');
    await when.click();
    await when.fill(`${chinaDay(40)} 10:30`);
    await when.press('Enter');
    await selectOption(drawer, '保险/担保机构', '中国人民财产保险');
    await screenshot(page, 'loans-record-form');
    await drawer.getByTestId('loan-submit').click();

    await page.waitForURL(/\/loans\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: new RegExp(contractNo) }).waitFor();
    await page.getByText(enterpriseName).first().waitFor();
    await page.getByText('¥2,000,000.00').first().waitFor();
    await page.getByText('3.65%').waitFor();

    await page.getByTestId('repayment-new').click();
    const modal = page.locator('.ant-modal');
    const due = modal.getByLabel('应还日期');
    await due.click();
    await due.fill(chinaDay(10));
    await due.press('Enter');
    const paid = modal.getByLabel('实还日期');
    await paid.click();
    await paid.fill(chinaDay(10));
    await paid.press('Enter');
    await modal.getByLabel('实还利息（元）').fill('6083.33');
    await modal.getByRole('button', { name: /登记还款/ }).click();
    await page.locator('.ant-table-tbody').getByText('¥6,083.33').waitFor();
    await screenshot(page, 'loans-detail');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the bank imports a CSV: a file with an error is refused with its row; a good file is checked, then imported', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'gonghang');
    await page.getByRole('menuitem', { name: /批量导入/ }).click();
    await page.waitForURL(/\/bank\/import$/);
    const good = [
      uscc,
      '',
      `${contractNo}-B`,
      '流动资金贷款',
      '800000.00',
      '3.5%',
      '24',
      `${chinaDay(20)} 09:00`,
      '江门融资担保',
      '',
      '',
    ];
    const bad = [
      uscc,
      '',
      `${contractNo}-C`,
      '设备贷款',
      '-1',
      '0.04',
      '36',
      `${chinaDay(20)} 09:00`,
      '江门融资担保',
      '',
      '',
    ];
    const input = page.locator('input[type=file]');
    await input.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: csv([good, bad]) });
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.getByText('文件有错误，未导入任何数据').waitFor();
    const row = errors.locator('.ant-table-tbody tr').filter({ hasText: '贷款金额（元）' });
    await row.getByText('3', { exact: true }).waitFor();
    await screenshot(page, 'loans-import-errors');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);

    await input.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: csv([good]) });
    await page.getByTestId('import-check').click();
    await page.getByText('检查通过，可以导入').waitFor();
    await page.getByTestId('import-confirm').click();
    await page.getByText('导入完成').waitFor();
    await page.getByText(/新增贷款 1 笔/).waitFor();
    await screenshot(page, 'loans-import-done');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the insurer and the enterprise see the loan; another bank does not', async () => {
    const renbao = await newSession(browser, server);
    await loginAs(renbao.page, 'renbao');
    await renbao.page.waitForURL(/\/insurer\/loans$/);
    await renbao.page.locator('.ant-table').getByRole('link', { name: contractNo, exact: true }).waitFor();
    await screenshot(renbao.page, 'loans-insurer');
    await renbao.close();

    const qiye = await newSession(browser, server);
    await loginAs(qiye.page, 'qiye');
    await qiye.page.getByRole('menuitem', { name: /贷款登记/ }).click();
    await qiye.page.getByRole('heading', { name: '我的政银保贷款' }).waitFor();
    const link = qiye.page.locator('.ant-table').getByRole('link', { name: contractNo, exact: true });
    await link.waitFor();
    await qiye.page
      .locator('.ant-table')
      .getByRole('link', { name: `${contractNo}-B` })
      .waitFor();
    await link.click();
    await qiye.page.locator('.ant-table-tbody').getByText('¥6,083.33').first().waitFor();
    expect(await qiye.page.getByTestId('repayment-new').count()).toBe(0);
    const loanUrl = qiye.page.url();
    expect(qiye.errors).toEqual([]);
    await qiye.close();

    const other = await newSession(browser, server);
    await loginAs(other.page, 'nongshang');
    await other.page.waitForURL(/\/bank\/loans$/);
    await other.page.locator('.ant-table').waitFor();
    expect(await other.page.getByText(contractNo).count()).toBe(0);
    await other.page.goto(new URL(loanUrl).pathname);
    await other.page.getByText('贷款不存在或您无权访问').waitFor();
    await other.close();
  });

  it('the bank corrects the loan, records an extension, and cancels a loan recorded in error', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'gonghang');
    await page.waitForURL(/\/bank\/loans$/);
    await page.locator('.ant-table').getByRole('link', { name: contractNo, exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(contractNo) }).waitFor();

    // 更正: the rate, with a reason; the history shows before → after.
    await page.getByTestId('loan-correct').click();
    const drawer = page.locator('.ant-drawer').filter({ hasText: '更正贷款登记信息' });
    await drawer.getByLabel('年利率').fill('0.0375');
    await drawer.getByLabel('更正原因').fill('年利率录入错误，以合同为准');
    await drawer.getByTestId('loan-correct-submit').click();
    await drawer.waitFor({ state: 'hidden' });
    const corrections = page.getByTestId('loan-corrections');
    await corrections.getByText('年利率：0.0365 → 0.0375').waitFor();
    await corrections.getByText('年利率录入错误，以合同为准').waitFor();
    await page.getByText('3.75%').waitFor();

    // 登记展期: 48 months from disbursement (equipment loans up to 60).
    const disbursed = chinaDay(40);
    const newMaturity = `${Number(disbursed.slice(0, 4)) + 4}${disbursed.slice(4)}`;
    await page.getByTestId('loan-extend').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '登记展期协议' });
    await modal.getByText('展期后到期日须晚于当前到期日').waitFor();
    await modal.getByLabel('展期协议编号').fill(`ZQ-${contractNo}`);
    const agreed = modal.getByLabel('展期协议签订日期');
    await agreed.click();
    await agreed.fill(chinaDay(1));
    await agreed.press('Enter');
    const matures = modal.getByLabel('展期后到期日');
    await matures.click();
    await matures.fill(newMaturity);
    await matures.press('Enter');
    await modal.getByRole('button', { name: /登记展期/ }).click();
    await modal.waitFor({ state: 'hidden' });
    const extensions = page.getByTestId('loan-extensions');
    await extensions.getByText(`ZQ-${contractNo}`).waitFor();
    await extensions.getByText(newMaturity).waitFor();
    await page.getByText('已展期').waitFor();
    await screenshot(page, 'loans-corrected-extended');

    // 作废: the imported loan recorded in error.
    await page.goto(`${new URL(page.url()).origin}/bank/loans`);
    await page
      .locator('.ant-table')
      .getByRole('link', { name: `${contractNo}-B` })
      .click();
    await page.getByRole('heading', { name: new RegExp(`${contractNo}-B`) }).waitFor();
    await page.getByTestId('loan-cancel').click();
    const cancel = page.locator('.ant-modal').filter({ hasText: '作废误登记的贷款' });
    await cancel.getByLabel('作废原因').fill('重复登记，作废');
    await cancel.getByRole('button', { name: /作\s*废/ }).click();
    await cancel.waitFor({ state: 'hidden' });
    await page
      .getByTestId('loan-cancelled')
      .getByText(/重复登记，作废/)
      .waitFor();
    expect(await page.getByTestId('loan-correct').count()).toBe(0);

    // Lists show it as 已作废 and filter by it.
    await page.goto(`${new URL(page.url()).origin}/bank/loans`);
    await page.getByTestId('loan-status-filter').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '已作废' }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The active loan leaves the filtered list; the cancelled one stays, tagged 已作废.
    await page
      .locator('.ant-table')
      .getByRole('link', { name: contractNo, exact: true })
      .waitFor({ state: 'detached' });
    const row = page.locator('.ant-table-tbody tr').filter({ hasText: `${contractNo}-B` });
    await row.getByText('已作废').waitFor();
    await screenshot(page, 'loans-cancelled-filter');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
