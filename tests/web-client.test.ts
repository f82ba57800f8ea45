/**
 * The web app's one API client: uploads go through it (CSRF token, Accept-Language, field errors kept), extra
 * headers such as Idempotency-Key pass through, and no page calls `fetch` on its own outside web/src/api.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { uploadFile } from '../web/src/api/attachments';
import { ApiError, api, setApiLang, setCsrfToken } from '../web/src/api/client';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) ? [p] : [];
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setApiLang('zh');
  setCsrfToken(null);
});

describe('web API client', () => {
  it('uploads multipart through the client with the CSRF token and the chosen language', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ id: 'a1', fileName: 'x.pdf' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      });
    });
    setCsrfToken('tok');
    setApiLang('en');
    const up = await uploadFile(new File(['%PDF'], 'x.pdf'), { ownerType: 'enterprise', ownerId: 'i', kind: 'other' });
    expect(up).toEqual({ id: 'a1', fileName: 'x.pdf' });
    const h = calls[0]!.init.headers as Record<string, string>;
    expect(h['x-csrf-token']).toBe('tok');
    expect(h['accept-language']).toBe('en');
    expect(h['content-type']).toBeUndefined();
    expect(calls[0]!.init.body).toBeInstanceOf(FormData);
  });

  it('keeps the field errors of a refused upload', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'VALIDATION',
              message: '文件类型不支持',
              fields: [{ path: 'file', message: '文件类型不支持' }],
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    );
    const err = await uploadFile(new Blob(['x']), { ownerType: 'enterprise', ownerId: 'i', kind: 'other' }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.fields).toEqual([{ path: 'file', message: '文件类型不支持' }]);
  });

  it('passes extra headers such as the idempotency key', async () => {
    let headers: Record<string, string> = {};
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      headers = init.headers as Record<string, string>;
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    await api.post('/api/v1/x', {}, { headers: { 'idempotency-key': 'k1' } });
    expect(headers['idempotency-key']).toBe('k1');
    expect(headers['content-type']).toBe('application/json');
  });

  it('has no raw fetch outside web/src/api', () => {
    const offenders = files('web/src')
      .filter((f) => !f.startsWith(join('web', 'src', 'api')))
      .filter((f) => /(^|[^.\w])fetch\(/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
