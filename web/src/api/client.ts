/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF token on
 * state-changing requests, Accept-Language from the chosen language, and the API's error body
 * `{error:{code,message,fields}}` turned into an ApiError whose field messages can be put under form fields.
 */
import type { FormInstance } from 'antd';
import { translate } from '../i18n/translate';

export interface FieldError {
  path: string;
  label?: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details: Record<string, unknown> | undefined = undefined,
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let lang: 'zh' | 'en' = 'zh';
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token || null;
}
export function setApiLang(l: 'zh' | 'en'): void {
  lang = l;
}
/** Called when a request answers 401 (the session ended): the app sends the user to the login page. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestOptions {
  /** Do not treat 401 as "session ended" (the login and me calls expect it). */
  allow401?: boolean;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key); the client's own headers win over these. */
  headers?: Record<string, string>;
}

export function withQuery(url: string, query?: RequestOptions['query']): string {
  if (!query) return url;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${url}${url.includes('?') ? '&' : '?'}${s}` : url;
}

async function send(method: string, url: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  const headers: Record<string, string> = {
    ...opts.headers,
    'accept-language': lang === 'en' ? 'en' : 'zh-CN',
  };
  // A multipart body sets its own content type (with the boundary).
  if (body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(withQuery(url, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : multipart ? (body as FormData) : JSON.stringify(body),
      signal: opts.signal ?? null,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', translate(lang, 'api.unreachable'));
  }
  if (res.ok) return res;
  const err = await toApiError(res);
  if (res.status === 401 && !opts.allow401) unauthorizedHandler?.();
  throw err;
}

async function toApiError(res: Response): Promise<ApiError> {
  let parsed: {
    error?: {
      code?: string;
      message?: string;
      fields?: FieldError[];
      details?: Record<string, unknown>;
      requestId?: string;
    };
  } | null = null;
  try {
    parsed = await res.json();
  } catch {
    parsed = null;
  }
  const e = parsed?.error;
  const fallback = translate(lang, 'api.failed', { status: res.status });
  return new ApiError(
    res.status,
    e?.code ?? `HTTP_${res.status}`,
    e?.message ?? fallback,
    e?.fields ?? [],
    e?.details,
    e?.requestId,
  );
}

export async function apiRequest<T>(
  method: string,
  url: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const res = await send(method, url, body, opts);
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

export const api = {
  get: <T>(url: string, opts?: RequestOptions) => apiRequest<T>('GET', url, undefined, opts),
  post: <T>(url: string, body?: unknown, opts?: RequestOptions) => apiRequest<T>('POST', url, body ?? {}, opts),
  put: <T>(url: string, body?: unknown, opts?: RequestOptions) => apiRequest<T>('PUT', url, body ?? {}, opts),
  patch: <T>(url: string, body?: unknown, opts?: RequestOptions) => apiRequest<T>('PATCH', url, body ?? {}, opts),
  delete: <T>(url: string, opts?: RequestOptions) => apiRequest<T>('DELETE', url, undefined, opts),
};

/** Uploads a multipart form (files) through the same client: CSRF token, Accept-Language and field errors. */
export function upload<T>(url: string, form: FormData, opts?: RequestOptions): Promise<T> {
  return apiRequest<T>('POST', url, form, opts);
}

/** Downloads a file the API produces (exports), naming it from Content-Disposition. */
export async function downloadFile(url: string, opts: RequestOptions = {}, fallbackName = 'download'): Promise<string> {
  const res = await send('GET', url, undefined, opts);
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return name;
}

export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      /* fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** Dotted API path ("loans.0.amount") → antd form name path (['loans', 0, 'amount']). */
export function namePathOf(path: string): (string | number)[] {
  return path
    .split('.')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * Puts the server's field messages under the form's fields. Returns the messages that matched no field
 * (to show in a general alert).
 */
export function applyFieldErrors(form: FormInstance, error: unknown): string[] {
  if (!(error instanceof ApiError) || error.fields.length === 0) return [];
  const known = new Set(
    form
      .getFieldsError()
      .map((f) => f.name.join('.'))
      .concat(Object.keys(form.getFieldsValue(true) ?? {})),
  );
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const f of error.fields) {
    if (f.path && known.has(f.path)) byField.set(f.path, [...(byField.get(f.path) ?? []), f.message]);
    else rest.push(f.message);
  }
  form.setFields([...byField].map(([path, errors]) => ({ name: namePathOf(path), errors })));
  return rest;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
