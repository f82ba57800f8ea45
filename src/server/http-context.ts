/** Builds a use case's context from a request, and guards routes by the action they perform. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../contracts/validation';
import type { Actor } from '../domain/access/actor';
import { allows, type GuardAction } from '../domain/access/allows';
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

/**
 * The signed-in actor, or 401. With an action, also 403 unless the access tables allow the actor that action
 * (`mayDo` for business actions, `can` for account actions) — the route names what it does, never a role.
 */
export function requireActor(request: FastifyRequest, action?: GuardAction): Actor {
  const actor = request.actor;
  if (!actor) throw Errors.unauthenticated();
  if (action !== undefined && !allows(actor, action)) throw Errors.forbidden();
  return actor;
}

/** Ctx for a route that needs a signed-in actor (optionally one allowed the given action). */
export function actorCtx(request: FastifyRequest, action?: GuardAction): Ctx & { actor: Actor } {
  const actor = requireActor(request, action);
  return { ...ctxOf(request), actor };
}

export function noStore(reply: FastifyReply): FastifyReply {
  return reply.header('cache-control', 'no-store');
}
