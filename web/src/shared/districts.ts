/** Jiangmen's county-level divisions for labels, from the shared domain list (with English names for the EN UI). */
import { CITY_DIVISION_CODE, DISTRICTS as DOMAIN_DISTRICTS } from '../../../src/domain/enterprise/districts';

const EN: Record<string, string> = {
  '440703': 'Pengjiang',
  '440704': 'Jianghai',
  '440705': 'Xinhui',
  '440781': 'Taishan',
  '440783': 'Kaiping',
  '440784': 'Heshan',
  '440785': 'Enping',
};

export const DISTRICTS = DOMAIN_DISTRICTS.map((d) => ({ code: d.code, zh: d.name, en: EN[d.code] ?? d.code }));

export function districtName(code: string | null | undefined, lang: 'zh' | 'en' = 'zh'): string {
  if (!code) return '';
  if (code === CITY_DIVISION_CODE) return lang === 'en' ? 'Jiangmen' : '江门市';
  const d = DISTRICTS.find((x) => x.code === code);
  return d ? d[lang] : code;
}
