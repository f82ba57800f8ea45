/** Accounts: the security administrator manages staff; an enterprise administrator manages its colleagues. */
import type { FastifyInstance } from 'fastify';
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
import { acknowledged } from '../route-kit/answers';
import { routeKit } from '../route-kit/route';

export async function usersRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['users']);

  route.get(
    '/',
    {
      guard: 'signed-in',
      summary: '账号列表（安全管理员：全部；企业管理员：本企业）',
      query: ZUserListQuery,
      ok: ZUserList,
    },
    (ctx, request) => listUsers(ctx, request.query),
  );

  route.get('/:id', { guard: 'signed-in', summary: '查看账号', params: ZUserId, ok: ZUser }, (ctx, request) =>
    getUser(ctx, request.params.id),
  );

  route.post(
    '/',
    {
      guard: 'signed-in',
      summary: '创建账号（未填密码时生成临时密码，仅返回一次）',
      body: ZCreateUser,
      created: ZCreatedUser,
      noStore: true,
    },
    (ctx, request) => createUser(ctx, request.body),
  );

  route.post(
    '/:id/disable',
    { guard: 'signed-in', summary: '停用账号（立即结束其会话）', params: ZUserId, ok: ZUserResult },
    async (ctx, request) => ({ user: await disableUser(ctx, request.params.id) }),
  );

  route.post(
    '/:id/enable',
    { guard: 'signed-in', summary: '启用账号', params: ZUserId, ok: ZUserResult },
    async (ctx, request) => ({ user: await enableUser(ctx, request.params.id) }),
  );

  route.post(
    '/:id/unlock',
    { guard: 'signed-in', summary: '解除登录失败锁定（安全管理员）', params: ZUserId, ok: ZUserResult },
    async (ctx, request) => ({ user: await unlockUser(ctx, request.params.id) }),
  );

  route.post(
    '/:id/reset-password',
    {
      guard: 'signed-in',
      summary: '重置密码（可指定新密码，或生成临时密码并仅返回一次）',
      params: ZUserId,
      body: ZResetPassword.nullish(),
      ok: ZResetPasswordResult,
      noStore: true,
    },
    (ctx, request) => resetUserPassword(ctx, request.params.id, request.body ?? {}),
  );

  route.post(
    '/:id/two-factor/reset',
    {
      guard: 'signed-in',
      summary: '重置身份验证器（仅安全管理员；清除密钥和恢复码，结束该账号的会话）',
      params: ZUserId,
      ok: z.object({ ok: z.literal(true) }),
    },
    (ctx, request) => acknowledged(resetTwoFactor(ctx, request.params.id)),
  );
}
