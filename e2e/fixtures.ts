/**
 * E2E fixtures: the real server (`node --import tsx src/main.ts`, exactly what `npm start` runs) on a free port with a
 * fresh data directory and the demo data, a Chromium per spec file, and a browser context (own cookies) per role.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Locator, type Page, type Response } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed/demo';
import { createThrowawayDatabase } from '../tests/helpers/throwaway-db';

export { DEMO_PASSWORD };

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/**
 * The instant the journeys' server clock starts at (10:00 Beijing time on a Monday, inside the policies' validity),
 * so every journey runs the same whatever the machine's date. The server honours it only in test mode.
 */
export const E2E_NOW = '2026-06-15T02:00:00.000Z';

/** A Beijing calendar day `offsetDays` from the journeys' clock, as YYYY-MM-DD. */
export function e2eChinaDay(offsetDays = 0): string {
  return new Date(Date.parse(E2E_NOW) + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where journeys save screenshots of the main pages (for people to look at). */
export const SHOTS_DIR = process.env.E2E_SCREENSHOTS_DIR ?? path.join(os.tmpdir(), 'huiqi-e2e-screenshots');

export interface E2EServer {
  baseUrl: string;
  database: 'pglite' | 'postgres';
  /** The server's clock started at E2E_NOW (the browsers' clocks are started there too). */
  fixedClock: boolean;
  /** Everything the server printed (for failure messages). */
  output(): string;
  /** The environment the server runs with (its data directory, its database): for `huiqi` commands on its data. */
  env: NodeJS.ProcessEnv;
  /** Stops the server and leaves its data in place (close() then removes it). */
  stop(): Promise<void>;
  /** Sends SIGTERM and resolves with the exit code once the process has ended (null: killed after 30 s). */
  terminate(): Promise<number | null>;
  close(): Promise<void>;
}

export interface StartOptions {
  requireTwoFactor?: boolean;
  realClock?: boolean;
  /** Run on this data directory and database (e.g. a restored backup) instead of fresh ones. */
  dataDir?: string;
  databaseUrl?: string;
  /** 'none': load no demo data at all (the database already holds its records). */
  demoData?: 'accounts' | 'none';
  /** More environment for the server (settings a journey is about). */
  env?: NodeJS.ProcessEnv;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function waitForExit(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the server with demo data; resolves once /api/health answers. The journeys that create staff accounts of
 * their own switch the two-factor obligation off unless they are about it (`requireTwoFactor`).
 */
/**
 * `realClock`: the server keeps the machine's clock — only for a journey whose subject is real time itself (TOTP codes
 * are computed from the wall clock by the authenticator); nothing in such a journey may depend on the date.
 */
export async function startServer(opts: StartOptions = {}): Promise<E2EServer> {
  if (!fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` (npm run test:e2e builds it)');
  }
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-e2e-'));
  const port = await freePort();
  const db = opts.databaseUrl
    ? { url: opts.databaseUrl, drop: async () => {} }
    : process.env.DATABASE_URL
      ? await createThrowawayDatabase(process.env.DATABASE_URL, 'huiqi_e2e')
      : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    HUIQI_DATA_DIR: dataDir,
    // Journeys build their own business data; the full demo has its own test.
    HUIQI_DEMO_DATA: opts.demoData === 'none' ? 'false' : 'accounts',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // Not 'production': a server holding demo accounts refuses to start in production.
    NODE_ENV: 'test',
    HUIQI_REQUIRE_TWO_FACTOR: opts.requireTwoFactor ? 'true' : 'false',
    HUIQI_TEST_MODE: '1',
    ...opts.env,
  };
  // A journey that moves the clock itself (HUIQI_E2E_CLOCK_FILE) keeps the real one as its base.
  if (!process.env.HUIQI_E2E_CLOCK_FILE && !opts.realClock) env.HUIQI_TEST_NOW = E2E_NOW;
  else delete env.HUIQI_TEST_NOW;
  delete env.DATABASE_READ_URL;
  delete env.HUIQI_FILES_DIR;
  if (db) env.DATABASE_URL = db.url;
  else delete env.DATABASE_URL;

  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env, stdio: 'pipe' });
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 10_000);
  };
  const terminate = async () => {
    child.kill('SIGTERM');
    await waitForExit(child, 30_000);
    return child.exitCode;
  };
  const close = async () => {
    await stop();
    await db?.drop().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`server exited with code ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await close();
      throw new Error(`server did not become healthy in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    database: db ? 'postgres' : 'pglite',
    fixedClock: !!env.HUIQI_TEST_NOW,
    output: () => output,
    env,
    stop,
    terminate,
    close,
  };
}

/** Creates an empty PostgreSQL database beside the one in DATABASE_URL (null on PGlite); dropped by `drop()`. */
export async function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> } | null> {
  return process.env.DATABASE_URL ? createThrowawayDatabase(process.env.DATABASE_URL, 'huiqi_e2e') : null;
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface RoleSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far (expected HTTP refusals excluded). */
  errors: string[];
  close(): Promise<void>;
}

/** Chrome logs every non-2xx fetch as a console error; the journeys provoke some (401 before sign-in, 404 out of scope, 423 lockout). */
const EXPECTED_HTTP = /Failed to load resource: the server responded with a status of (400|401|403|404|409|422|423)\b/;

/** A fresh browser context (own cookies and storage) — one per role in a journey. */
/** The journeys' server and browser, started together before a file's journeys. */
export async function startPlatform(opts: StartOptions = {}): Promise<{ server: E2EServer; browser: Browser }> {
  const server = await startServer(opts);
  return { server, browser: await launchBrowser() };
}

/** Stops what `startPlatform` started (either may be missing if starting failed). */
export async function stopPlatform(p: { server?: E2EServer; browser?: Browser }): Promise<void> {
  await p.browser?.close();
  await p.server?.close();
}

export async function newSession(
  browser: Browser,
  server: E2EServer,
  opts: { lang?: 'zh' | 'en'; timezoneId?: string } = {},
): Promise<RoleSession> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    locale: 'zh-CN',
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  // The browser's clock starts where the server's does, so the web app's "today" is the platform's.
  if (server.fixedClock) await context.clock.install({ time: new Date(E2E_NOW) });
  if (opts.lang) {
    await context.addInitScript((l) => {
      if (!localStorage.getItem('huiqi.lang')) localStorage.setItem('huiqi.lang', l);
    }, opts.lang);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED_HTTP.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const requests: string[] = [];
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/'))
      requests.push(
        `  ${new Date().toISOString().slice(11, 23)} ${r.request().method()} ${u.pathname} → ${r.status()}`,
      );
    if (requests.length > 50) requests.shift();
  });
  page.on('requestfailed', (r) => requests.push(`  ${r.method()} ${r.url()} failed: ${r.failure()?.errorText}`));
  // When the journey fails, keep a picture of where this page was.
  try {
    onTestFailed(async ({ task }) => {
      if (page.isClosed()) return;
      const name = `FAILED-${task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${Date.now()}`;
      const file = await screenshot(page, name, { accessible: false }).catch(() => null);
      if (file) console.error(`screenshot of the failed page: ${file} (${page.url()})`);
      // The screenshot stays on the machine that ran the journey; what the page said travels with the log.
      const said = await page
        .locator('.ant-message-notice, .ant-alert, .ant-modal-content, .ant-form-item-explain-error, .ant-result')
        .allInnerTexts()
        .catch(() => []);
      if (said.length) console.error(`the page said:\n${said.map((s) => `  ${s.replace(/\s+/g, ' ')}`).join('\n')}`);
      if (requests.length) console.error(`last API answers:\n${requests.slice(-12).join('\n')}`);
      if (errors.length) console.error(`browser errors:\n${errors.join('\n')}`);
      const log = server.output();
      if (/"level":(50|60)/.test(log)) console.error(`server errors:\n${log.slice(-4000)}`);
    });
  } catch {
    /* called outside a test (e.g. in beforeAll): no failure hook */
  }
  return { context, page, errors, close: () => context.close() };
}

/** Signs in through the login form and waits for the workbench. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  const answer = await clickForAnswer(page, page.getByRole('button', { name: /^登\s*录$/ }), '/api/v1/auth/login');
  if (answer.status() !== 200) throw new Error(`sign-in of ${username} answered ${answer.status()}`);
  await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.getByTestId('user-menu').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL(/\/login/);
}

/**
 * Picks an option of an Ant Design Select (found by its label) and checks that it took: a click during the
 * drop-down's entrance animation can miss, so it retries.
 */
export async function selectOption(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const field = scope.getByLabel(label, { exact: true });
  // The inner locator of `has` is relative to each candidate, so it starts from the page.
  const item = scope.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  for (let attempt = 0; attempt < 4; attempt++) {
    await field.click();
    const opt = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
      .filter({ hasText: option })
      .first();
    await opt.waitFor();
    await page.waitForTimeout(200 * (attempt + 1));
    await opt.click();
    const chosen = item.locator('.ant-select').filter({ hasText: option });
    if (
      await chosen.waitFor({ timeout: 2000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(`could not choose “${option}” in “${label}”`);
}

/**
 * Saves a full-page screenshot of the current page under SHOTS_DIR, then checks the page as pictured with axe-core
 * (`expectAccessible`): the journeys picture every page they visit, so a new serious or critical violation fails them.
 * `accessible: false` is for the picture of a failed journey.
 */
/**
 * Clicks `target` until `done` shows (at most three clicks). On a loaded machine a click that lands while Ant Design
 * is still animating a popover or a switch in can be lost; a person would click again, and so does a journey. A
 * click that did take (the target gone) is not repeated.
 */
export async function clickUntil(target: Locator, done: Locator): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await target.click();
    try {
      await done.first().waitFor({ timeout: 8_000 });
      return;
    } catch (e) {
      if (!(await target.isVisible())) {
        await done.first().waitFor();
        return;
      }
      if (attempt === 3) throw e;
    }
  }
}

/**
 * Clicks `target` and returns the answer to the request it sends to a URL ending in `urlEnd`; if no request left
 * (the click was lost on a loaded machine), clicks again, at most three times. A request that did leave is never
 * sent twice.
 */
export async function clickForAnswer(page: Page, target: Locator, urlEnd: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const sent = page.waitForRequest((r) => r.url().endsWith(urlEnd), { timeout: 8_000 }).catch(() => null);
    await target.click();
    const request = await sent;
    if (request) {
      const answer = await request.response();
      if (!answer) throw new Error(`no answer to ${urlEnd}`);
      return answer;
    }
    if (attempt === 3) throw new Error(`clicking never sent a request to ${urlEnd}`);
  }
}

export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean; accessible?: boolean } = {},
): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, `${name}.png`);
  await page.waitForLoadState('networkidle').catch(() => {});
  // Let drawers, modals and messages finish their entrance animations.
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, 2000)),
      ]),
    )
    .catch(() => {});
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? true, animations: 'disabled' });
  if (opts.accessible ?? true) await expectAccessible(page, name);
  return file;
}

/** Signs in through the API (no browser) for set-up lookups; returns a fetch bound to that session. */
export async function apiSession(server: E2EServer, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${server.baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : null,
    });
    if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
    return (await r.json()) as T;
  };
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

/** One accessibility problem axe-core found, as the journeys report it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) on the page as it is now and returns the serious and
 * critical violations. The source is evaluated through the DevTools protocol, which the page's Content-Security-Policy
 * (`script-src 'self'`) does not govern; a script tag would be refused.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.waitForLoadState('networkidle').catch(() => {});
  // Entrance animations (fading menus, drawers) make colours half-transparent for a moment.
  await page
    .evaluate(() =>
      Promise.race([
        Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, 2000)),
      ]),
    )
    .catch(() => {});
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; failureSummary?: string }[];
      }[]
    )
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' '),
        })),
      }));
  });
}

/** Fails when axe-core finds a serious or critical accessibility violation on the page; `label` names the page. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const found = await axeViolations(page);
  if (found.length === 0) return;
  const lines = found.flatMap((v) => [
    `  ${v.id} (${v.impact}): ${v.help}`,
    ...v.nodes.slice(0, 5).map((n) => `    ${n.target} — ${n.summary.slice(0, 300)}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  throw new Error(
    `accessibility: ${found.length} serious or critical violation(s) on ${label} (${page.url()}):\n${lines.join('\n')}`,
  );
}
