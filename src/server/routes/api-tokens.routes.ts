/** API tokens of cooperating banks' and insurers' systems: issued and revoked by the security administrator. */
import type { FastifyInstance } from 'fastify';
import {
  ZApiTokenId,
  ZApiTokenList,
  ZApiTokenListQuery,
  ZApiTokenResult,
  ZIssueApiToken,
  ZIssuedApiToken,
} from '../../contracts/users';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../services/api-tokens';
import { routeKit } from '../route-kit/route';

export async function apiTokensRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['api-tokens']);

  route.get(
    '/',
    {
      guard: 'signed-in',
      summary: '接口令牌列表（安全管理员：全部；银行/保险机构：本机构）',
      query: ZApiTokenListQuery,
      ok: ZApiTokenList,
    },
    (ctx, request) => listApiTokens(ctx, request.query),
  );

  route.post(
    '/',
    {
      guard: 'signed-in',
      summary: '为合作银行/保险机构签发接口令牌（令牌仅显示一次）',
      body: ZIssueApiToken,
      created: ZIssuedApiToken,
      noStore: true,
    },
    (ctx, request) => issueApiToken(ctx, request.body),
  );

  route.post(
    '/:id/revoke',
    { guard: 'signed-in', summary: '吊销接口令牌（立即生效）', params: ZApiTokenId, ok: ZApiTokenResult },
    async (ctx, request) => ({ apiToken: await revokeApiToken(ctx, request.params.id) }),
  );
}
