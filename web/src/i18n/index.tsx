/**
 * The web app's languages: Chinese first, English second. The choice is kept in localStorage, sent to the API
 * as Accept-Language (so server messages come back in the same language) and drives Ant Design's locale.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { setApiLang } from '../api/client';
import type { MessageKey } from './messages';
import { type Lang, translate } from './translate';

export { type Lang, translate };

const STORAGE_KEY = 'huiqi.lang';

export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh' || saved === 'en') return saved;
  } catch {
    /* storage unavailable: fall back to Chinese */
  }
  return 'zh';
}

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** Picks the text for the current language from a bilingual pair. */
  pick(text: { zh: string; en: string }): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    setApiLang(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    setApiLang(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = l === 'en' ? 'en' : 'zh-CN';
    setLangState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick: (text) => (lang === 'en' ? text.en : text.zh),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export type { MessageKey };
