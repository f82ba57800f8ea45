/**
 * Encryption of personal data at rest (contact phones, ID numbers): AES-256-GCM with a random 96-bit nonce.
 * Ciphertext format: "v1:<base64 nonce>:<base64 tag>:<base64 data>". The key comes from HUIQI_DATA_KEY, or is
 * generated once into the data directory (readable only by its owner) for single-machine installs.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface DataCipher {
  encrypt(plain: string): string;
  decrypt(cipherText: string): string;
}

export function createDataCipher(key: Buffer): DataCipher {
  if (key.length !== 32) throw new Error('data key must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return `v1:${iv.toString('base64')}:${c.getAuthTag().toString('base64')}:${data.toString('base64')}`;
    },
    decrypt(cipherText) {
      const [v, iv, tag, data] = cipherText.split(':');
      if (v !== 'v1' || !iv || !tag || data === undefined) throw new Error('unknown ciphertext format');
      const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
      d.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([d.update(Buffer.from(data, 'base64')), d.final()]).toString('utf8');
    },
  };
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
