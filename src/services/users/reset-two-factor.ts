/**
 * The security administrator resets another person's authenticator (lost phone): the secret and the recovery codes
 * are removed and the account's sessions end; a role that requires two factors must enrol again at next sign-in.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayResetTwoFactor } from '../../domain/access/two-factor';
import { recordAudit } from '../audit';
import { revokeUserSessions } from '../auth';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { USER_NOUN } from './user-view';

export async function resetTwoFactor(ctx: Ctx & { actor: Actor }, id: string): Promise<void> {
  if (!mayResetTwoFactor(ctx.actor)) {
    throw Errors.forbidden(
      '只有安全管理员可以重置他人的身份验证器',
      "Only the security administrator may reset someone's authenticator",
    );
  }
  await inTx(ctx, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update').limit(1);
    if (!before) throw Errors.notFound(USER_NOUN);
    await tx
      .update(users)
      .set({
        totpSecretEnc: null,
        totpPendingSecretEnc: null,
        totpEnabledAt: null,
        totpLastStep: null,
        totpRecoveryHashes: [],
      })
      .where(eq(users.id, id));
    await revokeUserSessions(tx, id, ctx.now);
    await recordAudit(tx, ctx, {
      action: 'user.two_factor_reset',
      objectType: 'user',
      objectId: id,
      before: { twoFactorEnabled: before.totpSecretEnc !== null },
      after: { twoFactorEnabled: false },
    });
  });
}
