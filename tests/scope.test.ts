/**
 * "No one let in": for every role, another district's or enterprise's records cannot be listed, read, changed or
 * downloaded, and the permitted ones can.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enterprises } from '../src/db/schema';
import { type Actor, ROLES, type Role } from '../src/domain/access/actor';
import { dataScopeOf, isInScope, readsBusinessData } from '../src/domain/access/scope';
import {
  registerEnterpriseGrant,
  unregisterEnterpriseGrant,
  visibleEnterprisesCondition,
} from '../src/services/enterprises/scope';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

function actor(role: Role, over: Partial<Actor> = {}): Actor {
  return {
    id: 'u1',
    name: 'u1',
    role,
    via: 'session',
    districtCode: null,
    institutionId: null,
    enterpriseId: null,
    isEnterpriseAdmin: false,
    ...over,
  };
}

describe('scope rule (pure)', () => {
  const rec = { enterpriseId: 'e1', districtCode: '440703', institutionId: 'i1' };
  it.each([
    ['enterprise', { enterpriseId: 'e1' }, true],
    ['enterprise', { enterpriseId: 'e2' }, false],
    ['enterprise', {}, false],
    ['district_reviewer', { districtCode: '440703' }, true],
    ['district_reviewer', { districtCode: '440705' }, false],
    ['district_reviewer', {}, false],
    ['city_reviewer', {}, true],
    ['city_admin', {}, true],
    ['bank_officer', { institutionId: 'i1' }, true],
    ['bank_officer', { institutionId: 'i2' }, false],
    ['insurer_officer', { institutionId: 'i1' }, true],
    ['security_admin', {}, false],
    ['audit_admin', {}, false],
  ] as const)('%s %j sees the record: %s', (role, over, expected) => {
    expect(isInScope(dataScopeOf(actor(role, over)), rec)).toBe(expected);
  });

  it('the public sees nothing; the administrators of accounts and audit and the competitive-programme roles (scoped by their own module) read no general business data', () => {
    expect(dataScopeOf(null)).toEqual({ kind: 'none' });
    expect(ROLES.filter((r) => !readsBusinessData(actor(r)))).toEqual([
      'security_admin',
      'audit_admin',
      'fund_operator',
      'expert',
      'external_auditor',
    ]);
  });
});

// ---- the matrix over HTTP ---------------------------------------------------------------------------------------

const PDF = Buffer.from('%PDF-1.7\n%%EOF\n');

function multipart(fields: Record<string, string>, name: string, data: Buffer) {
  const b = `----scope${Math.random().toString(16).slice(2)}`;
  const head = Object.entries(fields)
    .map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const payload = Buffer.concat([
    Buffer.from(`${head}--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

async function upload(s: Session, enterpriseId: string) {
  const m = multipart({ ownerType: 'enterprise', ownerId: enterpriseId, kind: 'business_licence' }, '执照.pdf', PDF);
  return s.request({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers });
}

let p: TestPlatform;
/** A in 蓬江区 (440703), B in 新会区 (440705), O outside the city. */
let eA: typeof enterprises.$inferSelect;
let eB: typeof enterprises.$inferSelect;
let eO: typeof enterprises.$inferSelect;
let attA: string;
let attB: string;
const sessions = {} as Record<string, Session>;

beforeAll(async () => {
  p = await createTestPlatform();
  eA = await makeEnterprise(p.deps, { districtCode: '440703', name: '蓬江甲企业有限公司' });
  eB = await makeEnterprise(p.deps, { districtCode: '440705', name: '新会乙企业有限公司' });
  eO = await makeEnterprise(p.deps, { districtCode: null, outsideCity: true, name: '广州丙企业有限公司' });
  const bank = await makeInstitution(p.deps, 'bank');
  const insurer = await makeInstitution(p.deps, 'insurer');
  const mk = async (key: string, role: Role, scope: Parameters<typeof makeUser>[2] = {}) => {
    const u = await makeUser(p.deps, role, scope);
    sessions[key] = await loginAs(p.app, u.username, u.password);
  };
  await mk('enterprise', 'enterprise', { enterpriseId: eA.id, isEnterpriseAdmin: true });
  await mk('enterpriseB', 'enterprise', { enterpriseId: eB.id, isEnterpriseAdmin: true });
  await mk('district_reviewer', 'district_reviewer', { districtCode: '440703' });
  await mk('city_reviewer', 'city_reviewer');
  await mk('city_admin', 'city_admin');
  await mk('security_admin', 'security_admin');
  await mk('audit_admin', 'audit_admin');
  await mk('bank_officer', 'bank_officer', { institutionId: bank.id });
  await mk('insurer_officer', 'insurer_officer', { institutionId: insurer.id });
  sessions.anonymous = anonymous(p.app);
  attA = (await upload(sessions.enterprise!, eA.id)).json().id;
  attB = (await upload(sessions.enterpriseB!, eB.id)).json().id;
  expect(attA).toBeTruthy();
  expect(attB).toBeTruthy();
});
afterAll(async () => p.close());

