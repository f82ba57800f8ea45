/** Helpers shared by the loan use cases: the per-bank lock, reference look-ups, validation errors. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db/client';
import { enterprises, institutions, projects } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { type LoanField, type LoanTerms, loanDates } from '../../domain/loans/validate';
import type { AppError } from '../errors';
import { Errors } from '../errors';
import { fieldProblemsError } from '../kit';

/** Serialises writes of one bank's loans (single records and imports) so natural-key checks cannot race. */
export const LOAN_BANK_LOCK = 7300101;

export async function lockBank(tx: Tx, bankId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOAN_BANK_LOCK}, hashtext(${bankId}))`);
}

/** The loan actions a bank performs (the loan table's writes). */
export type LoanWriteAction =
  | 'loan.record'
  | 'loan.import'
  | 'loan.repay'
  | 'loan.correct'
  | 'loan.cancel'
  | 'loan.extend';

/**
 * The bank an actor writes loans for: a bank officer (web session or bank system token) of an institution,
 * allowed `action` by the loan table.
 */
export function bankOf(actor: Actor | null, action: LoanWriteAction): string {
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, action) || !actor.institutionId) {
    throw Errors.forbidden('只有合作银行人员或银行系统接口可以登记贷款和还款', 'Only partner banks record loans');
  }
  return actor.institutionId;
}

export interface FieldProblem {
  path: string;
  label: string;
  zh: string;
  en: string;
}

/** One 400 naming every rejected field, in the same shape as schema validation errors. */
const LABELS: Record<LoanField, { path: string; label: string }> = {
  enterpriseUscc: { path: 'enterpriseUscc', label: '借款企业统一社会信用代码' },
  enterpriseName: { path: 'enterpriseUscc', label: '借款企业' },
  contractNo: { path: 'contractNo', label: '贷款合同编号' },
  purpose: { path: 'purpose', label: '贷款用途' },
  amount: { path: 'amount', label: '贷款金额' },
  annualRate: { path: 'annualRate', label: '年利率' },
  termMonths: { path: 'termMonths', label: '贷款期限（月）' },
  disbursedAt: { path: 'disbursedAt', label: '放款时间' },
  coverInstitution: { path: 'coverInstitutionId', label: '保险/担保机构' },
  project: { path: 'projectNo', label: '入库项目编号' },
  remarks: { path: 'remarks', label: '备注' },
};

/** A refusal of one field of a recorded or corrected loan, named as the form names it. */
export function loanProblem(field: LoanField, zh: string, en: string): FieldProblem {
  return { ...LABELS[field], zh, en };
}

export function validationFailed(problems: readonly FieldProblem[]): AppError {
  return fieldProblemsError(problems, { zh: '输入有误：', en: 'Invalid input: ' });
}

export async function findEnterpriseByUscc(db: DbOrTx, uscc: string) {
  const [e] = await db
    .select({ id: enterprises.id, name: enterprises.name, districtCode: enterprises.districtCode })
    .from(enterprises)
    .where(eq(enterprises.uscc, uscc))
    .limit(1);
  return e ?? null;
}

export async function findInstitution(db: DbOrTx, id: string) {
  const [i] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  return i ?? null;
}

/**
 * The loan's cover: an active insurer or financing guarantor (政银保), or null with the refusal added to `problems`.
 */
export async function findCover(db: DbOrTx, id: string, problems: FieldProblem[]) {
  const cover = await findInstitution(db, id);
  if (!cover?.active) {
    problems.push(loanProblem('coverInstitution', '不存在或已停用', 'does not exist or is inactive'));
    return null;
  }
  if (cover.kind !== 'insurer' && cover.kind !== 'guarantor') {
    problems.push(
      loanProblem('coverInstitution', `“${cover.name}”不是保险公司或融资性担保公司`, 'is not an insurer or guarantor'),
    );
    return null;
  }
  return cover;
}

export async function findProjectsByNumber(db: DbOrTx, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .select({ id: projects.id, libraryNumber: projects.libraryNumber, enterpriseId: projects.enterpriseId })
    .from(projects)
    .where(inArray(projects.libraryNumber, [...numbers]));
}

/** Active partner insurers and guarantors, for forms, templates and imports. */
export async function listCoverInstitutions(db: DbOrTx) {
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      shortName: institutions.shortName,
      kind: institutions.kind,
    })
    .from(institutions)
    .where(and(inArray(institutions.kind, ['insurer', 'guarantor']), eq(institutions.active, true)))
    .orderBy(institutions.kind, institutions.name) as Promise<
    { id: string; name: string; shortName: string; kind: 'insurer' | 'guarantor' }[]
  >;
}

/** The columns a loan's terms are stored in, with the dates they imply (disbursement day, contract maturity). */
export function termColumns(terms: LoanTerms) {
  return {
    contractNo: terms.contractNo,
    purpose: terms.purpose,
    amountFen: terms.amountFen,
    annualRate: terms.annualRate,
    termMonths: terms.termMonths,
    disbursedAt: terms.disbursedAt,
    ...loanDates(terms.disbursedAt, terms.termMonths),
  };
}
