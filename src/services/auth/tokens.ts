import { createHash, randomBytes } from 'node:crypto';

/** A random secret for cookies and API tokens (256 bits, base64url). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}