interface Expect {
  /** Which of A, B, O the list shows (null: the list itself is refused with that status). */
  list: string[] | number;
  readA: number;
  readB: number;
  patchB: number;
  creditB: number;
  historyB: number;
  downloadA: number;
  downloadB: number;
  listFilesB: number | string[];
  uploadB: number;
  deleteB: number;
}

// biome-ignore format: a table reads best one row per line
const MATRIX: [string, Expect][] = [
  ['enterprise',        { list: ['A'],           readA: 200, readB: 404, patchB: 404, creditB: 403, historyB: 404, downloadA: 200, downloadB: 404, listFilesB: [],    uploadB: 404, deleteB: 404 }],
  ['district_reviewer', { list: ['A'],           readA: 200, readB: 404, patchB: 403, creditB: 403, historyB: 404, downloadA: 200, downloadB: 404, listFilesB: [],    uploadB: 404, deleteB: 404 }],
  ['city_reviewer',     { list: ['A', 'B', 'O'], readA: 200, readB: 200, patchB: 403, creditB: 403, historyB: 200, downloadA: 200, downloadB: 200, listFilesB: ['B'], uploadB: 403, deleteB: 403 }],
  ['city_admin',        { list: ['A', 'B', 'O'], readA: 200, readB: 200, patchB: 403, creditB: 200, historyB: 200, downloadA: 200, downloadB: 200, listFilesB: ['B'], uploadB: 403, deleteB: 403 }],
  ['security_admin',    { list: 403,             readA: 403, readB: 403, patchB: 403, creditB: 403, historyB: 403, downloadA: 403, downloadB: 403, listFilesB: 403,   uploadB: 403, deleteB: 403 }],
  ['audit_admin',       { list: 403,             readA: 403, readB: 403, patchB: 403, creditB: 403, historyB: 403, downloadA: 403, downloadB: 403, listFilesB: 403,   uploadB: 403, deleteB: 403 }],
  ['bank_officer',      { list: [],              readA: 404, readB: 404, patchB: 403, creditB: 403, historyB: 404, downloadA: 404, downloadB: 404, listFilesB: [],    uploadB: 404, deleteB: 404 }],
  ['insurer_officer',   { list: [],              readA: 404, readB: 404, patchB: 403, creditB: 403, historyB: 404, downloadA: 404, downloadB: 404, listFilesB: [],    uploadB: 404, deleteB: 404 }],
  ['anonymous',         { list: 401,             readA: 401, readB: 401, patchB: 401, creditB: 401, historyB: 401, downloadA: 401, downloadB: 401, listFilesB: 401,   uploadB: 401, deleteB: 401 }],
];

