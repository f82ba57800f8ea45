/**
 * Guarantee-fee subsidy and risk compensation in the browser: the insurer covering a loan claims the fee subsidy
 * for its enterprise (declaring a lower subsidy of the same fee, 就高不重复) and uploads the voucher; the district
 * returns it with a reason, the insurer corrects and resubmits it, the district checks it, the city verifies it, the
 * city administrator allocates the year's budget and publishes the result (on the public notices page, open to
 * objections), and opens the printable plan of an earlier year; the lending bank files a risk-compensation claim with
 * its evidence, the district checks it, the city reviewer verifies it, a second city account approves it (above the
 * threshold) and records the payment, and the bank reports a recovery that returns the pool's share.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  type E2EServer,
  launchBrowser,
  loginAs,
  newSession,
  screenshot,
  selectOption,
  startServer,
} from './fixtures';

let server: E2EServer;
let browser: Browser;
const contractNo = `JM-DB-E2E-${Date.now() % 100000}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const qiye = await apiSession(server, 'qiye');
  const me = await qiye<{ uscc: string }>('GET', '/api/v1/enterprises/me');
  const bank = await apiSession(server, 'gonghang');
  const covers = await bank<{ items: { id: string; shortName: string }[] }>('GET', '/api/v1/loans/cover-institutions');
  const cover = covers.items.find((c) => c.shortName === '人保财险江门分公司')!;
  await bank('POST', '/api/v1/loans', {
    enterpriseUscc: me.uscc,
    contractNo,
    purpose: 'equipment',
    amount: '5000000.00',
    annualRate: '0.0385',
    termMonths: 36,
    disbursedAt: '2026-01-10T10:00:00+08:00',
    coverInstitutionId: cover.id,
  });
  const admin = await apiSession(server, 'admin');
  await admin('POST', '/api/v1/guarantee/fee-years', { year: 2026, budget: '1000000.00' });
  await admin('POST', '/api/v1/guarantee/pools', { year: 2026, budget: '5000000.00' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The claim's row on the open tab. */
const claimRow = (page: import('playwright-core').Page) =>
  page.getByRole('tabpanel').locator('.ant-table-tbody tr').filter({ hasText: contractNo }).first();

/** Clicks a button in the claim's row (Ant Design spaces out two-character labels: “通 过”). */
async function rowAction(page: import('playwright-core').Page, button: string | RegExp) {
  await claimRow(page).getByRole('button', { name: button }).click();
}

