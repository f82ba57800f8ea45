/** Revokes an API token (security administrator); the next request made with it is refused (401). */
import { and, eq } from 'drizzle-orm';
import type { TApiToken } from '../../contracts/users';
import { apiTokens, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { API_TOKEN_NOUN, apiTokenColumns, apiTokenScopeCondition, toApiTokenView } from './api-token-view';

export async function revokeApiToken(ctx: Ctx & { actor: Actor }, id: string): Promise<TApiToken> {
  if (!can(ctx.actor, 'api_token.revoke')) throw Errors.forbidden();
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .select(apiTokenColumns)
      .from(apiTokens)
      .innerJoin(institutions, eq(institutions.id, apiTokens.institutionId))
      .where(and(eq(apiTokens.id, id), apiTokenScopeCondition(ctx.actor)))
      .for('update', { of: apiTokens })
      .limit(1);
    if (!row) throw Errors.notFound(API_TOKEN_NOUN);
    if (row.t.revokedAt) {
      throw Errors.conflict('TOKEN_ALREADY_REVOKED', '该接口令牌已被吊销', 'The API token is already revoked');
    }
    const [t] = await tx.update(apiTokens).set({ revokedAt: ctx.now }).where(eq(apiTokens.id, id)).returning();
    await recordAudit(tx, ctx, {
      action: 'api_token.revoked',
      objectType: 'api_token',
      objectId: id,
      before: { institutionId: row.t.institutionId, name: row.t.name, tokenPrefix: row.t.tokenPrefix, revokedAt: null },
      after: { revokedAt: ctx.now.toISOString() },
    });
    return toApiTokenView({ t: t!, institutionName: row.institutionName }, ctx.now);
  });
}
