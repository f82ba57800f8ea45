/**
 * Glue between stored applications and the policy engine: builds the engine's facts from plain records and
 * calls `decideZybApplication` once per loan claimed. No rule lives here; the engine computes S = I × R × C,
 * applies the per-enterprise cap and non-stacking, and explains itself.
 *
 * Readings (docs/adr/0008):
 *  - I per loan = the interest the bank recorded as paid in the period, never more than claimed;
 *  - IN = investment at declaration + new investment (申报指南 六（二）); with several loans in one application,
 *    LV is their total, so C = min(1, IN ÷ ΣLV) is the same for each loan and IN is not counted twice;
 *  - the cap is applied loan by loan: each loan sees what the enterprise has already received, including the
 *    application's earlier loans.
 */
import type { IsoDate } from '../calendar/dates';
import type { Fen } from '../money';
import { citationLabel } from '../policies/core/citation';
import { explain } from '../policies/core/trace';
import { FIRST_YEAR_READING } from '../policies/interpretations';
import {
  decideZybApplication,
  type ZybApplicationFacts,
  type ZybCompetingFacts,
  type ZybDecision,
  type ZybDecisionOptions,
  type ZybProjectStatus,
} from '../policies/zyb/index';
import type { InterestPeriod } from '../policies/zyb/versions';
import { interestForClaim, subsidyYearIndex } from './years';

export interface OtherSubsidyRecord {
  readonly loanId: string;
  readonly kind: 'zjtx_credit' | 'ip_pledge';
  readonly amountFen: Fen;
}

export interface LoanClaimRecord {
  readonly loanId: string;
  readonly claimedInterestFen: Fen;
  readonly bankInterestFen: Fen;
  readonly loanAmountFen: Fen;
  readonly disbursedOn: IsoDate;
  /** First campaign year this loan received this subsidy, or null. */
  readonly firstAwardYear: number | null;
}

export interface ApplicationRecord {
  readonly applicationId: string;
  readonly campaignYear: number;
  /** First campaign year the enterprise received this subsidy on any loan, or null (000 第五条 read per enterprise). */
  readonly enterpriseFirstAwardYear?: number | null;
  /** The interest period claimed: the versions of the rules supporting it set the amount's parameters. */
  readonly interestPeriod?: InterestPeriod;
  readonly applicantType: 'manufacturer' | 'service_provider';
  readonly enterpriseOutsideCity: boolean;
  readonly enterpriseHasDistrict: boolean;
  readonly isSme: boolean;
  readonly creditStatus: string;
  readonly inResourcePool: boolean;
  /** The project was numbered by the city (第七条（二）): scope and location passed then. */
  readonly projectNumbered: boolean;
  readonly projectStatusAtDeclaration: string | null;
  readonly projectStartOn: IsoDate;
  readonly projectEndOn: IsoDate;
  readonly declaredOn: IsoDate;
  readonly investmentAtDeclarationFen: Fen;
  readonly newInvestmentFen: Fen;
  readonly loans: readonly LoanClaimRecord[];
  readonly others: readonly OtherSubsidyRecord[];
}

export interface LoanDecision {
  readonly loanId: string;
  readonly yearIndex: number;
  readonly interestUsedFen: Fen;
  readonly awardFen: Fen;
  readonly decision: ZybDecision;
}

export interface ApplicationDecision {
  /** Sum over loans of what this policy awards (after the cap, before the budget). */
  readonly amountFen: Fen;
  /** S before the cap, summed (for the cap's effect). */
  readonly uncappedFen: Fen;
  /** zyb.interest, another policy's id, or 'none'. */
  readonly winner: string;
  readonly winnerName: string;
  readonly status: 'award' | 'ineligible' | 'undetermined' | 'superseded';
  readonly loans: readonly LoanDecision[];
  readonly subsidyYears: Readonly<Record<string, number>>;
}

function projectStatusOf(s: string | null): ZybProjectStatus | null {
  return s === 'planned' || s === 'in_progress' || s === 'completed' ? s : null;
}

function competingFor(loanId: string, others: readonly OtherSubsidyRecord[]): ZybCompetingFacts | undefined {
  const mine = others.filter((o) => o.loanId === loanId);
  if (mine.length === 0) return undefined;
  const zjtx = mine.find((o) => o.kind === 'zjtx_credit');
  const ip = mine.some((o) => o.kind === 'ip_pledge');
  return {
    ...(ip ? { ipPledgeLoan: true, ipPledgeReceivedThisYear: 0n } : {}),
    ...(zjtx ? { zjtxEnterprise: true, commercialCreditLoan: true, zjtxNoticeAmount: zjtx.amountFen } : {}),
  };
}

