/** Fee-subsidy claims as each actor may see them (scoped in the query; outside the scope → 404). */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { TFeeClaim } from '../../contracts/guarantee';
import type { DbOrTx, Tx } from '../../db/client';
import { enterprises, guaranteeFeeClaims, loans } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { auditedRows, lockInScope } from '../workflow';
import { feeClaimScope } from './scope';
import { actorFor, type StepEntry, yuan } from './shared';

const COLUMNS = {
  claim: guaranteeFeeClaims,
  contractNo: loans.contractNo,
  enterpriseName: enterprises.name,
};

type Row = { claim: typeof guaranteeFeeClaims.$inferSelect; contractNo: string; enterpriseName: string };

function view(r: Row): TFeeClaim {
  const c = r.claim;
  return {
    id: c.id,
    year: c.year,
    loanId: c.loanId,
    contractNo: r.contractNo,
    enterpriseName: r.enterpriseName,
    districtCode: c.districtCode,
    claimant: c.claimant as TFeeClaim['claimant'],
    periodFrom: c.periodFrom,
    periodTo: c.periodTo,
    feePaid: yuan(c.feePaidFen)!,
    guaranteedAmount: yuan(c.guaranteedAmountFen)!,
    vouchers: c.vouchers as string[],
    otherSubsidies: c.otherSubsidies as TFeeClaim['otherSubsidies'],
    requested: yuan(c.requestedFen)!,
    awarded: yuan(c.awardedFen),
    status: c.status as TFeeClaim['status'],
    explanation: c.explanation.split('\n'),
    reviews: (c.reviews as StepEntry[]).map((s) => ({
      action: s.action,
      reasons: s.reason ? s.reason.split('\n') : [],
      byName: s.byName,
      at: s.at,
    })),
    submittedAt: c.submittedAt.toISOString(),
  };
}

function base(db: DbOrTx) {
  return db
    .select(COLUMNS)
    .from(guaranteeFeeClaims)
    .innerJoin(loans, eq(loans.id, guaranteeFeeClaims.loanId))
    .innerJoin(enterprises, eq(enterprises.id, guaranteeFeeClaims.enterpriseId));
}

export async function loadFeeClaim(db: DbOrTx, actor: Actor, id: string): Promise<TFeeClaim | null> {
  const [r] = await base(db)
    .where(and(eq(guaranteeFeeClaims.id, id), feeClaimScope(actor)))
    .limit(1);
  return r ? view(r) : null;
}

export async function getFeeClaim(ctx: Ctx, id: string): Promise<TFeeClaim> {
  const actor = actorFor(ctx, 'guarantee.fee.read');
  const c = await loadFeeClaim(ctx.deps.db, actor, id);
  if (!c) throw Errors.notFound({ zh: '担保费补贴申请', en: 'Fee-subsidy claim' });
  return c;
}

export async function listFeeClaims(ctx: Ctx, q: { year?: number | undefined } = {}): Promise<{ items: TFeeClaim[] }> {
  const actor = actorFor(ctx, 'guarantee.fee.read');
  const rows = await base(ctx.deps.db)
    .where(and(feeClaimScope(actor), q.year ? eq(guaranteeFeeClaims.year, q.year) : sql`true`))
    .orderBy(desc(guaranteeFeeClaims.submittedAt))
    .limit(500);
  return { items: rows.map(view) };
}

/** The claim in the actor's scope, locked for the caller's transaction (404 outside the scope). */
export function lockFeeClaim(tx: Tx, actor: Actor, id: string) {
  return lockInScope(tx, guaranteeFeeClaims, id, feeClaimScope(actor), {
    zh: '担保费补贴申请',
    en: 'Fee-subsidy claim',
  });
}

/** Fee claims' writes, each with its audit event. */
export const feeClaimRows = auditedRows(guaranteeFeeClaims, 'guarantee_fee_claim');

/** The enterprise's fee subsidy awarded in the year (what its yearly cap has used). */
export async function feeAwardedThisYear(db: DbOrTx, enterpriseId: string, year: number): Promise<bigint> {
  const [r] = await db
    .select({ s: sql<string>`coalesce(sum(${guaranteeFeeClaims.awardedFen}), 0)::text` })
    .from(guaranteeFeeClaims)
    .where(and(eq(guaranteeFeeClaims.enterpriseId, enterpriseId), eq(guaranteeFeeClaims.year, year)));
  return BigInt(r?.s ?? '0');
}
