/** Lists API tokens: the security administrator sees all; a bank/insurer sees only its own institution's (in SQL). */
import { and, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { TApiTokenList, TApiTokenListQuery } from '../../contracts/users';
import { apiTokens, institutions } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { apiTokenColumns, apiTokenScopeCondition, toApiTokenView } from './api-token-view';

export async function listApiTokens(ctx: Ctx & { actor: Actor }, query: TApiTokenListQuery): Promise<TApiTokenList> {
  if (!can(ctx.actor, 'api_token.list')) throw Errors.forbidden();
  const conditions: SQL[] = [apiTokenScopeCondition(ctx.actor)];
  if (query.institutionId) conditions.push(eq(apiTokens.institutionId, query.institutionId));
  if (!query.includeRevoked) conditions.push(isNull(apiTokens.revokedAt));
  const rows = await ctx.deps.db
    .select(apiTokenColumns)
    .from(apiTokens)
    .innerJoin(institutions, eq(institutions.id, apiTokens.institutionId))
    .where(and(...conditions))
    .orderBy(desc(apiTokens.createdAt))
    .limit(1000);
  return { items: rows.map((r) => toApiTokenView(r, ctx.now)), total: rows.length };
}
