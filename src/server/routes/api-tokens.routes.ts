/** API tokens of cooperating banks' and insurers' systems: issued and revoked by the security administrator. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZApiTokenId,
  ZApiTokenList,
  ZApiTokenListQuery,
  ZApiTokenResult,
  ZIssueApiToken,
  ZIssuedApiToken,
} from '../../contracts/users';
import { issueApiToken, listApiTokens, revokeApiToken } from '../../services/api-tokens';
import { actorCtx, noStore } from '../http-context';

const tags = ['api-tokens'];

export async function apiTokensRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '接口令牌列表（安全管理员：全部；银行/保险机构：本机构）',
        querystring: ZApiTokenListQuery,
        response: { 200: ZApiTokenList },
      },
    },
    async (request) => listApiTokens(actorCtx(request), request.query),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '为合作银行/保险机构签发接口令牌（令牌仅显示一次）',
        body: ZIssueApiToken,
        response: { 201: ZIssuedApiToken },
      },
    },
    async (request, reply) => {
      const result = await issueApiToken(actorCtx(request), request.body);
      noStore(reply).code(201);
      return result;
    },
  );

  app.post(
    '/:id/revoke',
    {
      schema: {
        tags,
        summary: '吊销接口令牌（立即生效）',
        params: ZApiTokenId,
        response: { 200: ZApiTokenResult },
      },
    },
    async (request) => ({ apiToken: await revokeApiToken(actorCtx(request), request.params.id) }),
  );
}
