/**
 * Outreach in the browser, each role in its own session: the city administrator builds a quarterly white list by
 * filters and publishes it to two banks; the 工商银行 officer sees it and records a visit; the administrator
 * schedules a match-making event, three banks and five enterprises register with their wishes, the meetings are
 * scheduled without anyone double-booked and every wish met, and the bank reads its own timetable.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../src/domain/enterprise/uscc';
import {
  apiSession,
  clickUntil,
  type E2EServer,
  e2eChinaDay,
  loginAs,
  newSession,
  type RoleSession,
  screenshot,
  selectOption,
  startPlatform,
  stopPlatform,
} from './fixtures';

let p: { server: E2EServer; browser: Browser };
let city: RoleSession;
let bank: RoleSession;

beforeAll(async () => {
  p = await startPlatform();
  city = await newSession(p.browser, p.server);
  bank = await newSession(p.browser, p.server);
});

afterAll(async () => {
  for (const s of [city, bank]) await s?.close();
  await stopPlatform(p ?? {});
});

const LIST = '旅程季度白名单';
const THEME = '旅程融资对接会';

describe('white lists and match-making events', () => {
  it('the city publishes a quarterly white list to two banks', async () => {
    const { page } = city;
    await loginAs(page, 'admin');
    await page.goto('/admin/outreach');
    await page.getByRole('button', { name: '按条件新建白名单' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名单名称').fill(LIST);
    await dialog.getByLabel('所属期内任一日期').fill(e2eChinaDay());
    await selectOption(dialog, '推送银行', '中国工商银行股份有限公司江门分行');
    await selectOption(dialog, '推送银行', '广东江门农村商业银行股份有限公司');
    await dialog.getByLabel('名单名称').click(); // closes the banks' dropdown
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row').filter({ hasText: LIST });
    await row.getByText('草稿').waitFor();
    await clickUntil(row.getByRole('button', { name: /推\s*送/ }), row.getByText('已推送'));
    await row.getByText('2026年第二季度').waitFor();
    await screenshot(page, 'outreach-whitelists');
  });

  it('the bank sees the list pushed to it and records a visit', async () => {
    const { page } = bank;
    await loginAs(page, 'gonghang');
    await page.goto('/bank/outreach');
    const row = page.getByRole('row').filter({ hasText: LIST });
    await clickUntil(row.locator('.ant-table-row-expand-icon'), page.locator('[data-testid^="visit-"]'));
    const visit = page.locator('[data-testid^="visit-"]').first();
    await visit.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('走访日期').fill(e2eChinaDay());
    await dialog.getByLabel('走访情况').fill('实地走访，了解设备更新融资需求');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .getByText(/工商银行.*有融资意向/)
      .first()
      .waitFor();
    await page
      .getByText(/覆盖率/)
      .first()
      .waitFor();
    await screenshot(page, 'outreach-bank-visit');
  });

  it('an event schedules meetings for three banks and five enterprises without clashes', async () => {
    const { page } = city;
    await page.goto('/admin/outreach');
    await page.getByRole('tab', { name: '融资对接会' }).click();
    await page.getByRole('button', { name: '安排对接会' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('主题').fill(THEME);
    await dialog.getByLabel('日期').fill(e2eChinaDay(30));
    await dialog.getByLabel('地点').fill('江门市工业和信息化局三楼会议室');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row').filter({ hasText: THEME });
    await row.waitFor();

    // Registrations with wishes: two banks and one enterprise register themselves, the bureau registers the rest.
    const admin = await apiSession(p.server, 'admin');
    const { items: events } = await admin<{ items: { id: string; theme: string }[] }>('GET', '/api/v1/outreach/events');
    const eventId = events.find((e) => e.theme === THEME)!.id;
    const inst = await admin<{ id: string; shortName: string }[]>('GET', '/api/v1/reference/institutions');
    const bankId = (s: string) => inst.find((i) => i.shortName === s)!.id;
    const [A, B, C] = [bankId('工商银行江门分行'), bankId('农业银行江门分行'), bankId('江门农商银行')];
    // Three more enterprises register on the platform (the lighter demo holds two).
    for (const [first16, name, district] of [
      ['91440703MA4W8K2R', '江门市骏业塑胶制品有限公司', '440703'],
      ['91440705MA51RT3D', '江门市海联电器实业有限公司', '440705'],
      ['91440704MA53QH7L', '江门市华锐电子有限公司', '440704'],
    ] as const) {
      const res = await fetch(`${p.server.baseUrl}/api/v1/enterprises/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          uscc: completeUscc(first16),
          name,
          registeredAddress: '江门市测试路 1 号',
          operatingAddress: '江门市测试路 1 号',
          districtCode: district,
          type: 'manufacturer',
          isSme: true,
          establishedOn: '2015-03-01',
          contactName: '联系人',
          contactPhone: '13702281234',
          account: {
            username: `e2e${first16.slice(-6).toLowerCase()}`,
            displayName: '企业管理员',
            password: 'Jmsz#Outreach2026',
          },
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
    const { items: ents } = await admin<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/v1/enterprises?pageSize=100',
    );
    const ent = (part: string) => ents.find((e) => e.name.includes(part))!.id;
    const [qiye, junye, hailian, fws, huarui] = ['精密五金', '骏业', '海联', '智造云', '华锐'].map(ent) as [
      string,
      string,
      string,
      string,
      string,
    ];
    const reg = `/api/v1/outreach/events/${eventId}/registrations`;
    const self = { institutionId: null, enterpriseId: null };
    await (await apiSession(p.server, 'gonghang'))('POST', reg, {
      ...self,
      wishes: [qiye, junye, hailian],
      contactName: '信贷部',
    });
    await admin('POST', reg, { institutionId: B, enterpriseId: null, wishes: [fws, huarui], contactName: '信贷部' });
    await (await apiSession(p.server, 'nongshang'))('POST', reg, {
      ...self,
      wishes: [hailian, fws],
      contactName: '信贷部',
    });
    await (await apiSession(p.server, 'qiye'))('POST', reg, { ...self, wishes: [A, C], contactName: '财务' });
    for (const [e, w] of [
      [junye, [A, B]],
      [hailian, [C]],
      [fws, [B]],
      [huarui, [A]],
    ] as const)
      await admin('POST', reg, { institutionId: null, enterpriseId: e, wishes: w, contactName: '财务' });

    await page.reload();
    await page.getByRole('tab', { name: '融资对接会' }).click();
    const evRow = page.getByRole('row').filter({ hasText: THEME });
    await clickUntil(evRow.locator('.ant-table-row-expand-icon'), page.getByRole('button', { name: '排定洽谈' }));
    await clickUntil(
      page.getByRole('button', { name: '排定洽谈' }),
      page.getByTestId('meetings').getByRole('row').nth(10),
    );
    const rows = await page.getByTestId('meetings').locator('tbody tr').allInnerTexts();
    const cells = rows.map((r) => r.split('\t').map((c) => c.trim()));
    expect(cells).toHaveLength(10);
    const seen = new Set<string>();
    for (const [slot, institution, enterprise] of cells) {
      for (const k of [`${slot}|${institution}`, `${slot}|${enterprise}`]) {
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
    await expect(page.getByText('未能安排的意向').count()).resolves.toBe(0);
    await screenshot(page, 'outreach-event-city');
  });

  it('the bank reads its own timetable', async () => {
    const { page } = bank;
    await page.goto('/bank/outreach');
    await page.getByRole('tab', { name: '融资对接会' }).click();
    const row = page.getByRole('row').filter({ hasText: THEME });
    await clickUntil(row.locator('.ant-table-row-expand-icon'), page.getByTestId('timetable'));
    const tt = page.getByTestId('timetable');
    for (const name of ['精密五金', '骏业', '海联', '华锐']) await tt.getByText(new RegExp(name)).waitFor();
    await screenshot(page, 'outreach-event-bank');
  });
});
