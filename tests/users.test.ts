/**
 * Accounts: who may list, read, create, disable, enable, unlock and reset whose account, inside which scope;
 * lockout and unlock; field errors; audit events; and the sign-in rate limit shared across app instances.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, rateLimitCounters, users } from '../src/db/schema';
import type { Role } from '../src/domain/access/actor';
import { checkPassword } from '../src/domain/access/password-policy';
import { type App, buildApp } from '../src/server/app';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { anonymous, type Session, signInFromNewAddresses } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let ipSeq = 0;

/** Signs in from a fresh client address, so the sign-in rate limit does not interfere with the role matrix. */
const signIn = signInFromNewAddresses(() => p.app, 1);

async function tryLogin(username: string, password: string): Promise<number> {
  ipSeq++;
  const res = await p.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
    remoteAddress: `10.2.${Math.floor(ipSeq / 250)}.${ipSeq % 250}`,
  });
  return res.statusCode;
}

async function auditCount(action: string, objectId?: string): Promise<number> {
  const [row] = await p.deps.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      objectId
        ? and(eq(auditEvents.action, action), eq(auditEvents.objectId, objectId))
        : eq(auditEvents.action, action),
    );
  return row?.n ?? 0;
}

let entA: string;
let entB: string;
let adminA: { id: string; username: string; password: string };
let adminB: { id: string; username: string; password: string };
let colleagueA: { id: string; username: string; password: string };
let userB: { id: string; username: string; password: string };
let security: Session;
let securityUser: { id: string; username: string; password: string };
let entAdminA: Session;
let bankId: string;
let insurerId: string;

beforeAll(async () => {
  p = await createTestPlatform();
  entA = (await makeEnterprise(p.deps)).id;
  entB = (await makeEnterprise(p.deps, { districtCode: '440705' })).id;
  adminA = await makeUser(p.deps, 'enterprise', { enterpriseId: entA, isEnterpriseAdmin: true });
  adminB = await makeUser(p.deps, 'enterprise', { enterpriseId: entB, isEnterpriseAdmin: true });
  colleagueA = await makeUser(p.deps, 'enterprise', { enterpriseId: entA });
  userB = await makeUser(p.deps, 'enterprise', { enterpriseId: entB });
  securityUser = await makeUser(p.deps, 'security_admin');
  security = await signIn(securityUser.username, securityUser.password);
  entAdminA = await signIn(adminA.username, adminA.password);
  bankId = (await makeInstitution(p.deps, 'bank')).id;
  insurerId = (await makeInstitution(p.deps, 'insurer')).id;
});
afterAll(async () => p.close());

