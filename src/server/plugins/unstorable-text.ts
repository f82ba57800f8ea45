/**
 * Refuses, before any schema or handler runs, a request whose path parameters, query or JSON body hold text that
 * PostgreSQL cannot store: NUL, or half of a UTF-16 surrogate pair. The answer is a 400 that names the field in
 * the user's language (from the route's schema), so such input never becomes a 500 nor a half-written record.
 * A route that must record the refused attempt itself (sign-in) sets `config.checksTextItself`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import { findUnstorableText } from '../../domain/text/unstorable';
import { unstorableTextError } from '../../services/errors';
import { langOf } from '../http-context';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The handler checks its text for unstorable characters itself (to audit the refusal). */
    checksTextItself?: boolean;
  }
}

const PARTS = [
  ['params', 'params'],
  ['query', 'querystring'],
  ['body', 'body'],
] as const;

export function registerUnstorableTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config?.checksTextItself) return;
    for (const [part, context] of PARTS) {
      const path = findUnstorableText(request[part]);
      if (!path) continue;
      const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as
        | ZodType
        | undefined;
      throw unstorableTextError(schema, path, langOf(request));
    }
  });
}
