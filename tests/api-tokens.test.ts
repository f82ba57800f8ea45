/**
 * API tokens of bank/insurer systems: issued once by the security administrator, stored as SHA-256, scoped to
 * one institution, revocable with immediate effect; nobody else may issue or revoke them.
 */
import { createHash, randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokens, auditEvents } from '../src/db/schema';
import type { Role } from '../src/domain/access/actor';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { anonymous, type Session, signInFromNewAddresses } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;

const signIn = signInFromNewAddresses(() => p.app, 3);

function bearer(token: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return p.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
}

let security: Session;
let bankA: string;
let bankB: string;
let insurer: string;
let tokenA: { id: string; token: string };
let tokenB: { id: string; token: string };

beforeAll(async () => {
  p = await createTestPlatform();
  const sec = await makeUser(p.deps, 'security_admin');
  security = await signIn(sec.username, sec.password);
  bankA = (await makeInstitution(p.deps, 'bank')).id;
  bankB = (await makeInstitution(p.deps, 'bank')).id;
  insurer = (await makeInstitution(p.deps, 'guarantor')).id;
});
afterAll(async () => p.close());

describe('issuing tokens', () => {
  it('issues a token shown once, stores only its SHA-256 and prefix, and records an audit event', async () => {
    const res = await security.post('/api/v1/api-tokens', { institutionId: bankA, name: '信贷系统对接' });
    expect(res.statusCode, res.body).toBe(201);
    const { token, apiToken } = res.json();
    expect(token).toMatch(/^hq_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ institutionId: bankA, name: '信贷系统对接', revokedAt: null, lastUsedAt: null });
    expect(token.startsWith(apiToken.tokenPrefix)).toBe(true);
    expect(apiToken.tokenPrefix.length).toBeLessThan(token.length / 3);
    expect(res.headers['cache-control']).toBe('no-store');
    tokenA = { id: apiToken.id, token };

    const [row] = await p.deps.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token);

    const events = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, apiToken.id));
    expect(events.map((e) => e.action)).toEqual(['api_token.issued']);
    expect(JSON.stringify(events)).not.toContain(token);

    const b = await security.post('/api/v1/api-tokens', { institutionId: bankB, name: '乙行系统' });
    tokenB = { id: b.json().apiToken.id, token: b.json().token };
    expect((await security.post('/api/v1/api-tokens', { institutionId: insurer, name: '担保系统' })).statusCode).toBe(
      201,
    );
  });

  it('rejects an unknown institution or a blank name, naming the field, and writes nothing', async () => {
    const [before] = await p.deps.db.select({ n: count() }).from(apiTokens);
    const unknown = await security.post('/api/v1/api-tokens', { institutionId: randomUUID(), name: '系统' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('institutionId');
    expect(unknown.json().error.message).toContain('所属金融机构');
    const blank = await security.post('/api/v1/api-tokens', { institutionId: bankA, name: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.message).toContain('令牌名称');
    const notUuid = await security.post(
      '/api/v1/api-tokens',
      { institutionId: 'bank-a', name: '系统' },
      { 'accept-language': 'en' },
    );
    expect(notUuid.statusCode).toBe(400);
    expect(notUuid.json().error.message).toContain('institutionId');
    const [after] = await p.deps.db.select({ n: count() }).from(apiTokens);
    expect(after!.n).toBe(before!.n);
  });
});

describe('listing is scoped to the institution', () => {
  it('the security administrator sees every institution’s tokens, never the secrets', async () => {
    const res = await security.get('/api/v1/api-tokens');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; institutionId: string }[];
    expect(new Set(items.map((t) => t.institutionId))).toEqual(new Set([bankA, bankB, insurer]));
    expect(res.body).not.toContain(tokenA.token);
    expect(res.body).not.toContain('tokenHash');
    const filtered = await security.get(`/api/v1/api-tokens?institutionId=${bankB}`);
    expect(filtered.json().items.map((t: { id: string }) => t.id)).toEqual([tokenB.id]);
  });

  it('bank A’s system, with its token, sees only bank A’s tokens — not bank B’s', async () => {
    const res = await bearer(tokenA.token, 'GET', '/api/v1/api-tokens');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; institutionId: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.institutionId === bankA)).toBe(true);
    expect(items.map((t) => t.id)).not.toContain(tokenB.id);
    const askForB = await bearer(tokenA.token, 'GET', `/api/v1/api-tokens?institutionId=${bankB}`);
    expect(askForB.json()).toEqual({ items: [], total: 0 });
    const [used] = await p.deps.db.select().from(apiTokens).where(eq(apiTokens.id, tokenA.id));
    expect(used!.lastUsedAt).not.toBeNull();
  });

  it('a bank B officer signed in sees only bank B’s tokens', async () => {
    const officer = await makeUser(p.deps, 'bank_officer', { institutionId: bankB });
    const s = await signIn(officer.username, officer.password);
    const res = await s.get('/api/v1/api-tokens?includeRevoked=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: { id: string }) => t.id)).toEqual([tokenB.id]);
  });

  it('bank officers and bank systems may not issue or revoke tokens', async () => {
    const issue = await bearer(tokenA.token, 'POST', '/api/v1/api-tokens', { institutionId: bankA, name: '自签' });
    expect(issue.statusCode).toBe(403);
    const revokeOther = await bearer(tokenA.token, 'POST', `/api/v1/api-tokens/${tokenB.id}/revoke`);
    expect(revokeOther.statusCode).toBe(403);
    const officer = await makeUser(p.deps, 'bank_officer', { institutionId: bankA });
    const s = await signIn(officer.username, officer.password);
    expect((await s.post('/api/v1/api-tokens', { institutionId: bankA, name: '自签' })).statusCode).toBe(403);
    expect((await s.post(`/api/v1/api-tokens/${tokenA.id}/revoke`)).statusCode).toBe(403);
    const [b] = await p.deps.db.select().from(apiTokens).where(eq(apiTokens.id, tokenB.id));
    expect(b!.revokedAt).toBeNull();
  });

  it.each<Role>(['enterprise', 'district_reviewer', 'city_reviewer', 'city_admin', 'audit_admin'])(
    '%s cannot list, issue or revoke tokens (403)',
    async (role) => {
      const scope =
        role === 'enterprise'
          ? { enterpriseId: (await makeEnterprise(p.deps)).id, isEnterpriseAdmin: true }
          : role === 'district_reviewer'
            ? { districtCode: '440703' }
            : {};
      const u = await makeUser(p.deps, role, scope);
      const s = await signIn(u.username, u.password);
      expect((await s.get('/api/v1/api-tokens')).statusCode).toBe(403);
      expect((await s.post('/api/v1/api-tokens', { institutionId: bankA, name: '越权' })).statusCode).toBe(403);
      expect((await s.post(`/api/v1/api-tokens/${tokenA.id}/revoke`)).statusCode).toBe(403);
    },
  );

  it('anonymous callers get 401, and a made-up bearer token gets 401', async () => {
    expect((await anonymous(p.app).get('/api/v1/api-tokens')).statusCode).toBe(401);
    const fake = await bearer('hq_not-a-real-token', 'GET', '/api/v1/api-tokens');
    expect(fake.statusCode).toBe(401);
    expect(fake.json().error.code).toBe('INVALID_TOKEN');
  });
});

