/**
 * A backup restored into an empty database: the operator stops the platform, runs `huiqi backup`, restores the file
 * with `huiqi restore` into a new data directory (or a new PostgreSQL database), starts the platform on it, and the
 * staff find their records, sign in as before and see an intact audit chain.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  type E2EServer,
  launchBrowser,
  loginAs,
  logout,
  newSession,
  ROOT,
  screenshot,
  startServer,
  throwawayDatabase,
} from './fixtures';

let browser: Browser;
const cleanup: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => {});
  await browser?.close();
});

function huiqi(args: string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, ['packages/cli/bin/huiqi.mjs', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`huiqi ${args.join(' ')} → ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('backup and restore', () => {
  it('restores a backup into an empty database: records, sign-in and an intact audit chain come back', async () => {
    const before: E2EServer = await startServer();
    cleanup.push(() => before.close());
    const call = await apiSession(before, 'anquan');
    await call('POST', '/api/v1/users', {
      username: 'beifenhedui',
      displayName: '备份核对员',
      role: 'city_reviewer',
      password: 'Beifen@2026check',
    });
    await before.stop();

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-e2e-restore-'));
    cleanup.push(async () => fs.rmSync(work, { recursive: true, force: true }));
    const file = path.join(work, 'huiqi.bak');
    expect(huiqi(['backup', '--out', file], before.env)).toContain('备份完成');

    // An empty data directory holding only the data key (kept apart from backups), and an empty database.
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    fs.cpSync(path.join(before.env.HUIQI_DATA_DIR!, 'secret'), path.join(dataDir, 'secret'), { recursive: true });
    const db = await throwawayDatabase();
    const restoredEnv = { ...before.env, HUIQI_DATA_DIR: dataDir, ...(db ? { DATABASE_URL: db.url } : {}) };
    expect(huiqi(['restore', '--in', file], restoredEnv)).toContain('恢复完成');

    const after = await startServer({ dataDir, ...(db ? { databaseUrl: db.url } : {}), demoData: 'none' });
    cleanup.push(async () => {
      await after.close();
      await db?.drop();
    });

    const s = await newSession(browser, after);
    const { page } = s;
    await loginAs(page, 'anquan');
    await page.waitForURL(/\/security\/users$/);
    await page.locator('.ant-table-tbody').getByText('beifenhedui', { exact: true }).waitFor();
    await page.locator('.ant-table-tbody').getByText('备份核对员').waitFor();
    await screenshot(page, 'restored-users');
    await logout(page);

    await loginAs(page, 'shenji');
    await page.getByRole('menuitem', { name: /审计日志/ }).click();
    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText('审计日志完整，未发现篡改').waitFor();
    await screenshot(page, 'restored-audit-verify');
    expect(s.errors).toEqual([]);
    await s.close();
  }, 240_000);
});
