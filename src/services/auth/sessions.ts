/**
 * Sessions: the cookie holds a random token; the database holds its SHA-256, the user and a CSRF token.
 * A session unused for the idle limit (30 minutes by default) is over.
 */

import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { apiTokens, institutions, sessions, users } from '../../db/schema';
import type { Actor, Role } from '../../domain/access/actor';
import { newSecret, sha256Hex } from './tokens';
import { mustEnrolTwoFactor } from './two-factor-status';

export interface SessionInfo {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
  /** The password was set by someone else and must be changed before anything but the allowed auth requests. */
  mustChangePassword: boolean;
  /** The role must sign in with two factors and the account has not enrolled an authenticator yet. */
  mustEnrolTwoFactor: boolean;
}

export async function createSession(
  db: DbOrTx,
  userId: string,
  now: Date,
  meta: { clientIp: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const token = newSecret();
  const csrfToken = newSecret();
  await db.insert(sessions).values({
    id: sha256Hex(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    clientIp: meta.clientIp,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

function actorFromUser(u: typeof users.$inferSelect, via: Actor['via'] = 'session'): Actor {
  return {
    id: u.id,
    name: u.displayName,
    role: u.role as Role,
    via,
    districtCode: u.districtCode,
    institutionId: u.institutionId,
    enterpriseId: u.enterpriseId,
    isEnterpriseAdmin: u.isEnterpriseAdmin,
  };
}

/** Resolves a cookie token to its session, or null when unknown, revoked, idle too long or the user is inactive. */
export async function resolveSession(
  db: DbOrTx,
  token: string,
  now: Date,
  idleMinutes: number,
): Promise<SessionInfo | null> {
  const id = sha256Hex(token);
  const [row] = await db
    .select({ s: sessions, u: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
    .limit(1);
  if (!row || !row.u.active) return null;
  const idleMs = now.getTime() - row.s.lastSeenAt.getTime();
  if (idleMs > idleMinutes * 60_000) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
    return null;
  }
  // Touch at most once a minute to keep writes low.
  if (idleMs > 60_000) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return {
    sessionId: id,
    csrfToken: row.s.csrfToken,
    actor: actorFromUser(row.u),
    mustChangePassword: row.u.mustChangePassword,
    mustEnrolTwoFactor: mustEnrolTwoFactor(row.u),
  };
}

export async function revokeSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, sessionId));
}

export async function revokeUserSessions(
  db: DbOrTx,
  userId: string,
  now: Date,
  exceptSessionId?: string,
): Promise<void> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  for (const r of rows) {
    if (r.id !== exceptSessionId) await revokeSession(db, r.id, now);
  }
}

export type ApiTokenResolution = { ok: true; actor: Actor } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Resolves a bank system's bearer token to an actor scoped to its institution. Unknown or revoked tokens and
 * tokens of an inactive institution are `invalid`; a token whose expiry has passed is `expired` (not used).
 */
export async function resolveApiToken(db: DbOrTx, token: string, now: Date): Promise<ApiTokenResolution> {
  const [row] = await db
    .select({ t: apiTokens, i: institutions })
    .from(apiTokens)
    .innerJoin(institutions, eq(institutions.id, apiTokens.institutionId))
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row || !row.i.active) return { ok: false, reason: 'invalid' };
  if (row.t.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  return {
    ok: true,
    actor: {
      id: row.t.id,
      name: `${row.i.shortName}（系统接口：${row.t.name}）`,
      role: row.i.kind === 'bank' ? 'bank_officer' : 'insurer_officer',
      via: 'api_token',
      districtCode: null,
      institutionId: row.i.id,
      enterpriseId: null,
      isEnterpriseAdmin: false,
    },
  };
}

export { actorFromUser };
