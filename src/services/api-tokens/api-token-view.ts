/** How API tokens leave the service layer (never the secret, only its prefix), and their scope condition. */
import { eq, type SQL, sql } from 'drizzle-orm';
import type { TApiToken, TApiTokenStatus } from '../../contracts/users';
import { apiTokens, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { apiTokenScopeOf } from '../../domain/access/policy';

export const API_TOKEN_NOUN = { zh: '接口令牌', en: 'API token' };

export const apiTokenColumns = {
  t: apiTokens,
  institutionName: institutions.name,
};

export function apiTokenStatus(t: typeof apiTokens.$inferSelect, now: Date): TApiTokenStatus {
  if (t.revokedAt) return 'revoked';
  return t.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
}

export function toApiTokenView(
  row: { t: typeof apiTokens.$inferSelect; institutionName: string },
  now: Date,
): TApiToken {
  const t = row.t;
  return {
    id: t.id,
    institutionId: t.institutionId,
    institutionName: row.institutionName,
    name: t.name,
    tokenPrefix: t.tokenPrefix,
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
    revokedAt: t.revokedAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt.toISOString(),
    status: apiTokenStatus(t, now),
  };
}

/** The WHERE condition for the tokens `actor` may see (security admin: all; bank/insurer: own institution). */
export function apiTokenScopeCondition(actor: Actor): SQL {
  const scope = apiTokenScopeOf(actor);
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'institution') return eq(apiTokens.institutionId, scope.institutionId);
  return sql`false`;
}
