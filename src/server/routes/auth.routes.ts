import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZChangePassword,
  ZLogin,
  ZMe,
  ZSiteInfo,
  ZTwoFactorConfirm,
  ZTwoFactorEnabled,
  ZTwoFactorSetup,
} from '../../contracts/auth';
import { ZOk } from '../../contracts/common';
import {
  changePassword,
  confirmTwoFactorEnrolment,
  currentUser,
  login,
  logout,
  serverHasDemoAccounts,
  startTwoFactorEnrolment,
} from '../../services/auth';
import { Errors } from '../../services/errors';
import { actorCtx, ctxOf, noStore } from '../http-context';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth';
import { loginRateLimit } from '../plugins/rate-limit-store';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const secure = app.deps.config.secureCookies;

  app.post(
    '/login',
    {
      // The sign-in records a refused attempt even when its text cannot be stored.
      config: { ...loginRateLimit, checksTextItself: true },
      schema: {
        tags: ['auth'],
        summary: '登录（连续 5 次失败锁定 15 分钟）',
        body: ZLogin,
        response: { 200: ZMe },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const result = await login(ctx, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, result.token, secure);
      const me = await currentUser(ctx, result.userId, result.csrfToken);
      if (!me) throw Errors.unauthenticated();
      noStore(reply);
      return me;
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ZOk } } },
    async (request, reply) => {
      if (request.sessionId) {
        await logout(ctxOf(request), request.sessionId);
      }
      clearSessionCookie(reply, secure);
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: '当前登录用户', response: { 200: ZMe } } },
    async (request, reply) => {
      const actor = request.actor;
      if (actor?.via !== 'session') throw Errors.unauthenticated();
      const me = await currentUser(ctxOf(request), actor.id, request.csrfToken ?? '', actor.role);
      if (!me) throw Errors.unauthenticated();
      noStore(reply);
      return me;
    },
  );

  app.post(
    '/password',
    { schema: { tags: ['auth'], summary: '修改本人密码', body: ZChangePassword, response: { 200: ZOk } } },
    async (request) => {
      await changePassword(actorCtx(request), request.body, request.sessionId);
      return { ok: true as const };
    },
  );

  app.post(
    '/two-factor/setup',
    {
      schema: {
        tags: ['auth'],
        summary: '开始绑定身份验证器（返回密钥和 otpauth:// 地址）',
        response: { 200: ZTwoFactorSetup },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return startTwoFactorEnrolment(actorCtx(request));
    },
  );

  app.post(
    '/two-factor/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: '输入第一个动态口令完成绑定（返回仅显示一次的恢复码）',
        body: ZTwoFactorConfirm,
        response: { 200: ZTwoFactorEnabled },
      },
    },
    async (request, reply) => {
      noStore(reply);
      return confirmTwoFactorEnrolment(actorCtx(request), request.body);
    },
  );

  app.get(
    '/site',
    { schema: { tags: ['auth'], summary: '站点信息（是否含演示账号）', response: { 200: ZSiteInfo } } },
    async () => ({ demo: await serverHasDemoAccounts(app.deps.db) }),
  );
}
