/**
 * The competitive special fund in the browser, each role in its own session: the operator (数江公司) opens a call
 * under the recorded renewal of 003; the bureau approves it; two enterprises apply (one refused first for an
 * invoice already claimed); formal review returns one and it resubmits; experts are drawn, one declares a conflict
 * and is replaced; the experts score; the operator ranks and proposes; the bureau deliberates with a reasoned
 * change and publishes the 7-day notice (a 6-day one is refused); a member of the public objects on the public
 * notices page and looks the case up by its number; the plan is refused until the period ends and the case is
 * closed, then issued; the acceptance panel is drawn (a declared conflict replaced) and the acceptance lowers an
 * award on the final invoices, releasing the difference to the direction's budget.
 *
 * Time: the server's clock is moved (e2e/movable-clock.ts) into the notice period and past it; the browsers' clocks
 * move with it, and everyone signs in again (the sessions' idle limit has passed).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../src/domain/enterprise/uscc';
import {
  apiSession,
  type E2EServer,
  launchBrowser,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
} from './fixtures';
import { type MovableClockServer, startServerWithMovableClock } from './movable-clock';

let server: E2EServer;
let clock: MovableClockServer;
let browser: Browser;
let now = '';
let caseNo = '';
const s: Record<string, RoleSession> = {};
const EXPERTS = ['zhuanjia1', 'zhuanjia2', 'zhuanjia3', 'zhuanjia4'];
const ROLES = ['shujiang', 'admin', 'qiye', 'fuwushang', ...EXPERTS];

const RENEWAL_TEXT = `江门市工业和信息化局关于延续实施《江门市工业互联网专项资金管理实施细则》的通知
江工信工业互联网〔2024〕9号
第一条 延续实施《江门市工业互联网专项资金管理实施细则》，除本通知调整的内容外，继续按原细则执行。
第三条 本通知自2024年5月16日起实施，有效期至2027年5月15日。
`;

beforeAll(async () => {
  clock = await startServerWithMovableClock();
  server = clock.server;
  browser = await launchBrowser();
  for (const r of ROLES) await signIn(r);
  // Set-up through the API: the renewal of 003 (maker–checker) and the operator's expert pool.
  const admin = await apiSession(server, 'admin');
  const reviewer = await apiSession(server, 'shiji');
  const { id } = await admin<{ id: string }>('POST', '/api/v1/fund/renewals', {
    docNumber: '江工信工业互联网〔2024〕9号',
    title: '关于延续实施《江门市工业互联网专项资金管理实施细则》的通知',
    issuer: '江门市工业和信息化局',
    issuedOn: '2024-05-10',
    validFrom: '2024-05-16',
    validTo: '2027-05-15',
    sourceText: RENEWAL_TEXT,
    params: { validityArticle: { ref: ['第三条'], quote: '有效期至2027年5月15日' }, changes: {} },
  });
  await reviewer('POST', `/api/v1/fund/renewals/${id}/approve`);
  const operator = await apiSession(server, 'shujiang');
  const users = ['zhuanjia1', 'zhuanjia2', 'zhuanjia3', 'zhuanjia4'];
  const codes = ['1244070045586400', '5144000051623900', '1244070052085000', '5144070018254400'].map((c) =>
    completeUscc(c),
  );
  for (const [k, u] of users.entries()) {
    const me = await (await apiSession(server, u))<{ id: string }>('GET', '/api/v1/auth/me');
    await operator('POST', '/api/v1/fund/experts', {
      name: `专家${k + 1}`,
      field: '工业互联网',
      employer: `评审单位${k + 1}`,
      employerCreditCode: codes[k],
      phone: `1370000000${k + 1}`,
      userId: me.id,
    });
  }
}, 180_000);

afterAll(async () => {
  for (const r of Object.values(s)) await r.close();
  await browser?.close();
  await server?.close();
});

/** A fresh session for the role (its browser clock where the server's is), signed in. */
async function signIn(role: string) {
  const old = s[role];
  if (old) {
    expect(old.errors).toEqual([]);
    await old.close();
  }
  const fresh = await newSession(browser, server);
  if (now) await fresh.context.clock.setSystemTime(new Date(now));
  if (role !== 'public') await loginAs(fresh.page, role);
  s[role] = fresh;
  return fresh.page;
}

