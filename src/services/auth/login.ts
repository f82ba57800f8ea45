/**
 * Signing in. Five consecutive failures (wrong password or wrong second factor) lock the account for 15 minutes;
 * every attempt is an audit event. Every refusal gets the same answer, so usernames cannot be probed.
 */
import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { ZLogin } from '../../contracts/auth';
import { users } from '../../db/schema';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../domain/access/password-policy';
import { formatChinaDateTime } from '../../domain/calendar/china-time';
import { findUnstorableText, storableText } from '../../domain/text/unstorable';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, unstorableTextError } from '../errors';
import { notifyUsers } from '../notifications';
import { DUMMY_HASH, verifyPassword } from './password-hash';
import { checkSecondFactor, wrongSecondFactor } from './second-factor';
import { actorFromUser, createSession } from './sessions';

type UserRow = typeof users.$inferSelect;

export interface LoginResult {
  token: string;
  csrfToken: string;
  userId: string;
}

/**
 * One answer for every refused sign-in — unknown user, wrong password, wrong code, locked account — so that
 * neither the status nor the text tells whether a username exists or is locked. The locked user learns of the
 * lock by notification instead (see `countFailure`).
 */
const BAD_CREDENTIALS = () =>
  new AppError('INVALID_CREDENTIALS', 401, {
    zh: `用户名或密码错误。连续 ${LOCKOUT_THRESHOLD} 次输错的账号将锁定 ${LOCKOUT_MINUTES} 分钟（锁定期间无法登录），并通知账号本人`,
    en: `Wrong username or password. After ${LOCKOUT_THRESHOLD} wrong attempts an account is locked for ${LOCKOUT_MINUTES} minutes (no sign-in meanwhile) and its holder is told`,
  });

/**
 * Counts a failed attempt on an existing account (wrong password or wrong second factor) and locks it at the
 * threshold — decided in one conditional statement, so concurrent guesses cannot slip past the threshold nor
 * reset a lock another attempt has just set. The lock is audited and its holder notified in the same
 * transaction. Returns whether the account is (now) locked.
 */
async function countFailure(ctx: Ctx, user: UserRow, reason: 'password' | 'second_factor'): Promise<boolean> {
  return inTx(ctx, async (tx) => {
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
    const failed = alreadyLocked || lock ? LOCKOUT_THRESHOLD : row.failed;
    await recordAudit(
      tx,
      { ...ctx, actor: null },
      {
        action: lock
          ? 'auth.account_locked'
          : reason === 'second_factor'
            ? 'auth.second_factor_failed'
            : 'auth.login_failed',
        objectType: 'user',
        objectId: user.id,
        after: { username: user.username, failedCount: failed, reason },
      },
    );
    if (lock) {
      await notifyUsers(tx, ctx.deps, ctx.now, [user.id], {
        kind: 'account_locked',
        title: '您的账号已临时锁定',
        body: `${formatChinaDateTime(ctx.now)}（北京时间）您的账号连续 ${LOCKOUT_THRESHOLD} 次登录失败（密码或动态口令错误），已锁定至 ${formatChinaDateTime(lockUntil)}，期间无法登录。如非本人操作，请登录后立即修改密码，或联系安全管理员。`,
        objectType: 'user',
        objectId: user.id,
        dedupeKey: `account_locked:${lockUntil.toISOString()}`,
        channels: ['sms', 'email'],
      });
    }
    return lock || alreadyLocked;
  });
}

export async function login(
  ctx: Ctx,
  input: { username: string; password: string; otp?: string | undefined; userAgent: string | null },
): Promise<LoginResult> {
  const unstorable = findUnstorableText({ username: input.username, password: input.password, otp: input.otp });
  if (unstorable) {
    await inTx(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: null,
        after: { username: storableText(input.username.slice(0, 64)), reason: 'unstorable_text' },
      }),
    );
    throw unstorableTextError(ZLogin, unstorable, ctx.lang);
  }

  const [user] = await ctx.deps.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);

  const locked = !!user?.lockedUntil && user.lockedUntil > ctx.now;
  if (!user || !user.active || locked) {
    // The same work and the same answer whether the account is unknown, inactive or locked.
    await verifyPassword(input.password, DUMMY_HASH);
    await inTx(ctx, (tx) =>
      recordAudit(tx, ctx, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user && locked ? user.id : null,
        after: {
          username: input.username.slice(0, 64),
          reason: !user ? 'unknown_user' : !user.active ? 'inactive' : 'locked',
        },
      }),
    );
    throw BAD_CREDENTIALS();
  }

  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    await countFailure(ctx, user, 'password');
    throw BAD_CREDENTIALS();
  }

  const secondFactor = await checkSecondFactor(ctx, user, input.otp);
  if (secondFactor === 'wrong') {
    // A wrong code counts toward the lockout like a wrong password: the code space is small.
    if (await countFailure(ctx, user, 'second_factor')) throw BAD_CREDENTIALS();
    throw wrongSecondFactor();
  }

  return inTx(ctx, async (tx) => {
    // Re-check the lock in the same statement: a parallel wrong guess may have locked the account meanwhile.
    const [unlocked] = await tx
      .update(users)
      .set({ failedLoginCount: 0, lockedUntil: null, lastLoginAt: ctx.now })
      .where(and(eq(users.id, user.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, ctx.now))))
      .returning({ id: users.id });
    if (!unlocked) throw BAD_CREDENTIALS();
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
