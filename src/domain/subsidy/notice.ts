/**
 * The public notice (公示) and the funding plan's preconditions. 江工信工业互联网〔2023〕33号 第七条（六）:
 * “在完成公示后市工业和信息化局下达……补贴资金安排计划”. The notice runs `days` calendar days from its first day
 * (7 by default, as the city's competitive fund rules require, 江工信工业互联网〔2021〕4号); the plan may be issued
 * once the last day has passed and every objection is closed. Pure: the caller passes today's date (China time).
 */
import { addDays, type IsoDate } from '../calendar/dates';
import { citationLabel, cite } from '../policies/core/citation';

export const PLAN_AFTER_NOTICE_CITATION = cite('000', ['第七条', '（六）'], '在完成公示后市工业和信息化局下达');

/** The shortest notice period the texts give: 003 第十一条 "公示期不少于7日" (the 政银保 default is the same). */
export const NOTICE_MIN_DAYS = 7;
export const NOTICE_MIN_DAYS_CITATION = cite('003', ['第十一条'], '公示期不少于7日');

export type NoticePhase = 'upcoming' | 'open' | 'ended';

/** The last day (inclusive) of a notice of `days` calendar days starting on `startsOn`. */
export function noticeEndsOn(startsOn: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`notice days must be ≥ 1: ${days}`);
  return addDays(startsOn, days - 1);
}

export function noticePhase(today: IsoDate, startsOn: IsoDate, endsOn: IsoDate): NoticePhase {
  if (today < startsOn) return 'upcoming';
  if (today <= endsOn) return 'open';
  return 'ended';
}

export type PlanCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly code: 'NOTICE_NOT_ENDED' | 'OBJECTIONS_OPEN';
      readonly zh: string;
      readonly en: string;
    };

/**
 * May the funding plan be issued today? Both conditions are reported when both fail (the first one leads).
 * With 递补公示, `endsOn` is the last day of the notice that ends last and `openObjections` counts every notice's;
 * `noticeLabel` names that notice (公示 by default, 递补公示).
 */
export function checkPlanIssuable(input: {
  readonly today: IsoDate;
  readonly endsOn: IsoDate;
  readonly openObjections: number;
  readonly noticeLabel?: string;
}): PlanCheck {
  const where = citationLabel(PLAN_AFTER_NOTICE_CITATION);
  const label = input.noticeLabel ?? '公示';
  if (input.today <= input.endsOn) {
    const more = input.openObjections > 0 ? `；另有${input.openObjections}件异议未办结` : '';
    return {
      ok: false,
      code: 'NOTICE_NOT_ENDED',
      zh: `${label}期至${input.endsOn}止，${label}期满后方可下达补贴资金安排计划${more}（依据${where}）`,
      en: `The public notice runs until ${input.endsOn}; the funding plan can be issued only after it ends`,
    };
  }
  if (input.openObjections > 0) {
    return {
      ok: false,
      code: 'OBJECTIONS_OPEN',
      zh: `公示期内收到的异议尚有${input.openObjections}件未办结，须全部办结后方可下达补贴资金安排计划（依据${where}）`,
      en: `${input.openObjections} objection(s) are still open; close them all before issuing the funding plan`,
    };
  }
  return { ok: true };
}

export { chinaDateOf } from '../calendar/china-time';

/** Masks a contact for display: 138****0000, a***@example.com. */
export function maskContact(contact: string): string {
  const at = contact.indexOf('@');
  if (at > 0) return `${contact.slice(0, 1)}***${contact.slice(at)}`;
  const digits = contact.replace(/\s/g, '');
  if (digits.length <= 4) return '****';
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}
