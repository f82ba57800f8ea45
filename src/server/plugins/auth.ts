/**
 * Resolves the actor of every API request: a session cookie (people) or a bearer token (bank systems).
 * State-changing requests made with a session cookie must echo the session's CSRF token in `x-csrf-token`
 * (the synchronizer-token pattern; cookies are also SameSite=Lax and httpOnly).
 * A person whose password was set by an administrator (temporary password) must change it first: until then every
 * request made with the session except those in PASSWORD_CHANGE_ALLOWED answers 403 PASSWORD_CHANGE_REQUIRED.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken, resolveSession } from '../../services/auth';
import { AppError } from '../../services/errors';

export const SESSION_COOKIE = 'huiqi_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a session that must change its password may still do: sign in again, see who it is, change it, sign out. */
export const PASSWORD_CHANGE_ALLOWED: ReadonlySet<string> = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/me',
  'HEAD /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
  'GET /api/v1/auth/site',
]);

/** What a session that must first enrol an authenticator may still do. */
export const TWO_FACTOR_ENROLMENT_ALLOWED: ReadonlySet<string> = new Set([
  ...PASSWORD_CHANGE_ALLOWED,
  'POST /api/v1/auth/two-factor/setup',
  'POST /api/v1/auth/two-factor/confirm',
  'GET /api/v1/auth/site',
]);

export const twoFactorEnrolmentRequired = () =>
  new AppError('TWO_FACTOR_ENROLMENT_REQUIRED', 403, {
    zh: '您的角色须使用双因素登录，请先在“账号”菜单中绑定身份验证器后再继续使用',
    en: 'Your role must sign in with two factors; enrol an authenticator from the account menu first',
  });

export const passwordChangeRequired = () =>
  new AppError('PASSWORD_CHANGE_REQUIRED', 403, {
    zh: '您的密码由管理员设置（临时密码），请先修改密码后再继续使用',
    en: 'Your password was set by an administrator (temporary password); change it before you continue',
  });

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('now', undefined as unknown as Date);

  app.addHook('onRequest', async (request) => {
    request.now = app.deps.clock();
    if (!request.url.startsWith('/api/')) return;
    const db = app.deps.db;
    const authz = request.headers.authorization;
    if (authz?.startsWith('Bearer ')) {
      const resolved = await resolveApiToken(db, authz.slice(7).trim(), request.now);
      if (!resolved.ok && resolved.reason === 'expired') {
        throw new AppError('TOKEN_EXPIRED', 401, {
          zh: '接口令牌已过期，请联系安全管理员重新签发',
          en: 'The API token has expired; ask the security administrator for a new one',
        });
      }
      if (!resolved.ok) {
        throw new AppError('INVALID_TOKEN', 401, {
          zh: '接口令牌无效或已被吊销',
          en: 'The API token is invalid or revoked',
        });
      }
      request.actor = resolved.actor;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const s = await resolveSession(db, token, request.now, app.deps.config.sessionIdleMinutes);
    if (!s) return;
    request.actor = s.actor;
    request.sessionId = s.sessionId;
    request.csrfToken = s.csrfToken;
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== s.csrfToken) {
      throw new AppError('CSRF_REJECTED', 403, {
        zh: '请求缺少有效的防跨站令牌（x-csrf-token），请刷新页面后重试',
        en: 'Missing or wrong CSRF token (x-csrf-token); reload the page and retry',
      });
    }
    // The business API only: health checks and the API documentation stay open.
    if (
      s.mustChangePassword &&
      request.url.startsWith('/api/v1/') &&
      !PASSWORD_CHANGE_ALLOWED.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw passwordChangeRequired();
    }
    if (
      s.mustEnrolTwoFactor &&
      app.deps.config.requireTwoFactor &&
      request.url.startsWith('/api/v1/') &&
      !TWO_FACTOR_ENROLMENT_ALLOWED.has(`${request.method} ${request.routeOptions.url}`)
    ) {
      throw twoFactorEnrolmentRequired();
    }
  });
});
