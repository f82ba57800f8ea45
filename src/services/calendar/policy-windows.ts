/**
 * The 政银保 policy's filing windows and verification deadlines, read from the policy engine with the calendar
 * in force: windows exist only for months within the policy's validity (江工信工业互联网〔2023〕33号 第十五条),
 * and district verification is due the policy's number of working days after a window closes (第七条（二）).
 */
import type { TWindowView } from '../../contracts/projects';
import type { Calendar } from '../../domain/calendar/calendar';
import type { IsoDate, IsoMonth } from '../../domain/calendar/dates';
import { type FilingWindow as EngineWindow, filingWindow } from '../../domain/calendar/windows';
import { zybWindowRule } from '../../domain/policies/zyb/eligibility';
import { zybParam } from '../../domain/policies/zyb/params';
import { reverificationDue, verificationDue } from '../../domain/projects/review-due';
import type { FilingWindow, WindowOf } from '../../domain/projects/windows';

export function engineWindow(cal: Calendar, month: IsoMonth): EngineWindow {
  return filingWindow(cal, month, zybWindowRule(`${month}-01`));
}

/** True when the policy is in force on some day of the window. */
export function windowInForce(w: { opens: IsoDate; closes: IsoDate }): boolean {
  const v = zybParam('validity', w.opens, undefined).value;
  return w.closes >= v.from && (v.to === null || w.opens <= v.to);
}

/** Due date of district verification for a window closing on `closes`. */
export function verifyDueOn(cal: Calendar, closes: IsoDate): IsoDate {
  return verificationDue(cal, closes).dueOn;
}

/** Due date of district verification after a corrected resubmission on `date`. */
export function reverifyDueOn(cal: Calendar, date: IsoDate): IsoDate {
  return reverificationDue(cal, date).dueOn;
}

export function policyWindowOf(cal: Calendar): WindowOf {
  return (month) => {
    const w = engineWindow(cal, month);
    if (!windowInForce(w)) return null;
    return {
      month: w.month,
      opens: w.opens,
      closes: w.closes,
      source: w.adjustment === 'notice' ? 'override' : 'rule',
      notice: w.notice,
      explanation: w.reason,
    } satisfies FilingWindow;
  };
}

export function windowView(cal: Calendar, month: IsoMonth): TWindowView {
  const w = engineWindow(cal, month);
  return {
    month: w.month,
    opens: w.opens,
    closes: w.closes,
    adjustment: w.adjustment,
    reason: w.reason,
    notice: w.notice,
    verifyDueOn: verifyDueOn(cal, w.closes),
    scheduleKnown: w.scheduleKnown,
    extensionInHoliday: w.extensionInHoliday,
  };
}
