/** Two-factor sign-in (TOTP, RFC 6238): enrolment, the second step, recovery codes, reset, demo accounts. */
import { eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../src/db/schema';
import { makeUser, TEST_PASSWORD } from './helpers/factories';
import { anonymous, loginAs } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ requireTwoFactor: true });
});
afterAll(() => p.close());

const codeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000) });

async function enrol(username: string) {
  const s = await loginAs(p.app, username, TEST_PASSWORD);
  const setup = await s.post('/api/v1/auth/two-factor/setup');
  expect(setup.statusCode).toBe(200);
  const { secret, otpauthUri } = setup.json();
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
  const confirm = await s.post('/api/v1/auth/two-factor/confirm', { code: await codeAt(secret, p.clock()) });
  expect(confirm.statusCode).toBe(200);
  return { s, secret: secret as string, recoveryCodes: confirm.json().recoveryCodes as string[] };
}

describe('two-factor sign-in', () => {
  it('a required role must enrol before doing anything else; an optional role need not', async () => {
    const admin = await makeUser(p.deps, 'city_admin');
    const s = await loginAs(p.app, admin.username, TEST_PASSWORD);
    const me = (await s.get('/api/v1/auth/me')).json();
    expect(me.mustEnrolTwoFactor).toBe(true);
    const blocked = await s.get('/api/v1/users/');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TWO_FACTOR_ENROLMENT_REQUIRED');

    const ent = await makeUser(p.deps, 'bank_officer');
    const e = await loginAs(p.app, ent.username, TEST_PASSWORD);
    expect((await e.get('/api/v1/auth/me')).json().mustEnrolTwoFactor).toBe(false);
  });

  it('after enrolment the sign-in asks for the code, accepts it once, and stores the secret encrypted', async () => {
    const u = await makeUser(p.deps, 'security_admin');
    const { secret } = await enrol(u.username);
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.totpSecretEnc).not.toContain(secret);
    expect(p.deps.cipher.decrypt(row!.totpSecretEnc!)).toBe(secret);

    const anon = anonymous(p.app);
    const missing = await anon.post('/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe('SECOND_FACTOR_REQUIRED');

    const wrong = await anon.post('/api/v1/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
      otp: '000000',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_SECOND_FACTOR');

    p.clock.advance(60_000);
    const otp = await codeAt(secret, p.clock());
    const ok = await anonymous(p.app).post('/api/v1/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
      otp,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustEnrolTwoFactor).toBe(false);
    const replay = await anonymous(p.app).post('/api/v1/auth/login', {
      username: u.username,
      password: TEST_PASSWORD,
      otp,
    });
    expect(replay.statusCode).toBe(401);

    const failed = await p.deps.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.second_factor_failed'));
    expect(failed.some((e) => e.objectId === u.id)).toBe(true);
  });

  it('wrong codes count toward the lockout like wrong passwords: the fifth locks, then even a right code is refused', async () => {
    const u = await makeUser(p.deps, 'district_reviewer', { districtCode: '440703' });
    const { secret } = await enrol(u.username);
    p.clock.advance(60_000);
    const anon = anonymous(p.app);
    const guess = (otp: string) =>
      anon.post('/api/v1/auth/login', { username: u.username, password: TEST_PASSWORD, otp });
    const right = await codeAt(secret, p.clock());
    const wrongCode = right === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) expect((await guess(wrongCode)).json().error.code).toBe('INVALID_SECOND_FACTOR');
    const fifth = await guess(wrongCode);
    expect(fifth.json().error.code).toBe('INVALID_CREDENTIALS');
    const afterLock = await guess(right);
    expect(afterLock.statusCode).toBe(401);
    expect(afterLock.json().error.code).toBe('INVALID_CREDENTIALS');
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.lockedUntil).not.toBeNull();
  });

  it('a recovery code signs in once; the codes are stored only as hashes', async () => {
    const u = await makeUser(p.deps, 'audit_admin');
    const { recoveryCodes } = await enrol(u.username);
    expect(recoveryCodes).toHaveLength(10);
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, u.id));
    expect(row!.totpRecoveryHashes.join()).not.toContain(recoveryCodes[0]!.replace('-', ''));
    const body = { username: u.username, password: TEST_PASSWORD, otp: recoveryCodes[0] };
    expect((await anonymous(p.app).post('/api/v1/auth/login', body)).statusCode).toBe(200);
    expect((await anonymous(p.app).post('/api/v1/auth/login', body)).statusCode).toBe(401);
  });

  it('only the security administrator resets an authenticator, and the reset is audited', async () => {
    const reviewer = await makeUser(p.deps, 'city_reviewer');
    await enrol(reviewer.username);
    const sec = await makeUser(p.deps, 'security_admin');
    const { s: secSession } = await enrol(sec.username);
    const admin = await makeUser(p.deps, 'city_admin');
    const { s: adminSession } = await enrol(admin.username);

    const refused = await adminSession.post(`/api/v1/users/${reviewer.id}/two-factor/reset`);
    expect(refused.statusCode).toBe(403);
    const done = await secSession.post(`/api/v1/users/${reviewer.id}/two-factor/reset`);
    expect(done.statusCode).toBe(200);
    const events = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.two_factor_reset'));
    expect(events.map((e) => e.objectId)).toContain(reviewer.id);
    const again = await loginAs(p.app, reviewer.username, TEST_PASSWORD);
    expect((await again.get('/api/v1/auth/me')).json().mustEnrolTwoFactor).toBe(true);
  });

  it('demo accounts sign in without an authenticator and the site says it holds demo accounts', async () => {
    const anon = anonymous(p.app);
    expect((await anon.get('/api/v1/auth/site')).json().demo).toBe(false);
    const u = await makeUser(p.deps, 'city_admin');
    await p.deps.db.update(users).set({ isDemo: true }).where(eq(users.id, u.id));
    const s = await loginAs(p.app, u.username, TEST_PASSWORD);
    const me = (await s.get('/api/v1/auth/me')).json();
    expect(me).toMatchObject({ isDemo: true, mustEnrolTwoFactor: false });
    expect((await s.get('/api/v1/users/')).json().error?.code).not.toBe('TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await anon.get('/api/v1/auth/site')).json().demo).toBe(true);
  });
});
