/**
 * The operations commands: `huiqi sweep` (the project library's periodic duties, once) and `huiqi outbox dispatch`
 * (deliver due SMS / e-mail once). Each runs against a database the command opens itself — a PGlite data
 * directory, or with DATABASE_URL a throwaway PostgreSQL database — exactly as an operator's cron job would.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOutbox } from '../src/cli/commands/outbox';
import { runSweep } from '../src/cli/commands/sweep';
import { loadConfig } from '../src/config';
import { runMigrations } from '../src/db/client';
import { notificationOutbox, notifications } from '../src/db/schema';
import { seedReference } from '../src/db/seed/reference';
import type { Deps } from '../src/services/context';
import { createDataCipher } from '../src/services/crypto/data-cipher';
import { MemoryFileStorage } from '../src/services/storage/file-storage';
import { captureIO } from './helpers/cli-io';
import { makeEnterprise, makeUser } from './helpers/factories';
import { type CliTarget, cliTarget } from './helpers/throwaway-db';

const ROOT = path.join(import.meta.dirname, '..');
const BIN = path.join(ROOT, 'packages', 'cli', 'bin', 'huiqi.mjs');
const KEY = randomBytes(32);

/** Opens the target, runs `fn` with use-case dependencies on it (same data key as the commands), closes it. */
async function withDeps<T>(t: CliTarget, fn: (deps: Deps) => Promise<T>): Promise<T> {
  const database = await t.open();
  try {
    const deps: Deps = {
      db: database.db,
      readDb: database.db,
      config: loadConfig(t.env),
      clock: () => new Date(),
      cipher: createDataCipher(KEY),
      storage: new MemoryFileStorage(),
    };
    return await fn(deps);
  } finally {
    await database.close();
  }
}

let t: CliTarget;
let enterpriseUserId: string;

beforeAll(async () => {
  t = await cliTarget('huiqi_ops', { HUIQI_DATA_KEY: KEY.toString('base64') });
  const database = await t.open();
  await runMigrations(database);
  await seedReference(database.db);
  await database.close();
  enterpriseUserId = await withDeps(t, async (deps) => {
    const e = await makeEnterprise(deps);
    return (await makeUser(deps, 'enterprise', { enterpriseId: e.id, isEnterpriseAdmin: true })).id;
  });
}, 120_000);

afterAll(async () => t?.dispose());