describe('security administrator manages staff accounts', () => {
  it('creates each staff role with the scope it needs, and the account can sign in', async () => {
    const cases: { role: Role; extra: Record<string, string> }[] = [
      { role: 'district_reviewer', extra: { districtCode: '440781' } },
      { role: 'city_reviewer', extra: {} },
      { role: 'city_admin', extra: {} },
      { role: 'audit_admin', extra: {} },
      { role: 'security_admin', extra: {} },
      { role: 'bank_officer', extra: { institutionId: bankId } },
      { role: 'insurer_officer', extra: { institutionId: insurerId } },
    ];
    for (const c of cases) {
      const username = `staff_${c.role}_${randomUUID().slice(0, 6)}`;
      const res = await security.post('/api/v1/users', {
        username,
        displayName: `测试${c.role}`,
        role: c.role,
        password: 'Staff#2026pw',
        ...c.extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body.temporaryPassword).toBeNull();
      expect(body.user).toMatchObject({ username, role: c.role, active: true, enterpriseId: null });
      expect(body.user.districtCode).toBe(c.extra.districtCode ?? null);
      expect(body.user.institutionId).toBe(c.extra.institutionId ?? null);
      const s = await signIn(username, 'Staff#2026pw');
      expect((await s.get('/api/v1/auth/me')).json().role).toBe(c.role);
      expect(await auditCount('user.created', body.user.id)).toBe(1);
    }
  });

  it('generates a temporary password, returned once, that satisfies the policy and works', async () => {
    const username = `tmp_${randomUUID().slice(0, 6)}`;
    const res = await security.post('/api/v1/users', { username, displayName: '临时密码', role: 'city_reviewer' });
    expect(res.statusCode).toBe(201);
    const { temporaryPassword, user } = res.json();
    expect(typeof temporaryPassword).toBe('string');
    expect(checkPassword(temporaryPassword, username)).toEqual([]);
    await expect(signIn(username, temporaryPassword)).resolves.toBeTruthy();
    const [row] = await p.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.passwordHash.startsWith('scrypt$')).toBe(true);
    expect(row!.passwordHash).not.toContain(temporaryPassword);
    // The audit event says a password was generated, but never contains it.
    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.created'), eq(auditEvents.objectId, user.id)));
    expect(ev!.after).toMatchObject({ username, role: 'city_reviewer', passwordGenerated: true });
    expect(JSON.stringify(ev)).not.toContain(temporaryPassword);
    expect(JSON.stringify(ev)).not.toContain('scrypt$');
  });

  it('rejects bad input with field-named Chinese (or English) messages and writes nothing', async () => {
    const [before] = await p.deps.db.select({ n: count() }).from(users);
    const eventsBefore = await auditCount('user.created');
    const post = (body: Record<string, unknown>, headers?: Record<string, string>) =>
      security.post('/api/v1/users', body, headers);

    const noDistrict = await post({ username: 'dr_x1', displayName: '区审核', role: 'district_reviewer' });
    expect(noDistrict.statusCode).toBe(400);
    expect(noDistrict.json().error.fields[0].path).toBe('districtCode');
    expect(noDistrict.json().error.message).toContain('所属县（市、区）');

    const badDistrict = await post({
      username: 'dr_x2',
      displayName: '区审核',
      role: 'district_reviewer',
      districtCode: '110101',
    });
    expect(badDistrict.statusCode).toBe(400);
    expect(badDistrict.json().error.fields[0].path).toBe('districtCode');

    const wrongKind = await post({
      username: 'bo_x1',
      displayName: '银行',
      role: 'bank_officer',
      institutionId: insurerId,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.message).toContain('应为银行');

    const noInst = await post({ username: 'bo_x2', displayName: '银行', role: 'bank_officer' });
    expect(noInst.statusCode).toBe(400);
    expect(noInst.json().error.fields[0].path).toBe('institutionId');

    const unknownInst = await post({
      username: 'bo_x3',
      displayName: '银行',
      role: 'bank_officer',
      institutionId: randomUUID(),
    });
    expect(unknownInst.statusCode).toBe(400);
    expect(unknownInst.json().error.message).toContain('所属金融机构不存在');

    const extraScope = await post({
      username: 'cr_x1',
      displayName: '市审核',
      role: 'city_reviewer',
      districtCode: '440703',
    });
    expect(extraScope.statusCode).toBe(400);
    expect(extraScope.json().error.fields[0].path).toBe('districtCode');

    const noRole = await post({ username: 'x_norole', displayName: '无角色' });
    expect(noRole.statusCode).toBe(400);
    expect(noRole.json().error.message).toContain('角色');

    const weak = await post({
      username: 'cr_weak',
      displayName: '弱密码',
      role: 'city_reviewer',
      password: 'abcdefgh',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
    expect(weak.json().error.fields[0].path).toBe('password');
    expect(weak.json().error.message).toContain('初始密码');

    const badName = await post({ username: '中文名', displayName: '用户', role: 'city_reviewer' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json().error.code).toBe('VALIDATION_FAILED');
    expect(badName.json().error.message).toContain('用户名');

    const en = await post({ username: 'x', displayName: '用户', role: 'city_reviewer' }, { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toContain('username');
    expect(en.json().error.message).not.toMatch(/[\u4e00-\u9fff]/);

    const unknownField = await post({ username: 'cr_uf', displayName: '用户', role: 'city_reviewer', isAdmin: true });
    expect(unknownField.statusCode).toBe(400);

    const badRole = await post({ username: 'cr_br', displayName: '用户', role: 'root' });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.message).toContain('角色');

    const [after] = await p.deps.db.select({ n: count() }).from(users);
    expect(after!.n).toBe(before!.n);
    expect(await auditCount('user.created')).toBe(eventsBefore);
  });

  it('refuses a taken username (case-insensitively) with 409 naming the field', async () => {
    const res = await security.post('/api/v1/users', {
      username: colleagueA.username.toUpperCase(),
      displayName: '重名',
      role: 'city_reviewer',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
    expect(res.json().error.fields[0].path).toBe('username');
  });

  it('does not create enterprise users (they register with their enterprise)', async () => {
    const res = await security.post('/api/v1/users', {
      username: 'ent_by_sec',
      displayName: '企业',
      role: 'enterprise',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain('工作人员');
  });

  it('lists all accounts with search, role filter and paging', async () => {
    const all = await security.get('/api/v1/users?pageSize=200');
    expect(all.statusCode).toBe(200);
    const ids = all.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([adminA.id, adminB.id, userB.id, securityUser.id]));
    expect(all.json().total).toBe(ids.length);
    const item = all.json().items[0];
    expect(Object.keys(item).sort()).toEqual(
      [
        'active',
        'createdAt',
        'displayName',
        'districtCode',
        'enterpriseId',
        'id',
        'institutionId',
        'isEnterpriseAdmin',
        'lastLoginAt',
        'lockedUntil',
        'mustChangePassword',
        'role',
        'username',
      ].sort(),
    );
    expect(JSON.stringify(all.json())).not.toContain('scrypt');

    const byQ = await security.get(`/api/v1/users?q=${encodeURIComponent(userB.username.toUpperCase())}`);
    expect(byQ.json().items.map((u: { id: string }) => u.id)).toEqual([userB.id]);
    const byRole = await security.get('/api/v1/users?role=security_admin&pageSize=200');
    expect(byRole.json().items.every((u: { role: string }) => u.role === 'security_admin')).toBe(true);
    const paged = await security.get('/api/v1/users?page=2&pageSize=2');
    expect(paged.json().items).toHaveLength(2);
    expect(paged.json().total).toBe(ids.length);
    const wildcard = await security.get('/api/v1/users?q=%25');
    expect(wildcard.json().total).toBe(0);
    const badPage = await security.get('/api/v1/users?pageSize=0');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.json().error.message).toContain('每页条数');
    const badRole = await security.get('/api/v1/users?role=boss');
    expect(badRole.statusCode).toBe(400);
    const one = await security.get(`/api/v1/users/${userB.id}`);
    expect(one.json().username).toBe(userB.username);
    const notUuid = await security.get('/api/v1/users/123');
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.message).toContain('用户编号');
    expect((await security.get(`/api/v1/users/${randomUUID()}`)).statusCode).toBe(404);
  });

  it('unlocks an account locked by 5 failed logins, so it can sign in at once', async () => {
    const u = await makeUser(p.deps, 'city_reviewer');
    for (let i = 0; i < 4; i++) expect(await tryLogin(u.username, 'Wrong@pass1')).toBe(401);
    expect(await tryLogin(u.username, 'Wrong@pass1')).toBe(401);
    expect(await tryLogin(u.username, u.password)).toBe(401);
    const listed = await security.get(`/api/v1/users/${u.id}`);
    expect(listed.json().lockedUntil).not.toBeNull();

    const res = await security.post(`/api/v1/users/${u.id}/unlock`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.lockedUntil).toBeNull();
    expect(await tryLogin(u.username, u.password)).toBe(200);
    expect(await auditCount('user.unlocked', u.id)).toBe(1);

    const again = await security.post(`/api/v1/users/${u.id}/unlock`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USER_NOT_LOCKED');
  });

  it('disables (ending sessions at once) and re-enables an account', async () => {
    const u = await makeUser(p.deps, 'city_admin');
    const s = await signIn(u.username, u.password);
    const res = await security.post(`/api/v1/users/${u.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.active).toBe(false);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tryLogin(u.username, u.password)).toBe(401);
    const twice = await security.post(`/api/v1/users/${u.id}/disable`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('USER_ALREADY_DISABLED');

    const en = await security.post(`/api/v1/users/${u.id}/enable`);
    expect(en.statusCode).toBe(200);
    expect(en.json().user.active).toBe(true);
    expect(await tryLogin(u.username, u.password)).toBe(200);
    expect((await security.post(`/api/v1/users/${u.id}/enable`)).json().error.code).toBe('USER_ALREADY_ENABLED');

    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.disabled'), eq(auditEvents.objectId, u.id)));
    expect(ev!.before).toMatchObject({ active: true });
    expect(ev!.after).toMatchObject({ active: false });
    expect(ev!.actorId).toBe(securityUser.id);
    expect(ev!.actorRole).toBe('security_admin');
  });

  it('resets a password to a given strong one, or to a generated one shown once', async () => {
    const u = await makeUser(p.deps, 'bank_officer', { institutionId: bankId });
    const s = await signIn(u.username, u.password);

    const weak = await security.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].path).toBe('newPassword');
    expect(weak.json().error.message).toContain('新密码');
    const weakEn = await security.post(
      `/api/v1/users/${u.id}/reset-password`,
      { newPassword: 'short' },
      { 'accept-language': 'en' },
    );
    expect(weakEn.json().error.message).toContain('newPassword');
    expect(await tryLogin(u.username, u.password)).toBe(200);

    const given = await security.post(`/api/v1/users/${u.id}/reset-password`, { newPassword: 'Given#Pass2026' });
    expect(given.statusCode).toBe(200);
    expect(given.json().temporaryPassword).toBeNull();
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tryLogin(u.username, u.password)).toBe(401);
    expect(await tryLogin(u.username, 'Given#Pass2026')).toBe(200);

    const generated = await security.post(`/api/v1/users/${u.id}/reset-password`, {});
    expect(generated.statusCode).toBe(200);
    const temp = generated.json().temporaryPassword as string;
    expect(checkPassword(temp, u.username)).toEqual([]);
    expect(await tryLogin(u.username, temp)).toBe(200);
    const noBody = await security.request({ method: 'POST', url: `/api/v1/users/${u.id}/reset-password` });
    expect(noBody.statusCode, noBody.body).toBe(200);
    expect(typeof noBody.json().temporaryPassword).toBe('string');
    expect(await auditCount('user.password_reset', u.id)).toBe(3);
  });

  it('cannot disable, reset or unlock its own account', async () => {
    for (const op of ['disable', 'reset-password', 'unlock']) {
      const res = await security.post(`/api/v1/users/${securityUser.id}/${op}`, {});
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('SELF_ACTION_FORBIDDEN');
    }
  });
});

describe('enterprise administrator manages colleagues of its own enterprise only', () => {
  it('lists and reads only its own enterprise', async () => {
    const list = await entAdminA.get('/api/v1/users?pageSize=200');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; enterpriseId: string; role: string }[];
    expect(items.map((u) => u.id).sort()).toEqual(expect.arrayContaining([adminA.id, colleagueA.id].sort()));
    expect(items.every((u) => u.enterpriseId === entA && u.role === 'enterprise')).toBe(true);
    expect(list.json().total).toBe(items.length);
    const search = await entAdminA.get(`/api/v1/users?q=${userB.username}`);
    expect(search.json()).toMatchObject({ items: [], total: 0 });
    expect((await entAdminA.get(`/api/v1/users/${colleagueA.id}`)).statusCode).toBe(200);
    expect((await entAdminA.get(`/api/v1/users/${userB.id}`)).statusCode).toBe(404);
    expect((await entAdminA.get(`/api/v1/users/${securityUser.id}`)).statusCode).toBe(404);
  });

  it('creates a colleague in its own enterprise (never elsewhere, never staff)', async () => {
    const username = `colleague_${randomUUID().slice(0, 6)}`;
    const res = await entAdminA.post('/api/v1/users', { username, displayName: '同事甲' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user).toMatchObject({ role: 'enterprise', enterpriseId: entA, isEnterpriseAdmin: false });
    const s = await signIn(username, res.json().temporaryPassword);
    expect((await s.get('/api/v1/auth/me')).json().enterpriseId).toBe(entA);
    // A colleague is not an administrator.
    expect((await s.get('/api/v1/users')).statusCode).toBe(403);

    const staff = await entAdminA.post('/api/v1/users', {
      username: 'ent_makes_admin',
      displayName: '越权',
      role: 'city_admin',
    });
    expect(staff.statusCode).toBe(403);
    const sec = await entAdminA.post('/api/v1/users', {
      username: 'ent_makes_sec',
      displayName: '越权',
      role: 'security_admin',
    });
    expect(sec.statusCode).toBe(403);
  });

  it('answers 404 for another enterprise’s users, whatever the action', async () => {
    for (const op of ['disable', 'enable', 'reset-password', 'unlock']) {
      const res = await entAdminA.post(`/api/v1/users/${userB.id}/${op}`, {});
      expect(res.statusCode, op).toBe(op === 'unlock' ? 403 : 404);
    }
    // Staff accounts are outside its scope too.
    expect((await entAdminA.post(`/api/v1/users/${securityUser.id}/disable`)).statusCode).toBe(404);
    const [b] = await p.deps.db.select().from(users).where(eq(users.id, userB.id));
    expect(b!.active).toBe(true);
  });

  it('disables, re-enables and resets the password of a colleague', async () => {
    const s = await signIn(colleagueA.username, colleagueA.password);
    const dis = await entAdminA.post(`/api/v1/users/${colleagueA.id}/disable`);
    expect(dis.statusCode).toBe(200);
    expect((await s.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await tryLogin(colleagueA.username, colleagueA.password)).toBe(401);
    expect((await entAdminA.post(`/api/v1/users/${colleagueA.id}/enable`)).statusCode).toBe(200);
    expect(await tryLogin(colleagueA.username, colleagueA.password)).toBe(200);

    const reset = await entAdminA.post(`/api/v1/users/${colleagueA.id}/reset-password`, {});
    expect(reset.statusCode).toBe(200);
    expect(await tryLogin(colleagueA.username, reset.json().temporaryPassword)).toBe(200);
    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'user.password_reset'), eq(auditEvents.objectId, colleagueA.id)));
    expect(ev!.scope).toEqual({ enterprise: entA });
    colleagueA.password = reset.json().temporaryPassword;
  });

  it('cannot act on itself, and cannot unlock (that is the security administrator’s power)', async () => {
    const self = await entAdminA.post(`/api/v1/users/${adminA.id}/disable`);
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('SELF_ACTION_FORBIDDEN');
    expect((await entAdminA.post(`/api/v1/users/${colleagueA.id}/unlock`)).statusCode).toBe(403);
  });
});

describe('every other role is refused account management', () => {
  it.each<[Role, Record<string, unknown>]>([
    ['enterprise', {}],
    ['district_reviewer', { districtCode: '440703' }],
    ['city_reviewer', {}],
    ['city_admin', {}],
    ['audit_admin', {}],
    ['bank_officer', {}],
    ['insurer_officer', {}],
    ['fund_operator', {}],
    ['expert', {}],
    ['external_auditor', {}],
  ])('%s: 403 on list, read, create, disable, enable, unlock, reset', async (role, scope) => {
    const extra =
      role === 'bank_officer'
        ? { institutionId: bankId }
        : role === 'insurer_officer'
          ? { institutionId: insurerId }
          : role === 'enterprise'
            ? { enterpriseId: entA }
            : scope;
    const u = await makeUser(p.deps, role, extra);
    const s = await signIn(u.username, u.password);
    expect((await s.get('/api/v1/users')).statusCode).toBe(403);
    expect((await s.get(`/api/v1/users/${colleagueA.id}`)).statusCode).toBe(403);
    const create = await s.post('/api/v1/users', {
      username: `x_${randomUUID().slice(0, 6)}`,
      displayName: '越权',
      role: 'city_admin',
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.message).toContain('无权');
    for (const op of ['disable', 'enable', 'unlock', 'reset-password']) {
      expect((await s.post(`/api/v1/users/${colleagueA.id}/${op}`, {})).statusCode).toBe(403);
    }
    const [c] = await p.deps.db.select().from(users).where(eq(users.id, colleagueA.id));
    expect(c!.active).toBe(true);
  });

  it('anonymous callers get 401', async () => {
    const a = anonymous(p.app);
    expect((await a.get('/api/v1/users')).statusCode).toBe(401);
    expect(
      (await a.post('/api/v1/users', { username: 'anon', displayName: '匿名', role: 'city_admin' })).statusCode,
    ).toBe(401);
  });
});

describe('sign-in rate limit', () => {
  it('counts in PostgreSQL across app instances, answers 429 in Chinese, and opens again after the window', async () => {
    const second = await buildApp(p.deps);
    await second.ready();
    try {
      const attempt = (app: App, headers: Record<string, string> = {}) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'nobody_here', password: 'Wrong@pass1' },
          remoteAddress: '198.51.100.7',
          headers,
        });
      for (let i = 0; i < 10; i++) expect((await attempt(p.app)).statusCode).toBe(401);
      for (let i = 0; i < 10; i++) expect((await attempt(second)).statusCode).toBe(401);
      const limited = await attempt(p.app);
      expect(limited.statusCode).toBe(429);
      expect(limited.json().error.code).toBe('RATE_LIMITED');
      expect(limited.json().error.message).toMatch(/请求过于频繁，请 \d+ 秒后再试/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      const limitedEn = await attempt(second, { 'accept-language': 'en' });
      expect(limitedEn.statusCode).toBe(429);
      expect(limitedEn.json().error.message).toContain('Too many requests');
      // Another client address is not affected.
      const other = await p.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody_here', password: 'Wrong@pass1' },
        remoteAddress: '198.51.100.8',
      });
      expect(other.statusCode).toBe(401);

      p.clock.advance(61_000);
      expect((await attempt(second)).statusCode).toBe(401);
      // Expired counters are cleaned up lazily.
      p.clock.advance(61_000);
      await attempt(p.app);
      const rows = await p.deps.db.select().from(rateLimitCounters);
      expect(rows.every((r) => r.resetAt > p.clock())).toBe(true);
    } finally {
      await second.close();
    }
  });
});
