/**
 * Rate limits (ADR 0025): an instance claims leases of a window's budget from the shared counter and admits from
 * them in memory, so it writes far less than once a request; the leases never add up to more than the limit, so the
 * limit holds exactly across instances; the limits are settings (HUIQI_RATE_LIMITS).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRateLimits, RATE_LIMIT_DEFAULTS } from '../src/config';
import { type App, buildApp } from '../src/server/app';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  await p.close();
});

const windows = (app: App, remoteAddress: string) =>
  app.inject({ method: 'GET', url: '/api/v1/filing-windows?year=2026', remoteAddress });

async function claims(app: App): Promise<number> {
  const text = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const line = text.split('\n').find((l) => l.startsWith('huiqi_rate_limit_claims_total '));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

describe('rate-limit leases', () => {
  it('writes to the shared counter once per lease, not once per request', async () => {
    p.deps.config.rateLimits.public = 100;
    try {
      const before = await claims(p.app);
      for (let i = 0; i < 25; i++) expect((await windows(p.app, '192.0.2.10')).statusCode).toBe(200);
      // Leases of a tenth of the limit: 10 + 10 + 10 cover 25 requests.
      expect((await claims(p.app)) - before).toBe(3);
    } finally {
      p.deps.config.rateLimits.public = RATE_LIMIT_DEFAULTS.public;
    }
  });

  it('admits exactly the limit across two instances that take turns, then refuses on both', async () => {
    p.deps.config.rateLimits.public = 100;
    const second = await buildApp(p.deps);
    await second.ready();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 130; i++) statuses.push((await windows(i % 2 ? second : p.app, '192.0.2.20')).statusCode);
      expect(statuses.filter((s) => s === 200)).toHaveLength(100);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30);
      expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
      const limited = await windows(second, '192.0.2.20');
      expect(limited.json().error.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
      // Another address has its own budget; and after the window both instances admit again.
      expect((await windows(p.app, '192.0.2.21')).statusCode).toBe(200);
      p.clock.advance(61_000);
      expect((await windows(second, '192.0.2.20')).statusCode).toBe(200);
      expect((await windows(p.app, '192.0.2.20')).statusCode).toBe(200);
    } finally {
      p.deps.config.rateLimits.public = RATE_LIMIT_DEFAULTS.public;
      await second.close();
    }
  });

  it('never admits more than the limit when requests arrive at once on two instances', async () => {
    p.deps.config.rateLimits.public = 50;
    const second = await buildApp(p.deps);
    await second.ready();
    try {
      const all = await Promise.all(
        Array.from({ length: 90 }, (_, i) => windows(i % 3 ? second : p.app, '192.0.2.30')),
      );
      const admitted = all.filter((r) => r.statusCode === 200).length;
      expect(admitted).toBeLessThanOrEqual(50);
      // At most a lease less one may be left unused on each instance.
      expect(admitted).toBeGreaterThanOrEqual(50 - 2 * 4);
      expect(all.every((r) => r.statusCode === 200 || r.statusCode === 429)).toBe(true);
    } finally {
      p.deps.config.rateLimits.public = RATE_LIMIT_DEFAULTS.public;
      await second.close();
    }
  });

  it('follows a changed setting without a restart', async () => {
    p.deps.config.rateLimits.public = 3;
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await windows(p.app, '192.0.2.40')).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      p.deps.config.rateLimits.public = RATE_LIMIT_DEFAULTS.public;
    }
  });
});

describe('HUIQI_RATE_LIMITS', () => {
  it('changes the limits it names and keeps the defaults of the rest', () => {
    expect(parseRateLimits(undefined)).toEqual(RATE_LIMIT_DEFAULTS);
    const set = parseRateLimits(' public=120 , login=10');
    expect(set.public).toBe(120);
    expect(set.login).toBe(10);
    expect(set.reference).toBe(RATE_LIMIT_DEFAULTS.reference);
  });

  it('refuses an unknown kind or a value that is not a whole number of at least 1, naming it', () => {
    expect(() => parseRateLimits('publik=10')).toThrow(/“publik=10”无法识别/);
    expect(() => parseRateLimits('login=0')).toThrow(/“login”的值应为不小于 1 的整数/);
    expect(() => parseRateLimits('login=2.5')).toThrow(/不小于 1 的整数/);
    expect(() => parseRateLimits('login')).toThrow(/不小于 1 的整数/);
  });
});
