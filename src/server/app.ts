/**
 * The Fastify application: Zod-typed routes, generated OpenAPI 3.1 (/api/openapi.json, browsable at /api/docs),
 * cookie sessions + CSRF, rate limits, one error mapper, and the built web app served from the same origin.
 * Stateless: any number of instances can run behind a load balancer against one PostgreSQL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../services/context';
import { registerModules } from '../services/modules';
import { configureReferenceCache } from '../services/reference-cache';
import { openapiTransform, openapiTransformObject, SECURITY_SCHEMES } from './openapi';
import { authPlugin } from './plugins/auth';
import { registerErrorHandling } from './plugins/errors';
import { registerMetrics } from './plugins/metrics';
import { registerPublicCache } from './plugins/public-cache';
import { docsRateLimit, rateLimitPluginOptions } from './plugins/rate-limit-store';
import { registerUnstorableTextCheck } from './plugins/unstorable-text';
import { registerRoutes } from './routes';

export type App = FastifyInstance;

/**
 * The web app's content security policy: scripts, fonts, images and connections from this origin only; no inline
 * or injected script, no plug-ins, no framing. Styles may be inline because Ant Design writes its CSS-in-JS as
 * <style> elements at run time (styles cannot run code).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export interface BuildOptions {
  logger?: boolean | object;
  /** Serve the built web app (off in API tests). */
  serveWeb?: boolean;
}

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate('deps', deps);
  configureReferenceCache({ ttlMs: deps.config.referenceCacheMs });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  const metrics = registerMetrics(app, deps);
  await registerPublicCache(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: '惠企 Huiqi API',
        version: '1.0.0',
        description:
          '制造业数字化转型扶持政策、政银保贴息与融资对接平台接口。金额为两位小数的字符串（"27000.00"，单位：元），日期为 YYYY-MM-DD。',
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    // operationIds, named schemas, the error envelope, security, uploads and downloads: see ./openapi.ts
    transform: openapiTransform,
    transformObject: openapiTransformObject,
  });
  await app.register(fastifyRateLimit, rateLimitPluginOptions(deps, { onClaim: metrics.rateLimitClaim }));
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: { onRequest: app.rateLimit(docsRateLimit.rateLimit) },
    // The documentation pages get Swagger UI's own policy (script files only); over plain HTTP (the demo) it
    // must not ask browsers to upgrade requests to HTTPS.
    staticCSP: true,
    transformStaticCSP: (header) =>
      deps.config.secureCookies ? header : header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/api/openapi.json', { config: docsRateLimit, schema: { hide: true } }, async () => app.swagger());

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 20 } });
  await app.register(authPlugin);
  registerUnstorableTextCheck(app);

  app.addHook('onSend', async (request, reply) => {
    // API answers are personal and change with every decision: no browser or proxy keeps them unless a route says so.
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    if (deps.config.secureCookies) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Draining for shutdown: tell keep-alive clients to reconnect (to another instance) for their next request.
    if (deps.draining?.value) reply.header('connection', 'close');
  });

  registerModules();
  await app.register(registerRoutes, { prefix: '/api' });

  if (opts.serveWeb && fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      cacheControl: false,
      // Built assets carry a content hash in their names: cache them for good. Everything else (index.html) is
      // revalidated so a new release is picked up at once.
      setHeaders: (reply, filePath) => {
        const hashed = filePath.startsWith(path.join(WEB_DIST, 'assets') + path.sep);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    // Single-page app: unknown non-API paths get index.html; a missing asset stays a 404 (not HTML posing as script).
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/assets/')) {
        return reply.callNotFound();
      }
      return reply.sendFile('index.html');
    });
  }

  return app;
}
