/** An HTTP client for tests that keeps a session cookie and sends the CSRF token, like the web app does. */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/app';

export interface Session {
  cookie: string | null;
  csrf: string | null;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function anonymous(app: App): Session {
  const s: Session = {
    cookie: null,
    csrf: null,
    async request(opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
      if (s.cookie) headers.cookie = s.cookie;
      if (s.csrf && !headers['x-csrf-token']) headers['x-csrf-token'] = s.csrf;
      const res = await app.inject({ ...opts, headers });
      const set = res.cookies.find((c) => c.name === 'huiqi_session');
      if (set) s.cookie = set.value ? `huiqi_session=${set.value}` : null;
      return res;
    },
    get: (url, headers) => s.request({ method: 'GET', url, headers }),
    post: (url, payload, headers) => s.request({ method: 'POST', url, payload: payload as object, headers }),
    put: (url, payload, headers) => s.request({ method: 'PUT', url, payload: payload as object, headers }),
    patch: (url, payload, headers) => s.request({ method: 'PATCH', url, payload: payload as object, headers }),
    delete: (url, headers) => s.request({ method: 'DELETE', url, headers }),
  };
  return s;
}

export async function loginAs(app: App, username: string, password: string): Promise<Session> {
  const s = anonymous(app);
  const res = await s.post('/api/v1/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  s.csrf = res.json().csrfToken;
  return s;
}

/**
 * A sign-in from a new address each time, `10.<net>.a.b` (so the per-address sign-in limit never trips in a test
 * that signs in many times); the session carries the sign-in answer's body. `app` is read at call time.
 */
export function signInFromNewAddresses(app: () => App, net: number) {
  let seq = 0;
  return async (
    username: string,
    password: string,
    target: App = app(),
  ): Promise<Session & { login: Record<string, unknown> }> => {
    const s = anonymous(target);
    seq++;
    const res = await s.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.${net}.${Math.floor(seq / 250)}.${seq % 250}`,
    });
    if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
    s.csrf = res.json().csrfToken;
    return Object.assign(s, { login: res.json() as Record<string, unknown> });
  };
}
