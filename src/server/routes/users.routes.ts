/** Accounts: the security administrator manages staff; an enterprise administrator manages its colleagues. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreatedUser,
  ZCreateUser,
  ZResetPassword,
  ZResetPasswordResult,
  ZUser,
  ZUserId,
  ZUserList,
  ZUserListQuery,
  ZUserResult,
} from '../../contracts/users';
import {
  createUser,
  disableUser,
  enableUser,
  getUser,
  listUsers,
  resetTwoFactor,
  resetUserPassword,
  unlockUser,
} from '../../services/users';
import { actorCtx, noStore } from '../http-context';

const tags = ['users'];

export async function usersRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: '账号列表（安全管理员：全部；企业管理员：本企业）',
        querystring: ZUserListQuery,
        response: { 200: ZUserList },
      },
    },
    async (request) => listUsers(actorCtx(request), request.query),
  );

  app.get(
    '/:id',
    { schema: { tags, summary: '查看账号', params: ZUserId, response: { 200: ZUser } } },
    async (request) => getUser(actorCtx(request), request.params.id),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: '创建账号（未填密码时生成临时密码，仅返回一次）',
        body: ZCreateUser,
        response: { 201: ZCreatedUser },
      },
    },
    async (request, reply) => {
      const result = await createUser(actorCtx(request), request.body);
      noStore(reply).code(201);
      return result;
    },
  );

  app.post(
    '/:id/disable',
    { schema: { tags, summary: '停用账号（立即结束其会话）', params: ZUserId, response: { 200: ZUserResult } } },
    async (request) => ({ user: await disableUser(actorCtx(request), request.params.id) }),
  );

  app.post(
    '/:id/enable',
    { schema: { tags, summary: '启用账号', params: ZUserId, response: { 200: ZUserResult } } },
    async (request) => ({ user: await enableUser(actorCtx(request), request.params.id) }),
  );

  app.post(
    '/:id/unlock',
    { schema: { tags, summary: '解除登录失败锁定（安全管理员）', params: ZUserId, response: { 200: ZUserResult } } },
    async (request) => ({ user: await unlockUser(actorCtx(request), request.params.id) }),
  );

  app.post(
    '/:id/reset-password',
    {
      schema: {
        tags,
        summary: '重置密码（可指定新密码，或生成临时密码并仅返回一次）',
        params: ZUserId,
        body: ZResetPassword.nullish(),
        response: { 200: ZResetPasswordResult },
      },
    },
    async (request, reply) => {
      const result = await resetUserPassword(actorCtx(request), request.params.id, request.body ?? {});
      noStore(reply);
      return result;
    },
  );

  app.post(
    '/:id/two-factor/reset',
    {
      schema: {
        tags,
        summary: '重置身份验证器（仅安全管理员；清除密钥和恢复码，结束该账号的会话）',
        params: ZUserId,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => {
      await resetTwoFactor(actorCtx(request), request.params.id);
      return { ok: true as const };
    },
  );
}
