/**
 * When district verification is due, and whether it is overdue.
 *
 * 第七条（二）: "由各县（市、区）工业和信息化主管部门于申报结束之日起 5个工作日内完成申报项目核实". The due date is the
 * 5th working day after the window closes (the closing day itself not counted), on China's working-day calendar
 * (holidays rest, 调休 weekend days work). A declaration corrected and resubmitted after a return is due 5
 * working days after its resubmission. A review is overdue from the day after its due date while it still waits
 * for the district.
 */
import { type Calendar, nthWorkingDayAfter } from '../calendar/calendar';
import type { IsoDate } from '../calendar/dates';
import { zybParam } from '../policies/zyb/params';

/** The verification time limit in working days, as the policy in force on `date` sets it (第七条（二）). */
export function districtVerifyWorkingDays(date: IsoDate): number {
  return zybParam('verificationWorkingDays', date, undefined).value;
}

export interface DueDate {
  readonly dueOn: IsoDate;
  /** False when the count crossed a year whose holiday schedule the calendar does not hold yet. */
  readonly scheduleKnown: boolean;
}

/** The verification time limit counted from `from`: that many working days after it, the day itself not counted. */
function dueAfter(cal: Calendar, from: IsoDate, workingDays = districtVerifyWorkingDays(from)): DueDate {
  const r = nthWorkingDayAfter(cal, from, workingDays);
  return { dueOn: r.date, scheduleKnown: r.scheduleKnown };
}

/** Verification due date for a declaration submitted in a window that closes on `windowCloses`. */
export const verificationDue: (cal: Calendar, windowCloses: IsoDate, workingDays?: number) => DueDate = dueAfter;

/** Verification due date after a corrected resubmission on `resubmittedOn`. */
export const reverificationDue: (cal: Calendar, resubmittedOn: IsoDate, workingDays?: number) => DueDate = dueAfter;

export type DueStatus = 'overdue' | 'due_today' | 'pending';

export function dueStatus(today: IsoDate, dueOn: IsoDate): DueStatus {
  if (today > dueOn) return 'overdue';
  if (today === dueOn) return 'due_today';
  return 'pending';
}
