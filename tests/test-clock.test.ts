import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testClockFromEnv } from '../src/test-clock';

describe('the test-only platform clock', () => {
  it('is absent unless HUIQI_TEST_NOW is given', () => {
    expect(testClockFromEnv({})).toEqual({ ok: true, clock: null });
  });

  it('starts at the given instant and runs on at the normal pace in test mode', () => {
    let real = 1_000_000;
    const r = testClockFromEnv({ HUIQI_TEST_NOW: '2026-06-15T02:00:00Z', HUIQI_TEST_MODE: '1' }, () => real);
    if (!r.ok || !r.clock) throw new Error('expected a clock');
    expect(r.clock().toISOString()).toBe('2026-06-15T02:00:00.000Z');
    real += 90_000;
    expect(r.clock().toISOString()).toBe('2026-06-15T02:01:30.000Z');
  });

  it.each([
    [{ HUIQI_TEST_NOW: '2026-06-15T02:00:00Z' }],
    [{ HUIQI_TEST_NOW: '2026-06-15T02:00:00Z', NODE_ENV: 'production' }],
    [{ HUIQI_TEST_NOW: '2026-06-15T02:00:00Z', HUIQI_TEST_MODE: 'true' }],
  ])('is refused outside test mode: %j', (env) => {
    const r = testClockFromEnv(env);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain('测试模式');
      expect(r.message).toContain('refused outside test mode');
    }
  });

  it('refuses an instant that is not ISO 8601', () => {
    const r = testClockFromEnv({ HUIQI_TEST_NOW: 'tomorrow', HUIQI_TEST_MODE: '1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('不是有效的时间');
  });

  it('makes the server refuse to start when given outside test mode', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, HUIQI_TEST_NOW: '2026-06-15T02:00:00Z', NODE_ENV: 'production' };
    delete env.HUIQI_TEST_MODE;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('服务拒绝启动');
    expect(run.stderr).toContain('the server will not start');
  }, 90_000);
});
