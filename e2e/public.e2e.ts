/** Public services without sign-in: policy library with source texts, subsidy calculator, eligibility self-check, calendar. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type E2EServer,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
let s: RoleSession;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  s = await newSession(browser, server);
});

afterAll(async () => {
  await s?.close();
  await stopPlatform({ server, browser });
});

describe('public services', () => {
  it('reaches the public pages from the login screen and reads a policy with its source text', async () => {
    const { page } = s;
    await page.goto('/login');
    await page.getByRole('link', { name: /政策库/ }).click();
    await page.waitForURL(/\/public\/policies$/);
    const list = page.getByTestId('policy-list');
    await list.getByText('“政银保”融资项目促进制造业数字化转型贷款贴息').waitFor();
    expect(await list.locator('.ant-card').count()).toBeGreaterThan(10);
    await screenshot(page, 'public-policies', { fullPage: false });
    // Open the 政银保 rules' source document.
    await list
      .getByRole('button', { name: /江工信工业互联网〔2023〕33号《/ })
      .first()
      .click();
    await page
      .getByTestId('source-text')
      .getByText(/第五条/)
      .first()
      .waitFor();
    await screenshot(page, 'public-policy-source', { fullPage: false });
    await page.keyboard.press('Escape');
    // Search narrows the list.
    await page.getByRole('searchbox', { name: '搜索政策名称、文号' }).fill('质量奖');
    await expect.poll(() => list.locator('.ant-card').count()).toBeLessThan(8);
  });

  it('computes a subsidy with the steps and puts a bad amount under its field', async () => {
    const { page } = s;
    await page.goto('/public/policies');
    await page.getByRole('menuitem', { name: /贴息计算器/ }).click();
    await page.waitForURL(/\/public\/calculator$/);
    await page.getByLabel('贷款利息 I（元）').fill('45000');
    await page.getByLabel('贷款金额 LV（元）').fill('1000000.00');
    await page.getByLabel('数字化转型项目实际投入 IN（元）').fill('12.345');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await page
      .locator('.ant-form-item-explain-error')
      .filter({ hasText: /数字化转型项目实际投入/ })
      .waitFor();
    await page.getByLabel('数字化转型项目实际投入 IN（元）').fill('800000.00');
    await page.getByRole('button', { name: /计\s*算/ }).click();
    await page.getByTestId('subsidy-amount').getByText('¥32,400.00').waitFor();
    await page.getByText('叁万贰仟肆佰元整').first().waitFor();
    await page
      .getByTestId('subsidy-explanation')
      .getByText(/S = I × R × C = 45,000.00元 × 90% × 80% = 32,400.00元/)
      .waitFor();
    await screenshot(page, 'public-calculator');
  });

  it('self-checks eligibility listing failures and unknowns with citations', async () => {
    const { page } = s;
    await page.goto('/public/eligibility');
    const form = page.locator('form#zybEligibility');
    // Registered outside Jiangmen: a failure; credit unknown: to confirm.
    await form.locator('#zybEligibility_registeredInJiangmen').getByText('否', { exact: true }).click();
    await form.locator('#zybEligibility_operatingInJiangmen').getByText('是', { exact: true }).click();
    await form.locator('#zybEligibility_isSme').getByText('是', { exact: true }).click();
    await page.getByRole('button', { name: '开始自测' }).click();
    const result = page.getByTestId('eligibility-result');
    await result.getByText('不符合申报条件').waitFor();
    const failures = page.getByTestId('eligibility-failures');
    await failures
      .getByText(/江门市/)
      .first()
      .waitFor();
    await failures
      .getByRole('button', { name: /申报指南/ })
      .first()
      .waitFor();
    await page.getByTestId('eligibility-unknown').getByText(/信用/).first().waitFor();
    await screenshot(page, 'public-eligibility');
  });

  it('shows the filing calendar with holiday adjustments', async () => {
    const { page } = s;
    await page.goto('/public/calendar');
    await page.getByLabel('年份').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '2026 年' }).click();
    await page.getByTestId('window-2026-02').getByText('2026-02-10 ~ 2026-02-16').waitFor();
    await page.getByText('延长（春节）').waitFor();
    await page.getByText('节假日安排依据：国办发明电〔2025〕7号').waitFor();
    await screenshot(page, 'public-calendar');
    expect(s.errors).toEqual([]);
  });

  it('an enterprise matches policies with its registered facts filled in', async () => {
    const e = await newSession(browser, server);
    await loginAs(e.page, 'qiye');
    await e.page.getByRole('menuitem', { name: /政策匹配/ }).click();
    await e.page.waitForURL(/\/enterprise\/policy-match$/);
    await e.page.getByLabel('已获认定、奖项或正在实施的项目').click();
    await e.page.keyboard.type('小巨人');
    await e.page.locator('.ant-select-item-option').filter({ hasText: '新获得国家级专精特新“小巨人”认定' }).click();
    await e.page.keyboard.press('Escape');
    await e.page.getByRole('button', { name: '开始匹配' }).click();
    // 江府〔2023〕11号 expired on 2025-12-31: its 小巨人 reward is named apart, without an amount, never claimable.
    await e.page
      .getByTestId('match-closed')
      .getByText(/国家级专精特新“小巨人”奖励（已失效）/)
      .waitFor();
    const row = e.page.locator('.ant-table-row').filter({ hasText: '国家级专精特新“小巨人”奖励' });
    expect(await row.count()).toBe(0);
    await e.page.locator('.ant-table-row').filter({ hasText: '“政银保”' }).first().waitFor();
    await screenshot(e.page, 'enterprise-policy-match');
    expect(e.errors).toEqual([]);
    await e.close();
  });
});
