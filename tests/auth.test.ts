import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, users } from '../src/db/schema';
import { DEMO_PASSWORD, seedDemo } from '../src/db/seed/demo';
import { orgCodeCheckChar } from '../src/domain/enterprise/uscc';
import { makeUser, withCheckChar } from './helpers/factories';
import { anonymous, loginAs, type Session, signInFromNewAddresses } from './helpers/session';
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

  it('locks the account after 5 failures for 15 minutes, answering exactly as for an unknown username', async () => {
    const u = await makeUser(p.deps, 'enterprise');
    const s = anonymous(p.app);
    const unknown = await s.post('/api/v1/auth/login', { username: `nobody-${u.username}`, password: 'Wrong@pass1' });
    expect(unknown.statusCode).toBe(401);
    const answers = [];
    for (let i = 1; i <= 5; i++) {
      answers.push(await s.post('/api/v1/auth/login', { username: u.username, password: 'Wrong@pass1' }));
    }
    const right = await s.post('/api/v1/auth/login', { username: u.username, password: u.password });
    // Wrong passwords, the locking one and the right password on a locked account: the unknown user's answer.
    for (const r of [...answers, right]) {
      expect(r.statusCode).toBe(401);
      const { requestId: _, ...error } = r.json().error;
      const { requestId: __, ...unknownError } = unknown.json().error;
      expect(error).toEqual(unknownError);
    }
    expect(unknown.json().error.message).toContain('用户名或密码错误');
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.lockedUntil!.getTime()).toBe(p.clock().getTime() + 15 * 60_000);

    // The holder is told of the lock (in the app, and by SMS / e-mail where an address is known) once.
    const told = await p.deps.db.select().from(notifications).where(eq(notifications.recipientUserId, u.id));
    expect(told.map((n) => n.kind)).toEqual(['account_locked']);
    expect(told[0]!.body).toContain('连续 5 次登录失败');
    const refused = await p.deps.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, u.id), eq(auditEvents.action, 'auth.login_failed')));
    expect(refused.some((e) => (e.after as { reason?: string }).reason === 'locked')).toBe(true);

    p.clock.advance(15 * 60_000 + 1000);
    const later = await s.post('/api/v1/auth/login', { username: u.username, password: u.password });
    expect(later.statusCode).toBe(200);
  });

  it('20 sign-ins at once (19 wrong, 1 right): once locked, no right password is let in', async () => {
    const u = await makeUser(p.deps, 'enterprise');
    const s = anonymous(p.app);
    const tries = Array.from({ length: 20 }, (_, i) => (i === 10 ? u.password : 'Wrong@pass1'));
    const answers = await Promise.all(
      tries.map((password, n) =>
        p.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: `10.9.0.${n + 1}`,
          payload: { username: u.username, password },
        }),
      ),
    );
    const events = await p.deps.db
      .select({ action: auditEvents.action, seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.objectId, u.id));
    const actions = events.sort((a, b) => Number(a.seq) - Number(b.seq)).map((e) => e.action);
    const lockedAt = actions.indexOf('auth.account_locked');
    expect(lockedAt).toBeGreaterThanOrEqual(0);
    // Exactly one lock, and no sign-in after it.
    expect(actions.filter((a) => a === 'auth.account_locked')).toHaveLength(1);
    expect(actions.slice(lockedAt).includes('auth.login')).toBe(false);
    expect(answers.every((r) => [200, 401].includes(r.statusCode))).toBe(true);
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

/** Signs in from an address of its own, so the per-address sign-in limit does not interfere. */
const signInHere = signInFromNewAddresses(() => p.app, 7);
async function signIn(username: string, password: string): Promise<{ s: Session; body: Record<string, unknown> }> {
  const s = await signInHere(username, password);
  return { s, body: s.login };
}

async function eventsFor(userId: string, action: string) {
  return p.deps.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.objectId, userId), eq(auditEvents.action, action)))
    .orderBy(auditEvents.seq);
}

