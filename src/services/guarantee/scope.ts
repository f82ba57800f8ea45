/**
 * Who sees which guarantee claims, as SQL inside the query (outside the scope → 404):
 *   fee claims: enterprise → its own · insurer/guarantor → loans it covers · bank → loans it lent ·
 *   district → its district · city → all.
 *   risk claims: bank / insurer / guarantor → the claims it filed · district → its district · city → all ·
 *   enterprises see none (the claim is the institution's).
 */
import { type SQL, sql } from 'drizzle-orm';
import { guaranteeFeeClaims, riskClaims } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { loanScopeOf } from '../../domain/access/scope';
import { scopeCondition } from '../scope';

export function feeClaimScope(actor: Actor | null): SQL {
  const scope = loanScopeOf(actor);
  if (scope.kind === 'lender') return sql`${guaranteeFeeClaims.bankId} = ${scope.institutionId}`;
  if (scope.kind === 'cover') return sql`${guaranteeFeeClaims.coverInstitutionId} = ${scope.institutionId}`;
  return scopeCondition(actor, {
    enterpriseId: guaranteeFeeClaims.enterpriseId,
    districtCode: guaranteeFeeClaims.districtCode,
  });
}

export function riskClaimScope(actor: Actor | null): SQL {
  return scopeCondition(actor, { districtCode: riskClaims.districtCode, institutionId: riskClaims.institutionId });
}
