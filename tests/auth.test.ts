import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from './helpers/factories';
import { anonymous, loginAs } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p.close());

describe('sign-in and sessions', () => {
  it('signs in, reads me, and refuses a state change without the CSRF token', async () => {
    const u = await makeUser(p.deps, 'city_reviewer');
    const s = await loginAs(p.app, u.username, u.password);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().role).toBe('city_reviewer');
    // Personal answers are never kept by a browser or proxy; public reference data says its own cache policy.
    expect(me.headers['cache-control']).toBe('no-store');
    expect((await s.get('/api/v1/notifications/unread-count')).headers['cache-control']).toBe('no-store');
    expect((await anonymous(p.app).get('/api/health')).headers['cache-control']).toBe('no-store');
    const districts = await anonymous(p.app).get('/api/v1/reference/districts');
    expect(districts.statusCode).toBe(200);
    expect(districts.headers['cache-control']).toMatch(/^public/);
    const noCsrf = await s.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { 'x-csrf-token': 'wrong' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_REJECTED');
    const out = await s.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('locks the account after 5 failures for 15 minutes', async () => {
    const u = await makeUser(p.deps, 'enterprise');
    const s = anonymous(p.app);
    for (let i = 1; i <= 4; i++) {
      const r = await s.post('/api/v1/auth/login', { username: u.username, password: 'Wrong@pass1' });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await s.post('/api/v1/auth/login', { username: u.username, password: 'Wrong@pass1' });
    expect(fifth.statusCode).toBe(423);
    const right = await s.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expect(right.statusCode).toBe(423);
    expect(right.json().error.message).toContain('锁定');
    p.clock.advance(15 * 60_000 + 1000);
    const later = await s.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expect(later.statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const u = await makeUser(p.deps, 'city_admin');
    const s = await loginAs(p.app, u.username, u.password);
    p.clock.advance(29 * 60_000);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(200);
    p.clock.advance(31 * 60_000);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('changes the password only to a strong one, naming the field', async () => {
    const u = await makeUser(p.deps, 'city_admin');
    const s = await loginAs(p.app, u.username, u.password);
    const weak = await s.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'abcdefgh' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    expect(weak.json().error.message).toContain('新密码');
    const en = await s.post(
      '/api/v1/auth/password',
      { currentPassword: u.password, newPassword: 'short' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toContain('newPassword');
    const ok = await s.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'N3w-Strong-pw' });
    expect(ok.statusCode).toBe(200);
    await expect(loginAs(p.app, u.username, 'N3w-Strong-pw')).resolves.toBeTruthy();
  });
});
