/**
 * The credit profile and risk warnings in the browser, each role in its own session: a bank officer opens the
 * profile of an enterprise that consented to it (score breakdown with clauses, items with sources); the enterprise
 * sees its own profile and, in its view log, that the bank looked; the bank records a repayment paid late, and the
 * warning it raises reaches the bank, which acknowledges it with what it did.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  clickForAnswer,
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
let bank: RoleSession;
let ent: RoleSession;

const ENTERPRISE = '江门市蓬江精密五金制造有限公司';

let enterpriseId = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  bank = await newSession(browser, server);
  ent = await newSession(browser, server);
  // Set-up through the API: the enterprise posts a need consenting to 工商银行; the city records its digital level.
  const insts = await (await fetch(`${server.baseUrl}/api/v1/reference/institutions`)).json();
  const gonghang = (insts as { id: string; name: string }[]).find((i) => i.name.includes('工商银行'))!;
  const qiye = await apiSession(server, 'qiye');
  const need = await qiye<{ id: string }>('POST', '/api/v1/financing/needs', {
    amountMin: '5000000.00',
    amountMax: '5000000.00',
    termMinMonths: 36,
    termMaxMonths: 36,
    purpose: 'equipment',
    guarantee: 'mortgage',
    wantedBy: null,
    projectId: null,
    description: '购置两条智能冲压产线',
    sourceText: null,
    exclusive: false,
    consent: { scope: 'named', banks: [gonghang.id] },
  });
  enterpriseId = (await qiye<{ enterpriseId: string }>('GET', `/api/v1/financing/needs/${need.id}`)).enterpriseId;
  const admin = await apiSession(server, 'admin');
  await admin('POST', `/api/v1/credit/profiles/${enterpriseId}/digital-levels`, {
    level: 3,
    score: '76.5',
    assessedOn: '2026-05-20',
    validTo: '2027-05-19',
    assessor: '中小企业数字化水平评测机构',
    evidence: '《中小企业数字化水平评测指标》评测报告',
  });
});

afterAll(async () => {
  for (const s of [bank, ent]) await s?.close();
  await browser?.close();
  await server?.close();
});

describe('credit profile and risk warnings', () => {
  it('a bank opens the profile of an enterprise that consented, with the score breakdown and sources', async () => {
    const { page } = bank;
    await loginAs(page, 'gonghang');
    await page.goto('/bank/credit');
    await selectOption(page, '选择企业', ENTERPRISE);
    const score = page.getByTestId('credit-score');
    await score.waitFor();
    await expect.poll(() => score.textContent()).toContain('参考评分');
    const breakdown = page.locator('.ant-card').filter({ hasText: '评分明细' });
    await expect.poll(() => breakdown.textContent()).toContain('数字化水平评测');
    expect(await breakdown.textContent()).toContain('三（四）2');
    const digital = page.getByTestId('credit-section-digital');
    expect(await digital.textContent()).toContain('三级');
    await screenshot(page, 'credit-bank-profile');
  });

  it('the enterprise sees its own profile and, in the view log, that the bank looked', async () => {
    const { page } = ent;
    await loginAs(page, 'qiye');
    await page.goto('/enterprise/credit');
    const log = page.getByTestId('credit-view-log');
    await log.waitFor();
    await expect.poll(() => log.textContent()).toContain('工商银行');
    await screenshot(page, 'credit-enterprise-profile');
  });

  it('a repayment paid late raises a warning that the lending bank acknowledges with what it did', async () => {
    const call = await apiSession(server, 'gonghang');
    const profile = await call<{ uscc: string }>('GET', `/api/v1/credit/profiles/${enterpriseId}`);
    const insts = (await (await fetch(`${server.baseUrl}/api/v1/reference/institutions`)).json()) as {
      id: string;
      kind: string;
    }[];
    const insurer = insts.find((i) => i.kind === 'insurer')!;
    const loan = await call<{ loan: { id: string } }>('POST', '/api/v1/loans', {
      enterpriseUscc: profile.uscc,
      contractNo: 'GSJM-ZYB-2026-0110',
      purpose: 'equipment',
      amount: '800000.00',
      annualRate: '0.0350',
      termMonths: 12,
      disbursedAt: '2026-01-10T10:00:00+08:00',
      coverInstitutionId: insurer.id,
    });
    await call('POST', `/api/v1/loans/${loan.loan.id}/repayments`, {
      periodNo: 1,
      dueDate: '2026-04-10',
      paidDate: '2026-04-17',
      principalPaid: '0.00',
      interestPaid: '6000.00',
    });

    const { page } = bank;
    await page.goto('/bank/credit/warnings');
    const row = page.locator('tr').filter({ hasText: '合同GSJM-ZYB-2026-0110' });
    await row.waitFor();
    expect(await row.textContent()).toContain('逾期还款');
    expect(await row.textContent()).toContain('中');
    await row.getByRole('button', { name: '确认并登记处理' }).click();
    const dialog = page.locator('.ant-modal');
    await dialog.getByLabel('处理措施').fill('已联系企业财务，逾期系付款审批延误，已提醒按期还款');
    const answer = await clickForAnswer(page, dialog.getByRole('button', { name: /保\s*存/ }), '/acknowledge');
    expect(answer.status()).toBe(200);
    await expect.poll(() => row.textContent()).toContain('已联系企业财务');
    await screenshot(page, 'credit-bank-warnings');
  });
});
