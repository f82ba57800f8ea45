/** Money for display: the API's yuan strings ("1234.56") shown as ¥1,234.56, exactly (no floating point). */
import { formatYuanDisplay, isYuanString, yuanToFen } from '../../../src/domain/money/money';

export function yuan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = String(value).trim();
  return isYuanString(s) ? formatYuanDisplay(yuanToFen(s)) : s;
}
