/**
 * Enrolling an authenticator for one's own account: `startTwoFactorEnrolment` offers a fresh secret (kept encrypted
 * as pending), `confirmTwoFactorEnrolment` takes the first code from the authenticator, makes the secret the
 * account's and returns the recovery codes, shown this once and stored only as hashes.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { generateSecret, generateURI } from 'otplib';
import type { TTwoFactorEnabled, TTwoFactorSetup } from '../../contracts/auth';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { RECOVERY_CODE_COUNT } from '../../domain/access/two-factor';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError, Errors } from '../errors';
import { hashRecoveryCode, totpStep } from './second-factor';

const ISSUER = '惠企 Huiqi';

async function loadSelf(ctx: Ctx & { actor: Actor }) {
  if (ctx.actor.via !== 'session') throw Errors.unauthenticated();
  const [u] = await ctx.deps.db.select().from(users).where(eq(users.id, ctx.actor.id)).limit(1);
  if (!u) throw Errors.unauthenticated();
  return u;
}

export async function startTwoFactorEnrolment(ctx: Ctx & { actor: Actor }): Promise<TTwoFactorSetup> {
  const u = await loadSelf(ctx);
  if (u.totpSecretEnc) {
    throw new AppError('TWO_FACTOR_ALREADY_ENABLED', 409, {
      zh: '已绑定身份验证器；如需更换，请联系安全管理员重置后重新绑定',
      en: 'An authenticator is already enrolled; ask the security administrator to reset it first',
    });
  }
  const secret = generateSecret();
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ totpPendingSecretEnc: ctx.deps.cipher.encrypt(secret) })
      .where(eq(users.id, u.id));
    await recordAudit(tx, ctx, { action: 'auth.two_factor_enrolment_started', objectType: 'user', objectId: u.id });
  });
  return { secret, otpauthUri: generateURI({ issuer: ISSUER, label: u.username, secret }) };
}

function recoveryCode(): string {
  const hex = randomBytes(5).toString('hex').toUpperCase();
  return `${hex.slice(0, 5)}-${hex.slice(5)}`;
}

export async function confirmTwoFactorEnrolment(
  ctx: Ctx & { actor: Actor },
  input: { code: string },
): Promise<TTwoFactorEnabled> {
  const u = await loadSelf(ctx);
  if (!u.totpPendingSecretEnc) {
    throw new AppError('TWO_FACTOR_NOT_STARTED', 409, {
      zh: '请先开始绑定身份验证器，再输入动态口令',
      en: 'Start the enrolment before entering a code',
    });
  }
  const secret = ctx.deps.cipher.decrypt(u.totpPendingSecretEnc);
  const step = await totpStep(secret, input.code.trim(), ctx.now);
  if (step === null) {
    throw new AppError('INVALID_SECOND_FACTOR', 400, {
      zh: '动态口令不正确，请核对手机时间后重新输入身份验证器当前显示的 6 位数字',
      en: 'Wrong code; check the phone clock and enter the 6 digits the authenticator shows now',
    });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecretEnc: u.totpPendingSecretEnc,
        totpPendingSecretEnc: null,
        totpEnabledAt: ctx.now,
        totpLastStep: step,
        totpRecoveryHashes: codes.map(hashRecoveryCode),
      })
      .where(eq(users.id, u.id));
    await recordAudit(tx, ctx, {
      action: 'auth.two_factor_enabled',
      objectType: 'user',
      objectId: u.id,
      after: { recoveryCodes: codes.length },
    });
  });
  return { recoveryCodes: codes };
}
