/**
 * Library numbers (项目库编号) given to projects the city passes (第七条（二）"通过的项目获得编号").
 *
 * Format: `JMSZ-<year>-<seq>`, e.g. JMSZ-2024-0001 — JM 江门, SZ 数字化; the year is the Asia/Shanghai year of
 * the city's approval; seq counts from 1 within the year, at least four digits (JMSZ-2024-10000 follows
 * JMSZ-2024-9999). Numbers are unique and gap-free per year: the service takes the next value from a per-year
 * counter row updated inside the approving transaction, so a rolled-back approval gives its number back.
 */

export const LIBRARY_NUMBER_PREFIX = 'JMSZ';
const RE = /^JMSZ-(\d{4})-(\d{4,})$/;

export function formatLibraryNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`bad sequence ${seq}`);
  return `${LIBRARY_NUMBER_PREFIX}-${year}-${String(seq).padStart(4, '0')}`;
}

export function parseLibraryNumber(s: string): { year: number; seq: number } | null {
  const m = RE.exec(s);
  if (!m) return null;
  const seq = Number(m[2]);
  if (m[2]!.length > 4 && m[2]!.startsWith('0')) return null;
  return seq >= 1 ? { year: Number(m[1]), seq } : null;
}
