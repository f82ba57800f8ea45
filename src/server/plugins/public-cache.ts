/**
 * Read-only public answers (filing windows, the policy library and its source texts, policy versions, the readings in
 * force, the calendar) may be kept by browsers and proxies for a short while and revalidated cheaply: a route sets
 * `config.publicCacheSeconds`, its 200 answers carry `Cache-Control: public, max-age=N`, and every answer carries an
 * ETag (@fastify/etag) so a repeated request with `If-None-Match` gets a 304 with no body. Personal answers keep
 * `no-store` (the default set in app.ts).
 */
import fastifyEtag, { fnv1a } from '@fastify/etag';
import type { FastifyInstance } from 'fastify';
import { publicRateLimit } from './rate-limit-store';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public, read-only: browsers and proxies may keep the answer this many seconds (then revalidate by ETag). */
    publicCacheSeconds?: number;
  }
}

/** How long the public pages' data may be kept: the bureau's changes (a window moved by notice) show within this. */
export const PUBLIC_CACHE_SECONDS = 60;

export async function registerPublicCache(app: FastifyInstance): Promise<void> {
  // Before the ETag hook, which may turn the answer into a 304 (that keeps the same Cache-Control).
  app.addHook('onSend', async (request, reply) => {
    const seconds = request.routeOptions.config?.publicCacheSeconds;
    if (seconds && reply.statusCode === 200 && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', `public, max-age=${seconds}`);
    }
  });
  await app.register(fastifyEtag, { weak: true, hashFn: fnv1a });
}

/** Route config for a public, read-only answer: the public rate limit and the short public cache. */
export const publicReadConfig = { ...publicRateLimit, publicCacheSeconds: PUBLIC_CACHE_SECONDS } as const;