describe('revoking', () => {
  it('takes effect immediately: the next request with the token gets 401', async () => {
    expect((await bearer(tokenA.token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);
    const res = await security.post(`/api/v1/api-tokens/${tokenA.id}/revoke`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().apiToken.revokedAt).toBe(p.clock().toISOString());
    const after = await bearer(tokenA.token, 'GET', '/api/v1/api-tokens');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toContain('吊销');
    // Bank B's token still works.
    expect((await bearer(tokenB.token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);
    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_token.revoked'), eq(auditEvents.objectId, tokenA.id)));
    expect(ev!.before).toMatchObject({ institutionId: bankA, revokedAt: null });
  });

  it('hides revoked tokens unless asked, refuses a second revocation (409) and unknown ids (404)', async () => {
    const active = await security.get(`/api/v1/api-tokens?institutionId=${bankA}`);
    expect(active.json().items.map((t: { id: string }) => t.id)).not.toContain(tokenA.id);
    const all = await security.get(`/api/v1/api-tokens?institutionId=${bankA}&includeRevoked=true`);
    expect(all.json().items.map((t: { id: string }) => t.id)).toContain(tokenA.id);
    const twice = await security.post(`/api/v1/api-tokens/${tokenA.id}/revoke`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('TOKEN_ALREADY_REVOKED');
    expect((await security.post(`/api/v1/api-tokens/${randomUUID()}/revoke`)).statusCode).toBe(404);
    const bad = await security.post('/api/v1/api-tokens/not-an-id/revoke');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('令牌编号');
    const badFlag = await security.get('/api/v1/api-tokens?includeRevoked=yes');
    expect(badFlag.statusCode).toBe(400);
  });
});

describe('expiry', () => {
  const DAY = 24 * 60 * 60 * 1000;
  /** The Beijing calendar date `days` after the test clock's. */
  const beijingDate = (days: number) =>
    new Date(p.clock().getTime() + 8 * 60 * 60 * 1000 + days * DAY).toISOString().slice(0, 10);

  it('defaults to 365 days, shows the expiry in lists and records it in the audit event', async () => {
    const res = await security.post('/api/v1/api-tokens', { institutionId: bankB, name: '默认有效期' });
    expect(res.statusCode, res.body).toBe(201);
    const { apiToken } = res.json();
    expect(apiToken.expiresAt).toBe(new Date(`${beijingDate(365)}T00:00:00+08:00`).toISOString());
    expect(apiToken.status).toBe('active');
    const [ev] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'api_token.issued'), eq(auditEvents.objectId, apiToken.id)));
    expect(ev!.after).toMatchObject({ expiresAt: apiToken.expiresAt });
  });

  it('refuses an expiry more than 730 days ahead, or not after today, naming the field; 730 days is allowed', async () => {
    const [before] = await p.deps.db.select({ n: count() }).from(apiTokens);
    for (const expiresAt of [beijingDate(731), beijingDate(0), beijingDate(-3)]) {
      const res = await security.post('/api/v1/api-tokens', { institutionId: bankB, name: '过长', expiresAt });
      expect(res.statusCode, expiresAt).toBe(400);
      expect(res.json().error.fields[0].path).toBe('expiresAt');
      expect(res.json().error.message).toContain('有效期');
    }
    const tooLong = await security.post('/api/v1/api-tokens', {
      institutionId: bankB,
      name: '过长',
      expiresAt: beijingDate(731),
    });
    expect(tooLong.json().error.message).toContain('最长 730 天');
    const badDate = await security.post('/api/v1/api-tokens', {
      institutionId: bankB,
      name: '错日',
      expiresAt: '2026-13-01',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields[0].path).toBe('expiresAt');
    const [after] = await p.deps.db.select({ n: count() }).from(apiTokens);
    expect(after!.n).toBe(before!.n);
    const longest = await security.post('/api/v1/api-tokens', {
      institutionId: bankB,
      name: '两年',
      expiresAt: beijingDate(730),
    });
    expect(longest.statusCode, longest.body).toBe(201);
  });

  // Moves the clock: keep this last in the file.
  it('answers 401 TOKEN_EXPIRED from the expiry instant on, and lists the token as expired', async () => {
    const res = await security.post('/api/v1/api-tokens', {
      institutionId: bankB,
      name: '短期对接',
      expiresAt: beijingDate(1),
    });
    expect(res.statusCode, res.body).toBe(201);
    const { token, apiToken } = res.json();
    expect((await bearer(token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);

    p.clock.set(new Date(new Date(apiToken.expiresAt).getTime() - 1000));
    expect((await bearer(token, 'GET', '/api/v1/api-tokens')).statusCode).toBe(200);
    p.clock.set(new Date(apiToken.expiresAt));
    const expired = await bearer(token, 'GET', '/api/v1/api-tokens');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('TOKEN_EXPIRED');
    expect(expired.json().error.message).toContain('已过期');
    // A made-up token is still just invalid, not expired.
    expect((await bearer('hq_made-up', 'GET', '/api/v1/api-tokens')).json().error.code).toBe('INVALID_TOKEN');

    const sec = await makeUser(p.deps, 'security_admin');
    const fresh = await signIn(sec.username, sec.password);
    const list = await fresh.get(`/api/v1/api-tokens?institutionId=${bankB}`);
    const listed = list.json().items.find((t: { id: string }) => t.id === apiToken.id);
    expect(listed).toMatchObject({ status: 'expired', expiresAt: apiToken.expiresAt });
    const [row] = await p.deps.db.select().from(apiTokens).where(eq(apiTokens.id, apiToken.id));
    expect(row!.lastUsedAt!.getTime()).toBeLessThan(new Date(apiToken.expiresAt).getTime());
  });
});