describe.each(MATRIX)('%s', (who, ex) => {
  const s = () => sessions[who]!;
  const label = (id: string) => (id === eA.id ? 'A' : id === eB.id ? 'B' : id === eO.id ? 'O' : null);

  it('lists only enterprises in scope (filtered inside the query, so totals match)', async () => {
    const res = await s().get('/api/v1/enterprises?pageSize=100');
    if (typeof ex.list === 'number') {
      expect(res.statusCode).toBe(ex.list);
      return;
    }
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string }[];
    expect(
      items
        .map((i) => label(i.id))
        .filter(Boolean)
        .sort(),
    ).toEqual(ex.list);
    expect(res.json().total).toBe(items.length);
    // Searching for the other district's enterprise by its exact code still finds nothing outside the scope.
    const byCode = await s().get(`/api/v1/enterprises?q=${eB.uscc}`);
    expect(byCode.json().total).toBe(ex.list.includes('B') ? 1 : 0);
  });

  it('reads only enterprises in scope', async () => {
    expect((await s().get(`/api/v1/enterprises/${eA.id}`)).statusCode).toBe(ex.readA);
    expect((await s().get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(ex.readB);
    expect((await s().get(`/api/v1/enterprises/${eB.id}/credit-history`)).statusCode).toBe(ex.historyB);
  });

  it('changes nothing it may not change', async () => {
    const patch = await s().patch(`/api/v1/enterprises/${eB.id}`, { version: eB.version, contactName: '入侵者' });
    expect(patch.statusCode).toBe(ex.patchB);
    const credit = await s().post(`/api/v1/enterprises/${eB.id}/credit-standing`, {
      status: 'good',
      source: '信用中国',
      asOf: '2026-11-01',
    });
    expect(credit.statusCode).toBe(ex.creditB);
  });

  it('downloads, lists, uploads and deletes files only within scope', async () => {
    expect((await s().get(`/api/v1/attachments/${attA}/download`)).statusCode).toBe(ex.downloadA);
    const dlB = await s().get(`/api/v1/attachments/${attB}/download`);
    expect(dlB.statusCode).toBe(ex.downloadB);
    if (dlB.statusCode !== 200) expect(dlB.body).not.toContain('%PDF');
    const files = await s().get(`/api/v1/attachments?ownerType=enterprise&ownerId=${eB.id}`);
    if (typeof ex.listFilesB === 'number') expect(files.statusCode).toBe(ex.listFilesB);
    else expect(files.json().items.map(() => 'B')).toEqual(ex.listFilesB);
    expect((await upload(s(), eB.id)).statusCode).toBe(ex.uploadB);
    expect((await s().delete(`/api/v1/attachments/${attB}`)).statusCode).toBe(ex.deleteB);
  });
});

describe('permitted changes', () => {
  it('lets the enterprise administrator edit its own enterprise, and B’s administrator B', async () => {
    const a = await sessions.enterprise!.patch(`/api/v1/enterprises/${eA.id}`, { version: 1, contactName: '甲联系人' });
    expect(a.statusCode).toBe(200);
    const [row] = await p.deps.db.select().from(enterprises).where(sql`${enterprises.id} = ${eB.id}`);
    expect(row!.contactName).not.toBe('入侵者');
    const b = await sessions.enterpriseB!.patch(`/api/v1/enterprises/${eB.id}`, {
      version: row!.version,
      contactName: '乙联系人',
    });
    expect(b.statusCode).toBe(200);
  });

  it('district reviewer of 新会区 sees B and its files but not A', async () => {
    const u = await makeUser(p.deps, 'district_reviewer', { districtCode: '440705' });
    const s = await loginAs(p.app, u.username, u.password);
    expect((await s.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(200);
    expect((await s.get(`/api/v1/attachments/${attB}/download`)).statusCode).toBe(200);
    expect((await s.get(`/api/v1/enterprises/${eA.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/attachments/${attA}/download`)).statusCode).toBe(404);
  });

  it('/me answers 403 to roles without an own enterprise', async () => {
    expect((await sessions.city_admin!.get('/api/v1/enterprises/me')).statusCode).toBe(403);
    expect((await sessions.enterprise!.get('/api/v1/enterprises/me')).json().id).toBe(eA.id);
  });
});

describe('enterprise grants (how later modules widen scope for banks)', () => {
  it('a registered grant lets a bank officer see exactly the granted enterprise; never the security admin', async () => {
    const bankSession = sessions.bank_officer!;
    const me = (await bankSession.get('/api/v1/auth/me')).json();
    registerEnterpriseGrant('test-loans', (a) =>
      a.institutionId === me.institutionId ? sql`${enterprises.id} = ${eB.id}` : undefined,
    );
    registerEnterpriseGrant('test-everyone', () => sql`true`);
    try {
      unregisterEnterpriseGrant('test-everyone');
      const list = await bankSession.get('/api/v1/enterprises?pageSize=100');
      expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([eB.id]);
      expect((await bankSession.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(200);
      expect((await bankSession.get(`/api/v1/enterprises/${eA.id}`)).statusCode).toBe(404);
      expect((await sessions.insurer_officer!.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(404);
      registerEnterpriseGrant('test-everyone', () => sql`true`);
      // Grants never reach roles that do not read business data, even past the route guard.
      for (const who of [actor('security_admin'), actor('audit_admin'), null]) {
        const rows = await p.deps.db.select().from(enterprises).where(visibleEnterprisesCondition(who));
        expect(rows, who?.role ?? 'public').toHaveLength(0);
      }
      const cityRows = await p.deps.db
        .select()
        .from(enterprises)
        .where(visibleEnterprisesCondition(actor('city_reviewer')));
      expect(cityRows.length).toBeGreaterThanOrEqual(3);
      expect((await sessions.security_admin!.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(403);
      expect((await sessions.anonymous!.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(401);
    } finally {
      unregisterEnterpriseGrant('test-loans');
      unregisterEnterpriseGrant('test-everyone');
    }
    expect((await bankSession.get(`/api/v1/enterprises/${eB.id}`)).statusCode).toBe(404);
  });
});
