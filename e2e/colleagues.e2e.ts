/**
 * Gaps closed for people, not just the API: an enterprise's administrator manages colleague accounts (temporary
 * password shown once, disable ends the colleague's access); the city administrator records a credit standing and
 * reads the history, which the enterprise sees too; the city administrator watches the outbox and dispatches it.
 * One browser context per person.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  loginAs,
  logout,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
let qiye: RoleSession;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  qiye = await newSession(browser, server);
  await loginAs(qiye.page, 'qiye');
});

afterAll(async () => {
  await qiye?.close();
  await stopPlatform({ server, browser });
});

const COLLEAGUE = { username: 'chen_xm', name: '陈晓明' };
const NEW_PASSWORD = 'Wujin#Chen2026';

/**
 * Signs in through the form and reaches the workbench. If the platform asks for a new password first (an
 * account whose password an administrator set), completes that dialog with `newPassword`.
 */
async function signInReachingWorkbench(page: Page, username: string, password: string, newPassword: string) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '修改密码' });
  const workbench = page.getByRole('menuitem', { name: /企业信息/ });
  await Promise.race([dialog.waitFor(), workbench.waitFor()]);
  await page.waitForLoadState('networkidle').catch(() => {});
  if (await dialog.isVisible()) {
    const current = dialog.getByLabel('当前密码');
    if ((await current.count()) > 0 && (await current.inputValue()) === '') await current.fill(password);
    await dialog.getByLabel('新密码', { exact: true }).fill(newPassword);
    await dialog.getByLabel('确认新密码').fill(newPassword);
    await dialog.locator('.ant-modal-footer .ant-btn-primary, button[type="submit"]').first().click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await workbench.waitFor();
  await page.getByTestId('user-menu').waitFor();
}

async function confirmPopover(page: Page, title: string | RegExp) {
  const pop = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: title });
  await pop.waitFor();
  await pop.locator('.ant-btn-primary').click();
  await pop.waitFor({ state: 'hidden' });
}

describe('企业账号管理: the enterprise administrator manages colleagues', () => {
  it('adds a colleague (temporary password shown once), who signs in; disabled, they cannot any more', async () => {
    const { page } = qiye;
    await page.getByRole('menuitem', { name: /企业账号管理/ }).click();
    await page.waitForURL(/\/enterprise\/colleagues$/);
    await page.getByRole('heading', { name: '企业账号管理' }).waitFor();
    const table = page.getByTestId('colleagues');
    const own = table.locator('tr').filter({ hasText: 'qiye' });
    await own.getByText('企业管理员').waitFor();
    await own.getByText('本人').waitFor();
    expect(await own.getByRole('button').count()).toBe(0); // no actions on one's own account

    // A taken username: the server's Chinese message under the field.
    await page.getByRole('button', { name: /添加同事/ }).click();
    const add = page.getByRole('dialog').filter({ hasText: '添加同事账号' });
    await add.waitFor();
    await add.getByLabel('姓名').fill(COLLEAGUE.name);
    await add.getByLabel('用户名').fill('qiye');
    await add.getByRole('button', { name: /创\s*建/ }).click();
    await add.locator('.ant-form-item-explain-error').filter({ hasText: '用户名“qiye”已被使用' }).waitFor();
    // A malformed one is refused in the browser by the shared schema.
    await add.getByLabel('用户名').fill('陈');
    await add
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /用户名/ })
      .first()
      .waitFor();

    await add.getByLabel('用户名').fill(COLLEAGUE.username);
    await add.getByRole('button', { name: /创\s*建/ }).click();
    await add.waitFor({ state: 'hidden' });

    const once = page.getByRole('dialog').filter({ hasText: '临时密码（仅显示一次）' });
    await once.waitFor();
    await once.getByText(`账号 ${COLLEAGUE.username} 的临时密码如下`).waitFor();
    await once.getByText('临时密码只显示这一次，关闭本窗口后无法再次查看').waitFor();
    await once.getByRole('button', { name: /复制密码/ }).waitFor();
    const temporary = (await once.getByTestId('temp-password').innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'colleagues-temporary-password');
    await once.getByRole('button', { name: '我已妥善保存' }).click();
    await once.waitFor({ state: 'hidden' });

    const row = table.locator('tr').filter({ hasText: COLLEAGUE.username });
    await row.getByText('正常').waitFor();
    await row.getByText(COLLEAGUE.name).waitFor();
    // Gone for good: the password is nowhere on the page any more.
    expect(await page.getByText(temporary).count()).toBe(0);
    await screenshot(page, 'colleagues');

    // The colleague signs in (changing the password if asked) and reaches the workbench of the same enterprise.
    const colleague = await newSession(browser, server);
    await signInReachingWorkbench(colleague.page, COLLEAGUE.username, temporary, NEW_PASSWORD);
    await colleague.page.getByTestId('user-menu').getByText(COLLEAGUE.name).waitFor();
    await colleague.page.goto('/enterprise/profile');
    await colleague.page.getByTestId('enterprise-info').getByText('江门市蓬江精密五金制造有限公司').waitFor();
    // Not an administrator: the accounts page explains instead of listing.
    await colleague.page.goto('/enterprise/colleagues');
    await colleague.page.getByText('只有本企业的管理员可以管理企业账号').waitFor();
    expect(await colleague.page.getByTestId('colleagues').count()).toBe(0);

    // The administrator disables the colleague.
    await page.reload();
    await row.getByText('正常').waitFor();
    await row.getByRole('button', { name: /停\s*用/ }).click();
    await confirmPopover(page, `确定停用 ${COLLEAGUE.name} 的账号`);
    await row.getByText('已停用').waitFor();
    await page.getByText(`已停用 ${COLLEAGUE.name} 的账号`).waitFor();

    // The colleague's session ended, and signing in again is refused (with either password).
    await colleague.page.goto('/enterprise/profile');
    await colleague.page.waitForURL(/\/login/);
    for (const password of [temporary, NEW_PASSWORD]) {
      await colleague.page.getByLabel('用户名').fill(COLLEAGUE.username);
      await colleague.page.getByLabel('密码').fill(password);
      await colleague.page.getByRole('button', { name: /^登\s*录$/ }).click();
      await colleague.page.getByText('用户名或密码错误').first().waitFor();
      expect(new URL(colleague.page.url()).pathname).toBe('/login');
    }
    expect(colleague.errors).toEqual([]);
    await colleague.close();

    // Enabled again, then a password reset shows a new temporary password once.
    await row.getByRole('button', { name: /启\s*用/ }).click();
    await confirmPopover(page, `确定启用 ${COLLEAGUE.name} 的账号`);
    await row.getByText('正常').waitFor();
    await row.getByRole('button', { name: /重置密码/ }).click();
    await confirmPopover(page, `确定重置 ${COLLEAGUE.name} 的密码`);
    await once.waitFor();
    const reset = (await once.getByTestId('temp-password').innerText()).trim();
    expect(reset).not.toBe(temporary);
    await once.getByRole('button', { name: '我已妥善保存' }).click();
    await once.waitFor({ state: 'hidden' });
    expect(qiye.errors).toEqual([]);
  });
});

