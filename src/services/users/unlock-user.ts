/** Lifts a lock set after repeated failed logins (security administrator), and clears the failure count. */
import { eq } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadManagedUser } from './load-managed-user';
import { auditView, toUserView } from './user-view';

export async function unlockUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return inTx(ctx, async (tx) => {
    const before = await loadManagedUser(tx, ctx.actor, 'user.unlock', id);
    const locked = before.lockedUntil !== null && before.lockedUntil > ctx.now;
    if (!locked && before.failedLoginCount === 0) {
      throw Errors.conflict('USER_NOT_LOCKED', '该账号未被锁定', 'The account is not locked');
    }
    const [after] = await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'user.unlocked',
      objectType: 'user',
      objectId: id,
      before: { ...auditView(before), failedLoginCount: before.failedLoginCount },
      after: auditView(after!),
    });
    return toUserView(after!);
  });
}
