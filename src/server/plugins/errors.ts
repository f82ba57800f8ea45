/**
 * One place that turns every failure into a 4xx/5xx answer with a stable code and a message in Chinese
 * (English with Accept-Language: en) that names the field. Bad input never becomes a 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ZodType } from 'zod';
import type { TError } from '../../contracts/errors';
import { describeIssues, type FieldError, type IssueLike, summarize } from '../../contracts/validation';
import { AppError } from '../../services/errors';
import { langOf } from '../http-context';

/** The envelope of every error answer: the contract `ZError` (components.schemas.Error in the OpenAPI document). */
export type ErrorBody = TError;

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: string,
  extra: { fields?: FieldError[]; details?: Record<string, unknown> } = {},
) {
  const body: ErrorBody = { error: { code, message, ...extra, requestId: String(request.id) } };
  return reply.status(status).header('cache-control', 'no-store').send(body);
}

const FASTIFY_CODES: Record<string, { status: number; code: string; zh: string; en: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    zh: '不支持的请求内容类型',
    en: 'Unsupported content type',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    zh: '请求内容过大',
    en: 'Request body too large',
  },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE', zh: '文件超过大小上限', en: 'File too large' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'VALIDATION_FAILED',
    zh: '请求体为空，应为 JSON',
    en: 'The request body is empty; JSON expected',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'VALIDATION_FAILED',
    zh: '请求体不是有效的 JSON',
    en: 'The request body is not valid JSON',
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 406,
    code: 'NOT_MULTIPART',
    zh: '上传文件须使用 multipart/form-data',
    en: 'Uploads must be multipart/form-data',
  },
};

/** PostgreSQL errors that can only come from a request racing another or naming a missing record. */
function mapDbError(err: {
  code?: string;
  constraint?: string;
}): { status: number; code: string; zh: string; en: string } | null {
  switch (err.code) {
    case '23505':
      return { status: 409, code: 'DUPLICATE', zh: '记录已存在（重复提交或唯一性冲突）', en: 'Duplicate record' };
    case '23503':
      return {
        status: 400,
        code: 'REFERENCE_NOT_FOUND',
        zh: '引用的记录不存在',
        en: 'A referenced record does not exist',
      };
    case '40001':
    case '40P01':
      return { status: 409, code: 'RETRY', zh: '并发冲突，请重试', en: 'Concurrent update; please retry' };
    default:
      return null;
  }
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { cause?: unknown }, request, reply) => {
    const lang = langOf(request);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const context = (err.validationContext ?? 'body') as 'body' | 'querystring' | 'params' | 'headers';
      const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[context] as
        | ZodType
        | undefined;
      const issues: IssueLike[] = err.validation.map((v) => ({
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }));
      const fields = describeIssues(issues, schema, lang);
      return send(reply, request, 400, 'VALIDATION_FAILED', summarize(fields, lang), { fields });
    }
    if (err instanceof AppError) {
      return send(reply, request, err.status, err.code, err.messageIn(lang), {
        ...(err.fields.length ? { fields: err.fieldsIn(lang) } : {}),
        ...(err.details ? { details: err.details } : {}),
      });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, request, known.status, known.code, lang === 'en' ? known.en : known.zh);
    if (err.statusCode === 429) {
      return send(
        reply,
        request,
        429,
        'RATE_LIMITED',
        lang === 'en' ? 'Too many requests; slow down' : '请求过于频繁，请稍后再试',
      );
    }
    const db = mapDbError((err.cause as { code?: string }) ?? err) ?? mapDbError(err as { code?: string });
    if (db) return send(reply, request, db.status, db.code, lang === 'en' ? db.en : db.zh);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(
        reply,
        request,
        err.statusCode,
        'BAD_REQUEST',
        lang === 'en' ? err.message : `请求有误：${err.message}`,
      );
    }
    request.log.error({ err }, 'unhandled error');
    return send(
      reply,
      request,
      500,
      'INTERNAL_ERROR',
      lang === 'en' ? 'Internal error; it has been logged' : `系统内部错误，已记录（请求编号 ${request.id}）`,
    );
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, 'NOT_FOUND', langOf(request) === 'en' ? 'Not found' : '请求的地址不存在'),
  );
}
