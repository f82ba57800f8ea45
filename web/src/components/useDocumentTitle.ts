import { useEffect } from 'react';
import { useI18n } from '../i18n';

/**
 * The browser tab's title for the page on screen: `页面名 · 惠企` (the platform's name alone while `page` is empty),
 * so tabs, history and screen readers tell the pages apart.
 */
export function useDocumentTitle(page: string | null | undefined): void {
  const { t } = useI18n();
  const name = t('app.name');
  useEffect(() => {
    const text = page?.replace(/\s+/g, ' ').trim();
    document.title = text ? `${text} · ${name}` : `${name} · ${t('app.subtitle')}`;
  }, [page, name, t]);
}
