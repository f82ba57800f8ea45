import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, enterprises, users } from '../src/db/schema';
import { seedDemo } from '../src/db/seed/demo';
import { JIANGMEN_DISTRICTS } from '../src/db/seed/reference';
import { DISTRICTS } from '../src/domain/enterprise/districts';
import { validateResidentId } from '../src/domain/enterprise/resident-id';
import { orgCodeCheckChar, validateUscc } from '../src/domain/enterprise/uscc';
import { uniqueViolationOf } from '../src/services/enterprises/unique-violation';
import { makeEnterprise, makeUser, withCheckChar } from './helpers/factories';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-11-21T02:00:00Z' });
});
afterAll(async () => p.close());

let n = 0;
/** A valid code: both the organization code (GB 11714) and the 18th character (GB 32100) check. */
function validUscc(division = '440703'): string {
  n++;
  const body8 = `MA${n.toString().padStart(6, '0')}`;
  return withCheckChar(`91${division}${body8}${orgCodeCheckChar(body8)}`);
}

let ipSeq = 0;
/** Each registration from its own address, so the per-address rate limit does not interfere. */
function register(body: unknown, ip = `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`) {
  return anonymous(p.app).request({
    method: 'POST',
    url: '/api/v1/enterprises/register',
    payload: body as object,
    remoteAddress: ip,
  });
}

function body(over: Record<string, unknown> = {}) {
  const u = `ent_${randomUUID().slice(0, 8)}`;
  return {
    uscc: validUscc(),
    name: `江门市测试${randomUUID().slice(0, 4)}机械有限公司`,
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
    account: { username: u, displayName: '李明', password: 'Qiye@2026x' },
    ...over,
  };
}

