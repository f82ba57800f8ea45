import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { checkPassword } from '../../domain/access/password-policy';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, Errors } from '../errors';
import { hashPassword, verifyPassword } from './password-hash';
import { revokeUserSessions } from './sessions';

/**
 * Changes the signed-in person's own password; other sessions of the account are ended. This also ends the
 * obligation to replace a temporary password (`mustChangePassword`), recorded in the event's before/after.
 */
export async function changePassword(
  ctx: Ctx & { actor: Actor },
  input: { currentPassword: string; newPassword: string },
  currentSessionId: string | null,
): Promise<void> {
  if (ctx.actor.via !== 'session') throw Errors.forbidden('接口令牌不能修改密码', 'API tokens cannot change passwords');
  const [user] = await ctx.deps.db.select().from(users).where(eq(users.id, ctx.actor.id)).limit(1);
  if (!user) throw Errors.unauthenticated();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError('VALIDATION_FAILED', 400, { zh: '当前密码不正确', en: 'currentPassword is wrong' }, [
      { path: 'currentPassword', label: '当前密码', message: '当前密码不正确' },
    ]);
  }
  const problems = checkPassword(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) {
    problems.push({
      code: 'PASSWORD_TOO_SIMPLE',
      zh: '新密码不能与当前密码相同',
      en: 'must differ from the current password',
    });
  }
  if (problems.length) {
    const zh = problems.map((p) => p.zh).join('；');
    throw new AppError(
      'WEAK_PASSWORD',
      400,
      { zh: `新密码不符合要求：${zh}`, en: `newPassword ${problems.map((p) => p.en).join('; ')}` },
      [{ path: 'newPassword', label: '新密码', message: `新密码${zh}` }],
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: ctx.now, mustChangePassword: false })
      .where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, ctx.now, currentSessionId ?? undefined);
    await recordAudit(tx, ctx, {
      action: 'auth.password_changed',
      objectType: 'user',
      objectId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false },
    });
  });
}
