/**
 * Text that PostgreSQL cannot store: NUL (text cannot hold it) or a UTF-16 surrogate without its partner (jsonb and
 * UTF-8 cannot). Checked on every request and on every imported cell.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasUnstorableText(s: string): boolean {
  return UNSTORABLE.test(s);
}

/** Replaces what `hasUnstorableText` finds with U+FFFD, for recording a refused input (e.g. a failed sign-in). */
export function storableText(s: string): string {
  return s.replace(new RegExp(UNSTORABLE.source, 'g'), '\ufffd');
}

/**
 * The path of the first string (or object key) in a parsed request part that cannot be stored, or null.
 * Every string of every request is checked before the schema runs, so no such text reaches a table or the audit.
 */
export function findUnstorableText(value: unknown, path: readonly PropertyKey[] = [], depth = 0): PropertyKey[] | null {
  if (typeof value === 'string') return hasUnstorableText(value) ? [...path] : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (hasUnstorableText(k)) return [...path, storableText(k)];
    const found = findUnstorableText(v, [...path, k], depth + 1);
    if (found) return found;
  }
  return null;
}
