/**
 * Scope by the actor's part in lending (`loanScopeOf`), as SQL inside the query: the city sees all, an enterprise,
 * a district and a lending bank see the part the caller names for them, anyone else nothing (outside scope → 404).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/access/actor';
import { loanScopeOf } from '../../domain/access/scope';
import { NONE } from '../scope';

export interface PartyScopes {
  enterprise?: (enterpriseId: string) => SQL;
  district?: (districtCode: string) => SQL;
  lender?: (institutionId: string) => SQL;
}

export function partyScope(actor: Actor, parts: PartyScopes): SQL {
  const s = loanScopeOf(actor);
  if (s.kind === 'all') return sql`true`;
  if (s.kind === 'enterprise' && parts.enterprise) return parts.enterprise(s.enterpriseId);
  if (s.kind === 'district' && parts.district) return parts.district(s.districtCode);
  if (s.kind === 'lender' && parts.lender) return parts.lender(s.institutionId);
  return NONE;
}
