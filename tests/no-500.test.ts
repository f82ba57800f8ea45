/**
 * Bad input never becomes a 500: every route in the OpenAPI document is called, as the public and as several
 * roles, with malformed path parameters, query strings and bodies. Each answer must be a 4xx (or a 2xx where
 * the input happens to be acceptable) with the error envelope, never a 5xx.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
          : [`${path}?page=-1&pageSize=99999&year=abc&from=yesterday&q=%27%3B--`];
        for (const [role, s] of Object.entries(sessions)) {
          for (const url of urls) {
            const bodies = m === 'GET' || m === 'DELETE' ? [undefined] : BAD_BODIES;
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
});
