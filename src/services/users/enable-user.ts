/** Re-enables a disabled account. */
import type { TUser } from '../../contracts/users';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { changeManagedUser } from './load-managed-user';

export async function enableUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return changeManagedUser(ctx, id, 'user.enable', {
    refusal: (before) =>
      before.active
        ? Errors.conflict('USER_ALREADY_ENABLED', '该账号已是启用状态', 'The account is already enabled')
        : null,
    set: { active: true, failedLoginCount: 0, lockedUntil: null },
    audit: 'user.enabled',
  });
}
