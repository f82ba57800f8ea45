/**
 * Data scope: which business records an actor may see. Pure; the SQL form lives in
 * `services/enterprises/scope.ts`, and every list and read applies it inside its query.
 *
 *   enterprise user         → records of its own enterprise
 *   district_reviewer       → records whose district is the reviewer's district
 *   city_reviewer, city_admin → everything
 *   bank_officer, insurer_officer → records carrying their institution (loans, their attachments); enterprises
 *                             only through grants that later modules add ("has a loan at my institution")
 *   security_admin, audit_admin, public → nothing: they do not read business data
 *
 * A misconfigured account (a district reviewer without a district, an enterprise user without an enterprise)
 * sees nothing rather than everything.
 */
import type { Actor } from './actor';
import { BUSINESS_READERS } from './business';

export type DataScope =
  | { kind: 'all' }
  | { kind: 'district'; districtCode: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'institution'; institutionId: string }
  | { kind: 'none' };

export function dataScopeOf(actor: Actor | null): DataScope {
  if (!actor) return { kind: 'none' };
  switch (actor.role) {
    case 'city_reviewer':
    case 'city_admin':
      return { kind: 'all' };
    case 'district_reviewer':
      return actor.districtCode ? { kind: 'district', districtCode: actor.districtCode } : { kind: 'none' };
    case 'enterprise':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
    case 'bank_officer':
    case 'insurer_officer':
      return actor.institutionId ? { kind: 'institution', institutionId: actor.institutionId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/**
 * The loans an actor sees: its data scope, with an institution's scope split by the institution's part in a loan —
 * a bank sees the loans it lent (`lender`), an insurer or guarantor the loans it covers (`cover`). The loan list
 * names its title and hides the column every row would repeat by it.
 */
export type LoanScope =
  | Exclude<DataScope, { kind: 'institution' }>
  | { kind: 'lender'; institutionId: string }
  | { kind: 'cover'; institutionId: string };

export function loanScopeOf(actor: Actor | null): LoanScope {
  const scope = dataScopeOf(actor);
  if (scope.kind !== 'institution') return scope;
  return { kind: actor?.role === 'bank_officer' ? 'lender' : 'cover', institutionId: scope.institutionId };
}

/**
 * Whether the actor's role reads business data at all. Routes answer 403 (not 404) to roles that never do —
 * the security and audit administrators — because their refusal depends on the role, not on the record.
 */
export function readsBusinessData(actor: Actor | null): boolean {
  return !!actor && BUSINESS_READERS.includes(actor.role);
}

/** The scope columns a business record carries (copied from its owner where it has one). */
export interface ScopedRecord {
  enterpriseId: string | null;
  districtCode: string | null;
  institutionId: string | null;
}

/** The in-memory form of the rule, for records already loaded (e.g. an owner resolved for an upload). */
export function isInScope(scope: DataScope, rec: ScopedRecord): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'district':
      return rec.districtCode === scope.districtCode;
    case 'enterprise':
      return rec.enterpriseId === scope.enterpriseId;
    case 'institution':
      return rec.institutionId === scope.institutionId;
    case 'none':
      return false;
  }
}

/**
 * The competitive programmes' scope (江工信工业互联网〔2021〕4号): the operator sees the calls its institution runs,
 * the external auditor those it was commissioned to audit, the city everything, an enterprise its own applications,
 * an expert only its own assignments.
 */
export type FundScope =
  | { kind: 'all' }
  | { kind: 'operator'; institutionId: string }
  | { kind: 'auditor'; institutionId: string }
  | { kind: 'enterprise'; enterpriseId: string }
  | { kind: 'expert'; userId: string }
  | { kind: 'none' };

export function fundScopeOf(actor: Actor | null): FundScope {
  if (!actor) return { kind: 'none' };
  switch (actor.role) {
    case 'city_reviewer':
    case 'city_admin':
      return { kind: 'all' };
    case 'fund_operator':
      return actor.institutionId ? { kind: 'operator', institutionId: actor.institutionId } : { kind: 'none' };
    case 'external_auditor':
      return actor.institutionId ? { kind: 'auditor', institutionId: actor.institutionId } : { kind: 'none' };
    case 'enterprise':
      return actor.enterpriseId ? { kind: 'enterprise', enterpriseId: actor.enterpriseId } : { kind: 'none' };
    case 'expert':
      return { kind: 'expert', userId: actor.id };
    default:
      return { kind: 'none' };
  }
}
