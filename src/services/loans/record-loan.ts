/**
 * A bank records one 政银保 loan (江工信工业互联网〔2023〕33号 第七条（三）贷款申请, 第十条 three-party information
 * exchange). Idempotent on (bank, contract number): repeating the same record answers the existing loan.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { TCreateLoanParsed, TRecordLoanResult } from '../../contracts/loans';
import type { Tx } from '../../db/client';
import { loans } from '../../db/schema';
import type { LoanPurpose } from '../../domain/loans/params';
import { type LoanTerms, sameLoanTerms, validateLoanTerms } from '../../domain/loans/validate';
import { parseAnnualRate, toChinaIso } from '../../domain/loans/values';
import { fenToYuan, yuanToFen } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { createdByOf } from './lifecycle-guard';
import {
  bankOf,
  type FieldProblem,
  findCover,
  findEnterpriseByUscc,
  findProjectsByNumber,
  loanProblem,
  lockBank,
  termColumns,
  validationFailed,
} from './shared';
import { loadLoanDetail } from './view';

export async function recordLoan(ctx: Ctx, input: TCreateLoanParsed): Promise<TRecordLoanResult> {
  return inTx(ctx, (tx) => recordLoanInTx(tx, ctx, input));
}

/**
 * The same use case inside the caller's transaction: another module's state change that creates a register loan
 * (an approved financing-zone order carried over, `sourceOrderId`) commits with the loan or not at all.
 */
export async function recordLoanInTx(
  tx: Tx,
  ctx: Ctx,
  input: TCreateLoanParsed,
  origin: { sourceOrderId: string | null } = { sourceOrderId: null },
): Promise<TRecordLoanResult> {
  const bankId = bankOf(ctx.actor, 'loan.record');
  const rate = parseAnnualRate(input.annualRate);
  if (!rate.ok) throw validationFailed([loanProblem('annualRate', rate.zh, rate.en)]);
  const terms: LoanTerms = {
    contractNo: input.contractNo,
    purpose: input.purpose,
    amountFen: yuanToFen(input.amount),
    annualRate: rate.value,
    termMonths: input.termMonths,
    disbursedAt: new Date(input.disbursedAt),
  };
  const projectNo = input.projectNo ?? null;
  const remarks = input.remarks || null;

  {
    await lockBank(tx, bankId);
    const problems: FieldProblem[] = validateLoanTerms(terms, ctx.now).map((p) => loanProblem(p.field, p.zh, p.en));
    const enterprise = await findEnterpriseByUscc(tx, input.enterpriseUscc);
    if (!enterprise) {
      problems.push(
        loanProblem(
          'enterpriseUscc',
          `为 ${input.enterpriseUscc} 的企业未在平台登记，请企业先完成注册`,
          `no enterprise with code ${input.enterpriseUscc} is registered`,
        ),
      );
    }
    const cover = await findCover(tx, input.coverInstitutionId, problems);
    let projectId: string | null = null;
    if (projectNo) {
      const [p] = await findProjectsByNumber(tx, [projectNo]);
      if (!p) {
        problems.push(
          loanProblem(
            'project',
            `“${projectNo}”不存在：须为已通过入库核实并获得编号的项目`,
            'no such numbered project',
          ),
        );
      } else if (enterprise && p.enterpriseId !== enterprise.id) {
        problems.push(loanProblem('project', `“${projectNo}”不属于该借款企业`, 'belongs to another enterprise'));
      } else projectId = p.id;
    }
    if (problems.length || !enterprise || !cover) throw validationFailed(problems);

    const [existing] = await tx
      .select()
      .from(loans)
      .where(and(eq(loans.bankId, bankId), eq(loans.contractNo, terms.contractNo), eq(loans.status, 'active')))
      .limit(1);
    if (existing) {
      const same =
        sameLoanTerms({ ...existing, purpose: existing.purpose as LoanPurpose }, terms) &&
        existing.enterpriseId === enterprise.id &&
        existing.coverInstitutionId === cover.id &&
        existing.projectId === projectId &&
        existing.sourceOrderId === origin.sourceOrderId;
      if (!same) {
        throw Errors.conflict(
          'LOAN_CONTRACT_EXISTS',
          `本行已登记合同编号为“${terms.contractNo}”的贷款，内容与本次提交不一致；已登记的贷款不能重复登记`,
          `A loan with contract number "${terms.contractNo}" is already recorded with different content`,
          { loanId: existing.id },
        );
      }
      const loan = await loadLoanDetail(tx, existing.id, sql`true`);
      return { created: false, loan: loan! };
    }

    const [row] = await tx
      .insert(loans)
      .values({
        bankId,
        ...termColumns(terms),
        enterpriseId: enterprise.id,
        coverInstitutionId: cover.id,
        coverKind: cover.kind,
        projectId,
        remarks,
        sourceOrderId: origin.sourceOrderId,
        ...createdByOf(ctx),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: loans.id });
    await recordAudit(tx, ctx, {
      action: 'loan.recorded',
      objectType: 'loan',
      objectId: row!.id,
      after: {
        bankId,
        contractNo: terms.contractNo,
        enterpriseId: enterprise.id,
        enterpriseUscc: input.enterpriseUscc,
        coverInstitutionId: cover.id,
        projectId,
        purpose: terms.purpose,
        amount: fenToYuan(terms.amountFen),
        annualRate: terms.annualRate,
        termMonths: terms.termMonths,
        disbursedAt: toChinaIso(terms.disbursedAt),
        via: ctx.actor?.via ?? 'session',
        ...(origin.sourceOrderId ? { sourceOrderId: origin.sourceOrderId } : {}),
      },
    });
    const loan = await loadLoanDetail(tx, row!.id, sql`true`);
    return { created: true, loan: loan! };
  }
}
