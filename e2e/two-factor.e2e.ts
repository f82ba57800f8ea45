/**
 * Two-factor sign-in: the security administrator creates a city reviewer (a role that must use two factors); the
 * reviewer replaces the temporary password, is made to enrol an authenticator (QR code and secret), keeps the recovery
 * codes, signs out, and signs in again with the password and then the code computed from the secret on the page.
 * Demo accounts sign in without a code, and every page says the server holds demo accounts.
 */
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2EServer, loginAs, logout, newSession, screenshot, startPlatform, stopPlatform } from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform({ requireTwoFactor: true, realClock: true }));
});

afterAll(() => stopPlatform({ server, browser }));

/** A JSON request from the signed-in page, with its CSRF token. */
async function call(
  page: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await fetch('/api/v1/auth/me');
      const csrf = me.ok ? (await me.json()).csrfToken : '';
      const res = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: await res.json().catch(() => null) };
    },
    { method, url, body },
  );
}

const TEMP = 'Temp@Pass2026a';
const OWN = 'Own@Pass2026bc';

describe('two-factor sign-in', () => {
  it('enrols an authenticator and signs in with its code', async () => {
    const admin = await newSession(browser, server);
    await loginAs(admin.page, 'anquan');
    await admin.page.getByTestId('demo-banner').waitFor();
    const created = await call(admin.page, 'POST', '/api/v1/users/', {
      username: 'shenhe2fa',
      displayName: '双因素审核员',
      role: 'city_reviewer',
      password: TEMP,
    });
    expect(created.status).toBe(201);
    await admin.close();

    const s = await newSession(browser, server);
    const { page } = s;
    await page.goto('/login');
    await page.getByTestId('demo-banner').waitFor();
    // The temporary password is replaced first (its own journey covers that dialog), then the page reloads.
    await loginAs(page, 'shenhe2fa', TEMP);
    const changed = await call(page, 'POST', '/api/v1/auth/password', { currentPassword: TEMP, newPassword: OWN });
    expect(changed.status).toBe(200);
    await page.reload();
    await page.getByText('您的角色须使用双因素登录').waitFor();
    await page.getByTestId('twofa-start').click();
    const secret = ((await page.getByTestId('twofa-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]+$/);
    await page.locator('.ant-qrcode').waitFor();
    await screenshot(page, 'two-factor-enrol');
    const enrolCode = await generate({ secret });
    await page.getByTestId('twofa-code').fill(enrolCode);
    await page.getByTestId('twofa-confirm').click();
    const codes = ((await page.getByTestId('twofa-recovery-codes').textContent()) ?? '').trim().split(/\s+/);
    expect(codes).toHaveLength(10);
    await page.getByTestId('twofa-done').click();
    await page.getByTestId('user-menu').waitFor();
    await logout(page);

    await page.getByLabel('用户名').fill('shenhe2fa');
    await page.getByLabel('密码').fill(OWN);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    const otp = page.getByTestId('login-otp');
    await otp.waitFor();
    // The enrolment code's time step is used up; wait for the next one if the clock has not moved on.
    let code = await generate({ secret });
    for (let i = 0; i < 40 && code === enrolCode; i++) {
      await page.waitForTimeout(1000);
      code = await generate({ secret });
    }
    await otp.fill(code);
    await page.getByRole('button', { name: /^登\s*录$/ }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
    await page.getByTestId('user-menu').waitFor();
    await screenshot(page, 'two-factor-signed-in');
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
