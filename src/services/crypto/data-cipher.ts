/**
 * Encryption of personal data at rest (contact phones, ID numbers, authenticator secrets) in the national cipher the
 * 密评 assessment (GB/T 39786) expects: SM4-CBC (GB/T 32907) with a random IV, then an HMAC-SM3 tag over the key id,
 * the IV and the ciphertext (encrypt-then-MAC). Format: "v2:<key id>:<base64 iv>:<base64 data>:<base64 tag>".
 * The SM4 and MAC keys are derived from the 32-byte data key (HUIQI_DATA_KEY, or generated once into the data
 * directory, readable only by its owner); the key id (first 8 hex digits of SM3 of the key) lets keys rotate:
 * values under a retired key stay readable and `huiqi crypto reencrypt` moves them to the current one.
 * Values written before (AES-256-GCM, "v1:<base64 nonce>:<base64 tag>:<base64 data>") stay readable too.
 */
import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import smCrypto from 'sm-crypto';

export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(cipherText: string): string;
  /** The value is in an old format or under a retired key, so `reencrypt` would rewrite it. */
  isStale(cipherText: string): boolean;
}

interface KeySet {
  master: Buffer;
  id: string;
  sm4Key: string;
  macKey: string;
}

function keySet(master: Buffer): KeySet {
  if (master.length !== 32) throw new Error('data key must be 32 bytes');
  const hex = master.toString('hex');
  return {
    master,
    id: smCrypto.sm3(Array.from(master)).slice(0, 8),
    sm4Key: smCrypto.sm3('huiqi data cipher: sm4 key', { key: hex }).slice(0, 32),
    macKey: smCrypto.sm3('huiqi data cipher: mac key', { key: hex }),
  };
}

function tagOf(k: KeySet, iv: Buffer, data: Buffer): Buffer {
  const input = [...Buffer.from(`v2:${k.id}:`), ...iv, ...data];
  return Buffer.from(smCrypto.sm3(input, { key: k.macKey }), 'hex');
}

function decryptV1(key: Buffer, parts: string[]): string {
  const [, iv, tag, data] = parts;
  if (!iv || !tag || data === undefined) throw new Error('unknown ciphertext format');
  const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  d.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
}

/** `key` encrypts; `retired` keys (after a rotation) only decrypt. */
export function createDataCipher(key: Buffer, retired: Buffer[] = []): DataCipher {
  const current = keySet(key);
  const ring = new Map<string, KeySet>([current, ...retired.map(keySet)].map((k) => [k.id, k]));
  return {
    encrypt(plain) {
      const iv = randomBytes(16);
      const data = Buffer.from(
        smCrypto.sm4.encrypt(Array.from(Buffer.from(plain, 'utf8')), current.sm4Key, {
          mode: 'cbc',
          iv: iv.toString('hex'),
          output: 'array',
        }) as unknown as number[],
      );
      const tag = tagOf(current, iv, data);
      return `v2:${current.id}:${iv.toString('base64')}:${data.toString('base64')}:${tag.toString('base64')}`;
    },
    decrypt(cipherText) {
      const parts = cipherText.split(':');
      if (parts[0] === 'v1') {
        for (const k of ring.values()) {
          try {
            return decryptV1(k.master, parts);
          } catch {
            /* try the next key */
          }
        }
        throw new Error('AES-GCM value does not decrypt under any known key');
      }
      const [v, id, ivB64, dataB64, tagB64] = parts;
      if (v !== 'v2' || !id || !ivB64 || dataB64 === undefined || !tagB64 || parts.length !== 5) {
        throw new Error('unknown ciphertext format');
      }
      const k = ring.get(id);
      if (!k) throw new Error(`unknown data key id ${id}`);
      const iv = Buffer.from(ivB64, 'base64');
      const data = Buffer.from(dataB64, 'base64');
      const expected = tagOf(k, iv, data);
      const given = Buffer.from(tagB64, 'base64');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new Error('ciphertext integrity check failed');
      }
      const plain = smCrypto.sm4.decrypt(Array.from(data), k.sm4Key, {
        mode: 'cbc',
        iv: iv.toString('hex'),
        output: 'array',
      }) as unknown as number[];
      return Buffer.from(plain).toString('utf8');
    },
    isStale(cipherText) {
      return !cipherText.startsWith(`v2:${current.id}:`);
    },
  };
}

/** The AES-256-GCM format used before SM4 (kept for tests of old values). */
export function encryptV1(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return `v1:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
}

/** Key from configuration, or from `<dataDir>/secret/data.key`, created on first start. */
export function loadDataKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  const file = path.join(dataDir, 'secret', 'data.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64'), { mode: 0o600 });
  return key;
}

/** Shows the first 3 and last 4 characters: 138****5678, 4407**********1234. */
export function mask(value: string, head = 3, tail = 4): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(-tail);
}
