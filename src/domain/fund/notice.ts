/**
 * The public notice of a competitive fund's arrangement (江工信工业互联网〔2021〕4号 第十一条 “公示期不少于7日”) and the
 * plan's preconditions. The notice's calendar arithmetic and the plan check are the platform's notice rules
 * (`subsidy/notice.ts`); this file adds the 7-day minimum of 003.
 */
import { citationLabel, cite } from '../policies/core/citation';
import { param } from '../policies/core/param';

export const NOTICE_MIN_DAYS = [param('2021-05-16', null, 7, cite('003', ['第十一条'], '公示期不少于7日'))] as const;

/** Refusal (Chinese, cited) for a notice period shorter than the minimum, or null. */
export function noticeDaysProblem(days: number): string | null {
  const min = NOTICE_MIN_DAYS[0];
  if (Number.isInteger(days) && days >= min.value) return null;
  return `公示期不少于${min.value}日，所填${days}日不足（依据${citationLabel(min.citation)}）`;
}

const OBJECTIONS = cite('003', ['第十一条'], '公示期间如有异议反映，由市工业和信息化局核实提出处理意见');

/** May the project plan (第五条 下达项目计划) be issued today: the notice has ended and every objection is closed. */
export function planProblem(today: string, endsOn: string, openObjections: number): string | null {
  if (today <= endsOn)
    return `公示期至${endsOn}止，公示期满后方可下达项目计划（依据${citationLabel(NOTICE_MIN_DAYS[0].citation)}）`;
  if (openObjections > 0)
    return `公示期间收到的异议尚有${openObjections}件未办结，须全部核实处理后方可下达项目计划（依据${citationLabel(OBJECTIONS)}）`;
  return null;
}
