/**
 * Who sees which loans, as SQL inside the query (objects outside the scope are simply not found → 404):
 *   bank_officer → loans of its bank · insurer_officer → loans its institution covers (insurer or guarantor)
 *   enterprise → its own loans · district_reviewer → loans of enterprises in its district
 *   city_reviewer, city_admin → all · security_admin, audit_admin, public → none.
 * The query must join `enterprises` on `loans.enterprise_id` (the district lives on the enterprise).
 */
import { type SQL, sql } from 'drizzle-orm';
import { enterprises, loans } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { dataScopeOf } from '../../domain/access/scope';
import { registerEnterpriseGrant } from '../enterprises';
import { NONE } from '../scope';

export function loanScopeCondition(actor: Actor | null): SQL {
  const scope = dataScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'district':
      return sql`${enterprises.districtCode} = ${scope.districtCode}`;
    case 'enterprise':
      return sql`${loans.enterpriseId} = ${scope.enterpriseId}`;
    case 'institution':
      return actor?.role === 'bank_officer'
        ? sql`${loans.bankId} = ${scope.institutionId}`
        : sql`${loans.coverInstitutionId} = ${scope.institutionId}`;
    case 'none':
      return NONE;
  }
}

/**
 * Banks and insurers/guarantors may see the enterprises they have a loan with (enterprise lists and reads).
 * Registered once when this module loads; the enterprises module applies it to every enterprise query.
 */
registerEnterpriseGrant('loans', (actor) => {
  if (!actor.institutionId) return undefined;
  if (actor.role === 'bank_officer') {
    return sql`exists (select 1 from ${loans} where ${loans.enterpriseId} = ${enterprises.id} and ${loans.bankId} = ${actor.institutionId})`;
  }
  if (actor.role === 'insurer_officer') {
    return sql`exists (select 1 from ${loans} where ${loans.enterpriseId} = ${enterprises.id} and ${loans.coverInstitutionId} = ${actor.institutionId})`;
  }
  return undefined;
});
