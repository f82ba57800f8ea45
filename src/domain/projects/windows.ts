/**
 * Filing windows as the declaration workflow uses them. The policy engine computes each month's window
 * (申报指南 三（四）: 10th–15th, moved or extended by holidays, or fixed by the city's notice); this module asks
 * it through a function `windowOf(month)` and answers: is a window open on a date, and which is the next one.
 * District verification is due 5 working days after the window closes (第七条（二）).
 */
import { addMonths, type IsoDate, type IsoMonth, isoMonth, monthOf, yearOf } from '../calendar/dates';

export interface FilingWindow {
  readonly month: IsoMonth;
  readonly opens: IsoDate;
  readonly closes: IsoDate;
  /** rule = computed from the guide; override = fixed by an administrator's notice. */
  readonly source: 'rule' | 'override';
  readonly notice?: string | null;
  /** How the window was derived, in Chinese (e.g. "遇春节顺延至节后第三个工作日"). */
  readonly explanation?: string | null;
}

/** The window of a month, or null when there is none (policy not in force that month). */
export type WindowOf = (month: IsoMonth) => FilingWindow | null;

function monthsFrom(date: IsoDate, delta: number): IsoMonth {
  const shifted = addMonths(`${date.slice(0, 7)}-01`, delta).date;
  return isoMonth(yearOf(shifted), monthOf(shifted));
}

/** The window open on `date` (inclusive bounds), if any. Looks at this month's and the previous month's window. */
export function openWindowOn(windowOf: WindowOf, date: IsoDate): FilingWindow | null {
  for (const delta of [0, -1, 1]) {
    const w = windowOf(monthsFrom(date, delta));
    if (w && w.opens <= date && date <= w.closes) return w;
  }
  return null;
}

/** The first window that opens after `date` (within `horizonMonths`), or null when none is scheduled. */
export function nextWindowAfter(windowOf: WindowOf, date: IsoDate, horizonMonths = 24): FilingWindow | null {
  for (let delta = 0; delta <= horizonMonths; delta++) {
    const w = windowOf(monthsFrom(date, delta));
    if (w && w.opens > date) return w;
  }
  return null;
}