describe('registration', () => {
  it('creates the enterprise and its administrator in one go; the registrant then signs in', async () => {
    const b = body();
    const res = await register(b);
    expect(res.statusCode).toBe(201);
    const { enterpriseId, userId } = res.json();
    const [u] = await p.deps.db.select().from(users).where(eq(users.id, userId));
    expect(u).toMatchObject({ role: 'enterprise', enterpriseId, isEnterpriseAdmin: true });

    const s = await loginAs(p.app, b.account.username.toUpperCase(), b.account.password);
    const me = await s.get('/api/v1/enterprises/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: enterpriseId,
      uscc: b.uscc,
      districtCode: '440703',
      districtName: '蓬江区',
      outsideCity: false,
      eligibleForCityProgrammes: true,
      contactPhoneMasked: '139****5678',
      legalRepIdNumberMasked: '440***********1234',
      creditStatus: 'good',
      version: 1,
    });
    expect(me.body).not.toContain('13912345678');
    expect(me.body).not.toContain('440703198001011234');

    const [audit] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'enterprise.registered' and ${auditEvents.objectId} = ${enterpriseId}`);
    expect(audit).toBeTruthy();
    expect(audit!.actorRole).toBe('public');
    const auditText = JSON.stringify(audit);
    expect(auditText).not.toContain('13912345678');
    expect(auditText).not.toContain('440703198001011234');
    expect(auditText).toContain('139****5678');

    const [row] = await p.deps.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
    expect(row!.contactPhoneEnc).not.toContain('13912345678');
    expect(p.deps.cipher.decrypt(row!.contactPhoneEnc)).toBe('13912345678');
  });

  it('accepts a lower-case code with spaces and a landline, normalised', async () => {
    const code = validUscc();
    const res = await register(
      body({ uscc: ` ${code.toLowerCase().slice(0, 9)} ${code.toLowerCase().slice(9)}`, contactPhone: '0750 3501234' }),
    );
    expect(res.statusCode).toBe(201);
    const [row] = await p.deps.db.select().from(enterprises).where(eq(enterprises.id, res.json().enterpriseId));
    expect(row!.uscc).toBe(code);
    expect(p.deps.cipher.decrypt(row!.contactPhoneEnc)).toBe('0750-3501234');
  });

  it('registers an enterprise outside the city as ineligible for city programmes', async () => {
    const b = body({ uscc: validUscc('440106'), districtCode: 'outside' });
    const res = await register(b);
    expect(res.statusCode).toBe(201);
    const s = await loginAs(p.app, b.account.username, b.account.password);
    const me = (await s.get('/api/v1/enterprises/me')).json();
    expect(me).toMatchObject({ outsideCity: true, districtCode: null, eligibleForCityProgrammes: false });
    expect(me.ineligibleReason).toContain('不在江门市');
  });

  it.each([
    [
      'a bad check character',
      () => {
        const code = validUscc();
        return body({ uscc: code.slice(0, 17) + (code[17] === '0' ? '1' : '0') });
      },
      /统一社会信用代码.*第 18 位校验码应为 .，实为 [01]/,
    ],
    ['a short code', () => body({ uscc: '91440703MA4UHN6' }), /长度应为 18 位，实为 15 位/],
    ['a district outside the list', () => body({ districtCode: '440700' }), /所在县（市、区）.*/],
    ['an invalid phone', () => body({ contactPhone: '1234567' }), /联系电话不是有效的电话号码/],
    [
      'a bad ID check digit',
      () => body({ legalRepIdNumber: '440703198001011235' }),
      /法定代表人身份证号码第 18 位校验码应为 4，实为 5/,
    ],
    ['an ID without a name', () => body({ legalRepName: undefined }), /法定代表人姓名/],
    [
      'a weak password',
      () => body({ account: { username: 'weakling', displayName: 'x', password: 'abcdefgh' } }),
      /密码/,
    ],
    ['a future establishment date', () => body({ establishedOn: '2026-11-22' }), /成立日期不能晚于今天（2026-11-21）/],
    ['an unknown enterprise type', () => body({ type: 'bank' }), /企业类型不是可选的值，请从列表中选择/],
  ])('refuses %s, naming the field in Chinese', async (_name, make, message) => {
    const res = await register(make());
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.message).toMatch(message);
  });

  it('refuses a duplicate code with 409 and a clear message, also under a concurrent double submission', async () => {
    const b = body();
    expect((await register(b)).statusCode).toBe(201);
    const again = await register({ ...b, account: { ...b.account, username: `${b.account.username}x` } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('USCC_TAKEN');
    expect(again.json().error.message).toContain(`统一社会信用代码 ${b.uscc} 已被注册`);

    const c = body();
    const twins = await Promise.all([
      register({ ...c, account: { ...c.account, username: `${c.account.username}a` } }),
      register({ ...c, account: { ...c.account, username: `${c.account.username}b` } }),
    ]);
    expect(twins.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(twins.find((r) => r.statusCode === 409)!.json().error.code).toBe('USCC_TAKEN');
    const rows = await p.deps.db.select().from(enterprises).where(eq(enterprises.uscc, c.uscc));
    expect(rows).toHaveLength(1);
    // The loser's account was not created either (one transaction).
    const orphan = await p.deps.db
      .select()
      .from(users)
      .where(sql`${users.enterpriseId} is null and ${users.role} = 'enterprise'`);
    expect(orphan).toHaveLength(0);
  });

  it('recognises the unique-index violation the race ends in, on this database driver', async () => {
    const e = await makeEnterprise(p.deps);
    const err = await makeEnterprise(p.deps, { uscc: e.uscc }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(uniqueViolationOf(err)).toBe('enterprises_uscc_uq');
    expect(uniqueViolationOf(new Error('other'))).toBeNull();
  });

  it('refuses a username taken in another case with 409', async () => {
    const b = body();
    expect((await register(b)).statusCode).toBe(201);
    const res = await register(body({ account: { ...b.account, username: b.account.username.toUpperCase() } }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('USERNAME_TAKEN');
    expect(res.json().error.message).toContain('已被使用');
  });

  it('limits registrations to 10 a minute per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await register({ bad: true }, '10.9.9.9')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 400)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await register({ bad: true }, '10.9.9.8')).statusCode).toBe(400);
  });
});

async function adminOf(enterpriseId: string, isEnterpriseAdmin = true): Promise<Session> {
  const u = await makeUser(p.deps, 'enterprise', { enterpriseId, isEnterpriseAdmin });
  return loginAs(p.app, u.username, u.password);
}

describe('profile edits by the enterprise administrator', () => {
  it('updates with the current version, masks personal data, audits before/after masked', async () => {
    const e = await makeEnterprise(p.deps, { contactPhoneEnc: p.deps.cipher.encrypt('13800001111') });
    const s = await adminOf(e.id);
    const res = await s.patch(`/api/v1/enterprises/${e.id}`, {
      version: 1,
      operatingAddress: '江门市蓬江区新址 9 号',
      contactPhone: '13922223333',
      isSme: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      operatingAddress: '江门市蓬江区新址 9 号',
      contactPhoneMasked: '139****3333',
      isSme: false,
      version: 2,
    });
    const [a] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'enterprise.updated' and ${auditEvents.objectId} = ${e.id}`);
    expect(a!.before).toMatchObject({ contactPhone: '138****1111', version: 1 });
    expect(a!.after).toMatchObject({ contactPhone: '139****3333', version: 2 });
    expect(JSON.stringify(a)).not.toMatch(/13922223333|13800001111/);

    const stale = await s.patch(`/api/v1/enterprises/${e.id}`, { version: 1, contactName: '王五' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect(stale.json().error.message).toContain('当前版本 2');
  });

  it('does not let the code, pool or credit standing be edited here', async () => {
    const e = await makeEnterprise(p.deps);
    const s = await adminOf(e.id);
    for (const field of [
      { uscc: validUscc() },
      { inResourcePool: true },
      { creditStatus: 'good' },
      { districtCode: '440705' },
    ]) {
      const res = await s.patch(`/api/v1/enterprises/${e.id}`, { version: 1, ...field });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('包含无法识别的内容');
    }
  });

  it('refuses colleagues who are not the administrator', async () => {
    const e = await makeEnterprise(p.deps);
    const s = await adminOf(e.id, false);
    expect((await s.get(`/api/v1/enterprises/${e.id}`)).statusCode).toBe(200);
    const res = await s.patch(`/api/v1/enterprises/${e.id}`, { version: 1, contactName: '王五' });
    expect(res.statusCode).toBe(403);
  });
});

