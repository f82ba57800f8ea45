/** Builds a use case's context from a request, and guards routes by role. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../contracts/validation';
import type { Actor, Role } from '../domain/access/actor';
import type { Ctx, Deps } from '../services/context';
import { Errors } from '../services/errors';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionId: string | null;
    csrfToken: string | null;
    /** Read once per request. */
    now: Date;
  }
}

export function langOf(request: FastifyRequest): Lang {
  const h = request.headers['accept-language'];
  return typeof h === 'string' && /^en\b/i.test(h.trim()) ? 'en' : 'zh';
}

export function ctxOf(request: FastifyRequest): Ctx {
  return {
    deps: request.server.deps,
    actor: request.actor,
    now: request.now,
    clientIp: request.ip ?? null,
    requestId: String(request.id),
    lang: langOf(request),
  };
}

/** The signed-in actor, or 401. With roles, also 403 unless the actor has one of them. */
export function requireActor(request: FastifyRequest, roles?: readonly Role[]): Actor {
  const actor = request.actor;
  if (!actor) throw Errors.unauthenticated();
  if (roles && !roles.includes(actor.role)) throw Errors.forbidden();
  return actor;
}

/** Ctx for a route that needs a signed-in actor (optionally of given roles). */
export function actorCtx(request: FastifyRequest, roles?: readonly Role[]): Ctx & { actor: Actor } {
  const actor = requireActor(request, roles);
  return { ...ctxOf(request), actor };
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
