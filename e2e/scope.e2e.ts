/**
 * A district reviewer sees only its own district: the 蓬江 reviewer can open the 蓬江 manufacturer's page but gets
 * "不存在或无权访问" for the 新会 service provider, even by typing its address.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, type E2EServer, loginAs, newSession, screenshot, startPlatform, stopPlatform } from './fixtures';

let server: E2EServer;
let browser: Browser;
let pengjiangEnterpriseId: string;
let xinhuiEnterpriseId: string;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  const qiye = await apiSession(server, 'qiye');
  pengjiangEnterpriseId = (await qiye<{ id: string }>('GET', '/api/v1/enterprises/me')).id;
  const fuwushang = await apiSession(server, 'fuwushang');
  xinhuiEnterpriseId = (await fuwushang<{ id: string }>('GET', '/api/v1/enterprises/me')).id;
});

afterAll(() => stopPlatform({ server, browser }));

describe('district scope in the browser', () => {
  it('the 蓬江 reviewer sees its district menus and enterprises, and not the 新会 enterprise', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'pengjiang');
    for (const m of ['入库核实', '补贴核查', '企业管理', '项目跟踪']) {
      await page.getByRole('menuitem', { name: new RegExp(m) }).waitFor();
    }
    expect(await page.getByRole('menuitem', { name: /企业信息|审计日志|用户管理|资金分配/ }).count()).toBe(0);
    await page.getByTestId('user-menu').getByText('县（市、区）审核人员').waitFor();
    await page.getByTestId('user-menu').getByText('蓬江区', { exact: true }).waitFor();

    await page.getByRole('menuitem', { name: /企业管理/ }).click();
    await page.waitForURL(/\/district\/enterprises$/);
    const table = page.locator('.ant-table');
    await table.getByRole('link', { name: '江门市蓬江精密五金制造有限公司' }).waitFor();
    expect(await table.getByText('江门智造云科技有限公司').count()).toBe(0);
    await screenshot(page, 'district-enterprises');

    // Its own district's enterprise opens.
    await table.getByRole('link', { name: '江门市蓬江精密五金制造有限公司' }).click();
    await page.waitForURL(new RegExp(`/enterprises/${pengjiangEnterpriseId}$`));
    await page.getByTestId('enterprise-info').getByText('91440703', { exact: false }).waitFor();
    await page.getByRole('heading', { name: '江门市蓬江精密五金制造有限公司' }).waitFor();

    // Another district's enterprise, by typing its address: not found / no access, and no data shown.
    await page.goto(`/enterprises/${xinhuiEnterpriseId}`);
    await page.getByText('页面不存在或无权访问').waitFor();
    await page.getByText('企业不存在或您无权访问').waitFor();
    expect(await page.getByText('江门智造云科技有限公司').count()).toBe(0);
    await screenshot(page, 'district-out-of-scope');

    // A role page of another role is refused too.
    await page.goto('/audit/events');
    await page.getByText('无权访问', { exact: true }).waitFor();
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the 新会 reviewer, in its own context, does open the 新会 enterprise', async () => {
    const s = await newSession(browser, server);
    await loginAs(s.page, 'xinhui');
    await s.page.goto(`/enterprises/${xinhuiEnterpriseId}`);
    await s.page.getByRole('heading', { name: '江门智造云科技有限公司' }).waitFor();
    await s.page.goto(`/enterprises/${pengjiangEnterpriseId}`);
    await s.page.getByText('企业不存在或您无权访问').waitFor();
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('the city administrator lands on 资源池与信用: the pool members and the credit standings to watch', async () => {
    const admin = await apiSession(server, 'admin');
    await admin('POST', `/api/v1/enterprises/${pengjiangEnterpriseId}/credit-standing`, {
      status: 'abnormal',
      source: '国家企业信用信息公示系统',
      asOf: '2026-06-01',
    });
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'admin');
    await page.getByRole('menuitem', { name: /资源池与信用/ }).click();
    await page.getByRole('heading', { name: '资源池与信用' }).waitFor();
    expect(await page.getByText('建设中').count()).toBe(0);
    await page.getByTestId('pool-members').getByText('江门智造云科技有限公司').waitFor();
    await page.getByTestId('pool-members').getByText('2024-03-15').waitFor();
    const credit = page.getByTestId('credit-attention');
    await credit.getByText('国家企业信用信息公示系统').waitFor();
    await credit.locator('a').first().click();
    await page.waitForURL(`**/enterprises/${pengjiangEnterpriseId}`);
    await screenshot(page, 'admin-resource-pool');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
