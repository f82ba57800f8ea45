/**
 * Signing in. Five consecutive failures lock the account for 15 minutes; every attempt is an audit event.
 * The answer for a wrong password and an unknown user is the same, so usernames cannot be probed.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { users } from '../../db/schema';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../domain/access/password-policy';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError } from '../errors';
import { DUMMY_HASH, verifyPassword } from './password-hash';
import { checkSecondFactor } from './second-factor';
import { actorFromUser, createSession } from './sessions';

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

const BAD_CREDENTIALS = () =>
  new AppError('INVALID_CREDENTIALS', 401, {
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  });

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; otp?: string | undefined; userAgent: string | null },
): Promise<LoginResult> {
  const [user] = await ctx.deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);

  if (!user || !user.active) {
    await verifyPassword(input.password, DUMMY_HASH);
    await inTx(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: null,
        after: { username: input.username.slice(0, 64), reason: user ? 'inactive' : 'unknown_user' },
      }),
    );
    throw BAD_CREDENTIALS();
  }

  if (user.lockedUntil && user.lockedUntil > ctx.now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - ctx.now.getTime()) / 60_000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      423,
      {
        zh: `连续 ${LOCKOUT_THRESHOLD} 次登录失败，账号已锁定，请 ${minutes} 分钟后再试`,
        en: `Account locked after ${LOCKOUT_THRESHOLD} failed logins; try again in ${minutes} minutes`,
      },
      [],
      { lockedUntil: user.lockedUntil.toISOString() },
    );
  }

  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    const locked = await inTx(ctx, async (tx) => {
      // Count and lock in one statement, and only while the account is not locked, so concurrent wrong
      // guesses cannot slip past the threshold nor reset a lock that another attempt has just set.
      const lockUntil = new Date(ctx.now.getTime() + LOCKOUT_MINUTES * 60_000);
      const next = sql`${users.failedLoginCount} + 1`;
      const [row] = await tx
        .update(users)
        .set({
          failedLoginCount: sql`case when ${next} >= ${LOCKOUT_THRESHOLD} then 0 else ${next} end`,
          lockedUntil: sql`case when ${next} >= ${LOCKOUT_THRESHOLD} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
        })
        .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, ctx.now))))
        .returning({ failed: users.failedLoginCount, lockedUntil: users.lockedUntil });
      const alreadyLocked = !row;
      const lock = !alreadyLocked && row.lockedUntil !== null && row.lockedUntil > ctx.now;
      const failed = alreadyLocked ? LOCKOUT_THRESHOLD : lock ? LOCKOUT_THRESHOLD : row.failed;
      await recordAudit(
        tx,
        { ...ctx, actor: null },
        {
          action: lock ? 'auth.account_locked' : 'auth.login_failed',
          objectType: 'user',
          objectId: user.id,
          after: { username: user.username, failedCount: failed },
        },
      );
      return lock || alreadyLocked;
    });
    if (locked) {
      throw new AppError('ACCOUNT_LOCKED', 423, {
        zh: `连续 ${LOCKOUT_THRESHOLD} 次登录失败，账号已锁定 ${LOCKOUT_MINUTES} 分钟`,
        en: `Account locked for ${LOCKOUT_MINUTES} minutes after ${LOCKOUT_THRESHOLD} failed logins`,
      });
    }
    throw BAD_CREDENTIALS();
  }

  await checkSecondFactor(ctx, user, input.otp);

  return inTx(ctx, async (tx) => {
    // Re-check the lock in the same statement: a parallel wrong guess may have locked the account meanwhile.
    const [unlocked] = await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, ctx.now))))
      .returning({ id: users.id });
    if (!unlocked) {
      throw new AppError('ACCOUNT_LOCKED', 423, {
        zh: `连续 ${LOCKOUT_THRESHOLD} 次登录失败，账号已锁定 ${LOCKOUT_MINUTES} 分钟`,
        en: `Account locked for ${LOCKOUT_MINUTES} minutes after ${LOCKOUT_THRESHOLD} failed logins`,
      });
    }
    const s = await createSession(tx, user.id, ctx.now, { clientIp: ctx.clientIp, userAgent: input.userAgent });
    await recordAudit(
      tx,
      { ...ctx, actor: actorFromUser(user) },
      {
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
      },
    );
    return { ...s, userId: user.id };
  });
}
