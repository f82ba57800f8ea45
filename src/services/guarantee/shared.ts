/** What the guarantee use cases share: the acting account, the covered loan in the actor's scope, errors, views. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { enterprises, institutions, loans, projects } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { fenToYuan } from '../../domain/money/index';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { loanScopeCondition } from '../loans';

/** The acting account, allowed `action` by the guarantee table (401 signed out, 403 otherwise). */
export function actorFor(ctx: Ctx, action: BusinessAction): Actor {
  if (!ctx.actor) throw Errors.unauthenticated();
  if (!mayDo(ctx.actor, action)) throw Errors.forbidden();
  return ctx.actor;
}

export const yuan = (f: bigint | null): string | null => (f === null ? null : fenToYuan(f));

export interface StepEntry {
  action: string;
  reason: string | null;
  by: string;
  byName: string;
  at: string;
}

export function stepEntry(ctx: Ctx, action: string, reason: string | null): StepEntry {
  return {
    action,
    reason,
    by: ctx.actor?.id ?? 'system',
    byName: ctx.actor?.name ?? '系统',
    at: ctx.now.toISOString(),
  };
}

/** An active loan in the actor's loan scope (404 outside it), with what the claims snapshot. */
export async function findCoveredLoan(db: DbOrTx, actor: Actor, loanId: string, extra?: SQL) {
  const [row] = await db
    .select({
      id: loans.id,
      contractNo: loans.contractNo,
      enterpriseId: loans.enterpriseId,
      enterpriseName: enterprises.name,
      districtCode: enterprises.districtCode,
      bankId: loans.bankId,
      coverInstitutionId: loans.coverInstitutionId,
      coverKind: loans.coverKind,
      amountFen: loans.amountFen,
      disbursedAt: loans.disbursedAt,
      status: loans.status,
      declarationMonth: projects.declarationMonth,
    })
    .from(loans)
    .innerJoin(enterprises, eq(enterprises.id, loans.enterpriseId))
    .leftJoin(projects, eq(projects.id, loans.projectId))
    .where(and(eq(loans.id, loanId), loanScopeCondition(actor), extra ?? sql`true`))
    .limit(1);
  if (row?.status !== 'active') throw Errors.notFound({ zh: '贷款', en: 'Loan' });
  if (!row.districtCode) {
    throw Errors.unprocessable(
      'NO_DISTRICT',
      '借款企业尚未登记所属县（市、区），无法由县（市、区）核查',
      'No district',
    );
  }
  return { ...row, districtCode: row.districtCode };
}

export async function institutionName(db: DbOrTx, id: string): Promise<{ name: string; kind: string }> {
  const [i] = await db
    .select({ name: institutions.name, kind: institutions.kind })
    .from(institutions)
    .where(eq(institutions.id, id));
  return i ?? { name: id, kind: 'bank' };
}

/** The notice's share parameter for a kind of institution. */
export function shareKeyOf(kind: string): 'bankShare' | 'guarantorShare' | 'insurerShare' {
  return kind === 'guarantor' ? 'guarantorShare' : kind === 'insurer' ? 'insurerShare' : 'bankShare';
}
