/** Whether an account must enrol an authenticator before anything else (its role requires one, it is no demo account, it has none yet). */
import type { users } from '../../db/schema';
import type { Role } from '../../domain/access/actor';
import { twoFactorRequired } from '../../domain/access/two-factor';

type UserRow = typeof users.$inferSelect;

export function mustEnrolTwoFactor(u: Pick<UserRow, 'role' | 'isDemo' | 'totpSecretEnc'>): boolean {
  return twoFactorRequired(u.role as Role) && !u.isDemo && !u.totpSecretEnc;
}
