/** SM3 (GB/T 32905-2016), the digest of the audit chain. */
import { createHash, getHashes } from 'node:crypto';
import smCrypto from 'sm-crypto';

/**
 * SM3 of the text's UTF-8 bytes: OpenSSL's when Node is built with it (about ten times faster), sm-crypto's
 * otherwise — given bytes, not the string, because its own UTF-8 conversion mishandles some characters.
 */
const NATIVE_SM3 = getHashes().includes('sm3');
const utf8 = new TextEncoder();

export function sm3Hex(text: string): string {
  if (NATIVE_SM3) return createHash('sm3').update(text, 'utf8').digest('hex');
  return smCrypto.sm3(Array.from(utf8.encode(text)));
}
