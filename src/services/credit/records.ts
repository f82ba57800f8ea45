/**
 * The credit module's shared kernel: the scope of profiles and warnings (inside every query), the consent
 * condition read at query time (a revocation takes effect on the next read), the banks with exposure to an
 * enterprise, and the module's names.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { creditWarningDeliveries, creditWarnings, enterprises, financingNeeds } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { loanScopeOf } from '../../domain/access/scope';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { NONE } from '../scope';
import { partyScope } from '../workflow';

export const PROFILE = { zh: '企业画像', en: 'Credit profile' };
export const WARNING = { zh: '风险预警', en: 'Risk warning' };

/** The enterprise's consent (on any of its financing needs, part 1) covers the bank — SQL, read on every query. */
export function consentCoversBank(institutionId: string): SQL {
  return sql`exists (select 1 from ${financingNeeds} where ${financingNeeds.enterpriseId} = ${enterprises.id} and (${financingNeeds.consentScope} = 'all' or (${financingNeeds.consentScope} = 'named' and ${institutionId}::uuid = any(${financingNeeds.consentBanks}))))`;
}

/** Profiles an actor may read: its own enterprise, its district, all for the city, a bank under consent. */
export function profileScope(actor: Actor): SQL {
  return partyScope(actor, {
    enterprise: (id) => eq(enterprises.id, id),
    district: (code) => eq(enterprises.districtCode, code),
    lender: consentCoversBank,
  });
}

/** Warnings an actor sees: delivered to its bank or district; the enterprise its own; the city all. */
export function warningScope(actor: Actor): SQL {
  return partyScope(actor, {
    enterprise: (id) => eq(creditWarnings.enterpriseId, id),
    lender: (id) =>
      sql`exists (select 1 from ${creditWarningDeliveries} where ${creditWarningDeliveries.warningId} = ${creditWarnings.id} and ${creditWarningDeliveries.audience} = 'bank' and ${creditWarningDeliveries.institutionId} = ${id})`,
    district: (code) =>
      sql`exists (select 1 from ${creditWarningDeliveries} where ${creditWarningDeliveries.warningId} = ${creditWarnings.id} and ${creditWarningDeliveries.audience} = 'district' and ${creditWarningDeliveries.districtCode} = ${code})`,
  });
}

/** The reader's own delivery of a warning (the one it acknowledges), as a condition on the deliveries table. */
export function ownDelivery(actor: Actor): SQL {
  const s = loanScopeOf(actor);
  if (s.kind === 'lender')
    return and(
      eq(creditWarningDeliveries.audience, 'bank'),
      eq(creditWarningDeliveries.institutionId, s.institutionId),
    )!;
  if (s.kind === 'district')
    return and(
      eq(creditWarningDeliveries.audience, 'district'),
      eq(creditWarningDeliveries.districtCode, s.districtCode),
    )!;
  return NONE;
}

/**
 * The banks with exposure to an enterprise now: an active 政银保 loan with principal still owed, or an open order
 * (pending, accepted or approved) in the financing zone. A loan is named before an order.
 */
export async function banksWithExposure(
  db: DbOrTx,
  enterpriseId: string,
): Promise<{ institutionId: string; exposure: 'loan' | 'order' }[]> {
  const rows = await db.execute(sql`
    select distinct on (institution_id) institution_id, exposure from (
      select l.bank_id as institution_id, 'loan' as exposure, 0 as rank from loans l
       where l.enterprise_id = ${enterpriseId} and l.status = 'active'
         and l.amount_fen > coalesce((select sum(r.principal_paid_fen) from loan_repayments r where r.loan_id = l.id), 0)
      union all
      select o.institution_id, 'order' as exposure, 1 as rank from financing_orders o
       where o.enterprise_id = ${enterpriseId} and o.status in ('pending', 'accepted', 'approved')
    ) x order by institution_id, rank`);
  return rowsOf<{ institution_id: string; exposure: 'loan' | 'order' }>(rows).map((r) => ({
    institutionId: r.institution_id,
    exposure: r.exposure,
  }));
}

/** Rows of `db.execute` on either driver (node-postgres returns `{ rows }`, PGlite too). */
export function rowsOf<T>(r: unknown): T[] {
  if (Array.isArray(r)) return r as T[];
  return ((r as { rows?: T[] }).rows ?? []) as T[];
}

export const todayOf = (now: Date): string => chinaDateOf(now);
