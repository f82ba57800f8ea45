/**
 * A bank (for a loan it lent) or the loan's guarantor/insurer files a risk-compensation claim for a loan in default:
 * default date, outstanding principal and interest, the collection steps with their evidence, what collateral
 * realised. Its share is the notice's share for its kind of institution on the default date; the shares of all
 * claims on the loan together may not pass 100% of the loss.
 */
import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import type { TCreateRiskClaim, TResubmitRiskClaim, TRiskClaim } from '../../contracts/guarantee';
import type { Tx } from '../../db/client';
import { riskClaims } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { guaranteeParam } from '../../domain/guarantee/index';
import { formatPercent, ratio, yuanToFen } from '../../domain/money/index';
import { citationLabel } from '../../domain/policies/core/citation';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { loadRiskClaim } from './read-risk-claims';
import { actorFor, findCoveredLoan, institutionName, shareKeyOf } from './shared';

const RETURNED = ['district_returned', 'city_returned'];

/**
 * Checks what a claim states against its loan and the other claims on it (the shares of all live claims may not pass
 * 100% of the loss) and reads the institution's share from the notice on the default date.
 */
export async function checkRiskFigures(
  tx: Tx,
  ctx: Ctx,
  institutionId: string,
  loan: Awaited<ReturnType<typeof findCoveredLoan>>,
  input: TResubmitRiskClaim,
  exceptClaimId?: string,
) {
  if (input.defaultDate > chinaDateOf(ctx.now))
    throw fieldError('defaultDate', '违约日期', '不能晚于今天', 'cannot be in the future');
  if (input.defaultDate < chinaDateOf(loan.disbursedAt)) {
    throw fieldError('defaultDate', '违约日期', '不能早于放款日', 'cannot precede the disbursement');
  }
  const principal = yuanToFen(input.outstandingPrincipal);
  if (principal > loan.amountFen)
    throw fieldError('outstandingPrincipal', '未偿本金', '不能超过贷款金额', 'exceeds the loan');
  const loss = principal + yuanToFen(input.outstandingInterest);
  const collateral = yuanToFen(input.collateralRealised);
  if (loss <= 0n) throw fieldError('outstandingPrincipal', '未偿本金', '与未偿利息合计须大于 0', 'no loss');
  if (collateral >= loss) {
    throw fieldError(
      'collateralRealised',
      '抵质押物处置及其他已回收',
      '不小于未偿本息，没有损失可补偿',
      'no loss is left',
    );
  }
  const kind = (await institutionName(tx, institutionId)).kind;
  const shareParam = guaranteeParam(shareKeyOf(kind), input.defaultDate);
  const share = ratio(shareParam.value);
  const others = await tx
    .select({ share: riskClaims.share })
    .from(riskClaims)
    .where(
      and(
        eq(riskClaims.loanId, loan.id),
        notInArray(riskClaims.status, RETURNED),
        exceptClaimId ? ne(riskClaims.id, exceptClaimId) : sql`true`,
      ),
    );
  const total = others.reduce((acc, o) => {
    const r = ratio(o.share);
    return { num: acc.num * r.den + r.num * acc.den, den: acc.den * r.den };
  }, share);
  if (total.num > total.den) {
    throw Errors.unprocessable(
      'SHARES_ABOVE_WHOLE',
      `该笔贷款已有其他机构申请补偿，各机构补偿比例合计将达${formatPercent(total)}，超过实际损失的100%（${citationLabel(shareParam.citation)}）`,
      'The shares on this loan would pass 100%',
    );
  }
  return { principal, loss, collateral, kind, share: shareParam.value };
}

export async function submitRiskClaim(ctx: Ctx, input: TCreateRiskClaim): Promise<TRiskClaim> {
  const actor = actorFor(ctx, 'guarantee.risk.claim');
  const institutionId = actor.institutionId!;
  return inTx(ctx, async (tx) => {
    const loan = await findCoveredLoan(tx, actor, input.loanId);
    const { principal, loss, collateral, kind, share } = await checkRiskFigures(tx, ctx, institutionId, loan, input);
    const [row] = await tx
      .insert(riskClaims)
      .values({
        loanId: loan.id,
        enterpriseId: loan.enterpriseId,
        districtCode: loan.districtCode,
        institutionId,
        institutionKind: kind,
        defaultDate: input.defaultDate,
        outstandingPrincipalFen: principal,
        outstandingInterestFen: yuanToFen(input.outstandingInterest),
        collateralRealisedFen: collateral,
        lossFen: loss,
        share,
        collectionSteps: input.collectionSteps,
        evidence: input.evidence,
        submittedBy: actor.id,
      })
      .onConflictDoNothing()
      .returning({ id: riskClaims.id });
    if (!row)
      throw Errors.conflict(
        'RISK_CLAIM_DUPLICATE',
        '本机构已就该笔贷款提交风险补偿申请，不能重复申请',
        'A claim exists',
      );
    await recordAudit(tx, ctx, {
      action: 'guarantee.risk_claim_submitted',
      objectType: 'risk_claim',
      objectId: row.id,
      after: { loanId: loan.id, lossFen: String(loss), collateralFen: String(collateral), share },
    });
    return (await loadRiskClaim(tx, actor, row.id))!;
  });
}
