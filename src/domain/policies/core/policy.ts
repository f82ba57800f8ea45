/**
 * The shape every policy of the catalogue shares: identity, validity, cited rules and parameters, and an
 * `evaluate` that answers — for an enterprise's facts at a date — in force or not, which conditions pass, fail
 * or remain to prove, and what amount to expect (exact, at most, at least, by notice, or unknown).
 */

import type { Calendar } from '../../calendar/calendar';
import type { IsoDate } from '../../calendar/dates';
import type { Fen } from '../../money/index';
import type { EnterpriseFacts } from '../facts';
import type { InterpretationRuling } from '../interpretations';
import type { Citation, DocId } from './citation';
import type { Eligibility } from './conditions';
import type { ParamSeries, Validity, ValidityStatus } from './param';
import type { Trace } from './trace';

/** exact: the amount the text fixes; up_to: a ceiling ("最高", "不超过", competitive allocation);
 *  at_least: a floor ("不低于"); by_notice: the text leaves the amount to a later notice; unknown: facts missing. */
export type EstimateKind = 'exact' | 'up_to' | 'at_least' | 'by_notice' | 'unknown';

export const ESTIMATE_KIND_ZH: Readonly<Record<EstimateKind, string>> = {
  exact: '按规定金额',
  up_to: '最高',
  at_least: '不低于',
  by_notice: '以通知为准',
  unknown: '待补充资料后测算',
};

export interface Estimate {
  readonly kind: EstimateKind;
  readonly amount: Fen | null;
  readonly trace: Trace | null;
  readonly note: string | null;
}

export interface RuleInfo {
  readonly code: string;
  readonly title: string;
  readonly citation: Citation;
}

export interface ParamInfo {
  readonly key: string;
  readonly label: string;
  readonly series: ParamSeries<unknown>;
}

/** Simulation values by parameter key (per policy). */
export type PolicyOverrides = Readonly<Record<string, unknown>>;

export interface EvalContext {
  readonly calendar?: Calendar;
  /** Simulation values by policy id, then parameter key. */
  readonly overrides?: Readonly<Record<string, PolicyOverrides>>;
  /** The bureau's approved rulings (the register of interpretations): a measure that reads one follows it. */
  readonly rulings?: readonly InterpretationRuling[];
}

export interface PolicyEvaluation {
  readonly policyId: string;
  readonly asOf: IsoDate;
  readonly validity: Validity;
  readonly validityStatus: ValidityStatus;
  readonly eligibility: Eligibility;
  readonly estimate: Estimate;
  /** Assumptions the evaluation made (e.g. a hypothetical declaration date). */
  readonly notes?: readonly string[];
}

export type PolicyCategory = '融资贴息' | '专项资金' | '奖励' | '补助' | '扶持';

/** What names a measure: its id and name, its category, the document and clause that create it, its validity. */
export interface PolicyIdentity {
  readonly id: string;
  readonly name: string;
  readonly doc: DocId;
  readonly category: PolicyCategory;
  /** One sentence for listings. */
  readonly summary: string;
  /** The clause that creates the measure. */
  readonly basis: Citation;
  readonly validity: ParamSeries<Validity>;
}

export interface CataloguePolicy extends PolicyIdentity {
  /** Interest subsidies on loans compete under 就高不重复. */
  readonly interestSubsidy: boolean;
  readonly params: readonly ParamInfo[];
  readonly rules: readonly RuleInfo[];
  evaluate(facts: EnterpriseFacts, asOf: IsoDate, ctx?: EvalContext): PolicyEvaluation;
}
