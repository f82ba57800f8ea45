/**
 * The API answers in Chinese by default and in English when the request says `Accept-Language: en`: a field
 * error, a not-found, a forbidden action and a business refusal, each in both languages.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeUser } from './helpers/factories';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

const HAN = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en' };

let p: TestPlatform;
let security: Session;
let reviewer: Session;
let reviewerId: string;

beforeAll(async () => {
  p = await createTestPlatform();
  const sec = await makeUser(p.deps, 'security_admin');
  const rev = await makeUser(p.deps, 'city_reviewer');
  reviewerId = rev.id;
  security = await loginAs(p.app, sec.username, sec.password);
  reviewer = await loginAs(p.app, rev.username, rev.password);
});
afterAll(() => p?.close());

describe('API messages follow Accept-Language', () => {
  const cases: Array<{
    name: string;
    status: number;
    code: string;
    send: (h?: Record<string, string>) => ReturnType<Session['get']>;
  }> = [
    {
      name: 'a field error',
      status: 400,
      code: 'VALIDATION_FAILED',
      send: (h) => security.post('/api/v1/users/not-a-uuid/enable', undefined, h),
    },
    {
      name: 'not found',
      status: 404,
      code: 'NOT_FOUND',
      send: (h) => security.post(`/api/v1/users/${randomUUID()}/enable`, undefined, h),
    },
    {
      name: 'a forbidden action',
      status: 403,
      code: 'FORBIDDEN',
      send: (h) => reviewer.post(`/api/v1/users/${reviewerId}/disable`, undefined, h),
    },
    {
      name: 'a business refusal',
      status: 409,
      code: 'USER_ALREADY_ENABLED',
      send: (h) => security.post(`/api/v1/users/${reviewerId}/enable`, undefined, h),
    },
  ];

  it.each(cases)('$name: Chinese without the header, English with it', async (c) => {
    const zh = await c.send();
    expect(zh.statusCode, zh.body).toBe(c.status);
    expect(zh.json().error.code).toBe(c.code);
    expect(zh.json().error.message).toMatch(HAN);

    const en = await c.send(EN);
    expect(en.statusCode, en.body).toBe(c.status);
    expect(en.json().error.code).toBe(c.code);
    expect(en.json().error.message).not.toMatch(HAN);
    expect(en.json().error.message.length).toBeGreaterThan(3);
  });

  it('the field messages of a field error follow the header too', async () => {
    const zh = await security.post('/api/v1/users/not-a-uuid/enable');
    const en = await security.post('/api/v1/users/not-a-uuid/enable', undefined, EN);
    expect(zh.json().error.fields[0].message).toMatch(HAN);
    expect(en.json().error.fields[0].message).not.toMatch(HAN);
  });
});
