/**
 * The platform's test-only clock: `HUIQI_TEST_NOW=<ISO instant>` starts the server's clock at that instant (it then
 * runs on at the normal pace), so browser journeys behave the same whatever the machine's date. It is honoured only
 * together with `HUIQI_TEST_MODE=1`; given without it, the server refuses to start.
 */
export type TestClock = { ok: true; clock: (() => Date) | null } | { ok: false; message: string };

export function testClockFromEnv(
  env: Record<string, string | undefined>,
  realNow: () => number = () => Date.now(),
): TestClock {
  const setting = env.HUIQI_TEST_NOW?.trim();
  if (!setting) return { ok: true, clock: null };
  if (env.HUIQI_TEST_MODE !== '1') {
    return {
      ok: false,
      message:
        '测试时钟 HUIQI_TEST_NOW 只能在测试模式（HUIQI_TEST_MODE=1）下使用，服务拒绝启动。\n' +
        'HUIQI_TEST_NOW is a test-only setting and is refused outside test mode (HUIQI_TEST_MODE=1); the server will not start.',
    };
  }
  const start = Date.parse(setting);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(setting) || Number.isNaN(start)) {
    return {
      ok: false,
      message: `测试时钟 HUIQI_TEST_NOW 不是有效的时间（应为 ISO 8601，如 2026-06-15T02:00:00Z）：${setting}\nHUIQI_TEST_NOW is not a valid ISO 8601 instant: ${setting}`,
    };
  }
  const began = realNow();
  return { ok: true, clock: () => new Date(start + (realNow() - began)) };
}
