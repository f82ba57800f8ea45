/** The audit administrator finds the sign-in events, sees their details, exports a real xlsx and verifies the chain. */
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type E2EServer, loginAs, newSession, screenshot, startPlatform, stopPlatform } from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  // Some history to find: a sign-in by the enterprise user and a failed one.
  await apiSession(server, 'qiye');
  await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'shiji', password: 'wrong-password' }),
  });
});

afterAll(() => stopPlatform({ server, browser }));

describe('audit administrator', () => {
  it('searches sign-in events, opens one, exports xlsx and csv, and verifies the chain', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'shenji');
    await page.waitForURL(/\/audit\/events$/);
    expect(await page.getByRole('menuitem', { name: /用户管理|企业管理|贷款登记/ }).count()).toBe(0);

    // Filter by action: sign-ins.
    await page.getByLabel('操作', { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.filter({ hasText: '陈立新（蓬江精密五金）' }).first().waitFor();
    await rows.filter({ hasText: '审计管理员' }).first().waitFor();
    const actions = await page.getByTestId('audit-action').allTextContents();
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(actions)).toEqual(new Set(['登录']));
    await page.keyboard.press('Escape');
    await screenshot(page, 'audit-search');

    // Details drawer of the enterprise user's sign-in.
    await rows
      .filter({ hasText: '陈立新（蓬江精密五金）' })
      .first()
      .getByRole('button', { name: /详\s*情/ })
      .click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText('变更前后对比').waitFor();
    await drawer.getByText('auth.login', { exact: true }).waitFor();
    await screenshot(page, 'audit-detail');
    await drawer.getByRole('button', { name: /close|关闭/i }).click();

    // Failed sign-ins are labelled in Chinese too.
    await page.getByLabel('操作', { exact: true }).fill('auth.login_failed');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.getByTestId('audit-action').filter({ hasText: '登录失败' }).first().waitFor();

    // Export xlsx: a real Office Open XML workbook (a zip with xl/workbook.xml).
    await page.getByLabel('操作', { exact: true }).fill('auth.login');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await rows.first().waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const xlsxBytes = fs.readFileSync((await xlsx.path())!);
    expect(xlsxBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(xlsxBytes.includes(Buffer.from('xl/workbook.xml'))).toBe(true);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = fs.readFileSync((await csv.path())!, 'utf8');
    expect(csvText).toContain('登录');
    expect(csvText).not.toContain('登录失败'); // the filter applies to exports

    // Chain verification.
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText('审计日志完整，未发现篡改').waitFor();
    await screenshot(page, 'audit-verify');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
