/**
 * A route declared by its contract: method and URL, the guard (an action, any signed-in actor, or public), the
 * schemas and the summary that make its OpenAPI operation, its rate limit, and a handler that maps the request to
 * one use case call. The kit builds the Fastify schema (with the module's tags), the use case's context, the
 * `Cache-Control: no-store` a personal answer asks for, and the success status (201 for `created`).
 *
 * ```ts
 * const route = routeKit(fastify, ['financing']);
 * route.get('/needs/:id', { guard: 'financing.need.read', summary: '一个融资需求', params: ZFinancingId,
 *   ok: ZNeed }, (ctx, request) => readNeed(ctx, request.params.id));
 * ```
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../../domain/access/actor';
import type { GuardAction } from '../../domain/access/allows';
import type { Ctx } from '../../services/context';
import { actorCtx, ctxOf, noStore } from '../http-context';

type Schema = z.ZodType;
type Responses = Record<number, Schema>;

/** Who may call: the action the route performs (401/403 otherwise), any signed-in actor (401), or anyone. */
export type Guard = GuardAction | 'signed-in' | 'public';

type CtxOf<G extends Guard> = G extends 'public' ? Ctx : Ctx & { actor: Actor };
type Parsed<S> = S extends Schema ? z.output<S> : unknown;
type Answer<R, O, C> = [O, C, R] extends [undefined, undefined, undefined]
  ? unknown
  :
      | (O extends Schema ? z.input<O> : never)
      | (C extends Schema ? z.input<C> : never)
      | (R extends Responses ? z.input<R[keyof R]> : never);

export interface RouteSpec<
  G extends Guard,
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  H extends Schema | undefined,
  R extends Responses | undefined,
  O extends Schema | undefined = undefined,
  C extends Schema | undefined = undefined,
> {
  guard: G;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  headers?: H;
  /** The answer of a success (200). */
  ok?: O;
  /** The answer of a creation (201). */
  created?: C;
  /** The answers by status, where there are several (a replay 200 beside a creation 201, a refusal 422). */
  response?: R;
  /** A personal answer no cache keeps. */
  noStore?: boolean;
  /** Rate limit and public caching (`publicRateLimit`, `publicReadConfig`, …). */
  config?: FastifyContextConfig;
  consumes?: string[];
  produces?: string[];
  /** The operation's security when it differs from the default (bank systems' bearer token). */
  security?: Record<string, string[]>[];
}

export type RouteRequest<P, Q, B, H> = FastifyRequest<{
  Params: Parsed<P>;
  Querystring: Parsed<Q>;
  Body: Parsed<B>;
  Headers: Parsed<H>;
}>;

type Handler<G extends Guard, P, Q, B, H, R, O, C> = (
  ctx: CtxOf<G>,
  request: RouteRequest<P, Q, B, H>,
  reply: FastifyReply,
) => Answer<R, O, C> | FastifyReply | Promise<Answer<R, O, C> | FastifyReply>;

type Register = <
  G extends Guard,
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  H extends Schema | undefined = undefined,
  R extends Responses | undefined = undefined,
  O extends Schema | undefined = undefined,
  C extends Schema | undefined = undefined,
>(
  url: string,
  spec: RouteSpec<G, P, Q, B, H, R, O, C>,
  handler: Handler<G, P, Q, B, H, R, O, C>,
) => void;

export interface RouteKit {
  get: Register;
  post: Register;
  put: Register;
  patch: Register;
  delete: Register;
}

function contextOf(request: FastifyRequest, guard: Guard): Ctx {
  if (guard === 'public') return ctxOf(request);
  return guard === 'signed-in' ? actorCtx(request) : actorCtx(request, guard);
}

type AnySpec = RouteSpec<Guard, Schema, Schema, Schema, Schema, Responses, Schema, Schema>;

function responsesOf(spec: AnySpec): Responses | undefined {
  if (spec.ok) return { 200: spec.ok };
  if (spec.created) return { 201: spec.created };
  return spec.response;
}

/** The Fastify schema of a spec: only the keys it sets, so the OpenAPI operation is exactly what is declared. */
function schemaOf(tags: readonly string[], spec: AnySpec) {
  const parts = {
    tags: [...tags],
    summary: spec.summary,
    description: spec.description,
    security: spec.security,
    consumes: spec.consumes,
    headers: spec.headers,
    params: spec.params,
    querystring: spec.query,
    body: spec.body,
    produces: spec.produces,
    response: responsesOf(spec),
  };
  return Object.fromEntries(Object.entries(parts).filter(([, v]) => v !== undefined));
}

/** The route declarer of one module (one routes plugin), its operations tagged `tags`. */
export function routeKit(app: FastifyInstance, tags: readonly string[]): RouteKit {
  const on =
    (method: HTTPMethods): Register =>
    (url, spec, handler) => {
      const s = spec as AnySpec;
      const declared = Object.keys(responsesOf(s) ?? {});
      // A success the handler does not answer itself has the one status the route declares (201 for `created`).
      const status = declared.length === 1 ? Number(declared[0]) : undefined;
      app.route({
        method,
        url,
        ...(s.config ? { config: s.config } : {}),
        schema: schemaOf(tags, s),
        handler: async (request, reply) => {
          if (s.noStore) noStore(reply);
          const ctx = contextOf(request, s.guard);
          const answer = await (
            handler as Handler<Guard, unknown, unknown, unknown, unknown, unknown, unknown, unknown>
          )(ctx as CtxOf<Guard>, request as RouteRequest<unknown, unknown, unknown, unknown>, reply);
          if (status !== undefined && !reply.sent && reply.statusCode === 200) reply.code(status);
          return answer;
        },
      });
    };
  return { get: on('GET'), post: on('POST'), put: on('PUT'), patch: on('PATCH'), delete: on('DELETE') };
}
