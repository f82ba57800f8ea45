/**
 * Bad input never becomes a 500: every route in the OpenAPI document is called, as the public and as several
 * roles, with malformed path parameters, query strings and bodies. Each answer must be a 4xx (or a 2xx where
 * the input happens to be acceptable) with the error envelope, never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../src/db/schema';
import { makeEnterprise, makeInstitution, makeUser } from './helpers/factories';
import { anonymous, loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  p = await createTestPlatform({ now: '2024-03-12T02:00:00Z' });
  const bank = await makeInstitution(p.deps, 'bank');
  const ent = await makeEnterprise(p.deps, { districtCode: '440703' });
  const users = {
    enterprise: await makeUser(p.deps, 'enterprise', { enterpriseId: ent.id, isEnterpriseAdmin: true }),
    district_reviewer: await makeUser(p.deps, 'district_reviewer', { districtCode: '440703' }),
    city_admin: await makeUser(p.deps, 'city_admin'),
    security_admin: await makeUser(p.deps, 'security_admin'),
    bank_officer: await makeUser(p.deps, 'bank_officer', { institutionId: bank.id }),
  };
  sessions.public = anonymous(p.app);
  for (const [role, u] of Object.entries(users)) sessions[role] = await loginAs(p.app, u.username, u.password);
});
afterAll(async () => p.close());

const BAD_BODIES: unknown[] = [
  {},
  { id: 42, amount: 'abc', date: '2024-13-45', items: 'x', nested: { deep: [null] } },
  [1, 2, 3],
  'plain string',
];

// biome-ignore lint/suspicious/noExplicitAny: walking JSON Schema from the OpenAPI document
type JsonSchema = any;

/** A body shaped like the operation's schema whose every string is `text` (enums and formats kept valid). */
function sampleOf(schema: JsonSchema, text: string, depth = 0): unknown {
  if (!schema || depth > 8) return text;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sampleOf(alt.find((s: JsonSchema) => s.type !== 'null') ?? alt[0], text, depth + 1);
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sampleOf(v, text, depth + 1)]),
      );
    case 'array':
      return [sampleOf(schema.items, text, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return text;
  }
}

/** NUL, and halves of a surrogate pair (JSON may carry them escaped; PostgreSQL cannot store them). */
const UNSTORABLE = ['坏\u0000字', '\ud800', 'x\udc00y'];

function fill(path: string, value: string): string {
  return path.replace(/\{[^}]+\}/g, value);
}

describe('no route answers 500 to bad input', () => {
  it('walks every route of the OpenAPI document', async () => {
    const doc = (await sessions.public!.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const failures: string[] = [];
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.includes('/auth/logout')) continue; // would end the sessions used below
      for (const method of Object.keys(ops)) {
        const m = method.toUpperCase();
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(m)) continue;
        const urls = path.includes('{')
          ? [fill(path, 'not-a-uuid'), fill(path, randomUUID()), fill(path, '%00%27%22')]
          : [`${path}?page=-1&pageSize=99999&year=abc&from=yesterday&q=%27%3B--`, `${path}?q=%00&page=1%00`];
        const op = (ops as Record<string, JsonSchema>)[method];
        const bodySchema = op?.requestBody?.content?.['application/json']?.schema;
        const bodies =
          m === 'GET' || m === 'DELETE'
            ? [undefined]
            : [...BAD_BODIES, ...(bodySchema ? UNSTORABLE.map((t) => sampleOf(bodySchema, t)) : [])];
        for (const [role, s] of Object.entries(sessions)) {
          for (const url of urls) {
            for (const body of bodies) {
              const res = await s.request({
                method: m as 'GET',
                url,
                ...(body === undefined
                  ? {}
                  : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
              });
              calls++;
              if (res.statusCode >= 500)
                failures.push(
                  `${role} ${m} ${url} ${JSON.stringify(body)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                );
              else if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
                const err = res.json().error;
                if (!err?.code || !err?.message)
                  failures.push(`${role} ${m} ${url} → ${res.statusCode} without error envelope`);
              }
            }
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses NUL and half surrogate pairs anywhere in a JSON body or query with a 400 naming the field', async () => {
    const admin = sessions.city_admin!;
    for (const bad of UNSTORABLE) {
      const res = await admin.post('/api/v1/users', {
        username: 'nul-user',
        displayName: bad,
        role: 'city_reviewer',
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain('含有无法保存的字符');
    }
    const list = await sessions.enterprise!.get('/api/v1/enterprises?q=%00');
    expect(list.statusCode).toBe(400);
    expect(list.json().error.fields[0]).toMatchObject({ path: 'q' });
    expect(list.json().error.message).toContain('关键字');
  });

  it('a sign-in with a NUL in the username is a 400 naming the field, and the refused sign-in is recorded', async () => {
    const res = await p.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.77.0.1', // the walk above used up the sign-in rate limit of the default address
      payload: { username: 'adm\u0000in', password: 'x' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.message).toContain('用户名');
    const refused = await p.deps.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(eq(auditEvents.action, 'auth.login_failed'));
    expect(refused.map((e) => e.after)).toContainEqual({ username: 'adm\ufffdin', reason: 'unstorable_text' });
  });

  it('multipart uploads cut short or without a boundary are 400s on every multipart route', async () => {
    const doc = (await sessions.public!.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, JsonSchema>>;
    };
    // The routes that take multipart/form-data (their body is read by the handler, so the document has no schema).
    const routes = [
      { path: '/api/v1/attachments/', method: 'POST' },
      { path: '/api/v1/loans/import', method: 'POST' },
    ];
    for (const r of routes) expect(Object.keys(doc.paths)).toContain(r.path);
    for (const { path, method } of routes) {
      for (const role of ['enterprise', 'bank_officer']) {
        for (const payload of [
          '--b\r\n\r\n',
          '--b\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nab',
          'x',
        ]) {
          const res = await sessions[role]!.request({
            method: method as 'POST',
            url: fill(path, randomUUID()),
            payload,
            headers: { 'content-type': 'multipart/form-data; boundary=b' },
          });
          expect(res.statusCode, `${role} ${method} ${path} ${res.body}`).toBeGreaterThanOrEqual(400);
          expect(res.statusCode, `${role} ${method} ${path} ${res.body}`).toBeLessThan(500);
        }
      }
    }
  });
});
