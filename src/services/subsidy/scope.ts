/**
 * Which applications an actor may see, as SQL inside the query: the enterprise its own; a district reviewer its
 * district; city roles all; a bank the applications claiming interest on its loans (read-only). Anything else
 * is not found (404).
 */
import { type SQL, sql } from 'drizzle-orm';
import { subsidyApplicationLoans, subsidyApplications } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { dataScopeOf } from '../../domain/access/scope';
import { NONE, scopeCondition } from '../scope';

export function applicationScope(actor: Actor | null): SQL {
  const scope = dataScopeOf(actor);
  if (scope.kind === 'institution') {
    if (actor?.role !== 'bank_officer') return NONE;
    return sql`exists (select 1 from ${subsidyApplicationLoans} sal where sal.application_id = ${subsidyApplications.id} and sal.bank_id = ${scope.institutionId})`;
  }
  return scopeCondition(actor, {
    enterpriseId: subsidyApplications.enterpriseId,
    districtCode: subsidyApplications.districtCode,
  });
}
