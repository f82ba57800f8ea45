/** Lifts a lock set after repeated failed logins (security administrator), and clears the failure count. */
import type { TUser } from '../../contracts/users';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { changeManagedUser } from './load-managed-user';
import { auditView } from './user-view';

export async function unlockUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return changeManagedUser(ctx, id, 'user.unlock', {
    refusal: (before) => {
      const locked = before.lockedUntil !== null && before.lockedUntil > ctx.now;
      return !locked && before.failedLoginCount === 0
        ? Errors.conflict('USER_NOT_LOCKED', '该账号未被锁定', 'The account is not locked')
        : null;
    },
    set: { failedLoginCount: 0, lockedUntil: null },
    audit: 'user.unlocked',
    auditBefore: (before) => ({ ...auditView(before), failedLoginCount: before.failedLoginCount }),
  });
}
