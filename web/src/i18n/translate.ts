/** Looks a message up in the chosen language (also outside React: the API client's own messages). */
import { en, type MessageKey, zh } from './messages';

export type Lang = 'zh' | 'en';

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  let s: string = (lang === 'en' ? en : zh)[key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
  return s;
}
