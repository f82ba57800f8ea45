/**
 * Errors that reach users. A service throws an AppError for an expected refusal; the HTTP layer maps it to
 * its status with a stable machine code and a message in Chinese (or English with Accept-Language: en).
 */
import type { ZodType } from 'zod';
import { describeIssues, type FieldError, type Lang, summarize } from '../contracts/validation';

export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly text: Bilingual,
    readonly fields: FieldError[] = [],
    readonly details?: Record<string, unknown>,
    /** The field errors in English (`path` + English text), when they differ from `fields`. */
    readonly fieldsEn?: FieldError[],
  ) {
    super(text.en);
    this.name = 'AppError';
  }

  messageIn(lang: Lang): string {
    return lang === 'en' ? this.text.en : this.text.zh;
  }

  fieldsIn(lang: Lang): FieldError[] {
    return lang === 'en' && this.fieldsEn ? this.fieldsEn : this.fields;
  }
}

/** A single field rejected by a service rule (beyond the schema): names the field in both languages. */
export function fieldError(path: string, label: string, zh: string, en: string): AppError {
  return new AppError(
    'VALIDATION_FAILED',
    400,
    { zh: `${label}${zh}`, en: `${path} ${en}` },
    [{ path, label, message: `${label}${zh}` }],
    undefined,
    [{ path, label, message: `${path} ${en}` }],
  );
}

/** Text at `path` (inside input checked against `schema`) holds NUL or a broken surrogate: a 400 naming the field. */
export function unstorableTextError(schema: ZodType | undefined, path: PropertyKey[], lang: Lang): AppError {
  const issue = { code: 'unstorable_text', path, message: '' };
  const zh = describeIssues([issue], schema, 'zh');
  const en = describeIssues([issue], schema, 'en');
  return new AppError(
    'VALIDATION_FAILED',
    400,
    { zh: summarize(zh, 'zh'), en: summarize(en, 'en') },
    lang === 'en' ? en : zh,
  );
}

export const Errors = {
  notFound: (what: Bilingual) =>
    new AppError('NOT_FOUND', 404, { zh: `${what.zh}不存在或您无权访问`, en: `${what.en} not found` }),
  unauthenticated: () =>
    new AppError('UNAUTHENTICATED', 401, {
      zh: '请先登录，或会话已过期',
      en: 'Please sign in; the session may have expired',
    }),
  forbidden: (zh = '您的角色无权执行此操作', en = 'Your role may not do this') =>
    new AppError('FORBIDDEN', 403, { zh, en }),
  conflict: (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
    new AppError(code, 409, { zh, en }, [], details),
  unprocessable: (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
    new AppError(code, 422, { zh, en }, [], details),
  badRequest: (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
    new AppError(code, 400, { zh, en }, [], details),
};
