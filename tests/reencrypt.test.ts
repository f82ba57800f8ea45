/** `huiqi crypto reencrypt`: old AES-256-GCM values and values under a retired key move to SM4 under the current key. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../src/db/schema';
import { systemCtx } from '../src/services/context';
import { createDataCipher, encryptV1 } from '../src/services/crypto/data-cipher';
import { reencryptPersonalData } from '../src/services/maintenance';
import { makeUser } from './helpers/factories';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(() => p.close());

describe('re-encryption of personal data', () => {
  it('rewrites old and retired-key values, keeps their meaning, audits, and a second run changes nothing', async () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const a = await makeUser(p.deps, 'city_admin');
    const b = await makeUser(p.deps, 'audit_admin');
    const c = await makeUser(p.deps, 'security_admin');
    await p.deps.db
      .update(users)
      .set({ totpSecretEnc: encryptV1(oldKey, 'SECRET-A') })
      .where(eq(users.id, a.id));
    await p.deps.db
      .update(users)
      .set({ totpSecretEnc: createDataCipher(oldKey).encrypt('SECRET-B') })
      .where(eq(users.id, b.id));
    const cipher = createDataCipher(newKey, [oldKey]);
    await p.deps.db
      .update(users)
      .set({ totpSecretEnc: cipher.encrypt('SECRET-C') })
      .where(eq(users.id, c.id));

    const ctx = { ...systemCtx({ ...p.deps, cipher }), now: p.clock() };
    const first = await reencryptPersonalData(ctx, 2);
    expect(first.reencrypted).toBe(2);
    const only = createDataCipher(newKey);
    for (const [id, plain] of [
      [a.id, 'SECRET-A'],
      [b.id, 'SECRET-B'],
      [c.id, 'SECRET-C'],
    ] as const) {
      const [row] = await p.deps.db.select().from(users).where(eq(users.id, id));
      expect(only.isStale(row!.totpSecretEnc!)).toBe(false);
      expect(only.decrypt(row!.totpSecretEnc!)).toBe(plain);
    }
    const events = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'crypto.reencrypted'));
    expect(events.length).toBeGreaterThan(0);
    expect((await reencryptPersonalData(ctx)).reencrypted).toBe(0);
  });
});
