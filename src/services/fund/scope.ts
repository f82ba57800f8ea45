/**
 * What each role sees of the competitive programmes (`fundScopeOf`), as conditions inside the queries (outside →
 * 404): the operator the calls its institution runs, the external auditor those it audits (第十条（四）), the city
 * everything, an enterprise approved calls and its own applications (never another's scores), an expert only the
 * applications assigned to it and only after declaring no conflict.
 */
import { type SQL, sql } from 'drizzle-orm';
import { fundApplications, fundAssignments, fundCalls, fundExperts } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { fundScopeOf } from '../../domain/access/scope';
import { NONE } from '../scope';

export function callScope(actor: Actor | null): SQL {
  const s = fundScopeOf(actor);
  switch (s.kind) {
    case 'all':
      return sql`true`;
    case 'operator':
      return sql`${fundCalls.operatorInstitutionId} = ${s.institutionId}`;
    case 'auditor':
      return sql`${fundCalls.auditInstitutionId} = ${s.institutionId}`;
    case 'enterprise':
      return sql`${fundCalls.state} <> 'draft'`;
    default:
      return NONE;
  }
}

/** Applications the actor sees (the query joins `fund_calls` on the application's call). */
export function applicationScope(actor: Actor | null): SQL {
  const s = fundScopeOf(actor);
  switch (s.kind) {
    case 'enterprise':
      return sql`${fundApplications.enterpriseId} = ${s.enterpriseId}`;
    case 'expert':
      return sql`exists (select 1 from ${fundAssignments} a join ${fundExperts} x on x.id = a.expert_id
        where a.application_id = ${fundApplications.id} and x.user_id = ${s.userId}
        and a.status in ('declared_clear', 'scored'))`;
    default:
      return callScope(actor);
  }
}

/** Assignments of the signed-in expert (none for anyone else). */
export function ownAssignments(actor: Actor | null): SQL {
  const s = fundScopeOf(actor);
  if (s.kind !== 'expert') return NONE;
  return sql`${fundAssignments.expertId} in (select id from ${fundExperts} where user_id = ${s.userId})`;
}
