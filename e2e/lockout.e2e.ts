/**
 * Five wrong passwords lock the account and even the right password is refused. The page answers exactly as for a
 * wrong password (so usernames cannot be probed), and says that accounts lock after five attempts.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clickForAnswer,
  clickUntil,
  DEMO_PASSWORD,
  type E2EServer,
  loginAs,
  newSession,
  screenshot,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
});

afterAll(() => stopPlatform({ server, browser }));

describe('sign-in lockout', () => {
  it('locks the account after 5 wrong passwords and then refuses the right one too', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await page.goto('/login');
    await page.getByRole('heading', { name: '惠企 · 数字化转型扶持' }).waitFor();
    const error = page.getByTestId('login-error');

    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('用户名').fill('renbao');
      await page.getByLabel('密码').fill(`Wrong@${i}pass`);
      const answer = await clickForAnswer(page, page.getByRole('button', { name: /^登\s*录$/ }), '/api/v1/auth/login');
      expect(answer.status()).toBe(401);
      await error.getByText(/^用户名或密码错误。连续 5 次输错的账号将锁定 15 分钟/).waitFor();
    }
    await screenshot(page, 'login-locked');

    await page.getByLabel('用户名').fill('renbao');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    const answer = await clickForAnswer(page, page.getByRole('button', { name: /^登\s*录$/ }), '/api/v1/auth/login');
    expect(answer.status()).toBe(401);
    await error.getByText(/^用户名或密码错误。连续 5 次输错的账号将锁定 15 分钟/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
    expect(me).toBe(401);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('another account is unaffected, and English shows server messages in English', async () => {
    const s = await newSession(browser, server, { lang: 'en' });
    const { page } = s;
    await page.goto('/login');
    await page.getByRole('button', { name: /^Sign in$/ }).waitFor();
    await page.getByLabel('Username').fill('gonghang');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: /^Sign in$/ }).click();
    await page
      .getByTestId('login-error')
      .getByText(/^Wrong username or password/)
      .waitFor();
    // Switch back to Chinese: the choice is remembered and the sign-in works.
    await clickUntil(page.getByText('中文', { exact: true }), page.getByRole('button', { name: /^登\s*录$/ }));
    expect(await page.evaluate(() => localStorage.getItem('huiqi.lang'))).toBe('zh');
    await loginAs(page, 'gonghang');
    await page.getByRole('menuitem', { name: /贷款登记/ }).waitFor();
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
