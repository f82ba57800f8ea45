/**
 * Recognises a unique-index violation (SQLSTATE 23505) from node-postgres or PGlite, wrapped or not by Drizzle,
 * and returns the violated constraint's name so a use case can answer a precise 409.
 */
export function uniqueViolationOf(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const o = e as { code?: unknown; constraint?: unknown; message?: unknown; detail?: unknown; cause?: unknown };
    if (o.code === '23505') {
      if (typeof o.constraint === 'string' && o.constraint) return o.constraint;
      const text = `${String(o.message ?? '')} ${String(o.detail ?? '')}`;
      const m = /constraint "([^"]+)"/.exec(text);
      return m?.[1] ?? 'unknown';
    }
    e = o.cause;
  }
  return null;
}