describe('credit standing history', () => {
  it('the city administrator records a standing and reads the history; the enterprise sees it too', async () => {
    const admin = await newSession(browser, server);
    const { page } = admin;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /企业管理/ }).click();
    await page.getByRole('link', { name: '江门市蓬江精密五金制造有限公司' }).click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}$/);
    const history = page.getByTestId('credit-history');
    await history.getByText('暂无信用状况变更记录').waitFor();

    await history.getByRole('button', { name: /变更信用状况/ }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '变更企业信用状况' });
    await dialog.waitFor();
    await selectOption(dialog, '信用状况', '列入经营异常名录');
    await dialog.getByLabel('信息来源').fill('国家企业信用信息公示系统');
    await dialog.getByLabel('信息日期').fill('2026-06-01');
    await dialog.getByLabel('信息日期').press('Enter');
    await dialog.getByLabel('备注').fill('列入经营异常名录（未按时报送年报）');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('信用状况已变更为“列入经营异常名录”').waitFor();

    const entry = history.locator('tbody tr').filter({ hasText: '国家企业信用信息公示系统' });
    await entry.waitFor();
    for (const text of [
      '信用良好',
      '列入经营异常名录',
      '2026-06-01',
      '列入经营异常名录（未按时报送年报）',
      '市工信局业务管理员',
    ])
      await entry.getByText(text).first().waitFor();
    // The standing shown in the facts follows.
    await page.getByTestId('enterprise-info').getByText('列入经营异常名录', { exact: true }).waitFor();
    // The same history as a timeline.
    await history.getByText('时间线').click();
    await history
      .locator('.ant-timeline')
      .getByText(/信息来源：国家企业信用信息公示系统/)
      .waitFor();
    await screenshot(page, 'credit-history');
    expect(admin.errors).toEqual([]);
    await admin.close();

    // The enterprise reads its own history on its profile page.
    await qiye.page.goto('/enterprise/profile');
    const own = qiye.page.getByTestId('credit-history');
    await own
      .locator('tbody tr')
      .filter({ hasText: '国家企业信用信息公示系统' })
      .getByText('列入经营异常名录', { exact: true })
      .waitFor();
    expect(await own.getByRole('button', { name: /变更信用状况/ }).count()).toBe(0);
  });
});

describe('outbox', () => {
  it('the city administrator lists the outbox and dispatches it', async () => {
    const admin = await newSession(browser, server);
    const { page } = admin;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /短信\/邮件发件箱/ }).click();
    await page.getByRole('heading', { name: '短信/邮件发件箱' }).waitFor();
    await page.getByTestId('outbox').locator('.ant-table-thead').getByText('尝试次数').waitFor();
    await page.getByRole('button', { name: /立即投递/ }).click();
    await confirmPopover(page, '立即投递所有到期待发的短信/邮件');
    await page.getByTestId('dispatch-result').waitFor();
    expect(await page.getByTestId('dispatch-result').innerText()).toMatch(/没有到期待发的短信\/邮件|本次取出 \d+ 条/);
    expect(admin.errors).toEqual([]);
    await logout(page);
    await admin.close();

    // Not for an enterprise: no menu, and the page is refused.
    expect(await qiye.page.getByRole('menuitem', { name: /发件箱/ }).count()).toBe(0);
  });
});
