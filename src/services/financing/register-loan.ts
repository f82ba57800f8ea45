/**
 * Carrying an approved, disbursed 政银保 order into the loan register without retyping: the bank officer of the
 * order's bank confirms the contract number (and the partner insurer when its product names none); the loan is
 * recorded by the loans module's own use case with the order's enterprise, approved amount, rate and term, the
 * disbursement date and the bank, in the same transaction as the order's audit event. Idempotent: under the
 * order's row lock an order already carried answers its loan (and the database holds one loan per order).
 */
import { eq } from 'drizzle-orm';
import type { TRegisterLoanInput } from '../../contracts/financing';
import { enterprises, financingNeeds, financingProducts, loans, projects } from '../../db/schema';
import type { Purpose } from '../../domain/financing/products';
import { fenToYuan } from '../../domain/money/index';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { Errors, fieldError } from '../errors';
import { recordLoanInTx } from '../loans';
import { onBankOrder, productData } from './records';

/** The register's purposes are fewer: a need for a digital project, R&D or other is a loan for "other". */
const LOAN_PURPOSE: Readonly<Record<Purpose, 'equipment' | 'working_capital' | 'other'>> = {
  equipment: 'equipment',
  working_capital: 'working_capital',
  digital: 'other',
  rd: 'other',
  other: 'other',
};

export async function registerOrderLoan(
  ctx: Ctx,
  id: string,
  input: TRegisterLoanInput,
): Promise<{ orderId: string; loanId: string; contractNo: string; created: boolean }> {
  return onBankOrder(ctx, id, 'financing.order.register_loan', async (tx, o) => {
    const [already] = await tx
      .select({ id: loans.id, contractNo: loans.contractNo })
      .from(loans)
      .where(eq(loans.sourceOrderId, o.id));
    if (already) return { orderId: o.id, loanId: already.id, contractNo: already.contractNo, created: false };

    const [product] = o.productId
      ? await tx.select().from(financingProducts).where(eq(financingProducts.id, o.productId))
      : [];
    const live = product?.live ? productData(product.live) : null;
    if (!live || live.type !== 'zyb')
      throw Errors.conflict(
        'ORDER_NOT_ZYB',
        '只有政银保产品的对接单可以转入贷款登记',
        'Only orders on a 政银保 product are carried into the loan register',
      );
    if (o.status !== 'approved' || o.approvedAmountFen === null || o.approvedRate === null || !o.approvedTermMonths)
      throw Errors.conflict(
        'ORDER_NOT_APPROVED',
        '对接单须已报告授信获批（批准金额、年利率、期限）才能转入贷款登记',
        'The order must be approved first',
      );
    if (!o.disbursedOn)
      throw Errors.conflict(
        'ORDER_NOT_DISBURSED',
        '对接单尚未报告放款日期，放款后才能转入贷款登记',
        'The order has no disbursement date',
      );
    const coverInstitutionId = input.coverInstitutionId ?? live.coverInstitutionId ?? null;
    if (!coverInstitutionId)
      throw fieldError(
        'coverInstitutionId',
        '保险/担保机构',
        '请选择：该政银保产品未指定合作保险/担保机构',
        'is required: the product names none',
      );
    const [row] = await tx
      .select({ uscc: enterprises.uscc, purpose: financingNeeds.purpose, projectNo: projects.libraryNumber })
      .from(financingNeeds)
      .innerJoin(enterprises, eq(enterprises.id, financingNeeds.enterpriseId))
      .leftJoin(projects, eq(projects.id, financingNeeds.projectId))
      .where(eq(financingNeeds.id, o.needId));
    const result = await recordLoanInTx(
      tx,
      ctx,
      {
        enterpriseUscc: row!.uscc,
        contractNo: input.contractNo,
        purpose: LOAN_PURPOSE[row!.purpose as Purpose],
        amount: fenToYuan(o.approvedAmountFen),
        annualRate: o.approvedRate,
        termMonths: o.approvedTermMonths,
        disbursedAt: `${o.disbursedOn}T00:00:00+08:00`,
        coverInstitutionId,
        projectNo: row!.projectNo ?? null,
        remarks: `由融资对接单转入（${product!.name ?? live.name}）`,
      },
      { sourceOrderId: o.id },
    );
    await recordAudit(tx, ctx, {
      action: 'financing_order.loan_registered',
      objectType: 'financing_order',
      objectId: o.id,
      after: { loanId: result.loan.id, contractNo: input.contractNo, coverInstitutionId },
    });
    return { orderId: o.id, loanId: result.loan.id, contractNo: result.loan.contractNo, created: true };
  });
}
