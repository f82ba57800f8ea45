/**
 * Scope as SQL: conditions to put INSIDE a query's WHERE so a list or read can only return what the actor may see
 * (see `domain/access/scope.ts` for the rule). Objects outside the scope are then simply not found (404).
 *
 * - `scopeCondition(actor, columns)` — for any table carrying scope columns (enterprise id, district, institution),
 *   e.g. attachments, declarations, loans.
 * - `visibleEnterprisesCondition(actor, { extra })` — "enterprises this actor may see". Later modules widen it for
 *   banks/insurers either per query (`extra`) or once for every enterprise read (`registerEnterpriseGrant`), e.g.
 *   `registerEnterpriseGrant('loans', (actor) => actor.institutionId
 *      ? sql`exists (select 1 from loans l where l.enterprise_id = ${enterprises.id} and l.institution_id = ${actor.institutionId})`
 *      : undefined)`.
 *   Grants and `extra` are never applied to roles that do not read business data (security/audit admin, public).
 */
import { or, type SQL } from 'drizzle-orm';
import { enterprises } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { readsBusinessData } from '../../domain/access/scope';
import { NONE, scopeCondition } from '../scope';

/** A grant widens enterprise visibility for some actors; it returns undefined when it grants nothing. */
export type EnterpriseGrant = (actor: Actor) => SQL | undefined;

const grants = new Map<string, EnterpriseGrant>();

/** Registers (or replaces) a named grant applied to every enterprise list and read. */
export function registerEnterpriseGrant(name: string, grant: EnterpriseGrant): void {
  grants.set(name, grant);
}

export function unregisterEnterpriseGrant(name: string): void {
  grants.delete(name);
}

/** WHERE condition over `enterprises` for "enterprises this actor may see". */
export function visibleEnterprisesCondition(actor: Actor | null, opts: { extra?: SQL | readonly SQL[] } = {}): SQL {
  if (!actor || !readsBusinessData(actor)) return NONE;
  const base = scopeCondition(actor, { enterpriseId: enterprises.id, districtCode: enterprises.districtCode });
  const widen: SQL[] = [];
  for (const g of grants.values()) {
    const c = g(actor);
    if (c) widen.push(c);
  }
  if (opts.extra) widen.push(...(Array.isArray(opts.extra) ? opts.extra : [opts.extra as SQL]));
  if (widen.length === 0) return base;
  return or(base, ...widen)!;
}
