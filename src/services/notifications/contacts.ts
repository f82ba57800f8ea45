/**
 * Where SMS and e-mail go. Accounts carry no phone or e-mail of their own; by default an enterprise user is
 * reached at the enterprise's contact phone (decrypted only to enqueue it, stored encrypted in the outbox),
 * and staff are reached in the app only. A deployment with a directory (e.g. the government's unified identity
 * platform) registers its own lookup with `setContactDirectory`.
 */
import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { enterprises, users } from '../../db/schema';
import type { Deps } from '../context';

export interface Contact {
  phone?: string | null;
  email?: string | null;
}

export type ContactDirectory = (db: DbOrTx, deps: Deps, userIds: readonly string[]) => Promise<Map<string, Contact>>;

export const enterpriseContactDirectory: ContactDirectory = async (db, deps, userIds) => {
  const out = new Map<string, Contact>();
  if (userIds.length === 0) return out;
  const rows = await db
    .select({ userId: users.id, phoneEnc: enterprises.contactPhoneEnc })
    .from(users)
    .innerJoin(enterprises, eq(enterprises.id, users.enterpriseId))
    .where(inArray(users.id, [...userIds]));
  for (const r of rows) {
    try {
      out.set(r.userId, { phone: deps.cipher.decrypt(r.phoneEnc) });
    } catch {
      // an undecryptable phone (rotated key) is skipped: the in-app notice still reaches the user
    }
  }
  return out;
};

export function contactDirectory(): ContactDirectory {
  return enterpriseContactDirectory;
}
