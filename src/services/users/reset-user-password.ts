/**
 * Resets another person's password: to one the administrator gives (it must satisfy the policy) or to a
 * generated temporary one, returned once. The account's sessions end and any lock is lifted; the holder must change
 * the password at next sign-in (`mustChangePassword`), since the administrator knows it.
 */
import { eq } from 'drizzle-orm';
import type { TResetPassword, TResetPasswordResult } from '../../contracts/users';
import { users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { hashPassword, revokeUserSessions } from '../auth';
import { type Ctx, inTx } from '../context';
import { assertMayEver, loadManagedUser, userInScope } from './load-managed-user';
import { assertStrongPassword } from './password-rules';
import { temporaryPassword } from './temporary-password';
import { toUserView } from './user-view';

export async function resetUserPassword(
  ctx: Ctx & { actor: Actor },
  id: string,
  input: TResetPassword,
): Promise<TResetPasswordResult> {
  assertMayEver(ctx.actor, 'user.reset_password');
  // Check the new password against the target's username before hashing (scrypt is slow on purpose).
  const target = await userInScope(ctx.deps.db, ctx.actor, id);
  const mayReset = can(ctx.actor, 'user.reset_password', {
    kind: 'user',
    id: target.id,
    role: target.role as Role,
    enterpriseId: target.enterpriseId,
  });
  const generated = input.newPassword === undefined;
  const password = input.newPassword ?? temporaryPassword();
  if (mayReset && !generated) assertStrongPassword(password, target.username, 'newPassword', '新密码');
  const passwordHash = await hashPassword(password);

  const updated = await inTx(ctx, async (tx) => {
    await loadManagedUser(tx, ctx.actor, 'user.reset_password', id);
    const [after] = await tx
      .update(users)
      .set({
        passwordHash,
        passwordChangedAt: ctx.now,
        failedLoginCount: 0,
        lockedUntil: null,
        mustChangePassword: true,
      })
      .where(eq(users.id, id))
      .returning();
    await revokeUserSessions(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'user.password_reset',
      objectType: 'user',
      objectId: id,
      after: {
        username: after!.username,
        passwordGenerated: generated,
        sessionsEnded: true,
        mustChangePassword: after!.mustChangePassword,
      },
    });
    return after!;
  });
  return { user: toUserView(updated), temporaryPassword: generated ? password : null };
}
