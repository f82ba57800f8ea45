/** Reads one account inside the actor's scope; outside it the account "does not exist" (404). */
import { and, eq } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { assertMayEver } from './load-managed-user';
import { toUserView, USER_NOUN, userScopeCondition } from './user-view';

export async function getUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  assertMayEver(ctx.actor, 'user.read');
  const [u] = await ctx.deps.db
    .select()
    .from(users)
    .where(and(eq(users.id, id), userScopeCondition(ctx.actor)))
    .limit(1);
  if (!u) throw Errors.notFound(USER_NOUN);
  return toUserView(u);
}
