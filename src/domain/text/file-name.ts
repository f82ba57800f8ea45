/**
 * Display names of uploaded files, made safe once at upload: no path, no control characters (C0, C1), no
 * bidirectional or zero-width formatting (U+202E would make "exe.pdf" read as "fdp.exe"), no half surrogate pairs,
 * no replacement characters left by a broken encoding, no characters Windows refuses; Unicode in NFC; at most 120
 * characters with the extension kept.
 */
const CONTROL = '\\u0000-\\u001f\\u007f-\\u009f';
const FORMATTING = '\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff\\ufff9-\\ufffd';
const HALF_PAIR = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE = new RegExp(`[${CONTROL}${FORMATTING}<>:"|?*]|${HALF_PAIR}`, 'g');

export const MAX_FILE_NAME_LENGTH = 120;

export function sanitizeFileName(raw: string | undefined | null): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(UNSAFE, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return '';
  const chars = [...cleaned];
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : '';
  return chars.slice(0, MAX_FILE_NAME_LENGTH - [...ext].length).join('') + ext;
}
