/** Money for display: the API's yuan strings ("1234.56") shown as ¥1,234.56, exactly (no floating point). */
import { formatYuanDisplay, isYuanString, yuanToFen } from '../../../src/domain/money/money';

export function yuan(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const s = String(value).trim();
  return isYuanString(s) ? formatYuanDisplay(yuanToFen(s)) : s;
}

/** A table column of yuan amounts under `dataIndex`, right-aligned and shown as ¥1,234.56. */
export function yuanColumn(title: string, dataIndex: string) {
  return { title, dataIndex, align: 'right' as const, render: (v: string) => yuan(v) };
}
