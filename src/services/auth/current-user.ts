/** The signed-in person as the web app needs it after sign-in and on every page load (`GET /auth/me`). */
import { eq } from 'drizzle-orm';
import type { TMe } from '../../contracts/auth';
import { users } from '../../db/schema';
import type { Role } from '../../domain/access/actor';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { inTx } from '../context';
import { mustEnrolTwoFactor } from './second-factor';
import { revokeSession } from './sessions';

/** The account's own view, or null when the account no longer exists. */
export async function currentUser(ctx: Ctx, userId: string, csrfToken: string, role?: Role): Promise<TMe | null> {
  const [u] = await ctx.deps.db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!u) return null;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: role ?? (u.role as Role),
    districtCode: u.districtCode,
    institutionId: u.institutionId,
    enterpriseId: u.enterpriseId,
    isEnterpriseAdmin: u.isEnterpriseAdmin,
    mustChangePassword: u.mustChangePassword,
    // Enrolment is demanded only where the server requires two-factor sign-in (HUIQI_REQUIRE_TWO_FACTOR).
    mustEnrolTwoFactor: ctx.deps.config.requireTwoFactor && mustEnrolTwoFactor(u),
    twoFactorEnabled: u.totpSecretEnc !== null,
    isDemo: u.isDemo,
    csrfToken,
  };
}

/** Signs out: the session is revoked with its audit event in one transaction. */
export async function logout(ctx: Ctx, sessionId: string): Promise<void> {
  await inTx(ctx, async (tx) => {
    await revokeSession(tx, sessionId, ctx.now);
    await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.id ?? null });
  });
}
