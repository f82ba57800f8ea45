/** Risk-compensation claims as each actor may see them (scoped in the query; outside the scope → 404). */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { TRiskClaim } from '../../contracts/guarantee';
import type { DbOrTx, Tx } from '../../db/client';
import { enterprises, institutions, loans, riskClaims, riskRecoveries } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { guaranteeParam } from '../../domain/guarantee/index';
import { yuanToFen } from '../../domain/money/index';
import { type Ctx, inTx } from '../context';
import { type Bilingual, Errors } from '../errors';
import { auditedRows, lockInScope } from '../workflow';
import { riskClaimScope } from './scope';
import { actorFor, type StepEntry, yuan } from './shared';

function base(db: DbOrTx) {
  return db
    .select({
      claim: riskClaims,
      contractNo: loans.contractNo,
      enterpriseName: enterprises.name,
      institutionName: institutions.name,
    })
    .from(riskClaims)
    .innerJoin(loans, eq(loans.id, riskClaims.loanId))
    .innerJoin(enterprises, eq(enterprises.id, riskClaims.enterpriseId))
    .innerJoin(institutions, eq(institutions.id, riskClaims.institutionId));
}

type RiskClaimRow = typeof riskClaims.$inferSelect;

type Row = Awaited<ReturnType<ReturnType<typeof base>['limit']>>[number];

async function views(db: DbOrTx, rows: Row[]): Promise<TRiskClaim[]> {
  const ids = rows.map((r) => r.claim.id);
  const recs = ids.length
    ? await db
        .select()
        .from(riskRecoveries)
        .where(inArray(riskRecoveries.claimId, ids))
        .orderBy(asc(riskRecoveries.createdAt))
    : [];
  return rows.map(({ claim: c, contractNo, enterpriseName, institutionName }) => {
    const threshold = yuanToFen(guaranteeParam('secondApprovalAbove', c.defaultDate).value);
    return {
      id: c.id,
      loanId: c.loanId,
      contractNo,
      enterpriseName,
      districtCode: c.districtCode,
      institutionId: c.institutionId,
      institutionName,
      institutionKind: c.institutionKind,
      defaultDate: c.defaultDate,
      outstandingPrincipal: yuan(c.outstandingPrincipalFen)!,
      outstandingInterest: yuan(c.outstandingInterestFen)!,
      collateralRealised: yuan(c.collateralRealisedFen)!,
      loss: yuan(c.lossFen)!,
      share: c.share,
      collectionSteps: c.collectionSteps,
      evidence: c.evidence as string[],
      status: c.status as TRiskClaim['status'],
      compensation: yuan(c.compensationFen),
      netLoss: yuan(c.netLossFen),
      recoveredAfter: yuan(c.recoveredAfterFen)!,
      returned: yuan(c.returnedFen)!,
      explanation: c.explanation ? c.explanation.split('\n') : [],
      needsSecondApprover: c.compensationFen !== null && c.compensationFen > threshold,
      steps: (c.steps as StepEntry[]).map((s) => ({ action: s.action, reason: s.reason, byName: s.byName, at: s.at })),
      recoveries: recs
        .filter((r) => r.claimId === c.id)
        .map((r) => ({
          id: r.id,
          receivedOn: r.receivedOn,
          reportedOn: r.reportedOn,
          amount: yuan(r.amountFen)!,
          returned: yuan(r.returnedFen)!,
          overdue: r.overdue,
          explanation: r.explanation,
        })),
    };
  });
}

export async function loadRiskClaim(db: DbOrTx, actor: Actor, id: string): Promise<TRiskClaim | null> {
  const rows = await base(db)
    .where(and(eq(riskClaims.id, id), riskClaimScope(actor)))
    .limit(1);
  return rows.length ? (await views(db, rows))[0]! : null;
}

export async function getRiskClaim(ctx: Ctx, id: string): Promise<TRiskClaim> {
  const actor = actorFor(ctx, 'guarantee.risk.read');
  const c = await loadRiskClaim(ctx.deps.db, actor, id);
  if (!c) throw Errors.notFound({ zh: '风险补偿申请', en: 'Risk-compensation claim' });
  return c;
}

export async function listRiskClaims(ctx: Ctx): Promise<{ items: TRiskClaim[] }> {
  const actor = actorFor(ctx, 'guarantee.risk.read');
  const rows = await base(ctx.deps.db).where(riskClaimScope(actor)).orderBy(desc(riskClaims.createdAt)).limit(500);
  return { items: await views(ctx.deps.db, rows) };
}

/** The claim in the actor's scope, locked for the caller's transaction (404 outside the scope). */
export function lockRiskClaim(tx: Tx, actor: Actor, id: string) {
  return lockInScope(tx, riskClaims, id, riskClaimScope(actor), { zh: '风险补偿申请', en: 'Risk-compensation claim' });
}

/**
 * A step only the institution that filed the claim may take (`action`): in one transaction, the claim locked in the
 * actor's scope (404 outside it) and filed by the actor (403 for the district or the city, who see it too); answers
 * the claim as the step leaves it.
 */
export function onFiledRiskClaim(
  ctx: Ctx,
  id: string,
  action: BusinessAction,
  refusal: Bilingual,
  step: (tx: Tx, claim: RiskClaimRow, actor: Actor) => Promise<void>,
): Promise<TRiskClaim> {
  const actor = actorFor(ctx, action);
  return inTx(ctx, async (tx) => {
    const c = await lockRiskClaim(tx, actor, id);
    if (!mayDo(actor, action, { enterpriseId: null, institutionId: c.institutionId })) {
      throw Errors.forbidden(refusal.zh, refusal.en);
    }
    await step(tx, c, actor);
    return (await loadRiskClaim(tx, actor, id))!;
  });
}

/** Risk claims' writes, each with its audit event. */
export const riskClaimRows = auditedRows(riskClaims, 'risk_claim');
