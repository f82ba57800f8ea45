/** Response headers a security review asks for, and rate limits on the public data and documentation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymous } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

describe('security headers', () => {
  let p: TestPlatform;
  let secure: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ secureCookies: false });
    secure = await createTestPlatform({ secureCookies: true });
  });
  afterAll(async () => {
    await p.close();
    await secure.close();
  });

  it('sends a content security policy that allows no inline or foreign script and no framing', async () => {
    const res = await anonymous(p.app).get('/api/v1/reference/districts');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sends HSTS only when cookies are secure (served over HTTPS)', async () => {
    expect((await anonymous(p.app).get('/api/v1/health')).headers['strict-transport-security']).toBeUndefined();
    const res = await anonymous(secure.app).get('/api/v1/health');
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
  });

  it('the documentation pages carry Swagger UI’s own policy (script files only, no inline script)', async () => {
    const res = await anonymous(p.app).get('/api/docs/');
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // Over plain HTTP (the demo) the browser must not be told to upgrade to HTTPS.
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('limits the public reference data and the OpenAPI document per client address', async () => {
    const s = anonymous(p.app);
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await s.get('/api/openapi.json')).statusCode);
    expect(statuses.slice(0, 120).every((c) => c === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    const other = await p.app.inject({ method: 'GET', url: '/api/openapi.json', remoteAddress: '10.1.2.3' });
    expect(other.statusCode).toBe(200);

    let last = 0;
    for (let i = 0; i < 601; i++) last = (await s.get('/api/v1/reference/institutions')).statusCode;
    expect(last).toBe(429);
  }, 120_000);
});
