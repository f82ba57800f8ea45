/** Reads one account inside the actor's scope; outside it the account "does not exist" (404). */
import type { TUser } from '../../contracts/users';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { assertMayEver, userInScope } from './load-managed-user';
import { toUserView } from './user-view';

export async function getUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  assertMayEver(ctx.actor, 'user.read');
  return toUserView(await userInScope(ctx.deps.db, ctx.actor, id));
}
