import type { FastifyInstance } from 'fastify';
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
import { clearSessionCookie, setSessionCookie } from '../plugins/auth';
import { loginRateLimit } from '../plugins/rate-limit-store';
import { acknowledged } from '../route-kit/answers';
import { routeKit } from '../route-kit/route';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const secure = app.deps.config.secureCookies;
  const route = routeKit(app, ['auth']);

  route.post(
    '/login',
    {
      guard: 'public',
      summary: '登录（连续 5 次失败锁定 15 分钟）',
      // The sign-in records a refused attempt even when its text cannot be stored.
      config: { ...loginRateLimit, checksTextItself: true },
      body: ZLogin,
      ok: ZMe,
      noStore: true,
    },
    async (ctx, request, reply) => {
      const result = await login(ctx, { ...request.body, userAgent: request.headers['user-agent'] ?? null });
      setSessionCookie(reply, result.token, secure);
      const me = await currentUser(ctx, result.userId, result.csrfToken);
      if (!me) throw Errors.unauthenticated();
      return me;
    },
  );

  route.post('/logout', { guard: 'public', summary: '退出登录', ok: ZOk }, async (ctx, request, reply) => {
    if (request.sessionId) {
      await logout(ctx, request.sessionId);
    }
    clearSessionCookie(reply, secure);
    return { ok: true as const };
  });

  route.get('/me', { guard: 'public', summary: '当前登录用户', ok: ZMe, noStore: true }, async (ctx, request) => {
    const actor = request.actor;
    if (actor?.via !== 'session') throw Errors.unauthenticated();
    const me = await currentUser(ctx, actor.id, request.csrfToken ?? '', actor.role);
    if (!me) throw Errors.unauthenticated();
    return me;
  });

  route.post(
    '/password',
    { guard: 'signed-in', summary: '修改本人密码', body: ZChangePassword, ok: ZOk },
    (ctx, request) => acknowledged(changePassword(ctx, request.body, request.sessionId)),
  );

  route.post(
    '/two-factor/setup',
    {
      guard: 'signed-in',
      summary: '开始绑定身份验证器（返回密钥和 otpauth:// 地址）',
      ok: ZTwoFactorSetup,
      noStore: true,
    },
    (ctx) => startTwoFactorEnrolment(ctx),
  );

  route.post(
    '/two-factor/confirm',
    {
      guard: 'signed-in',
      summary: '输入第一个动态口令完成绑定（返回仅显示一次的恢复码）',
      body: ZTwoFactorConfirm,
      ok: ZTwoFactorEnabled,
      noStore: true,
    },
    (ctx, request) => confirmTwoFactorEnrolment(ctx, request.body),
  );

  route.get('/site', { guard: 'public', summary: '站点信息（是否含演示账号）', ok: ZSiteInfo }, async () => ({
    demo: await serverHasDemoAccounts(app.deps.db),
  }));
}
