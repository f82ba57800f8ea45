/**
 * Renewing the 政银保 rules in the browser: the city administrator records the 2027–2029 renewal notice as a
 * draft, cannot approve it herself, the city reviewer approves it, the public policy library then lists it in
 * force on a 2027 date with what it changed, and the decision for 2027 interest uses it while 2026 interest
 * keeps the old rules.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zybApplicationJson } from '../tests/helpers/zyb-facts';
import {
  type E2EServer,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
let admin: RoleSession;
let reviewer: RoleSession;
let visitor: RoleSession;

beforeAll(async () => {
  ({ server, browser } = await startPlatform());
  admin = await newSession(browser, server);
  reviewer = await newSession(browser, server);
  visitor = await newSession(browser, server);
});

afterAll(async () => {
  await admin?.close();
  await reviewer?.close();
  await visitor?.close();
  await stopPlatform({ server, browser });
});

const NOTICE = '江工信工业互联网〔2026〕50号';
const SOURCE = `关于延续实施“政银保”融资项目促进制造业数字化转型贷款贴息政策的通知
${NOTICE}
第一条 延续实施原实施细则，除本通知调整的内容外，继续按原实施细则执行。
第二条 企业第一年获得的补助比例为“政银保”融资项目实际发生贷款利息的80%，该比例每年递减10%。
第三条 本通知自2027年1月1日起实施，有效期至2029年12月31日。
`;

const decision = (asOf: string) => zybApplicationJson({ yearIndex: 1, asOf });

async function decide(asOf: string) {
  const r = await fetch(`${server.baseUrl}/api/v1/calculators/zyb-decision`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(decision(asOf)),
  });
  return (await r.json()) as { status: string; award: string; version: { docNumber: string } | null };
}

describe('renewing the 政银保 rules', () => {
  it('the city administrator drafts the renewal and may not approve it herself', async () => {
    const { page } = admin;
    await loginAs(page, 'admin');
    await page.goto('/admin/policy-versions');
    await page.getByRole('button', { name: /登记新版本/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('文号').fill(NOTICE);
    await dialog.getByLabel('发文机关').fill('江门市工业和信息化局、江门市财政局');
    await dialog.getByLabel('发文日期').fill('2026-06-10');
    await dialog.getByLabel('文件标题').fill('关于延续实施“政银保”贷款贴息政策的通知');
    await dialog.getByLabel('施行日期').fill('2027-01-01');
    await dialog.getByLabel('有效期截止日期').fill('2029-12-31');
    await dialog.getByLabel('有效期条款（如：第三条）').fill('第三条');
    await dialog.getByLabel('有效期条款原文摘录').fill('有效期至2029年12月31日');
    await dialog.getByLabel('通知原文（粘贴全文）').fill(SOURCE);
    await selectOption(dialog, '参数', '第一年补助比例');
    await dialog.getByLabel('新值').fill('0.80');
    await dialog.getByLabel('条款（如：第二条 或 第二条,（一））').fill('第二条');
    await dialog.getByLabel('条款原文摘录', { exact: true }).fill('实际发生贷款利息的80%');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByTestId('policy-versions').locator('tr').filter({ hasText: NOTICE });
    await row.getByText('草稿').first().waitFor();
    await row.getByText(/第一年补助比例：90% → 80%/).waitFor();
    // The drafter sees no approve button (maker–checker), only the edit one.
    expect(await row.getByRole('button', { name: /批\s*准/ }).count()).toBe(0);
    await row.getByRole('button', { name: /修改草稿/ }).waitFor();
    await screenshot(page, 'policy-versions-draft');
  });

  it('a city reviewer approves it', async () => {
    const { page } = reviewer;
    await loginAs(page, 'shiji');
    await page.goto('/city/policy-versions');
    await page.getByTestId(`approve-${NOTICE}`).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByText('已批准').first().waitFor();
    const row = page.getByTestId('policy-versions').locator('tr').filter({ hasText: NOTICE });
    await row.getByText('尚未施行').waitFor(); // the platform's today is in 2026
  });

  it('the public library lists it in force on a 2027 date, and decisions follow the interest period', async () => {
    const { page } = visitor;
    await page.goto('/public/policies');
    await page.getByLabel('查询日期').fill('2027-06-01');
    const rows = page.getByTestId('policy-versions').locator('tr');
    await rows.filter({ hasText: NOTICE }).getByText('有效', { exact: true }).waitFor();
    await rows.filter({ hasText: '江工信工业互联网〔2023〕33号' }).getByText('已失效').waitFor();
    await screenshot(page, 'public-policy-versions', { fullPage: false });

    const in2027 = await decide('2028-03-01'); // 2027 interest: 50,000 × 80%
    expect(in2027).toMatchObject({ status: 'award', award: '40000.00', version: { docNumber: NOTICE } });
    const in2026 = await decide('2027-03-01'); // 2026 interest: 50,000 × 90%
    expect(in2026).toMatchObject({ status: 'award', award: '45000.00' });
    expect(in2026.version?.docNumber).toBe('江工信工业互联网〔2023〕33号');
    expect([...admin.errors, ...reviewer.errors, ...visitor.errors]).toEqual([]);
  });
});