describe('huiqi sweep', () => {
  it('on a day a filing window is open tells enterprise users once; a second run sends nothing again', async () => {
    const io = captureIO();
    expect(await runSweep(['--as-of', '2026-11-12'], io, t.env)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(
      /^项目库巡检完成：逾期未补正失效 0 件，申报窗口通知 1 条，核实到期提醒 0 条，进展报告提醒 0 条/,
    );

    const again = captureIO();
    expect(await runSweep(['--as-of', '2026-11-13T09:30:00+08:00', '--json'], again, t.env)).toBe(0);
    expect(again.json()).toMatchObject({
      at: '2026-11-13T01:30:00.000Z',
      lapsed: 0,
      windowNotices: 0,
      reviewNotices: 0,
      reportNotices: 0,
    });

    const sent = await withDeps(t, (deps) =>
      deps.db.select().from(notifications).where(eq(notifications.recipientUserId, enterpriseUserId)),
    );
    expect(sent.map((n) => [n.kind, n.title])).toEqual([['window_open', '2026年11月入库申报窗口已开放']]);
  });

  it('outside a window sends no window notice', async () => {
    const io = captureIO();
    expect(await runSweep(['--as-of', '2026-11-20', '--json'], io, t.env)).toBe(0);
    expect(io.json()).toMatchObject({ windowNotices: 0 });
  });

  it('refuses bad arguments with a Chinese message and exit code 2, before touching the database', async () => {
    const unknown = captureIO();
    expect(await runSweep(['--now'], unknown, t.env)).toBe(2);
    expect(unknown.stderr.join('')).toContain('输入有误：未知参数“--now”');

    const date = captureIO();
    expect(await runSweep(['--as-of', '2026-02-30', '--json'], date, t.env)).toBe(2);
    expect(date.json()).toMatchObject({
      error: { code: 'VALIDATION_FAILED', fields: [{ path: 'as-of' }] },
    });
    expect(date.stderr.join('')).toContain('执行时间（--as-of）');

    const extra = captureIO();
    expect(await runSweep(['now'], extra, t.env)).toBe(2);
    expect(extra.stderr.join('')).toContain('多余的参数“now”');

    const missing = captureIO();
    expect(await runSweep(['--as-of'], missing, t.env)).toBe(2);
    expect(missing.stderr.join('')).toContain('参数 --as-of 缺少取值');
  });

  it('exits 3 with a Chinese message when there is no database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huiqi-ops-empty-'));
    try {
      const io = captureIO();
      expect(await runSweep([], io, { PORT: '9', HUIQI_DATA_DIR: dir })).toBe(3);
      expect(io.stderr.join('')).toContain('未找到内嵌数据库');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('huiqi outbox dispatch', () => {
  let dueId: string;
  let laterId: string;
  beforeAll(async () => {
    [dueId, laterId] = await withDeps(t, async (deps) => {
      const now = new Date();
      const rows = await deps.db
        .insert(notificationOutbox)
        .values(
          [now, new Date(now.getTime() + 3600_000)].map((at, i) => ({
            channel: 'sms',
            recipientUserId: enterpriseUserId,
            addressEnc: deps.cipher.encrypt(`1390000000${i}`),
            addressMasked: `139****000${i}`,
            subject: `测试短信 ${i}`,
            body: `【惠企】测试短信 ${i}`,
            kind: 'report_overdue',
            status: 'pending',
            nextAttemptAt: at,
            createdAt: now,
          })),
        )
        .returning({ id: notificationOutbox.id });
      return [rows[0]!.id, rows[1]!.id];
    });
  });

  it('delivers the due message once, leaves the later one pending, and keeps standard output to the summary', async () => {
    const io = captureIO();
    expect(await runOutbox(['dispatch'], io, t.env)).toBe(0);
    expect(io.stdout).toEqual([
      expect.stringMatching(/^发件箱投递完成：本次取出 1 条，已发送 1 条，稍后重试 0 条，最终失败 0 条/),
    ]);
    // The logging sender's record (masked number) went to standard error, not into the summary.
    expect(io.stderr.join('\n')).toContain('139****0000');
    expect(io.stderr.join('\n')).not.toContain('13900000000');

    const rows = await withDeps(t, (deps) => deps.db.select().from(notificationOutbox));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(dueId)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byId.get(laterId)).toMatchObject({ status: 'pending', attempts: 0 });

    const again = captureIO();
    expect(await runOutbox(['dispatch', '--json'], again, t.env)).toBe(0);
    expect(again.json()).toMatchObject({ claimed: 0, sent: 0, retrying: 0, failed: 0 });
  });

  it('refuses a missing or unknown subcommand with exit code 2', async () => {
    const none = captureIO();
    expect(await runOutbox([], none, t.env)).toBe(2);
    expect(none.stderr.join('')).toContain('缺少子命令“dispatch”');
    const other = captureIO();
    expect(await runOutbox(['send', '--json'], other, t.env)).toBe(2);
    expect(other.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    expect(other.stderr.join('')).toContain('未知子命令“send”');
  });
});

describe('npx huiqi (a real process)', () => {
  it('runs both commands through the dispatcher with their exit codes', () => {
    const spawn = (args: string[]) =>
      spawnSync(process.execPath, [BIN, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...t.env, ...(t.env.DATABASE_URL ? {} : { DATABASE_URL: '' }) },
        encoding: 'utf8',
        timeout: 60_000,
      });
    const sweep = spawn(['sweep', '--as-of', '2026-11-21', '--json']);
    expect(sweep.stderr).toBe('');
    expect(sweep.status).toBe(0);
    expect(JSON.parse(sweep.stdout)).toMatchObject({ lapsed: 0, windowNotices: 0 });

    const dispatch = spawn(['outbox', 'dispatch']);
    expect(dispatch.status).toBe(0);
    expect(dispatch.stdout.trim()).toMatch(/^发件箱投递完成：没有到期待发的短信\/邮件/);

    const bad = spawn(['outbox', 'dispatch', '--all']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('输入有误：未知参数“--all”');
    expect(bad.stdout).toBe('');
  }, 120_000);
});
