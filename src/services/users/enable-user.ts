/** Re-enables a disabled account. */
import { eq } from 'drizzle-orm';
import type { TUser } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { loadManagedUser } from './load-managed-user';
import { auditView, toUserView } from './user-view';

export async function enableUser(ctx: Ctx & { actor: Actor }, id: string): Promise<TUser> {
  return inTx(ctx, async (tx) => {
    const before = await loadManagedUser(tx, ctx.actor, 'user.enable', id);
    if (before.active) {
      throw Errors.conflict('USER_ALREADY_ENABLED', '该账号已是启用状态', 'The account is already enabled');
    }
    const [after] = await tx
      .update(users)
      .set({ active: true, failedLoginCount: 0, lockedUntil: null })
      .where(eq(users.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'user.enabled',
      objectType: 'user',
      objectId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return toUserView(after!);
  });
}
