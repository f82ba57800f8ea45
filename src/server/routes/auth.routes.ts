import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZChangePassword,
  ZLogin,
  ZMe,
  ZSiteInfo,
  ZTwoFactorConfirm,
  ZTwoFactorEnabled,
  ZTwoFactorSetup,
} from '../../contracts/auth';
import { users } from '../../db/schema';
import { recordAudit } from '../../services/audit/record-audit';
import { changePassword } from '../../services/auth/change-password';
import { serverHasDemoAccounts } from '../../services/auth/demo-accounts';
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from '../../services/auth/enrol-two-factor';
import { login } from '../../services/auth/login';
import { mustEnrolTwoFactor } from '../../services/auth/second-factor';
import { revokeSession } from '../../services/auth/sessions';
import { inTx } from '../../services/context';
import { Errors } from '../../services/errors';
import { actorCtx, ctxOf, noStore } from '../http-context';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth';
import { loginRateLimit } from '../plugins/rate-limit-store';

const ZOk = z.object({ ok: z.literal(true) });

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const secure = app.deps.config.secureCookies;

  app.post(
    '/login',
    {
      config: loginRateLimit,
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
      const [u] = await app.deps.db.select().from(users).where(eq(users.id, result.userId)).limit(1);
      noStore(reply);
      return {
        id: u!.id,
        username: u!.username,
        displayName: u!.displayName,
        role: u!.role as z.infer<typeof ZMe>['role'],
        districtCode: u!.districtCode,
        institutionId: u!.institutionId,
        enterpriseId: u!.enterpriseId,
        isEnterpriseAdmin: u!.isEnterpriseAdmin,
        mustChangePassword: u!.mustChangePassword,
        mustEnrolTwoFactor: mustEnrolTwoFactor(u!),
        twoFactorEnabled: u!.totpSecretEnc !== null,
        isDemo: u!.isDemo,
        csrfToken: result.csrfToken,
      };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: '退出登录', response: { 200: ZOk } } },
    async (request, reply) => {
      if (request.sessionId) {
        const ctx = ctxOf(request);
        const sessionId = request.sessionId;
        await inTx(ctx, async (tx) => {
          await revokeSession(tx, sessionId, ctx.now);
          await recordAudit(tx, ctx, { action: 'auth.logout', objectType: 'user', objectId: ctx.actor?.id ?? null });
        });
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
      const [u] = await app.deps.db.select().from(users).where(eq(users.id, actor.id)).limit(1);
      if (!u) throw Errors.unauthenticated();
      noStore(reply);
      return {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        role: actor.role,
        districtCode: u.districtCode,
        institutionId: u.institutionId,
        enterpriseId: u.enterpriseId,
        isEnterpriseAdmin: u.isEnterpriseAdmin,
        mustChangePassword: u.mustChangePassword,
        mustEnrolTwoFactor: mustEnrolTwoFactor(u),
        twoFactorEnabled: u.totpSecretEnc !== null,
        isDemo: u.isDemo,
        csrfToken: request.csrfToken ?? '',
      };
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
