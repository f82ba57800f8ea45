/**
 * 人才培养 (江工信工业互联网〔2021〕4号 第八条（四）): a yearly programme budget the operator spends on training events,
 * not a grant an enterprise applies for; its targets are 10 sessions or more and 500 people or more a year. The
 * budget and the targets are the policy's dated parameters (read on 1 January of the year; a year after 003's own
 * validity reads the last version, as a call under a recorded renewal does).
 */

import type { Fen } from '../money/index';
import { fenToYuan } from '../money/index';
import { citationLabel } from '../policies/core/citation';
import { paramAt } from '../policies/core/param';
import { MIN_SESSIONS, MIN_TRAINEES, TALENT_BUDGET } from '../policies/iifund/index';

export interface TrainingTargets {
  readonly budgetFen: Fen;
  readonly sessions: number;
  readonly people: number;
  /** The Chinese basis of each figure, with its article. */
  readonly basis: readonly string[];
}

export function trainingTargets(year: number): TrainingTargets {
  const on = `${year}-01-01`;
  const budget = paramAt<Fen>(TALENT_BUDGET.key, TALENT_BUDGET.series as never, on);
  const sessions = paramAt<number>(MIN_SESSIONS.key, MIN_SESSIONS.series as never, on);
  const people = paramAt<number>(MIN_TRAINEES.key, MIN_TRAINEES.series as never, on);
  return {
    budgetFen: budget.value,
    sessions: sessions.value,
    people: people.value,
    basis: [
      `年度预算${fenToYuan(budget.value)}元（依据${citationLabel(budget.citation)}）`,
      `组织培训活动${sessions.value}场以上（依据${citationLabel(sessions.citation)}）`,
      `培养工业互联网应用人才${people.value}人以上（依据${citationLabel(people.citation)}）`,
    ],
  };
}

export interface TrainingProgress {
  readonly sessions: number;
  readonly people: number;
  readonly spentFen: Fen;
  readonly leftFen: Fen;
  readonly sessionsMet: boolean;
  readonly peopleMet: boolean;
}

/** Progress of a year's events against its targets. */
export function trainingProgress(
  targets: TrainingTargets,
  events: readonly { attendees: number; costFen: Fen }[],
): TrainingProgress {
  const spentFen = events.reduce((s, e) => s + e.costFen, 0n);
  const people = events.reduce((s, e) => s + e.attendees, 0);
  return {
    sessions: events.length,
    people,
    spentFen,
    leftFen: targets.budgetFen - spentFen,
    sessionsMet: events.length >= targets.sessions,
    peopleMet: people >= targets.people,
  };
}

/** Refusal (Chinese, cited) when an event's cost goes over what is left of the year's budget, or null. */
export function trainingCostProblem(targets: TrainingTargets, spentFen: Fen, costFen: Fen): string | null {
  if (spentFen + costFen <= targets.budgetFen) return null;
  return `本次费用${fenToYuan(costFen)}元超过年度人才培养预算余额${fenToYuan(targets.budgetFen - spentFen)}元（${targets.basis[0]}）`;
}
