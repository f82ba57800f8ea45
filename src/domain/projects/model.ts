/**
 * A declaration's content as the domain sees it: plain values, money in fen (bigint), dates as ISO strings.
 * A draft may be incomplete (nulls); `submissionProblems` says what submission still needs.
 */
import type { IsoDate } from '../calendar/dates';
import type { AssessmentLevel, DeclarationForm, ProjectStatus } from './forms';

export interface ServiceContract {
  /** Stable id of the contract row (absent before it is saved). */
  readonly id?: string;
  /** The service provider's 统一社会信用代码. */
  readonly providerUscc: string;
  readonly providerName: string;
  readonly contractNumber: string;
  readonly amountFen: bigint;
  readonly signedOn: IsoDate;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  /** The provider leading the project (牵头); at most one contract. */
  readonly isLead: boolean;
  /** The signed contract file. */
  readonly attachmentId: string | null;
}

export interface DeclaredLoan {
  /** The partner bank (institutions.id); banks see declarations whose loan is with them. */
  readonly bankId: string | null;
  readonly contractNumber: string | null;
  readonly amountFen: bigint | null;
  /** Disbursement date (放款日期). */
  readonly disbursedOn: IsoDate | null;
  readonly maturityOn: IsoDate | null;
  /** A loan the bank has already recorded on the platform, when the applicant picked it. */
  readonly loanId: string | null;
}

export interface InvestmentLine {
  readonly item: string;
  readonly amountFen: bigint;
}

export interface DeclarationContent {
  readonly form: DeclarationForm;
  readonly name: string | null;
  readonly content: string | null;
  readonly categories: readonly string[];
  /** A Jiangmen district code, 'outside', or null (not yet given). */
  readonly siteDistrictCode: string | null;
  readonly siteAddress: string | null;
  readonly startDate: IsoDate | null;
  readonly endDate: IsoDate | null;
  readonly projectStatus: ProjectStatus | null;
  readonly investments: readonly InvestmentLine[];
  /** Investment already made at declaration (入库申报时的已有投入). */
  readonly investmentMadeFen: bigint | null;
  readonly assessmentLevel: AssessmentLevel | null;
  readonly assessmentDate: IsoDate | null;
  readonly hasLoan: boolean;
  readonly loan: DeclaredLoan | null;
  readonly contracts: readonly ServiceContract[];
}

export function plannedTotalFen(d: Pick<DeclarationContent, 'investments'>): bigint {
  return d.investments.reduce((s, l) => s + l.amountFen, 0n);
}
