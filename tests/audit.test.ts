/**
 * The audit trail: only the audit administrator searches and exports it; events are append-only in the database;
 * searches filter in SQL; exports are real xlsx / BOM CSV and are themselves audited.
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTION_LABELS, AUDIT_OBJECT_LABELS, auditActionLabel } from '../src/contracts/audit';
import { auditEvents, users } from '../src/db/schema';
import type { Role } from '../src/domain/access/actor';
import { chainAuditEvents } from '../src/services/audit';
import { hashPassword } from '../src/services/auth/password-hash';
import { makeEnterprise, makeInstitution, makeUser, TEST_PASSWORD } from './helpers/factories';
import { anonymous, type Session, signInFromNewAddresses } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let p: TestPlatform;

const signIn = signInFromNewAddresses(() => p.app, 4);

let auditor: Session;
let auditorUser: { id: string; username: string };
let security: Session;
let securityUser: { id: string };
let createdUserId: string;

beforeAll(async () => {
  p = await createTestPlatform({ now: '2026-11-20T02:00:00Z' });
  const a = await makeUser(p.deps, 'audit_admin');
  auditorUser = a;
  const sec = await makeUser(p.deps, 'security_admin');
  securityUser = sec;
  // Day 1 (Beijing 2026-11-20): the security administrator signs in and creates an account.
  security = await signIn(sec.username, sec.password);
  const created = await security.post('/api/v1/users', {
    username: 'formula_user',
    displayName: '审计测试员',
    role: 'city_reviewer',
  });
  createdUserId = created.json().user.id;
  // Day 2: a failed login and the auditor signs in.
  p.clock.set('2026-11-21T03:00:00Z');
  await p.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'ghost_user', password: 'Wrong@pass1' },
    remoteAddress: '203.0.113.9',
  });
  // The day-1 session has idled out; the security administrator signs in again, then the auditor.
  security = await signIn(sec.username, sec.password);
  auditor = await signIn(a.username, a.password);
});
afterAll(async () => p.close());

describe('searching', () => {
  it('returns events newest first with the contract fields', async () => {
    const res = await auditor.get('/api/v1/audit/events');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.page).toBe(1);
    expect(body.pageSize).toBe(50);
    const seqs = body.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => y - x));
    expect(body.total).toBe(seqs.length);
    expect(Object.keys(body.items[0]).sort()).toEqual(
      [
        'action',
        'actorId',
        'actorName',
        'actorRole',
        'after',
        'before',
        'clientIp',
        'hash',
        'objectId',
        'objectType',
        'occurredAt',
        'requestId',
        'scope',
        'seq',
      ].sort(),
    );
    expect(body.items[0]).toMatchObject({ action: 'auth.login', actorId: auditorUser.id, actorRole: 'audit_admin' });
    // Just committed: the chaining step links it a moment later (ADR 0015).
    expect(body.items[0].hash).toBeNull();
    await chainAuditEvents(p.deps.db);
    const linked = (await auditor.get('/api/v1/audit/events')).json();
    expect(linked.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by action, actor, role, object, keyword and Beijing-time days, in SQL', async () => {
    const get = async (qs: string) => {
      const r = await auditor.get(`/api/v1/audit/events?${qs}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { seq: number; action: string; actorId: string; objectId: string }[]; total: number };
    };
    const created = await get('action=user.created');
    expect(created.items.map((e) => e.objectId)).toEqual([createdUserId]);
    const byActor = await get(`actorId=${securityUser.id}`);
    expect(byActor.items.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.login', 'user.created']);
    expect((await get('actorRole=public')).items.map((e) => e.action)).toEqual(['auth.login_failed']);
    expect((await get(`objectType=user&objectId=${createdUserId}`)).total).toBe(1);
    // The keyword searches inside before/after too (the failed username) and the client address.
    expect((await get('q=ghost_user')).items.map((e) => e.action)).toEqual(['auth.login_failed']);
    expect((await get('q=203.0.113')).total).toBe(1);
    expect((await get('q=%25')).total).toBe(0);
    // 2026-11-20T02:00Z is 10:00 on 20 November in Beijing; 2026-11-21T03:00Z is 11:00 on the 21st.
    const day1 = await get('from=2026-11-20&to=2026-11-20');
    expect(day1.items.map((e) => e.action).sort()).toEqual(['auth.login', 'user.created']);
    const day2 = await get('from=2026-11-21');
    expect(day2.items.map((e) => e.action).sort()).toEqual(['auth.login', 'auth.login', 'auth.login_failed']);
    const instant = await get('from=2026-11-21T10:59:00%2B08:00&to=2026-11-21T11:00:00%2B08:00');
    expect(instant.total).toBe(3);
    expect((await get('to=2026-11-19')).total).toBe(0);
    const paged = await get('pageSize=1&page=2');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(5);
  });

  it('rejects bad filters with the field named (Chinese, or English on request)', async () => {
    const badDay = await auditor.get('/api/v1/audit/events?from=2026-02-30');
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json().error.message).toContain('开始时间');
    const badFormat = await auditor.get('/api/v1/audit/events?to=yesterday');
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.message).toContain('结束时间');
    const reversed = await auditor.get('/api/v1/audit/events?from=2026-11-21&to=2026-11-20');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('to');
    const size = await auditor.get('/api/v1/audit/events?pageSize=1000', { 'accept-language': 'en' });
    expect(size.statusCode).toBe(400);
    expect(size.json().error.message).toContain('pageSize');
    const format = await auditor.get('/api/v1/audit/events/export?format=pdf');
    expect(format.statusCode).toBe(400);
    expect(format.json().error.message).toContain('导出格式');
  });
});

describe('exporting', () => {
  it('exports a real xlsx with Chinese headers, and the export is itself an audit event', async () => {
    const [before] = await p.deps.db.select({ n: count() }).from(auditEvents);
    const res = await auditor.request({
      method: 'GET',
      url: '/api/v1/audit/events/export?format=xlsx&action=user.created',
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="audit-events-\d{14}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('审计日志')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining(['序号', '时间（北京时间）', '操作', '操作人', '操作人角色', '变更后', '哈希（SM3）']),
    );
    expect(ws.actualRowCount).toBe(2);
    const row = ws.getRow(2).values as unknown[];
    expect(row).toContain('创建账号');
    expect(row).toContain('安全管理员');
    // the time is a date cell holding Beijing wall time (10:00 in Beijing is 02:00 UTC)
    const timeCell = ws.getRow(2).getCell(2);
    expect(timeCell.value).toBeInstanceOf(Date);
    expect((timeCell.value as Date).toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(timeCell.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(row).toContain('账号');
    expect(row).not.toContain('user');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const [after] = await p.deps.db.select({ n: count() }).from(auditEvents);
    expect(after!.n).toBe(before!.n + 1);
    const [ev] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'audit.exported'));
    expect(ev).toMatchObject({ actorId: auditorUser.id, objectType: 'audit_events' });
    expect(ev!.after).toMatchObject({ format: 'xlsx', rows: 1, filters: { action: 'user.created' } });
  });

  it('exports CSV with a UTF-8 BOM, quoting, and formula cells neutralised', async () => {
    // An account whose display name would run as a spreadsheet formula.
    const hash = await hashPassword(TEST_PASSWORD);
    const [u] = await p.deps.db
      .insert(users)
      .values({
        username: `formula_${randomUUID().slice(0, 6)}`,
        passwordHash: hash,
        displayName: '=1+2',
        role: 'city_admin',
      })
      .returning();
    await signIn(u!.username, TEST_PASSWORD);
    const res = await auditor.get(`/api/v1/audit/events/export?format=csv&actorId=${u!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]!.startsWith('序号,时间（北京时间）,操作,')).toBe(true);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(",'=1+2,");
    expect(lines[1]).toContain('登录');
    expect(lines[1]).not.toContain(',=1+2,');
  });
});

describe('append-only in the database', () => {
  it('rejects UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    for (const stmt of [
      sql`UPDATE audit_events SET action = 'x' WHERE seq = 1`,
      sql`DELETE FROM audit_events WHERE seq = 1`,
      sql`TRUNCATE audit_events`,
    ]) {
      await expect(p.deps.db.execute(stmt)).rejects.toThrow();
    }
    const [first] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.seq, 1));
    expect(first).toBeTruthy();
    expect(first!.action).not.toBe('x');
  });
});

describe('only the audit administrator reaches the audit trail', () => {
  it.each<Role>([
    'security_admin',
    'city_admin',
    'city_reviewer',
    'district_reviewer',
    'enterprise',
    'bank_officer',
    'insurer_officer',
    'fund_operator',
    'expert',
    'external_auditor',
  ])('%s gets 403 on search, export and verify', async (role) => {
    const scope =
      role === 'district_reviewer'
        ? { districtCode: '440703' }
        : role === 'enterprise'
          ? { enterpriseId: (await makeEnterprise(p.deps)).id, isEnterpriseAdmin: true }
          : role === 'bank_officer'
            ? { institutionId: (await makeInstitution(p.deps, 'bank')).id }
            : role === 'insurer_officer'
              ? { institutionId: (await makeInstitution(p.deps, 'insurer')).id }
              : {};
    const u = await makeUser(p.deps, role, scope);
    const s = await signIn(u.username, u.password);
    for (const url of ['/api/v1/audit/events', '/api/v1/audit/events/export?format=csv', '/api/v1/audit/verify']) {
      const res = await s.get(url);
      expect(res.statusCode, `${role} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('the security administrator in particular cannot read the audit trail', async () => {
    const res = await security.get('/api/v1/audit/events');
    expect(res.statusCode).toBe(403);
  });

  it('a bank system with an API token cannot either, and anonymous callers get 401', async () => {
    const bank = await makeInstitution(p.deps, 'bank');
    const issued = await security.post('/api/v1/api-tokens', { institutionId: bank.id, name: '审计测试' });
    const token = issued.json().token as string;
    const res = await p.app.inject({
      method: 'GET',
      url: '/api/v1/audit/events',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(403);
    expect((await anonymous(p.app).get('/api/v1/audit/events')).statusCode).toBe(401);
  });

  it('the audit administrator cannot manage accounts', async () => {
    const res = await auditor.post('/api/v1/users', {
      username: 'by_auditor',
      displayName: '越权',
      role: 'city_admin',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('action labels', () => {
  it('names every action in the trail in Chinese, falling back to the raw action', async () => {
    const rows = await p.deps.db.selectDistinct({ action: auditEvents.action }).from(auditEvents);
    for (const { action } of rows) expect(AUDIT_ACTION_LABELS[action], action).toMatch(/[\u4e00-\u9fff]/);
    for (const a of [
      'auth.login',
      'auth.login_failed',
      'auth.account_locked',
      'auth.logout',
      'auth.password_changed',
      'system.demo_data_loaded',
    ]) {
      expect(AUDIT_ACTION_LABELS[a]).toBeTruthy();
    }
    expect(auditActionLabel('something.new')).toBe('something.new');
  });

  it('names in Chinese every action and object type the code writes (read from the sources)', () => {
    const actions = new Set<string>();
    const objects = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.ts') && !file.endsWith('.test.ts')) {
          const text = fs.readFileSync(file, 'utf8');
          for (const m of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
            for (const q of m[1]!.matchAll(/'([a-z_]+\.[a-z_.]+)'/g)) actions.add(q[1]!);
          }
          for (const m of text.matchAll(/\bobjectType:\s*'([a-z_]+)'/g)) objects.add(m[1]!);
        }
      }
    };
    walk(path.join(ROOT, 'src/services'));
    expect(actions.size).toBeGreaterThan(60);
    expect([...actions].filter((a) => !/[\u4e00-\u9fff]/.test(AUDIT_ACTION_LABELS[a] ?? ''))).toEqual([]);
    expect([...objects].filter((o) => !/[\u4e00-\u9fff]/.test(AUDIT_OBJECT_LABELS[o] ?? ''))).toEqual([]);
  });
});
