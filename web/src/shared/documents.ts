/** What a printed document of the bureau carries: its issuing authority and date line (落款), amounts in capitals. */
import { chinaDateOf } from '../../../src/domain/calendar/china-time';
import { toChineseCapitals, yuanToFen } from '../../../src/domain/money';

/** The authority that issues the 公示 and the funding plans. */
export const ISSUING_AUTHORITY = '江门市工业和信息化局';

/** An instant's Beijing date written as a document's date line: 2026年6月15日. */
export function documentDate(iso: string): string {
  const [y, m, d] = chinaDateOf(new Date(iso)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** An API yuan string ("9720.00") in Chinese financial capitals (玖仟柒佰贰拾元整). */
export function capitals(yuanString: string): string {
  return toChineseCapitals(yuanToFen(yuanString));
}
