/**
 * Orders (对接): an enterprise applies to a product, or a bank takes a posted need (抢单). The bank answers within
 * working days on China's calendar (the start day not counted): first contact (accept or decline) within the
 * first-contact limit, the credit decision within the decision limit from acceptance — the bank's promised days
 * when its product names them, the platform's defaults otherwise, shorter on the green channel (002 三（四）1).
 * An order past its due day while still waiting for the bank is overdue.
 */
import { type Calendar, nthWorkingDayAfter } from '../calendar/calendar';
import type { IsoDate } from '../calendar/dates';
import { type Citation, citationLabel } from '../policies/core/citation';
import { codesOf, zhNames } from '../text/codes';
import { financingParam } from './params';

export const ORDER_STATUS_ZH = zhNames({
  pending: '待银行接单',
  accepted: '银行已接单，待授信决定',
  declined: '银行已婉拒',
  approved: '已获批',
  refused: '未获批',
  withdrawn: '企业已撤回',
});
export const ORDER_STATUSES = codesOf(ORDER_STATUS_ZH);
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export type OrderEvent = 'accept' | 'decline' | 'approve' | 'refuse' | 'withdraw';

const TRANSITIONS: Readonly<Record<OrderEvent, { from: readonly OrderStatus[]; to: OrderStatus }>> = {
  accept: { from: ['pending'], to: 'accepted' },
  decline: { from: ['pending'], to: 'declined' },
  approve: { from: ['accepted'], to: 'approved' },
  refuse: { from: ['accepted'], to: 'refused' },
  withdraw: { from: ['pending', 'accepted'], to: 'withdrawn' },
};

const EVENT_ZH: Readonly<Record<OrderEvent, string>> = {
  accept: '接单',
  decline: '婉拒',
  approve: '报告获批',
  refuse: '报告未获批',
  withdraw: '撤回',
};

export type OrderTransition = { ok: true; to: OrderStatus } | { ok: false; zh: string; en: string };

export function orderTransition(from: OrderStatus, event: OrderEvent): OrderTransition {
  const t = TRANSITIONS[event];
  if (t.from.includes(from)) return { ok: true, to: t.to };
  return {
    ok: false,
    zh: `对接单当前状态为“${ORDER_STATUS_ZH[from]}”，不能${EVENT_ZH[event]}`,
    en: `An order that is ${from} cannot ${event}`,
  };
}

export interface Deadline {
  readonly dueOn: IsoDate;
  readonly workingDays: number;
  /** Why this many days: the product's promise, the platform default, or the green channel, with its clause. */
  readonly basisZh: string;
  readonly citation: Citation | null;
  readonly scheduleKnown: boolean;
}

function deadline(cal: Calendar, from: IsoDate, days: number, basisZh: string, citation: Citation | null): Deadline {
  const r = nthWorkingDayAfter(cal, from, days);
  return { dueOn: r.date, workingDays: days, basisZh, citation, scheduleKnown: r.scheduleKnown };
}

/**
 * The city's own answer times (a dated setting by the city administrator). 002 sets no number of days; without a
 * setting in force the platform's defaults apply (`PLATFORM_DEADLINE_READING`).
 */
export interface CityAnswerTimes {
  readonly effectiveFrom: IsoDate;
  readonly firstContactDays: number;
  readonly decisionDays: number;
  readonly greenFirstContactDays: number;
  readonly greenDecisionDays: number;
  readonly basis: string;
}

/** The setting in force on `on`: the latest starting on or before it (the newest of one day), or null. */
export function answerTimesOn(settings: readonly (CityAnswerTimes & { seq: number })[], on: IsoDate) {
  let best: (CityAnswerTimes & { seq: number }) | null = null;
  for (const s of settings) {
    if (s.effectiveFrom > on) continue;
    if (!best || s.effectiveFrom > best.effectiveFrom || (s.effectiveFrom === best.effectiveFrom && s.seq > best.seq))
      best = s;
  }
  return best;
}

interface Limit {
  readonly days: number;
  readonly labelZh: string;
  readonly citation: Citation | null;
}

function limitOf(kind: 'contact' | 'decision', green: boolean, on: IsoDate, city: CityAnswerTimes | null): Limit {
  if (city) {
    const days =
      kind === 'contact'
        ? green
          ? city.greenFirstContactDays
          : city.firstContactDays
        : green
          ? city.greenDecisionDays
          : city.decisionDays;
    return { days, labelZh: `市级设定（${city.effectiveFrom}起施行，${city.basis}）`, citation: null };
  }
  const key =
    kind === 'contact'
      ? green
        ? 'greenFirstContactWorkingDays'
        : 'firstContactWorkingDays'
      : green
        ? 'greenDecisionWorkingDays'
        : 'decisionWorkingDays';
  const p = financingParam(key, on);
  return { days: p.value, labelZh: citationLabel(p.citation), citation: p.citation };
}

/** When the bank must first answer (accept or decline) an order made on `on`. */
export function firstContactDue(
  cal: Calendar,
  on: IsoDate,
  green: boolean,
  city: CityAnswerTimes | null = null,
): Deadline {
  const l = limitOf('contact', green, on, city);
  const who = green ? '绿色通道' : city ? '市级' : '平台默认';
  return deadline(cal, on, l.days, `${who}首次联系时限${l.days}个工作日（${l.labelZh}）`, l.citation);
}

/**
 * When the bank must decide an order it accepted on `on`: its promise replaces the platform's default decision
 * time; against the city's own time or the green channel's, the shorter of the two applies.
 */
export function decisionDue(
  cal: Calendar,
  on: IsoDate,
  green: boolean,
  promisedDays: number | null,
  city: CityAnswerTimes | null = null,
): Deadline {
  const l = limitOf('decision', green, on, city);
  // The city's own time, like the green channel's, is a ceiling: a longer promise does not extend it.
  if ((green || city) && (promisedDays === null || l.days < promisedDays))
    return deadline(
      cal,
      on,
      l.days,
      `${green ? '绿色通道' : '市级'}授信决定时限${l.days}个工作日（${l.labelZh}）`,
      l.citation,
    );
  if (promisedDays !== null)
    return deadline(cal, on, promisedDays, `银行承诺${promisedDays}个工作日内作出授信决定`, null);
  const who = city ? '市级' : '平台默认';
  return deadline(cal, on, l.days, `${who}授信决定时限${l.days}个工作日（${l.labelZh}）`, l.citation);
}

/** The day the order now waits for, or null when the bank is no longer awaited. */
export function awaitedDue(status: OrderStatus, contactDueOn: IsoDate, decisionDueOn: IsoDate | null): IsoDate | null {
  if (status === 'pending') return contactDueOn;
  if (status === 'accepted') return decisionDueOn;
  return null;
}

/** Overdue from the day after the due day while the bank is still awaited. */
export function isOverdue(status: OrderStatus, contactDueOn: IsoDate, decisionDueOn: IsoDate | null, today: IsoDate) {
  const due = awaitedDue(status, contactDueOn, decisionDueOn);
  return due !== null && today > due;
}
