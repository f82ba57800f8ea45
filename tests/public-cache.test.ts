/** Read-only public answers carry Cache-Control and an ETag, and a repeated request with If-None-Match gets a 304. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  await p.close();
});

describe('public cache', () => {
  it.each([
    '/api/v1/filing-windows?year=2026',
    '/api/v1/policies',
    '/api/v1/policies/zyb.interest/versions',
    '/api/v1/policies/interpretations',
  ])('%s may be kept a minute and is revalidated by its ETag', async (url) => {
    const s = anonymous(p.app);
    const first = await s.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const again = await s.get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['cache-control']).toBe('public, max-age=60');
    // Another year is another answer with another tag.
    if (url.includes('year=')) {
      const other = await s.get('/api/v1/filing-windows?year=2025', { 'if-none-match': etag });
      expect(other.statusCode).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
    }
  });

  it('keeps personal and computed answers out of shared caches', async () => {
    const s = anonymous(p.app);
    const calc = await s.post('/api/v1/calculators/zyb-subsidy', {});
    expect(calc.headers['cache-control']).toBe('no-store');
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(401);
    expect(me.headers['cache-control']).toBe('no-store');
  });
});