describe('resource pool and credit standing (city administrator)', () => {
  it('records credit changes with history and audit; others may not', async () => {
    const e = await makeEnterprise(p.deps);
    const admin = await makeUser(p.deps, 'city_admin');
    const s = await loginAs(p.app, admin.username, admin.password);
    const r1 = await s.post(`/api/v1/enterprises/${e.id}/credit-standing`, {
      status: 'abnormal',
      source: '国家企业信用信息公示系统',
      asOf: '2026-11-20',
    });
    expect(r1.statusCode).toBe(200);
    expect(r1.json()).toMatchObject({
      creditStatus: 'abnormal',
      creditSource: '国家企业信用信息公示系统',
      creditAsOf: '2026-11-20',
    });
    p.clock.advance(60_000);
    const r2 = await s.post(`/api/v1/enterprises/${e.id}/credit-standing`, {
      status: 'good',
      source: '信用中国（广东江门）',
      asOf: '2026-11-21',
      note: '已移出经营异常名录',
    });
    expect(r2.statusCode).toBe(200);

    const owner = await adminOf(e.id);
    const hist = await owner.get(`/api/v1/enterprises/${e.id}/credit-history`);
    expect(hist.statusCode).toBe(200);
    expect(hist.json().items).toMatchObject([
      {
        fromStatus: 'abnormal',
        toStatus: 'good',
        source: '信用中国（广东江门）',
        note: '已移出经营异常名录',
        changedByName: admin.username,
      },
      { fromStatus: 'good', toStatus: 'abnormal', asOf: '2026-11-20', changedBy: admin.id },
    ]);
    const audits = await p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'enterprise.credit_standing_set' and ${auditEvents.objectId} = ${e.id}`)
      .orderBy(auditEvents.seq);
    expect(audits).toHaveLength(2);
    expect(audits[0]!.before).toMatchObject({ creditStatus: 'good' });
    expect(audits[0]!.after).toMatchObject({ creditStatus: 'abnormal', creditSource: '国家企业信用信息公示系统' });

    const future = await s.post(`/api/v1/enterprises/${e.id}/credit-standing`, {
      status: 'dishonest',
      source: '信用中国',
      asOf: '2026-12-01',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toContain('信息日期不能晚于今天');

    for (const role of ['city_reviewer', 'enterprise', 'security_admin'] as const) {
      const u = await makeUser(
        p.deps,
        role,
        role === 'enterprise' ? { enterpriseId: e.id, isEnterpriseAdmin: true } : {},
      );
      const other = await loginAs(p.app, u.username, u.password);
      const res = await other.post(`/api/v1/enterprises/${e.id}/credit-standing`, {
        status: 'good',
        source: 'x',
        asOf: '2026-11-01',
      });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('records resource-pool membership with its date; the date is required to join', async () => {
    const e = await makeEnterprise(p.deps, { type: 'service_provider' });
    const admin = await makeUser(p.deps, 'city_admin');
    const s = await loginAs(p.app, admin.username, admin.password);
    const noDate = await s.post(`/api/v1/enterprises/${e.id}/resource-pool`, { inResourcePool: true });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error.message).toContain('入池日期');
    const ok = await s.post(`/api/v1/enterprises/${e.id}/resource-pool`, { inResourcePool: true, since: '2024-03-15' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ inResourcePool: true, resourcePoolSince: '2024-03-15' });
    const list = await s.get('/api/v1/enterprises?inResourcePool=true&type=service_provider&pageSize=100');
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(e.id);
    const out = await s.post(`/api/v1/enterprises/${e.id}/resource-pool`, { inResourcePool: false });
    expect(out.json()).toMatchObject({ inResourcePool: false, resourcePoolSince: null });
    const [a] = await p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'enterprise.resource_pool_set' and ${auditEvents.objectId} = ${e.id}`)
      .orderBy(sql`${auditEvents.seq} desc`)
      .limit(1);
    expect(a!.before).toMatchObject({ inResourcePool: true, resourcePoolSince: '2024-03-15' });
    expect(a!.after).toMatchObject({ inResourcePool: false });
  });
});

