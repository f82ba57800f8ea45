/** Disables an account: it can no longer sign in, and its open sessions end at once. */
import type { TUser } from '../../contracts/users';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { changeManagedUser } from './load-managed-user';

export async function disableUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return changeManagedUser(ctx, id, 'user.disable', {
    refusal: (before) =>
      before.active
        ? null
        : Errors.conflict('USER_ALREADY_DISABLED', '该账号已是停用状态', 'The account is already disabled'),
    set: { active: false },
    endSessions: true,
    audit: 'user.disabled',
  });
}
