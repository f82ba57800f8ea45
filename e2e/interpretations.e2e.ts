/**
 * The register of interpretations in the browser: the city administrator records the bureau's ruling that 申报指南
 * 三（三）'s 6 months count by calendar month, cannot approve it herself, the city reviewer approves it, the
 * public policy library shows it in force from its date, and a decision from that date names it in its trace.
 * In the sandbox she saves two scenarios of a campaign, compares them side by side and exports the comparison.
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELIGIBLE_MANUFACTURER } from '../tests/helpers/zyb-facts';
import {
  apiSession,
  clickUntil,
  type E2EServer,
  launchBrowser,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
  startServer,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
let admin: RoleSession;
let reviewer: RoleSession;
let visitor: RoleSession;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await newSession(browser, server);
  reviewer = await newSession(browser, server);
  visitor = await newSession(browser, server);
});

afterAll(async () => {
  await admin?.close();
  await reviewer?.close();
  await visitor?.close();
  await browser?.close();
  await server?.close();
});

const NOTICE = '江工信函〔2026〕30号';
const GAP = 'zyb.loan_gap_months';

/** Disbursed 2025-08-05, declared 2026-02-12: more than 6 months to the day, 6 calendar months by month. */
async function decide(asOf: string) {
  const r = await fetch(`${server.baseUrl}/api/v1/calculators/zyb-decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      ...ELIGIBLE_MANUFACTURER,
      projectStartOn: '2025-07-01',
      projectEndOn: '2027-12-31',
      declaredOn: '2026-02-12',
      loanDisbursedOn: '2025-08-05',
      interestPaid: '50000.00',
      yearIndex: 1,
      digitalInvestment: '5000000.00',
      loanAmount: '5000000.00',
      asOf,
      interestPeriod: { from: '2025-08-05', to: '2026-05-31' },
    }),
  });
  return (await r.json()) as { status: string; explanation: string[] };
}

describe('a ruling on an ambiguous clause', () => {
  it('the city administrator records it and may not approve it herself', async () => {
    expect((await decide('2026-07-01')).status).toBe('ineligible');
    const { page } = admin;
    await loginAs(page, 'admin');
    await page.goto('/admin/interpretations');
    await page.getByTestId(`record-${GAP}`).click();
    const dialog = page.getByRole('dialog');
    await selectOption(dialog, '采用的读法', '按自然月计算');
    await dialog.getByLabel('通知文号').fill(NOTICE);
    await dialog.getByLabel('通知日期').fill('2026-06-10');
    await dialog.getByLabel('适用起始日期').fill('2026-07-01');
    await dialog.getByLabel('裁定理由').fill('8月放款的贷款，次年2月入库申报的仍在6个自然月内');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const card = page.getByTestId(`interpretation-${GAP}`);
    await card.getByText(NOTICE, { exact: false }).waitFor();
    await card.getByText('草稿').waitFor();
    expect(await card.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
    await screenshot(page, 'interpretations-draft');
  });

  it('a city reviewer approves it', async () => {
    const { page } = reviewer;
    await loginAs(page, 'shiji');
    await page.goto('/city/interpretations');
    await page.getByTestId(`approve-${NOTICE}`).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId(`interpretation-${GAP}`).getByText('已批准').first().waitFor();
  });

  it('the public library shows it in force from its date, and decisions from then on cite it', async () => {
    const { page } = visitor;
    await page.goto('/public/policies');
    await page.getByLabel('解释口径适用日期').fill('2026-07-15');
    const card = page.getByTestId(`interpretation-${GAP}`);
    await card
      .getByTestId(`in-force-${GAP}`)
      .getByText(/按自然月计算/)
      .waitFor();
    await card.getByText('依裁定').waitFor();
    await screenshot(page, 'public-interpretations', { fullPage: false });

    const after = await decide('2026-07-01');
    expect(after.status).toBe('award');
    expect(after.explanation.join('\n')).toContain(`依${NOTICE}裁定，自2026-07-01起适用`);
    const before = await decide('2026-06-30');
    expect(before.status).toBe('ineligible');
    expect([...admin.errors, ...reviewer.errors, ...visitor.errors]).toEqual([]);
  });
});

describe('sandbox scenarios', () => {
  it('the city administrator saves two scenarios, compares them side by side and exports the comparison', async () => {
    // A campaign to simulate on (the journey's server holds accounts only).
    const asAdmin = await apiSession(server, 'admin');
    await asAdmin('POST', '/api/v1/subsidy/campaigns', {
      year: 2026,
      title: '2026年度政银保贴息申请',
      interestFrom: '2025-01-01',
      interestTo: '2025-12-31',
      applyFrom: '2026-06-01',
      applyTo: '2026-07-31',
      budget: '200000.00',
      allocationMode: 'partial',
      noticeDays: 7,
    });
    const { page } = admin;
    await page.goto('/admin/sandbox');
    await page.getByTestId('sandbox-scenarios').waitFor();
    const run = page.getByRole('button', { name: /测\s*算/ });
    const save = async (name: string) => {
      await clickUntil(page.getByTestId('sandbox-save'), page.getByRole('dialog'));
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('方案名称').fill(name);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId('sandbox-scenarios').getByRole('cell', { name, exact: true }).waitFor();
    };
    await page.getByLabel('预算（元）').fill('100000.00');
    await clickUntil(run, page.getByTestId('sandbox-result'));
    await save('预算十万');
    await page.getByLabel('预算（元）').fill('');
    await page.getByLabel('第一年补助比例（如 0.80）').fill('0.45');
    await clickUntil(run, page.getByTestId('sandbox-result').getByText('第一年补助比例：0.45'));
    await save('比例45%');

    const table = page.getByTestId('sandbox-scenarios');
    for (const name of ['预算十万', '比例45%'])
      await table
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .check();
    await clickUntil(page.getByTestId('sandbox-compare'), page.getByTestId('sandbox-comparison'));
    const cmp = page.getByTestId('sandbox-comparison');
    for (const head of ['现行参数', '预算十万', '比例45%'])
      await cmp.getByRole('columnheader', { name: head }).first().waitFor();
    await cmp.getByRole('cell', { name: '剩余预算', exact: true }).first().waitFor();
    await screenshot(page, 'sandbox-comparison');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sandbox-export').click()]);
    expect(download.suggestedFilename()).toMatch(/沙盘方案对比\.xlsx$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(admin.errors).toEqual([]);
  });
});
