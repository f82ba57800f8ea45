/**
 * The recording bank corrects a loan's recorded facts (更正) with a reason: contract number, purpose, amount, rate,
 * term, disbursement time, insurer/guarantor, financed project, remarks. Same checks as recording, plus: the
 * repayments already recorded must still fit, and an extended maturity must stay after the contract's. Refused
 * once the loan is claimed by a subsidy application, when cancelled, or when the version is stale (409).
 * The change is kept as a correction record and an audit event with before/after of the changed fields.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import type { TCorrectLoanParsed, TLoanDetail } from '../../contracts/loans';
import { loanCorrections, loanRepayments, loans, projects } from '../../db/schema';
import { repaymentsFitLoan, termCapSource, termMonthsTo } from '../../domain/loans/lifecycle';
import { type LoanPurpose, PURPOSE_RULES } from '../../domain/loans/params';
import { type LoanTerms, loanDates, validateLoanTerms } from '../../domain/loans/validate';
import { chinaDateOf, formatRate, parseAnnualRate, toChinaIso } from '../../domain/loans/values';
import { fenToYuan, yuanToFen } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { byOf, loadLoanForChange, updateLoanVersion } from './lifecycle-guard';
import { loanScopeCondition } from './scope';
import {
  type FieldProblem,
  findCover,
  findInstitution,
  findProjectsByNumber,
  loanProblem,
  termColumns,
  validationFailed,
} from './shared';
import { loadLoanDetail } from './view';

export async function correctLoan(ctx: Ctx, loanId: string, input: TCorrectLoanParsed): Promise<TLoanDetail> {
  let rate: string | undefined;
  if (input.annualRate !== undefined) {
    const r = parseAnnualRate(input.annualRate);
    if (!r.ok) throw validationFailed([loanProblem('annualRate', r.zh, r.en)]);
    rate = r.value;
  }
  return inTx(ctx, async (tx) => {
    const { bankId, loan } = await loadLoanForChange(tx, ctx, loanId, input.version, '更正', 'loan.correct');
    const terms: LoanTerms = {
      contractNo: input.contractNo ?? loan.contractNo,
      purpose: input.purpose ?? (loan.purpose as LoanPurpose),
      amountFen: input.amount !== undefined ? yuanToFen(input.amount) : loan.amountFen,
      annualRate: rate ?? loan.annualRate,
      termMonths: input.termMonths ?? loan.termMonths,
      disbursedAt: input.disbursedAt !== undefined ? new Date(input.disbursedAt) : loan.disbursedAt,
    };
    const remarks = input.remarks === undefined ? loan.remarks : input.remarks || null;
    const problems: FieldProblem[] = validateLoanTerms(terms, ctx.now).map((p) => loanProblem(p.field, p.zh, p.en));

    if (terms.contractNo !== loan.contractNo) {
      const [clash] = await tx
        .select({ id: loans.id })
        .from(loans)
        .where(
          and(
            eq(loans.bankId, bankId),
            eq(loans.contractNo, terms.contractNo),
            eq(loans.status, 'active'),
            ne(loans.id, loan.id),
          ),
        )
        .limit(1);
      if (clash) {
        problems.push(
          loanProblem('contractNo', `“${terms.contractNo}”已是本行另一笔贷款的合同编号`, 'is used by another loan'),
        );
      }
    }

    let cover = { id: loan.coverInstitutionId, kind: loan.coverKind, name: '' };
    const coverChanged = input.coverInstitutionId !== undefined && input.coverInstitutionId !== loan.coverInstitutionId;
    if (coverChanged) {
      const c = await findCover(tx, input.coverInstitutionId!, problems);
      if (c) cover = { id: c.id, kind: c.kind, name: c.name };
    }

    let projectId = loan.projectId;
    let projectNo: string | null = null;
    if (loan.projectId) {
      const [p] = await tx
        .select({ no: projects.libraryNumber })
        .from(projects)
        .where(eq(projects.id, loan.projectId))
        .limit(1);
      projectNo = p?.no ?? null;
    }
    const oldProjectNo = projectNo;
    if (input.projectNo !== undefined && (input.projectNo ?? null) !== oldProjectNo) {
      if (!input.projectNo) {
        projectId = null;
        projectNo = null;
      } else {
        const [p] = await findProjectsByNumber(tx, [input.projectNo]);
        if (!p) {
          problems.push(
            loanProblem(
              'project',
              `“${input.projectNo}”不存在：须为已通过入库核实并获得编号的项目`,
              'no such numbered project',
            ),
          );
        } else if (p.enterpriseId !== loan.enterpriseId) {
          problems.push(
            loanProblem('project', `“${input.projectNo}”不属于该借款企业`, 'belongs to another enterprise'),
          );
        } else {
          projectId = p.id;
          projectNo = p.libraryNumber;
        }
      }
    }

    const dates = loanDates(terms.disbursedAt, terms.termMonths);
    const maturity = loan.extendedMaturityDate ?? dates.maturityDate;
    if (problems.length === 0) {
      if (loan.extendedMaturityDate) {
        if (dates.maturityDate >= loan.extendedMaturityDate) {
          problems.push(
            loanProblem(
              'termMonths',
              `更正后的合同到期日 ${dates.maturityDate} 不早于已登记展期的到期日 ${loan.extendedMaturityDate}`,
              'the corrected contract maturity is not before the extended maturity',
            ),
          );
        }
        const rule = PURPOSE_RULES[terms.purpose];
        const extendedTerm = termMonthsTo(dates.disbursedOn, loan.extendedMaturityDate);
        if (extendedTerm > rule.maxTermMonths) {
          problems.push(
            loanProblem(
              'purpose',
              `展期后贷款期限为 ${extendedTerm} 个月，超过${rule.zh}期限最长 ${rule.maxTermMonths} 个月${termCapSource(terms.purpose)}`,
              `the extended term of ${extendedTerm} months exceeds the ${rule.maxTermMonths}-month cap`,
            ),
          );
        }
      }
      const reps = await tx
        .select()
        .from(loanRepayments)
        .where(eq(loanRepayments.loanId, loan.id))
        .orderBy(asc(loanRepayments.periodNo));
      const fit = repaymentsFitLoan(
        {
          amountFen: terms.amountFen,
          annualRate: terms.annualRate,
          disbursedOn: dates.disbursedOn,
          maturityDate: maturity,
        },
        reps.map((r) => ({
          periodNo: r.periodNo,
          dueDate: r.dueDate,
          paidDate: r.paidDate,
          principalFen: r.principalPaidFen,
          interestFen: r.interestPaidFen,
        })),
        chinaDateOf(ctx.now),
      );
      for (const p of fit) problems.push(loanProblem(p.field, p.zh, p.en));
    }
    if (problems.length) throw validationFailed(problems);

    // What changed, in API form.
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const diff = (key: string, a: unknown, b: unknown) => {
      if (a !== b) {
        before[key] = a;
        after[key] = b;
      }
    };
    diff('contractNo', loan.contractNo, terms.contractNo);
    diff('purpose', loan.purpose, terms.purpose);
    diff('amount', fenToYuan(loan.amountFen), fenToYuan(terms.amountFen));
    diff('annualRate', formatRate(loan.annualRate), formatRate(terms.annualRate));
    diff('termMonths', loan.termMonths, terms.termMonths);
    diff('disbursedAt', toChinaIso(loan.disbursedAt), toChinaIso(terms.disbursedAt));
    if (cover.id !== loan.coverInstitutionId) {
      const old = await findInstitution(tx, loan.coverInstitutionId);
      before.coverInstitution = old?.name ?? loan.coverInstitutionId;
      after.coverInstitution = cover.name;
      before.coverInstitutionId = loan.coverInstitutionId;
      after.coverInstitutionId = cover.id;
    }
    diff('project', oldProjectNo, projectNo);
    diff('remarks', loan.remarks, remarks);
    if (Object.keys(after).length === 0) {
      throw Errors.badRequest(
        'NO_CHANGE',
        '提交的内容与当前登记的贷款信息一致，没有需要更正的内容',
        'Nothing differs from the recorded loan',
      );
    }

    const version = await updateLoanVersion(tx, ctx, loan, {
      ...termColumns(terms),
      coverInstitutionId: cover.id,
      coverKind: cover.kind,
      projectId,
      remarks,
    });
    await tx.insert(loanCorrections).values({
      loanId: loan.id,
      version,
      reason: input.reason,
      before,
      after,
      ...byOf(ctx),
      createdAt: ctx.now,
    });
    await recordAudit(tx, ctx, {
      action: 'loan.corrected',
      objectType: 'loan',
      objectId: loan.id,
      before: { ...before, version: loan.version },
      after: { ...after, version, reason: input.reason, via: ctx.actor?.via ?? 'session' },
    });
    const detail = await loadLoanDetail(tx, loan.id, loanScopeCondition(ctx.actor));
    return detail!;
  });
}
