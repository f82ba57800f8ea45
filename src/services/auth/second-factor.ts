/**
 * The second step of signing in: a TOTP code from the authenticator (RFC 6238) or one of the recovery codes shown
 * once at enrolment. A code is accepted once only (its time step is remembered); a used recovery code is struck off.
 * Demonstration accounts and accounts without an authenticator pass without one. There are no remembered devices:
 * every sign-in asks for the code again, so a device is never trusted longer than its session.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { verify } from 'otplib';
import { users } from '../../db/schema';
import type { Role } from '../../domain/access/actor';
import { TOTP_PERIOD_SECONDS, TOTP_TOLERANCE_SECONDS, twoFactorRequired } from '../../domain/access/two-factor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError } from '../errors';
import { actorFromUser } from './sessions';
import { mustEnrolTwoFactor } from './two-factor-status';

export { mustEnrolTwoFactor };

type UserRow = typeof users.$inferSelect;

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}

function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** Checks a TOTP code against a secret at `now`; returns the accepted time step, or null. */
export async function totpStep(secret: string, code: string, now: Date): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const r = await verify({ secret, token: code, epoch, epochTolerance: TOTP_TOLERANCE_SECONDS });
  if (!r.valid) return null;
  return Math.floor(epoch / TOTP_PERIOD_SECONDS) + r.delta;
}

export const secondFactorRequired = () =>
  new AppError(
    'SECOND_FACTOR_REQUIRED',
    401,
    {
      zh: '请输入身份验证器中的 6 位动态口令（或一个恢复码）',
      en: 'Enter the 6-digit code from your authenticator (or a recovery code)',
    },
    [],
    { secondFactor: true },
  );

export const wrongSecondFactor = () =>
  new AppError(
    'INVALID_SECOND_FACTOR',
    401,
    {
      zh: '动态口令或恢复码不正确（或已使用过），请重新输入',
      en: 'Wrong or already used code; try again',
    },
    [],
    { secondFactor: true },
  );

/**
 * Called by the sign-in flow once the password is right and before the session is made. Throws 401
 * SECOND_FACTOR_REQUIRED when a code is needed and missing; answers 'wrong' for a wrong or reused code (the
 * sign-in flow counts it toward the lockout and audits it).
 */
export async function checkSecondFactor(
  ctx: Ctx,
  user: UserRow,
  code: string | undefined,
): Promise<'none' | 'totp' | 'recovery' | 'wrong'> {
  if (user.isDemo || !user.totpSecretEnc) return 'none';
  if (!code) throw secondFactorRequired();
  const given = code.trim();
  const secret = ctx.deps.cipher.decrypt(user.totpSecretEnc);
  const step = await totpStep(secret, given, ctx.now);
  const accepted = await inTx(ctx, async (tx) => {
    if (step !== null) {
      const [row] = await tx
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      if (row) return 'totp';
    } else {
      const h = hashRecoveryCode(given);
      const [row] = await tx
        .update(users)
        .set({ totpRecoveryHashes: sql`array_remove(${users.totpRecoveryHashes}, ${h})` })
        .where(and(eq(users.id, user.id), sql`${h} = ANY(${users.totpRecoveryHashes})`))
        .returning({ left: users.totpRecoveryHashes });
      if (row) {
        await recordAudit(
          tx,
          { ...ctx, actor: actorFromUser(user) },
          {
            action: 'auth.recovery_code_used',
            objectType: 'user',
            objectId: user.id,
            after: { recoveryCodesLeft: row.left.length },
          },
        );
        return 'recovery';
      }
    }
    return null;
  });
  return accepted ?? 'wrong';
}