/** A minimal PDF (the attachments module checks the file's signature). */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('guarantee-fee subsidy and risk compensation', () => {
  it('the insurer claims the fee subsidy; it is checked, verified, allocated and published', async () => {
    const s = await newSession(browser, server);
    const { page } = s;
    await loginAs(page, 'renbao');
    await page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await page.getByRole('heading', { name: '担保费补贴与风险补偿' }).waitFor();
    await page.getByRole('button', { name: /申请担保费补贴/ }).click();
    const modal = page.locator('.ant-modal');
    await selectOption(modal, '贷款', contractNo);
    await modal.getByLabel('担保期间起').fill('2026-01-10');
    await modal.getByLabel('担保期间止').fill('2026-06-10');
    await modal.getByLabel('实际缴纳担保费').fill('32000.00');
    await modal.getByLabel('缴费凭证号（多个用逗号分隔）').fill('BXF-2026-0101');
    // Another subsidy of the same fee, lower than this one: 就高不重复 keeps the higher (explained on the form).
    await modal.getByText(/按就高不重复原则，只享受其中金额最高的一项/).waitFor();
    await modal.getByRole('button', { name: /添加其他补贴/ }).click();
    await modal.getByLabel('补贴名称').fill('区级担保费补助');
    await modal.getByLabel('金额', { exact: true }).fill('5000.00');
    await screenshot(page, 'guarantee-fee-claim-form');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    // 32,000 × 50% = 16,000 (the 1.5% ceiling on 5,000,000 for 152 days is 31,232.88: 31,232.88 × 50% = 15,616.44).
    await page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('15616.44 元').first().waitFor();
    // The voucher file, through the platform's attachments (checked by its content).
    await claimRow(page).locator('.ant-table-row-expand-icon').click();
    await page
      .locator('.ant-table-expanded-row input[type=file]')
      .first()
      .setInputFiles({ name: 'voucher.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page
      .locator('.ant-table-expanded-row')
      .getByRole('button', { name: /voucher\.pdf/ })
      .waitFor();
    await s.close();

    // The district returns it with a reason; the insurer corrects the fee and resubmits the same claim.
    const r = await newSession(browser, server);
    await loginAs(r.page, 'pengjiang');
    await r.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await rowAction(r.page, /^退\s*回$/);
    await r.page.locator('.ant-modal').getByLabel('退回原因').fill('缴费凭证金额为30000元，与申报不符');
    await r.page
      .locator('.ant-modal')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await claimRow(r.page).getByText('县（市、区）退回').waitFor();
    await r.close();

    const s2 = await newSession(browser, server);
    await loginAs(s2.page, 'renbao');
    await s2.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await rowAction(s2.page, '修改后重新提交');
    const fix = s2.page.locator('.ant-modal');
    await fix.getByText('退回原因：缴费凭证金额为30000元，与申报不符').waitFor();
    await fix.getByLabel('实际缴纳担保费').fill('30000.00');
    await fix.getByRole('button', { name: /提\s*交/ }).click();
    // 30,000 × 50% = 15,000, within the ceiling.
    await claimRow(s2.page).getByText('15000.00 元').waitFor();
    await claimRow(s2.page).getByText('已提交，待县（市、区）核查').waitFor();
    expect(s2.errors).toEqual([]);
    await s2.close();

    const d = await newSession(browser, server);
    await loginAs(d.page, 'pengjiang');
    await d.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await rowAction(d.page, /^通\s*过$/);
    await d.page
      .getByRole('tabpanel')
      .locator('.ant-table-tbody')
      .getByText('县（市、区）核查通过，待市级核实')
      .first()
      .waitFor();
    await d.close();

    const c = await newSession(browser, server);
    await loginAs(c.page, 'shiji');
    await c.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await rowAction(c.page, '核实通过');
    await c.page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('市级核实通过，待分配').first().waitFor();
    await c.close();

    const a = await newSession(browser, server);
    await loginAs(a.page, 'admin');
    await a.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await a.page.getByRole('tab', { name: '资金池与年度预算' }).click();
    await a.page.getByRole('button', { name: '按先到先得分配' }).click();
    await a.page.getByRole('button', { name: /^公\s*示$/ }).click();
    await a.page.getByText('2026-06-15 ~ 2026-06-21').waitFor();
    // The notice is on the public page and takes objections like the interest subsidy's.
    const pub = await newSession(browser, server);
    await pub.page.goto('/public/notices');
    await pub.page.getByText('2026年度担保费补贴安排结果公示').first().waitFor();
    await pub.page.getByTestId('open-notice').first().click();
    await pub.page.getByTestId('notice-entries').getByText('¥15,000.00').waitFor();
    await pub.page.getByTestId('lodge-objection').click();
    const om = pub.page.locator('.ant-modal');
    await om.getByTestId('objection-name').fill('王先生');
    await om.getByTestId('objection-contact').fill('13800001234');
    await om.getByTestId('objection-reason').fill('该企业担保费缴纳凭证与实际缴费可能不符，请核实。');
    await om.getByTestId('submit-objection').click();
    const receipt = pub.page.getByText(/案件号：YY2026-/);
    await receipt.waitFor();
    const caseNo = /YY2026-[A-Z0-9-]+/.exec((await receipt.textContent()) ?? '')![0];
    expect(pub.errors).toEqual([]);
    await pub.close();
    // The city sees the case under the year's notice, in the interest subsidy's objections panel.
    await a.page.reload();
    await a.page.getByRole('tab', { name: '资金池与年度预算' }).click();
    const year2026 = a.page.getByRole('tabpanel').locator('.ant-table-tbody tr').filter({ hasText: '2026-06-15' });
    await year2026.first().locator('.ant-table-row-expand-icon').click();
    await a.page.getByText('2026年度担保费补贴安排结果公示：2026-06-15 ～ 2026-06-21').waitFor();
    await a.page.getByTestId('objections').getByText(caseNo).waitFor();
    await screenshot(a.page, 'guarantee-budgets');
    expect(a.errors).toEqual([]);
    await a.close();
  });

  it('the bank files risk compensation; it is verified by two city accounts, paid, and a recovery returns the share', async () => {
    const b = await newSession(browser, server);
    await loginAs(b.page, 'gonghang');
    await b.page.getByRole('menuitem', { name: /风险补偿/ }).click();
    await b.page.getByRole('tab', { name: '风险补偿' }).click();
    await b.page.getByRole('button', { name: /申请风险补偿/ }).click();
    const modal = b.page.locator('.ant-modal');
    await selectOption(modal, '贷款', contractNo);
    await modal.getByLabel('违约日期').fill('2026-06-01');
    await modal.getByLabel('未偿本金').fill('3000000.00');
    await modal.getByLabel('抵质押物处置及其他已回收').fill('500000.00');
    await modal.getByLabel('已采取的催收措施').fill('电话催收、上门催收、提起诉讼');
    await modal.getByLabel('催收证据（多项用逗号分隔）').fill('催收记录,起诉状');
    await screenshot(b.page, 'guarantee-risk-claim-form');
    await modal.getByRole('button', { name: /提\s*交/ }).click();
    await b.page
      .getByRole('tabpanel')
      .locator('.ant-table-tbody')
      .getByText('已提交，待县（市、区）核查')
      .first()
      .waitFor();
    // The collection evidence, through the platform's attachments.
    await claimRow(b.page).locator('.ant-table-row-expand-icon').click();
    await b.page
      .locator('.ant-table-expanded-row input[type=file]')
      .first()
      .setInputFiles({ name: 'cuishou.pdf', mimeType: 'application/pdf', buffer: PDF });
    await b.page
      .locator('.ant-table-expanded-row')
      .getByRole('button', { name: /cuishou\.pdf/ })
      .waitFor();

    const district = await apiSession(server, 'pengjiang');
    const list = await district<{ items: { id: string; contractNo: string }[] }>(
      'GET',
      '/api/v1/guarantee/risk-claims',
    );
    const claim = list.items.find((x) => x.contractNo === contractNo)!;
    await district('POST', `/api/v1/guarantee/risk-claims/${claim.id}/steps`, { action: 'district_pass' });

    const c = await newSession(browser, server);
    await loginAs(c.page, 'shiji');
    await c.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await c.page.getByRole('tab', { name: '风险补偿' }).click();
    await rowAction(c.page, '核实通过');
    // (3,000,000 − 500,000) × 40% = 1,000,000: above the threshold, a second city account approves.
    await c.page
      .getByRole('tabpanel')
      .locator('.ant-table-tbody')
      .getByText('市级初审通过，待第二人复核')
      .first()
      .waitFor();
    await c.page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('1000000.00 元').first().waitFor();
    await rowAction(c.page, '第二人复核通过');
    await c.page
      .locator('.ant-message-notice')
      .getByText(/另一名市级人员复核/)
      .waitFor();
    await c.close();

    const a = await newSession(browser, server);
    await loginAs(a.page, 'admin');
    await a.page.getByRole('menuitem', { name: /担保费补贴与风险补偿/ }).click();
    await a.page.getByRole('tab', { name: '风险补偿' }).click();
    await rowAction(a.page, '第二人复核通过');
    await a.page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('已核定，待拨付').first().waitFor();
    await rowAction(a.page, '登记拨付');
    await a.page.locator('.ant-modal').getByLabel('拨付凭证号').fill('ZF-2026-0001');
    await a.page
      .locator('.ant-modal')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await a.page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('已拨付，追偿中').first().waitFor();
    await a.close();

    await b.page.reload();
    await b.page
      .getByRole('tab', { name: '风险补偿' })
      .click()
      .catch(() => {});
    await rowAction(b.page, '报告追偿款');
    const rec = b.page.locator('.ant-modal');
    await rec.getByLabel('追回日期').fill('2026-06-15');
    await rec.getByLabel('追回金额').fill('250000.00');
    await rec.getByRole('button', { name: /提\s*交/ }).click();
    // 250,000 × 1,000,000 ÷ 2,500,000 = 100,000 back to the pool.
    await b.page.getByRole('tabpanel').locator('.ant-table-tbody').getByText('100000.00 元').first().waitFor();
    await screenshot(b.page, 'guarantee-risk-claims');
    expect(b.errors).toEqual([]);
    await b.close();
  });
});
