/**
 * Scope as SQL, shared by every module: `scopeCondition(actor, columns)` is the condition to put INSIDE a query's
 * WHERE for any table carrying scope columns (enterprise id, district, institution), so a list or read returns only
 * what the actor may see (the rule is `domain/access/scope.ts`); anything else is simply not found (404).
 */
import { type Column, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../domain/access/actor';
import { dataScopeOf } from '../domain/access/scope';

/** Nothing matches. */
export const NONE: SQL = sql`false`;

export interface ScopeColumns {
  enterpriseId?: Column | SQL;
  districtCode?: Column | SQL;
  institutionId?: Column | SQL;
}

function equals(col: Column | SQL, value: string): SQL {
  return sql`${col} = ${value}`;
}

/** WHERE condition for rows that carry scope columns. A scope kind whose column the table lacks matches nothing. */
export function scopeCondition(actor: Actor | null, cols: ScopeColumns): SQL {
  const scope = dataScopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'district':
      return cols.districtCode ? equals(cols.districtCode, scope.districtCode) : NONE;
    case 'enterprise':
      return cols.enterpriseId ? equals(cols.enterpriseId, scope.enterpriseId) : NONE;
    case 'institution':
      return cols.institutionId ? equals(cols.institutionId, scope.institutionId) : NONE;
    case 'none':
      return NONE;
  }
}