describe('list: search, filters, paging', () => {
  it('searches by name or code prefix and pages', async () => {
    const tag = randomUUID().slice(0, 6);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await makeEnterprise(p.deps, { name: `搜索${tag}五金${i}有限公司`, districtCode: '440784' }));
    }
    const u = await makeUser(p.deps, 'city_reviewer');
    const s = await loginAs(p.app, u.username, u.password);
    const page1 = await s.get(`/api/v1/enterprises?q=${encodeURIComponent(`搜索${tag}`)}&page=1&pageSize=2`);
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(page1.json().items).toHaveLength(2);
    const page3 = await s.get(`/api/v1/enterprises?q=${encodeURIComponent(`搜索${tag}`)}&page=3&pageSize=2`);
    expect(page3.json().items).toHaveLength(1);
    const byCode = await s.get(`/api/v1/enterprises?q=${made[0]!.uscc.slice(0, 14).toLowerCase()}`);
    expect(byCode.json().items.map((x: { id: string }) => x.id)).toContain(made[0]!.id);
    const byDistrict = await s.get('/api/v1/enterprises?districtCode=440784&pageSize=100');
    expect(byDistrict.json().items.every((x: { districtCode: string }) => x.districtCode === '440784')).toBe(true);
    const wildcard = await s.get('/api/v1/enterprises?q=%25');
    expect(wildcard.json().total).toBe(0);
    const bad = await s.get('/api/v1/enterprises?pageSize=1000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('每页条数');
  });
});

describe('reference data', () => {
  it('lists the 7 districts and active institutions publicly', async () => {
    const a = anonymous(p.app);
    const d = await a.get('/api/v1/reference/districts');
    expect(d.statusCode).toBe(200);
    expect(d.json()).toHaveLength(7);
    expect(d.json()[0]).toEqual({ code: '440703', name: '蓬江区' });
    const inst = await a.get('/api/v1/reference/institutions?kind=bank');
    expect(inst.statusCode).toBe(200);
    expect(inst.json().every((i: { kind: string }) => i.kind === 'bank')).toBe(true);
    expect((await a.get('/api/v1/reference/institutions?kind=casino')).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the enterprise and attachment routes with Chinese summaries', async () => {
    const doc = (await p.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/enterprises/register',
      '/api/v1/enterprises/',
      '/api/v1/enterprises/{id}',
      '/api/v1/enterprises/{id}/credit-history',
      '/api/v1/attachments/',
      '/api/v1/attachments/{id}/download',
      '/api/v1/reference/districts',
    ]) {
      const ops = doc.paths[path];
      expect(ops, path).toBeTruthy();
      for (const op of Object.values(ops) as { summary: string; tags: string[] }[]) {
        expect(op.summary).toMatch(/[\u4e00-\u9fff]/);
        expect(op.tags.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('reference and demo data', () => {
  it('the domain district list matches the seeded reference data', () => {
    expect(DISTRICTS.map((d) => [d.code, d.name])).toEqual(JIANGMEN_DISTRICTS.map((d) => [d.code, d.name]));
  });

  it('the demo enterprises carry valid codes and ID numbers', async () => {
    await seedDemo(p.deps.db, p.deps.cipher);
    const rows = await p.deps.db.select().from(enterprises).where(sql`${enterprises.name} like '江门%'`);
    const demo = rows.filter((r) => ['江门市蓬江精密五金制造有限公司', '江门智造云科技有限公司'].includes(r.name));
    expect(demo).toHaveLength(2);
    for (const r of demo) {
      expect(validateUscc(r.uscc).ok, r.uscc).toBe(true);
      expect(validateResidentId(p.deps.cipher.decrypt(r.legalRepIdEnc!)).ok).toBe(true);
    }
  });
});
