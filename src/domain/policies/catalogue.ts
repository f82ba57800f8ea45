/**
 * The catalogue: every policy the platform knows, and policy matching — given an enterprise's facts and a
 * date, which policies it may claim, what to expect (an amount, a ceiling, a floor or "by notice"), which
 * conditions remain to prove, and which policies have expired.
 */
import type { IsoDate } from '../calendar/dates';
import { type Citation, citationLabel, cite } from './core/citation';
import { paramAt, type Validity, type ValidityStatus, validityStatus } from './core/param';
import type { CataloguePolicy, EvalContext, PolicyEvaluation } from './core/policy';
import type { EnterpriseFacts } from './facts';
import { IIFUND_POLICIES } from './iifund/index';
import { MEASURES_2023 } from './measures2023/index';
import { NON_STACKING_CITATION } from './zyb/decide';
import { ZYB_POLICY } from './zyb/policy';

export const CATALOGUE: readonly CataloguePolicy[] = [ZYB_POLICY, ...IIFUND_POLICIES, ...MEASURES_2023];

const BY_ID = new Map(CATALOGUE.map((p) => [p.id, p]));

export function getPolicy(id: string): CataloguePolicy | undefined {
  return BY_ID.get(id);
}

/** Is a policy in force, not yet in force, or expired on a date — with the period and the clause that sets it. */
export function policyValidityAsOf(
  policy: CataloguePolicy,
  asOf: IsoDate,
): { readonly status: ValidityStatus; readonly validity: Validity; readonly citation: Citation } {
  const read = paramAt('validity', policy.validity, asOf);
  return { status: validityStatus(read.value, asOf), validity: read.value, citation: read.citation };
}

/** eligible: all conditions met; to_prove: none failed, some still to prove; ineligible: a condition failed. */
export type MatchOutcome = 'eligible' | 'to_prove' | 'ineligible';

export interface PolicyMatch {
  readonly policy: CataloguePolicy;
  readonly evaluation: PolicyEvaluation;
  readonly outcome: MatchOutcome;
  /** In force at the date and no condition failed. */
  readonly claimable: boolean;
  readonly notes: readonly string[];
  /** Policies that may not fund the same project as this one (listed claimable together). */
  readonly exclusiveWith: readonly string[];
}

/** 江工信工业互联网〔2021〕4号 第九条（二）: the special fund supports only projects without other fiscal support. */
export const NO_OTHER_FISCAL_SUPPORT_CITATION = cite('003', ['第九条', '（二）'], '申报项目未获得过其他财政资金支持');

/** The same kind of project award under 江府〔2023〕11号 措施2 and under the special fund 第八条（一）（二）. */
const MUTUALLY_EXCLUSIVE: readonly (readonly [string, string])[] = [
  ['m2023.benchmark', 'iifund.benchmark'],
  ['m2023.cloud', 'iifund.cloud'],
];

function markExclusive(matches: readonly PolicyMatch[]): void {
  const claimable = new Map(matches.filter((m) => m.claimable).map((m) => [m.policy.id, m]));
  for (const [a, b] of MUTUALLY_EXCLUSIVE) {
    const ma = claimable.get(a);
    const mb = claimable.get(b);
    if (!ma || !mb) continue;
    for (const [self, other] of [
      [ma, mb],
      [mb, ma],
    ] as const) {
      (self.exclusiveWith as string[]).push(other.policy.id);
      (self.notes as string[]).push(
        `与“${other.policy.name}”互斥：同一项目只能择一申请——${citationLabel(NO_OTHER_FISCAL_SUPPORT_CITATION)}要求申报项目未获得过其他财政资金支持`,
      );
    }
  }
}

export interface MatchOptions extends EvalContext {
  /** Also list policies whose conditions fail (default: leave them out). */
  readonly includeIneligible?: boolean;
}

function outcomeOf(ev: PolicyEvaluation): MatchOutcome {
  return ev.eligibility.status === 'eligible'
    ? 'eligible'
    : ev.eligibility.status === 'ineligible'
      ? 'ineligible'
      : 'to_prove';
}

function groupRank(m: PolicyMatch): number {
  const s = m.evaluation.validityStatus;
  if (s === 'in_force') return m.outcome === 'eligible' ? 0 : m.outcome === 'to_prove' ? 1 : 4;
  return s === 'not_yet' ? 2 : 3;
}

/**
 * Lists the policies an enterprise may claim at `asOf`, in force first (met, then to prove), then not yet in
 * force, then expired — each with its estimate and the conditions still to prove. Policies with a failed
 * condition are left out unless `includeIneligible`.
 */
export function matchPolicies(facts: EnterpriseFacts, asOf: IsoDate, options: MatchOptions = {}): PolicyMatch[] {
  const matches: PolicyMatch[] = [];
  for (const policy of CATALOGUE) {
    const evaluation = policy.evaluate(facts, asOf, options);
    const outcome = outcomeOf(evaluation);
    if (outcome === 'ineligible' && !options.includeIneligible) continue;
    matches.push({
      policy,
      evaluation,
      outcome,
      claimable: evaluation.validityStatus === 'in_force' && outcome !== 'ineligible',
      notes: [...(evaluation.notes ?? [])],
      exclusiveWith: [],
    });
  }
  markExclusive(matches);
  const interest = matches.filter((m) => m.claimable && m.policy.interestSubsidy);
  if (interest.length > 1) {
    const names = interest.map((m) => m.policy.name).join('、');
    for (const m of interest)
      (m.notes as string[]).push(
        `${names}均为融资贴息：同一笔贷款按就高不重复原则只享受最高一项（${citationLabel(NON_STACKING_CITATION)}）`,
      );
  }
  const order = new Map(CATALOGUE.map((p, i) => [p.id, i]));
  return matches.sort((a, b) => {
    const g = groupRank(a) - groupRank(b);
    if (g) return g;
    const aa = a.evaluation.estimate.amount;
    const ba = b.evaluation.estimate.amount;
    if (aa !== null && ba !== null && aa !== ba) return aa > ba ? -1 : 1;
    if ((aa === null) !== (ba === null)) return aa === null ? 1 : -1;
    return order.get(a.policy.id)! - order.get(b.policy.id)!;
  });
}
