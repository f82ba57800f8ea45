/**
 * The security administrator creates a district reviewer account; the reviewer signs in, must first replace the
 * password the administrator set (a dialog that cannot be dismissed), and then works with its district's menus.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  loginAs,
  logout,
  newSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
});

afterAll(() => stopPlatform({ server, browser }));

async function choose(page: Page, label: string, option: string) {
  await selectOption(page.getByRole('dialog'), label, option);
}

describe('security administrator', () => {
  it('creates a district reviewer; a duplicate username is refused under the field; the new reviewer changes the password, then works', async () => {
    const admin = await newSession(browser, server);
    const { page } = admin;
    await loginAs(page, 'anquan');
    await page.waitForURL(/\/security\/users$/);
    for (const m of ['用户管理', '接口令牌']) await page.getByRole('menuitem', { name: new RegExp(m) }).waitFor();
    expect(await page.getByRole('menuitem', { name: /审计日志|企业管理/ }).count()).toBe(0);
    await page.locator('.ant-table-tbody').getByText('pengjiang', { exact: true }).waitFor();

    // A taken username: the server's message appears under the username field.
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog');
    await choose(page, '角色', '县（市、区）审核人员');
    await choose(page, '所属县（市、区）', '江海区');
    await dialog.getByLabel('用户名').fill('pengjiang');
    await dialog.getByLabel('姓名').fill('重复账号');
    await dialog.getByLabel('初始密码').fill('Jianghai@2026');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog.locator('.ant-form-item-explain-error').filter({ hasText: '用户名“pengjiang”已被使用' }).waitFor();

    // A weak password is refused in the browser by the shared password policy.
    await dialog.getByLabel('用户名').fill('jianghai');
    await dialog.getByLabel('初始密码').fill('12345678');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await dialog
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /至少 3 类/ })
      .waitFor();

    await dialog.getByLabel('姓名').fill('江海区工信局审核员');
    await dialog.getByLabel('初始密码').fill('Haijiang@2026');
    await screenshot(page, 'users-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByText('账号 jianghai 已创建').waitFor();
    const row = page.locator('.ant-table-tbody tr').filter({ hasText: 'jianghai' });
    await row.getByText('江海区工信局审核员').waitFor();
    await row.getByText('县（市、区）审核人员').waitFor();
    await row.getByText('江海区', { exact: true }).waitFor();
    await row.getByText('待本人改密').waitFor();
    await screenshot(page, 'users-list');
    await logout(page);
    expect(admin.errors).toEqual([]);
    await admin.close();

    // The new reviewer signs in (own context, own cookies): the administrator chose the password, so the first thing
    // is a password-change dialog that neither Esc nor a click outside closes, and no page behind it.
    const reviewer = await newSession(browser, server);
    await loginAs(reviewer.page, 'jianghai', 'Haijiang@2026');
    const forced = reviewer.page.getByRole('dialog').filter({ hasText: '请先修改密码' });
    await forced.getByText('您的密码由管理员设置（临时密码）').waitFor();
    await reviewer.page.keyboard.press('Escape');
    await reviewer.page.mouse.click(5, 5);
    await forced.getByText('您的密码由管理员设置（临时密码）').waitFor();
    expect(await forced.getByRole('button', { name: /取\s*消/ }).count()).toBe(0);
    expect(await reviewer.page.locator('main .ant-table').count()).toBe(0);
    await screenshot(reviewer.page, 'users-forced-password-change');
    await forced.getByLabel('当前密码（临时密码）').fill('Haijiang@2026');
    await forced.getByLabel('新密码', { exact: true }).fill('Reviewer#Own2026');
    await forced.getByLabel('确认新密码').fill('Reviewer#Own2026');
    await forced.getByRole('button', { name: /保\s*存/ }).click();
    await reviewer.page.getByText('密码已修改').waitFor();
    await forced.waitFor({ state: 'hidden' });

    // Then it carries on with the district reviewer's menus.
    for (const m of ['入库核实', '补贴核查', '企业管理', '项目跟踪']) {
      await reviewer.page.getByRole('menuitem', { name: new RegExp(m) }).waitFor();
    }
    await reviewer.page.getByTestId('user-menu').getByText('江海区', { exact: true }).waitFor();
    await reviewer.page.getByRole('menuitem', { name: /企业管理/ }).click();
    // Only 江海区 enterprises: every row's district is 江海区, and the 蓬江 manufacturer is not listed.
    await reviewer.page
      .getByText(/^共 \d+ 条$/)
      .or(reviewer.page.locator('.ant-table .ant-empty'))
      .first()
      .waitFor();
    const districts = await reviewer.page
      .locator('.ant-table-tbody tr.ant-table-row td:nth-child(3)')
      .allTextContents();
    expect(districts.every((d) => d === '江海区')).toBe(true);
    expect(await reviewer.page.getByText('江门市蓬江精密五金制造有限公司').count()).toBe(0);
    expect(reviewer.errors).toEqual([]);
    await reviewer.close();
  });

  it('the audit trail shows the account creation with its after-values', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'shenji');
    await page.getByLabel('操作', { exact: true }).fill('user.created');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '创建账号' });
    await row
      .first()
      .getByRole('button', { name: /详\s*情/ })
      .click();
    const drawer = page.locator('.ant-drawer');
    const diff = drawer.locator('.diff-table');
    await diff.getByText('jianghai', { exact: true }).waitFor();
    await diff.getByText('district_reviewer', { exact: true }).waitFor();
    await diff.getByText('440704', { exact: true }).waitFor();
    await diff.getByText('mustChangePassword').waitFor();
    expect(await diff.getByText('Haijiang@2026').count()).toBe(0);
    await screenshot(page, 'audit-user-created');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
