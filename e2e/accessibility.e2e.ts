/**
 * Accessibility: axe-core finds no serious or critical violation on any page — the sign-in, registration and public
 * pages without a session, and every page of every role's menu. Each page also has its own title and one <h1>.
 * The other journeys check the pages they visit with their data in them (`expectAccessible`).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AxeViolation,
  axeViolations,
  type E2EServer,
  loginAs,
  newSession,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
});

afterAll(() => stopPlatform({ server, browser }));

const PUBLIC_PAGES = [
  '/login',
  '/register',
  '/public/policies',
  '/public/calculator',
  '/public/eligibility',
  '/public/calendar',
  '/public/notices',
];

/** One account per role (the demo accounts). */
const ACCOUNTS = ['qiye', 'pengjiang', 'shiji', 'admin', 'anquan', 'shenji', 'gonghang', 'renbao'];

interface Finding {
  page: string;
  title: string;
  h1: number;
  violations: AxeViolation[];
}

/** The page's chunk has loaded and nothing in it is still spinning. */
async function settled(page: import('playwright-core').Page): Promise<void> {
  await page.locator('main').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), null, { timeout: 15_000 });
}

async function check(page: import('playwright-core').Page, path: string): Promise<Finding> {
  const violations = await axeViolations(page);
  const title = await page.title();
  const h1 = await page.locator('h1').count();
  return { page: path, title, h1, violations };
}

function report(findings: Finding[]): string {
  return findings
    .filter((f) => f.violations.length || f.h1 !== 1)
    .map(
      (f) =>
        `${f.page} «${f.title}» h1×${f.h1}\n${f.violations
          .map(
            (v) =>
              `  ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target)
                .join(' | ')}`,
          )
          .join('\n')}`,
    )
    .join('\n');
}

describe('accessibility', () => {
  it('the pages without a session', async () => {
    const s = await newSession(browser, server);
    const findings: Finding[] = [];
    for (const path of PUBLIC_PAGES) {
      await s.page.goto(path);
      await settled(s.page);
      findings.push(await check(s.page, path));
    }
    await s.close();
    const titles = new Set(findings.map((f) => f.title));
    expect(report(findings)).toBe('');
    expect(titles.size).toBe(findings.length);
  });

  it.each(ACCOUNTS)('every page in the menu of %s', async (username) => {
    const s = await newSession(browser, server);
    await loginAs(s.page, username);
    const paths = await s.page
      .locator('nav .ant-menu-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-menu-id')?.replace(/^.*?(?=\/)/, '') ?? ''));
    const findings: Finding[] = [];
    // The public pages are checked without a session above.
    for (const path of paths.filter((p) => p && !p.startsWith('/public/'))) {
      await s.page.goto(path);
      await settled(s.page);
      findings.push(await check(s.page, path));
    }
    await s.close();
    expect(findings.length).toBeGreaterThan(0);
    const titles = new Set(findings.map((f) => f.title));
    expect(report(findings)).toBe('');
    expect(titles.size).toBe(new Set(findings.map((f) => f.page)).size);
  });
});