/** The engine's facts for one loan of an application. */
export function loanFacts(
  app: ApplicationRecord,
  loan: LoanClaimRecord,
  totalLoanAmountFen: Fen,
  receivedSoFarFen: Fen,
): { facts: ZybApplicationFacts; yearIndex: number; interestUsedFen: Fen } {
  const yearIndex = subsidyYearIndex(app.campaignYear, loan.firstAwardYear);
  const enterpriseYearIndex =
    app.enterpriseFirstAwardYear === undefined
      ? undefined
      : subsidyYearIndex(
          app.campaignYear,
          // The enterprise's first year is never later than this loan's own.
          app.enterpriseFirstAwardYear === null || (loan.firstAwardYear ?? Infinity) < app.enterpriseFirstAwardYear
            ? loan.firstAwardYear
            : app.enterpriseFirstAwardYear,
        );
  const { used } = interestForClaim(loan.claimedInterestFen, loan.bankInterestFen);
  const competing = competingFor(loan.loanId, app.others);
  const facts: ZybApplicationFacts = {
    applicantType: app.applicantType,
    registeredInJiangmen: !app.enterpriseOutsideCity,
    operatingInJiangmen: !app.enterpriseOutsideCity && app.enterpriseHasDistrict,
    isSme: app.isSme,
    creditGood: app.creditStatus === 'good',
    inResourcePool: app.inResourcePool,
    projectInScope: app.projectNumbered,
    projectLocationInJiangmen: app.projectNumbered,
    projectStatus: projectStatusOf(app.projectStatusAtDeclaration),
    projectStartOn: app.projectStartOn,
    projectEndOn: app.projectEndOn,
    declaredOn: app.declaredOn,
    loanDisbursedOn: loan.disbursedOn,
    interestPaid: used,
    yearIndex,
    ...(enterpriseYearIndex !== undefined ? { enterpriseYearIndex } : {}),
    digitalInvestment: app.investmentAtDeclarationFen + app.newInvestmentFen,
    loanAmount: totalLoanAmountFen,
    receivedSoFar: receivedSoFarFen,
    ...(competing ? { competing } : {}),
  };
  return { facts, yearIndex, interestUsedFen: used };
}

/** Decides an application loan by loan. `receivedSoFarFen` is the enterprise's use of the cap before it. */
export function decideApplication(
  app: ApplicationRecord,
  receivedSoFarFen: Fen,
  options: ZybDecisionOptions,
): ApplicationDecision {
  const opts: ZybDecisionOptions = app.interestPeriod ? { ...options, interestPeriod: app.interestPeriod } : options;
  const totalLv = app.loans.reduce((s, l) => s + l.loanAmountFen, 0n);
  let received = receivedSoFarFen;
  let amount = 0n;
  let uncapped = 0n;
  const loans: LoanDecision[] = [];
  const years: Record<string, number> = {};
  for (const loan of app.loans) {
    const { facts, yearIndex, interestUsedFen } = loanFacts(app, loan, totalLv, received);
    const decision = decideZybApplication(facts, opts);
    // The year the amount used: per enterprise when the bureau's reading of 000 第五条 says so.
    const perEnterprise = decision.readings.some(
      (r) => r.interpretationId === FIRST_YEAR_READING && r.option === 'per_enterprise',
    );
    const usedYear = perEnterprise && facts.enterpriseYearIndex ? facts.enterpriseYearIndex : yearIndex;
    loans.push({ loanId: loan.loanId, yearIndex: usedYear, interestUsedFen, awardFen: decision.award, decision });
    years[loan.loanId] = usedYear;
    amount += decision.award;
    uncapped += decision.status === 'award' ? decision.subsidy.uncapped : 0n;
    received += decision.award;
  }
  // The application's outcome: awarded if any loan is; otherwise the first loan's reason.
  const awarded = loans.find((l) => l.decision.status === 'award');
  const lead = awarded ?? loans[0]!;
  const chosen = lead.decision.nonStacking.chosen;
  const chosenName = lead.decision.nonStacking.candidates.find((c) => c.policyId === chosen)?.name ?? '无';
  return {
    amountFen: amount,
    uncappedFen: uncapped,
    winner: chosen ?? 'none',
    winnerName: chosenName,
    status: lead.decision.status,
    loans,
    subsidyYears: years,
  };
}

/** The Chinese explanation of an application decision: one block per loan, with the engine's sentences. */
export function explainApplication(d: ApplicationDecision, loanLabels?: ReadonlyMap<string, string>): string[] {
  const lines: string[] = [];
  for (const l of d.loans) {
    if (d.loans.length > 1) lines.push(`【贷款 ${loanLabels?.get(l.loanId) ?? l.loanId}】`);
    lines.push(...explain(l.decision.trace));
  }
  return lines;
}

/** Citations the decision rests on (labels, de-duplicated, in order). */
export function decisionCitations(d: ApplicationDecision): string[] {
  const seen = new Set<string>();
  for (const l of d.loans) {
    for (const p of l.decision.trace.params) seen.add(citationLabel(p.read.citation));
    for (const s of l.decision.trace.steps) if (s.citation) seen.add(citationLabel(s.citation));
  }
  return [...seen];
}