describe('a password set by an administrator must be changed first', () => {
  it('refuses every other request with 403 PASSWORD_CHANGE_REQUIRED until the holder changes it', async () => {
    const sec = await makeUser(p.deps, 'security_admin');
    const admin = (await signIn(sec.username, sec.password)).s;
    const username = `temp_${randomUUID().slice(0, 8)}`;
    const created = await admin.post('/api/v1/users', {
      username,
      displayName: '临时密码审核员',
      role: 'city_reviewer',
      password: 'Given#Pass2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().user.mustChangePassword).toBe(true);
    const userId: string = created.json().user.id;
    const [createdEvent] = await eventsFor(userId, 'user.created');
    expect(createdEvent!.after).toMatchObject({ username, mustChangePassword: true });

    const { s, body } = await signIn(username, 'Given#Pass2026');
    expect(body.mustChangePassword).toBe(true);
    const me = await s.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mustChangePassword).toBe(true);

    const refused = await s.get('/api/v1/notifications/unread-count');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(refused.json().error.message).toContain('请先修改密码');
    const en = await s.get('/api/v1/notifications/unread-count', { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('change it before you continue');
    // State-changing requests too (the CSRF check still comes first).
    const write = await s.post('/api/v1/notifications/read-all', {});
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const changed = await s.post('/api/v1/auth/password', {
      currentPassword: 'Given#Pass2026',
      newPassword: 'Own-Choice-2026',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await s.get('/api/v1/auth/me')).json().mustChangePassword).toBe(false);
    const allowed = await s.get('/api/v1/notifications/unread-count');
    expect(allowed.statusCode, allowed.body).toBe(200);
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, userId));
    expect(row!.mustChangePassword).toBe(false);
    const [changedEvent] = await eventsFor(userId, 'auth.password_changed');
    expect(changedEvent!.before).toEqual({ mustChangePassword: true });
    expect(changedEvent!.after).toEqual({ mustChangePassword: false });
    // A later sign-in is no longer forced.
    expect((await signIn(username, 'Own-Choice-2026')).body.mustChangePassword).toBe(false);
  });

  it('a reset by an administrator forces the change again; signing out stays possible meanwhile', async () => {
    const sec = await makeUser(p.deps, 'security_admin');
    const admin = (await signIn(sec.username, sec.password)).s;
    const u = await makeUser(p.deps, 'city_admin');
    expect((await signIn(u.username, u.password)).body.mustChangePassword).toBe(false);

    const reset = await admin.post(`/api/v1/users/${u.id}/reset-password`, {});
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().user.mustChangePassword).toBe(true);
    const [resetEvent] = await eventsFor(u.id, 'user.password_reset');
    expect(resetEvent!.after).toMatchObject({ passwordGenerated: true, mustChangePassword: true });

    const { s, body } = await signIn(u.username, reset.json().temporaryPassword);
    expect(body.mustChangePassword).toBe(true);
    expect((await s.get('/api/v1/enterprises')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const out = await s.post('/api/v1/auth/logout', {});
    expect(out.statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('an enterprise that registers itself chose its own password and is not forced', async () => {
    const body8 = `MA${randomUUID().replace(/\D/g, '').padEnd(6, '1').slice(0, 6)}`;
    const uscc = withCheckChar(`91440703${body8}${orgCodeCheckChar(body8)}`);
    const username = `self_${randomUUID().slice(0, 8)}`;
    const reg = await anonymous(p.app).request({
      method: 'POST',
      url: '/api/v1/enterprises/register',
      remoteAddress: '10.8.0.1',
      payload: {
        uscc,
        name: `江门市自注册${randomUUID().slice(0, 4)}机械有限公司`,
        registeredAddress: '江门市蓬江区白沙大道西 1 号',
        operatingAddress: '江门市蓬江区白沙大道西 1 号',
        districtCode: '440703',
        type: 'manufacturer',
        isSme: true,
        establishedOn: '2015-06-01',
        contactName: '李明',
        contactPhone: '13912345678',
        legalRepName: '李明',
        legalRepIdNumber: '440703198001011234',
        account: { username, displayName: '李明', password: 'Qiye@2026x' },
      },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const { s, body } = await signIn(username, 'Qiye@2026x');
    expect(body.mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/auth/me')).json().mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/notifications/unread-count')).statusCode).toBe(200);
  });

  it('the demo accounts are not forced to change the shared demo password', async () => {
    const accounts = await seedDemo(p.deps.db, p.deps.cipher);
    expect(accounts.length).toBeGreaterThan(5);
    const rows = await p.deps.db.select({ u: users.username, must: users.mustChangePassword }).from(users);
    for (const a of accounts) expect(rows.find((r) => r.u === a.username)?.must, a.username).toBe(false);
    const { s, body } = await signIn(accounts[0]!.username, DEMO_PASSWORD);
    expect(body.mustChangePassword).toBe(false);
    expect((await s.get('/api/v1/notifications/unread-count')).statusCode).toBe(200);
  });
});
