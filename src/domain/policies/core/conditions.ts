/**
 * Eligibility conditions. Every condition is evaluated (no short-circuit), and each result keeps its code, its
 * status, its citation and the facts it read. Messages are rendered on request from those facts, in Chinese,
 * naming the fact and the date or amount at issue.
 */
import { type Citation, type CitationJson, citationLabel, citationToJson } from './citation';

/** pass; fail; unknown = a fact is missing or not yet known; not_applicable = the rule does not concern this case. */
export type ConditionStatus = 'pass' | 'fail' | 'unknown' | 'not_applicable';

export type MessageArgs = Readonly<Record<string, string | number | boolean | bigint | null>>;

/** Renders a condition's message for its status. One shared function per condition kind (cheap to keep). */
export type ConditionDescriber = (status: ConditionStatus, args: MessageArgs) => string;

export interface ConditionResult {
  readonly code: string;
  readonly status: ConditionStatus;
  readonly citation: Citation;
  readonly args: MessageArgs;
  readonly describe: ConditionDescriber;
}

export function conditionMessage(r: ConditionResult): string {
  return r.describe(r.status, r.args);
}

export interface ConditionJson {
  readonly code: string;
  readonly status: ConditionStatus;
  readonly message: string;
  readonly citation: string;
  readonly source: CitationJson;
}

export function conditionToJson(r: ConditionResult): ConditionJson {
  return {
    code: r.code,
    status: r.status,
    message: conditionMessage(r),
    citation: citationLabel(r.citation),
    source: citationToJson(r.citation),
  };
}

/** eligible: every condition passed (or does not apply); ineligible: one failed; undetermined: none failed, some unknown. */
export type EligibilityStatus = 'eligible' | 'ineligible' | 'undetermined';

export interface Eligibility {
  readonly status: EligibilityStatus;
  readonly eligible: boolean;
  /** All conditions in evaluation order, whatever their status. */
  readonly conditions: readonly ConditionResult[];
  readonly failures: readonly ConditionResult[];
  readonly unknown: readonly ConditionResult[];
}

export function summarizeConditions(conditions: readonly ConditionResult[]): Eligibility {
  const failures: ConditionResult[] = [];
  const unknown: ConditionResult[] = [];
  for (const c of conditions) {
    if (c.status === 'fail') failures.push(c);
    else if (c.status === 'unknown') unknown.push(c);
  }
  const status: EligibilityStatus = failures.length ? 'ineligible' : unknown.length ? 'undetermined' : 'eligible';
  return { status, eligible: status === 'eligible', conditions, failures, unknown };
}

/** A yes/no fact condition: true passes, false fails, null/undefined is unknown. */
export function boolCondition(
  code: string,
  value: boolean | null | undefined,
  citation: Citation,
  describe: ConditionDescriber,
  args: MessageArgs = {},
): ConditionResult {
  const status: ConditionStatus = value === true ? 'pass' : value === false ? 'fail' : 'unknown';
  return { code, status, citation, args, describe };
}

/** Builds a describer from three sentences. */
export function describer(
  pass: (a: MessageArgs) => string,
  fail: (a: MessageArgs) => string,
  unknown: (a: MessageArgs) => string,
  notApplicable: (a: MessageArgs) => string = () => '不适用',
): ConditionDescriber {
  return (status, args) =>
    status === 'pass'
      ? pass(args)
      : status === 'fail'
        ? fail(args)
        : status === 'unknown'
          ? unknown(args)
          : notApplicable(args);
}

export const CONDITION_STATUS_ZH: Readonly<Record<ConditionStatus, string>> = {
  pass: '符合',
  fail: '不符合',
  unknown: '待确认',
  not_applicable: '不适用',
};
