/** A new enterprise registers through the form, signs in, sees its menus and profile, and signs out. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc, usccCheckChar } from '../src/domain/enterprise/uscc';
import { type E2EServer, loginAs, logout, newSession, screenshot, startPlatform, stopPlatform } from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
});

afterAll(() => stopPlatform({ server, browser }));

const ENTERPRISE_MENUS = ['企业信息', '项目申报', '贴息申请', '融资需求', '政策匹配'];

describe('enterprise registration → sign-in → sign-out', () => {
  it('registers through the form with live USCC feedback and server-side field errors', async () => {
    const uscc = completeUscc('91440704MA5A7K3Q'); // 江海区, a fresh code with both check characters right
    const s = await newSession(browser, server);
    const { page } = s;

    await page.goto('/login');
    await page.getByRole('link', { name: '企业注册' }).click();
    await page.getByRole('heading', { name: '企业注册' }).waitFor();

    // Live check-character feedback while typing the code.
    const usccInput = page.getByLabel('统一社会信用代码');
    await usccInput.fill(uscc.slice(0, 17));
    await page
      .getByTestId('uscc-next')
      .getByText(`第 18 位校验码应为 ${usccCheckChar(uscc.slice(0, 17))}`)
      .waitFor();
    const wrong = uscc.slice(0, 17) + (uscc[17] === '1' ? '2' : '1');
    await usccInput.fill(wrong);
    await page.getByTestId('uscc-problem').getByText(`第 18 位校验码应为 ${uscc[17]}`).waitFor();
    await usccInput.fill(uscc);
    await page
      .getByTestId('uscc-ok')
      .getByText(/校验通过：市场监督管理（工商） · 企业 · 登记机关所在地 江海区/)
      .waitFor();

    await page.getByLabel('企业名称').fill('江门市江海智能装备有限公司');
    // The district was filled in from the code's division (440704 江海区).
    await page
      .locator('.ant-select-content, .ant-select-selection-item')
      .filter({ hasText: '江海区' })
      .first()
      .waitFor();
    await page.getByLabel('成立日期').fill('2018-06-01');
    await page.getByLabel('成立日期').press('Enter');
    await page.getByLabel('注册地址').fill('江门市江海区高新技术开发区科苑西路 8 号');
    await page.getByLabel('经营地址').fill('江门市江海区高新技术开发区科苑西路 8 号');
    await page.getByLabel('联系人', { exact: true }).fill('李志强');
    await page.getByLabel('联系电话').fill('0750-3501234');
    await page.getByLabel('用户名').fill('jianghai_zn');
    await page.getByLabel('姓名', { exact: true }).fill('李志强');
    await page.getByLabel('密码', { exact: true }).fill('Zhineng@2026');
    await page.getByLabel('确认新密码').fill('Zhineng@2026');

    // A bad phone number is refused in the browser by the shared schema, naming the field.
    await page.getByLabel('联系电话').fill('12345');
    await page.getByRole('button', { name: '提交注册' }).click();
    // the error names the field by its Chinese label only, no field key
    const phoneError = page.locator('.ant-form-item-explain-error').filter({ hasText: /^联系电话/ });
    await phoneError.first().waitFor();
    expect(await phoneError.first().textContent()).not.toMatch(/[A-Za-z]{3,}/);
    await page.getByLabel('联系电话').fill('0750-3501234');
    await screenshot(page, 'register-form');

    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册成功', { exact: true }).waitFor();
    await page.getByText('企业管理员账号 jianghai_zn 已创建').waitFor();

    // Registering the same code again is refused with the server's message under the USCC field.
    const again = await newSession(browser, server);
    await again.page.goto('/register');
    await again.page.getByLabel('统一社会信用代码').fill(uscc);
    await again.page.getByLabel('企业名称').fill('重复注册测试有限公司');
    await again.page.getByLabel('成立日期').fill('2019-01-01');
    await again.page.getByLabel('成立日期').press('Enter');
    await again.page.getByLabel('注册地址').fill('江门市江海区');
    await again.page.getByLabel('经营地址').fill('江门市江海区');
    await again.page.getByLabel('联系人', { exact: true }).fill('王五');
    await again.page.getByLabel('联系电话').fill('13800138000');
    await again.page.getByLabel('用户名').fill('dup_user');
    await again.page.getByLabel('姓名', { exact: true }).fill('王五');
    await again.page.getByLabel('密码', { exact: true }).fill('Chongfu@2026');
    await again.page.getByLabel('确认新密码').fill('Chongfu@2026');
    await again.page.getByRole('button', { name: '提交注册' }).click();
    await again.page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /^统一社会信用代码 \S+ 已被注册$/ })
      .waitFor();
    expect(again.errors).toEqual([]);
    await again.close();

    // Sign in with the new account.
    await page.getByRole('button', { name: '去登录' }).click();
    await page.waitForURL(/\/login/);
    expect(await page.getByLabel('用户名').inputValue()).toBe('jianghai_zn');
    await loginAs(page, 'jianghai_zn', 'Zhineng@2026');
    await page.waitForURL(/\/enterprise\/profile$/);
    for (const m of ENTERPRISE_MENUS) await page.getByRole('menuitem', { name: new RegExp(m) }).waitFor();
    // No menus of other roles.
    expect(await page.getByRole('menuitem', { name: /审计日志|用户管理|入库核实/ }).count()).toBe(0);
    const info = page.getByTestId('enterprise-info');
    await info.getByText('江门市江海智能装备有限公司').waitFor();
    await info.getByText(uscc).waitFor();
    await info.getByText('江海区', { exact: true }).waitFor();
    await page.getByTestId('user-menu').getByText('李志强').waitFor();
    await page.getByTestId('user-menu').getByText('企业用户').waitFor();
    await screenshot(page, 'enterprise-profile');

    // The administrator edits the profile: a malformed ID number is refused under its field, then the change saves.
    await page.getByRole('button', { name: '修改企业信息' }).click();
    const edit = page.locator('.ant-drawer');
    await edit.getByLabel('经营地址').fill('江门市江海区高新区金瓯路 8 号');
    await edit.getByLabel('法定代表人身份证号码').fill('12345');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await edit.locator('.ant-form-item-explain-error').first().waitFor();
    await edit.getByLabel('法定代表人身份证号码').fill('');
    await edit.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').first().waitFor();
    await info.getByText('江门市江海区高新区金瓯路 8 号').waitFor();

    await logout(page);
    await page.getByRole('button', { name: /^登\s*录$/ }).waitFor();
    await page.goto('/enterprise/profile');
    await page.waitForURL(/\/login\?next=%2Fenterprise%2Fprofile/);
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
