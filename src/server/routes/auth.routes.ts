import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZChangePassword, ZLogin, ZMe } from '../../contracts/auth';
import { users } from '../../db/schema';
import { recordAudit } from '../../services/audit';
import { changePassword, login, revokeSession } from '../../services/auth';
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
}
