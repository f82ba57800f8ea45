/** The signed-in user (GET /api/v1/auth/me), kept in the query cache under ['me']; null when signed out. */
import { type QueryClient, useQuery } from '@tanstack/react-query';
import type { TLogin, TMe } from '../../../src/contracts/auth';
import { ApiError, api, setCsrfToken } from '../api/client';

export type Me = TMe;
export const ME_KEY = ['me'] as const;

/**
 * Whether this browser signed in and has not signed out since. The session cookie itself is httpOnly, so this hint
 * lets anonymous visitors of the public pages skip a /me request that could only answer 401.
 */
const SIGNED_IN_HINT = 'huiqi.signedIn';

function hint(on: boolean | null): boolean {
  try {
    if (on === true) localStorage.setItem(SIGNED_IN_HINT, '1');
    if (on === false) localStorage.removeItem(SIGNED_IN_HINT);
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return true;
  }
}

export async function fetchMe(): Promise<Me | null> {
  if (!hint(null)) return null;
  try {
    const me = await api.get<Me>('/api/v1/auth/me', { allow401: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      hint(false);
      return null;
    }
    throw e;
  }
}

/** The session ended (a request answered 401). */
export function forgetSession(): void {
  setCsrfToken(null);
  hint(false);
}

export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

export async function login(qc: QueryClient, input: TLogin): Promise<Me> {
  const me = await api.post<Me>('/api/v1/auth/login', input, { allow401: true });
  setCsrfToken(me.csrfToken);
  hint(true);
  qc.clear();
  qc.setQueryData(ME_KEY, me);
  return me;
}

export async function logout(qc: QueryClient): Promise<void> {
  try {
    await api.post('/api/v1/auth/logout', {}, { allow401: true });
  } finally {
    forgetSession();
    qc.clear();
    qc.setQueryData(ME_KEY, null);
  }
}
