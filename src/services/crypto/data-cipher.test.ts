import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDataCipher, encryptV1 } from './data-cipher';

const key = randomBytes(32);

describe('personal-data cipher (SM4-CBC + HMAC-SM3)', () => {
  it('round-trips Chinese text, empty strings and long values, with a key id and a fresh IV each time', () => {
    const c = createDataCipher(key);
    for (const plain of ['', '13800138000', '440703199001011234', '张三 · 江门市蓬江区'.repeat(40)]) {
      const ct = c.encrypt(plain);
      expect(ct).toMatch(/^v2:[0-9a-f]{8}:/);
      expect(c.decrypt(ct)).toBe(plain);
    }
    expect(c.encrypt('x')).not.toBe(c.encrypt('x'));
  });

  it('detects tampering with the data, the IV, the tag or the key id', () => {
    const c = createDataCipher(key);
    const ct = c.encrypt('13800138000');
    const parts = ct.split(':');
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[0]! ^= 1;
      return b.toString('base64');
    };
    for (const i of [2, 3, 4]) {
      const bad = [...parts];
      bad[i] = flip(bad[i]!);
      expect(() => c.decrypt(bad.join(':'))).toThrow();
    }
    const otherId = [...parts];
    otherId[1] = '00000000';
    expect(() => c.decrypt(otherId.join(':'))).toThrow();
  });

  it('reads the AES-256-GCM values written before, and marks them stale', () => {
    const c = createDataCipher(key);
    const old = encryptV1(key, '13912345678');
    expect(c.decrypt(old)).toBe('13912345678');
    expect(c.isStale(old)).toBe(true);
    expect(c.isStale(c.encrypt('a'))).toBe(false);
  });

  it('after a rotation reads values under the retired key and writes under the new one', () => {
    const before = createDataCipher(key);
    const ct = before.encrypt('440703199001011234');
    const next = randomBytes(32);
    const after = createDataCipher(next, [key]);
    expect(after.decrypt(ct)).toBe('440703199001011234');
    expect(after.isStale(ct)).toBe(true);
    const re = after.encrypt(after.decrypt(ct));
    expect(re.split(':')[1]).not.toBe(ct.split(':')[1]);
    expect(() => createDataCipher(next).decrypt(ct)).toThrow();
  });
});
