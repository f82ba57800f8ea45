/** Disables an account: it can no longer sign in, and its open sessions end at once. */
import { eq } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import { revokeUserSessions } from '../auth';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadManagedUser } from './load-managed-user';
import { auditView, toUserView } from './user-view';

export async function disableUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return inTx(ctx, async (tx) => {
    const before = await loadManagedUser(tx, ctx.actor, 'user.disable', id);
    if (!before.active) {
      throw Errors.conflict('USER_ALREADY_DISABLED', '该账号已是停用状态', 'The account is already disabled');
    }
    const [after] = await tx.update(users).set({ active: false }).where(eq(users.id, id)).returning();
    await revokeUserSessions(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'user.disabled',
      objectType: 'user',
      objectId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return toUserView(after!);
  });
}