/** Moves the platform's clock (server and browsers) to `iso`; everyone signs in again. */
async function moveClock(iso: string, roles: string[]) {
  now = iso;
  await clock.moveTo(iso);
  for (const r of roles) await signIn(r);
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const ok = (page: Page) => page.getByRole('button', { name: /^(确\s*定|OK)$/ }).click();
/** Waits for the page's answer to the last action: a success message, or fails with what the page said. */
async function done(page: Page) {
  const said = page.locator('.ant-message-success, .ant-message-error').last();
  await said.waitFor({ timeout: 15_000 });
  const errorShown = await page.locator('.ant-message-error').count();
  if (errorShown > 0) throw new Error(`the page said: ${await page.locator('.ant-message-error').last().innerText()}`);
  await page
    .locator('.ant-message-notice')
    .last()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
}

/** The answer to the last action, success or refusal (its text), once it has gone. */
async function answered(page: Page): Promise<string> {
  const said = page.locator('.ant-message-success, .ant-message-error').last();
  await said.waitFor({ timeout: 15_000 });
  const text = await said.innerText();
  await page
    .locator('.ant-message-notice')
    .last()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
  return text;
}

/** The expert's tasks as the page loads them (the page shows an empty list while loading), once drawn. */
async function expertQueue(x: Page): Promise<{ status: string; purpose: string }[]> {
  const answer = x.waitForResponse((r) => r.url().endsWith('/api/v1/fund/reviews'));
  await x.goto('/expert/reviews');
  const queue = (await (await answer).json()) as { items: { status: string; purpose: string }[] };
  if (queue.items.length > 0) await x.locator('[data-testid^="review-"]').first().waitFor();
  return queue.items;
}

async function fillInvoice(page: Page, no: string, amount: string) {
  await page.getByLabel('投入项目').last().fill('工业互联网平台软件');
  await page.getByLabel('发票号码').last().fill(no);
  await page.getByLabel('发票金额（元）').last().fill(amount);
  await page.getByLabel('开票日期').last().fill('2026-06-01');
  await page.getByLabel('销售方').last().fill('江门数智科技有限公司');
}

async function apply(page: Page, project: string, no: string, amount: string) {
  await page.goto('/enterprise/fund');
  await page.getByLabel('项目', { exact: true }).fill(project);
  await fillInvoice(page, no, amount);
  await page.getByRole('checkbox').check();
  await page.getByTestId('apply').click();
}

describe('the special fund from call to acceptance', () => {
  it('the operator opens a call and the bureau approves it', async () => {
    const p = s.shujiang!.page;
    await p.goto('/operator/fund');
    await p.getByTestId('new-call').click();
    await p.getByLabel('通知标题').fill('2026年工业互联网专项资金（标杆示范）申报通知');
    await p.getByLabel('方向预算（元）').fill('1600000.00');
    await p.getByLabel('申报开始').fill('2026-06-01');
    await p.getByLabel('申报截止').fill('2026-06-30');
    await ok(p);
    await done(p);
    await screenshot(p, 'fund-operator-call');
    const a = s.admin!.page;
    await a.goto('/admin/fund');
    await a.getByTestId('approve-call').click();
    await done(a);
    await expect.poll(() => a.getByTestId('call-detail').innerText()).toContain('申报中');
  });

  it('two enterprises apply; an invoice already claimed is refused naming the other record', async () => {
    await apply(s.qiye!.page, '精密五金智能工厂', '44001234567', '1500000.00');
    await done(s.qiye!.page);
    const f = s.fuwushang!.page;
    await apply(f, '平台标杆项目', '44001234567', '900000.00');
    await expect.poll(() => f.getByTestId('apply-error').innerText()).toContain('已在');
    await f.getByLabel('发票号码').first().fill('44009999001');
    await f.getByTestId('apply').click();
    await done(f);
  });

  it('formal review returns one; it resubmits; both pass', async () => {
    const p = s.shujiang!.page;
    await p.goto('/operator/fund');
    await p.getByTestId('return-平台标杆项目').click();
    await p.getByLabel('退回理由').fill('发票与投入明细不一致');
    await p.getByLabel('补正期限').fill('2026-06-25');
    await ok(p);
    await done(p);
    const f = s.fuwushang!.page;
    await f.goto('/enterprise/fund');
    await f.locator('.ant-table-row-expand-icon').first().click();
    await fillInvoice(f, '44009999002', '1000000.00');
    await f.getByTestId('resubmit').click();
    await done(f);
    await p.reload();
    await p.getByTestId('pass-精密五金智能工厂').click();
    await done(p);
    await p.getByTestId('pass-平台标杆项目').click();
    await done(p);
  });

  it('experts are drawn; one declares a conflict and is replaced; all score', async () => {
    const p = s.shujiang!.page;
    await p.getByTestId('draw-精密五金智能工厂').click();
    await done(p);
    await p.getByTestId('draw-平台标杆项目').click();
    await done(p);
    let conflictDeclared = false;
    for (let round = 0; round < 2; round++) {
      for (const e of EXPERTS) {
        const x = s[e]!.page;
        for (;;) {
          const items = await expertQueue(x);
          const n = items.findIndex(
            (i) => i.purpose === 'review' && (i.status === 'drawn' || i.status === 'declared_clear'),
          );
          if (n < 0) break;
          if (items[n]!.status === 'drawn') {
            if (!conflictDeclared) {
              await x.getByTestId(`conflict-${n}`).click();
              await done(x);
              conflictDeclared = true;
              // The freed seat is drawn again (the other application's panel is full: refused, nothing drawn).
              await p.reload();
              for (const proj of ['精密五金智能工厂', '平台标杆项目']) {
                await p.getByTestId(`draw-${proj}`).click();
                await answered(p);
              }
              continue;
            }
            await x.getByTestId(`clear-${n}`).click();
            await done(x);
            continue;
          }
          await x.getByTestId(`score-${n}-innovation`).fill('80');
          await x.getByTestId(`score-${n}-benefit`).fill('85');
          await x.getByTestId(`score-${n}-feasibility`).fill('90');
          await x.getByTestId(`submit-${n}`).click();
          await done(x);
        }
        if (round === 1 && e === 'zhuanjia1') await screenshot(x, 'fund-expert-reviews');
      }
    }
    expect(conflictDeclared).toBe(true);
  });

  it('the operator ranks; the bureau deliberates with a reason and publishes a 7-day notice (6 days refused)', async () => {
    const p = s.shujiang!.page;
    await p.reload();
    await p.getByTestId('close-call').click();
    await done(p);
    await p.getByTestId('propose').click();
    await done(p);
    await expect.poll(() => p.getByTestId('call-detail').innerText()).toContain('85.00');
    await screenshot(p, 'fund-operator-proposal');
    const a = s.admin!.page;
    await a.reload();
    await a.getByTestId('deliberate').click();
    await a.getByLabel('会议日期').fill('2026-06-15');
    await a.getByLabel('参会人员（逗号分隔）').fill('局长，副局长，科长');
    // The minutes go through the attachment module (content-checked) as a file of this deliberation.
    await a
      .locator('.ant-modal input[type=file]')
      .setInputFiles({ name: '集体审议会议纪要.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => a.getByTestId('minutes-name').innerText()).toContain('会议纪要');
    await a
      .getByLabel(/审议确定/)
      .last()
      .fill('450000.00');
    await a.getByLabel('调整理由').last().fill('部分投入属于日常运维');
    await ok(a);
    await done(a);
    await a.getByTestId('publish').click();
    await a.getByLabel('公示开始日期').fill('2026-06-16');
    await a.getByLabel('公示天数').fill('6');
    await ok(a);
    await expect.poll(() => a.locator('.ant-message-error').last().innerText()).toContain('第十一条');
    await a.locator('.ant-message-error').last().waitFor({ state: 'detached', timeout: 15_000 });
    await a.getByLabel('公示天数').fill('7');
    await ok(a);
    await done(a);
    await expect.poll(() => a.getByTestId('call-detail').innerText()).toContain('2026-06-22');
    await screenshot(a, 'fund-city-notice');
    for (const r of Object.values(s)) expect(r.errors).toEqual([]);
  });
  it('a member of the public objects during the notice and looks the case up by its number', async () => {
    await moveClock('2026-06-17T02:00:00Z', ['public', 'admin']);
    const pub = s.public!.page;
    await pub.goto('/public/notices');
    await pub.getByTestId('open-fund-notice').first().click();
    await expect.poll(() => pub.getByTestId('fund-notice').innerText()).toContain('精密五金智能工厂');
    await pub.getByTestId('lodge-fund-objection').click();
    await pub.getByLabel('姓名或单位').fill('李四');
    await pub.getByLabel('联系方式（电话或电子邮箱）').fill('13912345678');
    await pub.getByLabel('异议理由').fill('该项目的部分设备尚未到货安装');
    await pub.getByTestId('submit-fund-objection').click();
    const receipt = pub.getByTestId('fund-case-no');
    await receipt.waitFor();
    caseNo = /ZX2026-[0-9A-F]{4}-\d{4}/.exec(await receipt.innerText())?.[0] ?? '';
    expect(caseNo).not.toBe('');
    await screenshot(pub, 'fund-public-objection');
    await pub.getByRole('button', { name: /^(知道了|确\s*定|OK)$/ }).click();
    await pub.goto('/public/notices');
    await pub.getByLabel('案件编号').fill(caseNo);
    await pub.getByLabel('提出异议时填写的联系方式').fill('139 1234 5678');
    await pub.getByTestId('lookup-objection').click();
    await expect.poll(() => pub.getByTestId('objection-case').innerText()).toContain(caseNo);
    // The plan waits for the notice period.
    const a = s.admin!.page;
    await a.goto('/admin/fund');
    await a.getByTestId('issue-plan').click();
    await expect.poll(() => a.locator('.ant-message-error').last().innerText()).toContain('公示期满后');
  });

  it('after the period the plan waits for the case; the city closes it; the plan is issued', async () => {
    await moveClock('2026-06-23T02:00:00Z', ['public', 'admin', 'shujiang', 'qiye', ...EXPERTS]);
    const a = s.admin!.page;
    await a.goto('/admin/fund');
    await a.getByTestId('issue-plan').click();
    await expect.poll(() => a.locator('.ant-message-error').last().innerText()).toContain('未办结');
    await a.locator('.ant-message-error').last().waitFor({ state: 'detached', timeout: 15_000 });
    await a.getByRole('radio', { name: '异议不成立' }).check();
    await a.getByTestId('objection-outcome').fill('经核实设备已于公示期内安装，异议不成立');
    await a.getByTestId('close-objection').click();
    await done(a);
    await expect.poll(() => a.getByTestId('fund-objection').innerText()).toContain('已办结');
    await a.getByTestId('issue-plan').click();
    await done(a);
    await expect.poll(() => a.getByTestId('plan').innerText()).toContain('柒拾伍万元整');
    await screenshot(a, 'fund-city-plan');
    const pub = s.public!.page;
    await pub.goto('/public/notices');
    await pub.getByLabel('案件编号').fill(caseNo);
    await pub.getByLabel('提出异议时填写的联系方式').fill('13912345678');
    await pub.getByTestId('lookup-objection').click();
    await expect.poll(() => pub.getByTestId('objection-case').innerText()).toContain('经核实设备已于公示期内安装');
  });

  it('the acceptance panel is drawn (a conflict replaced); acceptance lowers the award and releases the rest', async () => {
    const p = s.shujiang!.page;
    await p.goto('/operator/fund');
    await p.getByTestId('panel-精密五金智能工厂').click();
    await done(p);
    let conflictDeclared = false;
    for (let round = 0; round < 2; round++) {
      for (const e of EXPERTS) {
        const x = s[e]!.page;
        for (;;) {
          const items = await expertQueue(x);
          const n = items.findIndex((i) => i.purpose === 'acceptance' && i.status === 'drawn');
          if (n < 0) break;
          await expect.poll(() => x.getByTestId(`purpose-${n}`).innerText()).toBe('验收');
          if (!conflictDeclared) {
            await x.getByTestId(`conflict-${n}`).click();
            await done(x);
            conflictDeclared = true;
            await p.reload();
            await p.getByTestId('panel-精密五金智能工厂').click();
            await done(p);
            continue;
          }
          await x.getByTestId(`clear-${n}`).click();
          await done(x);
          // An acceptance task asks for no scores.
          await expect(x.getByTestId(`submit-${n}`).count()).resolves.toBe(0);
        }
        if (round === 1 && e === 'zhuanjia4') await screenshot(x, 'fund-expert-acceptance');
      }
    }
    expect(conflictDeclared).toBe(true);
    await p.reload();
    await p.getByTestId('accept-精密五金智能工厂').click();
    await fillInvoice(p, '44001234567', '1200000.00');
    await ok(p);
    await done(p);
    const detail = p.getByTestId('call-detail');
    // 50% × 1,200,000 = 600,000 below the 750,000 awarded; 150,000 back to the direction (1,200,000 → 1,050,000).
    await expect.poll(() => detail.innerText()).toContain('¥600,000.00');
    const direction = detail.getByRole('row').filter({ hasText: '¥1,600,000.00' });
    await expect.poll(() => direction.innerText()).toContain('¥1,050,000.00');
    await screenshot(p, 'fund-operator-acceptance');
    const q = s.qiye!.page;
    await q.goto('/enterprise/fund');
    await expect.poll(() => q.locator('body').innerText()).toContain('¥600,000.00');
    for (const r of Object.values(s)) expect(r.errors).toEqual([]);
  });

  it('人才培养: the operator records a training event against the programme budget and sees the progress', async () => {
    const p = s.shujiang!.page;
    await p.goto('/operator/fund');
    await p.getByTestId('new-training-event').click();
    await p.getByLabel('举办日期').fill('2026-06-20');
    await p.getByLabel('培训活动名称').fill('工业互联网赋能制造业数字化转型培训');
    await p.getByLabel('参训人数').fill('80');
    await p.getByLabel('费用（元）').fill('60000.00');
    await ok(p);
    await done(p);
    const card = p.getByTestId('training');
    await expect.poll(() => card.innerText()).toContain('1 / 10');
    await expect.poll(() => card.innerText()).toContain('80 / 500');
    await screenshot(p, 'fund-operator-training');
    for (const r of Object.values(s)) expect(r.errors).toEqual([]);
  });
});
