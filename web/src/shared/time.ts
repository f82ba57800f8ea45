/**
 * Times a person reads, in Beijing time whatever the browser's timezone, written the same way in Chinese and
 * English so no date is ambiguous: "2026-06-15 10:00" (not 15/06/2026 or 6/15/2026).
 */
import { chinaDateOf, formatChinaDateTime } from '../../../src/domain/calendar/china-time';

function instantOf(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** An API instant as Beijing wall time to the minute: "2026-06-15 10:00"; "—" when there is none. */
export function formatInstant(iso: string | null | undefined): string {
  const d = instantOf(iso);
  return d ? formatChinaDateTime(d) : (iso ?? '—') || '—';
}

/** An API instant's Beijing calendar date: "2026-06-15"; "—" when there is none. */
export function formatInstantDate(iso: string | null | undefined): string {
  const d = instantOf(iso);
  return d ? chinaDateOf(d) : (iso ?? '—') || '—';
}

/** Today's Beijing calendar date by this browser's clock: "2026-06-15" (for defaults a person may change). */
export function todayInBeijing(): string {
  return chinaDateOf(new Date());
}
