/**
 * Bulk import of loans and repayments from an .xlsx or CSV file (web upload or bank system). The whole file is
 * checked first; it is imported entirely, in one transaction with one audit event, or refused with every
 * row-level error (sheet, row, column, reason) and nothing written. Idempotent: the file's SHA-256 is recorded
 * per bank (the same file again changes nothing), and rows whose natural key exists with identical content
 * (bank + contract number; loan + period) are skipped. Imports of one bank are serialised by an advisory lock,
 * so concurrent uploads of the same file cannot duplicate anything.
 */

import { createHash } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TImportResult } from '../../contracts/loans';
import type { Tx } from '../../db/client';
import { enterprises, institutions, loanImportBatches, loanRepayments, loans } from '../../db/schema';
import { describeUsccProblems, normalizeUscc, validateUscc } from '../../domain/enterprise/uscc';
import {
  type ExistingLoan,
  type ImportError,
  type ImportPlan,
  type ImportRefs,
  type KnownCover,
  type KnownProject,
  parseLoanSheet,
  parseRepaymentSheet,
  planImport,
} from '../../domain/loans/import';
import { effectiveMaturity } from '../../domain/loans/lifecycle';
import type { LoanPurpose } from '../../domain/loans/params';
import { toChinaIso } from '../../domain/loans/values';
import { fenToYuan } from '../../domain/money/money';
import { sanitizeFileName } from '../../domain/text/file-name';
import { type AuditInput, recordAudit, recordAuditMany } from '../audit';
import { type Ctx, inTx } from '../context';
import { AppError } from '../errors';
import { createdByOf } from './lifecycle-guard';
import { readImportFile } from './read-import-file';
import { bankOf, findProjectsByNumber, lockBank } from './shared';

/** Errors listed in an answer; the rest are counted. */
const MAX_LISTED_ERRORS = 500;
const INSERT_CHUNK = 500;

export interface ImportInput {
  bytes: Uint8Array;
  fileName: string;
  dryRun: boolean;
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function rejected(base: Omit<TImportResult, 'status' | 'errors' | 'errorCount'>, errors: ImportError[]): AppError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map((e) => ({
    sheet: e.sheet,
    row: e.row,
    column: e.column,
    reason: e.reason,
  }));
  const result: TImportResult = { ...base, status: 'rejected', errors: listed, errorCount: errors.length };
  const head = errors
    .slice(0, 3)
    .map((e) => (e.row > 0 ? `“${e.sheet}”表第 ${e.row} 行${e.reason}` : e.reason))
    .join('；');
  return new AppError(
    'IMPORT_REJECTED',
    422,
    {
      zh: `导入文件有 ${errors.length} 处错误，未导入任何数据：${head}${errors.length > 3 ? '……' : ''}`,
      en: `The file has ${errors.length} error(s); nothing was imported`,
    },
    [],
    result as unknown as Record<string, unknown>,
  );
}

async function loadRefs(
  tx: Tx,
  bankId: string,
  loanRows: { enterpriseUscc: string; contractNo: string; projectNo: string | null }[],
  repaymentContracts: string[],
): Promise<ImportRefs> {
  const codes = [...new Set(loanRows.map((r) => normalizeUscc(r.enterpriseUscc)).filter((c) => validateUscc(c).ok))];
  const ents = codes.length
    ? await tx
        .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name })
        .from(enterprises)
        .where(inArray(enterprises.uscc, codes))
    : [];
  const insts = await tx.select().from(institutions);
  const covers = new Map<string, KnownCover>();
  const others = new Set<string>();
  for (const i of insts) {
    if ((i.kind === 'insurer' || i.kind === 'guarantor') && i.active) {
      const c: KnownCover = { id: i.id, kind: i.kind, name: i.name };
      covers.set(i.name, c);
      if (!covers.has(i.shortName)) covers.set(i.shortName, c);
    } else {
      others.add(i.name);
      others.add(i.shortName);
    }
  }
  const projectNos = [...new Set(loanRows.map((r) => r.projectNo).filter((p): p is string => !!p))];
  const projectRows = await findProjectsByNumber(tx, projectNos);
  const projects = new Map<string, KnownProject>(
    projectRows.map((p) => [p.libraryNumber, { id: p.id, enterpriseId: p.enterpriseId, numbered: true }]),
  );
  const contracts = [...new Set([...loanRows.map((r) => r.contractNo), ...repaymentContracts])];
  const existingLoans = new Map<string, ExistingLoan>();
  if (contracts.length) {
    const rows: (typeof loans.$inferSelect)[] = [];
    for (const part of chunks(contracts, 1000)) {
      rows.push(
        ...(await tx
          .select()
          .from(loans)
          .where(and(eq(loans.bankId, bankId), inArray(loans.contractNo, part), eq(loans.status, 'active')))),
      );
    }
    const reps: (typeof loanRepayments.$inferSelect)[] = [];
    for (const part of chunks(
      rows.map((r) => r.id),
      1000,
    )) {
      reps.push(
        ...(await tx
          .select()
          .from(loanRepayments)
          .where(inArray(loanRepayments.loanId, part))
          .orderBy(asc(loanRepayments.periodNo))),
      );
    }
    for (const l of rows) {
      existingLoans.set(l.contractNo, {
        id: l.id,
        contractNo: l.contractNo,
        purpose: l.purpose as LoanPurpose,
        amountFen: l.amountFen,
        annualRate: l.annualRate,
        termMonths: l.termMonths,
        disbursedAt: l.disbursedAt,
        disbursedOn: l.disbursedOn,
        maturityDate: effectiveMaturity(l),
        enterpriseId: l.enterpriseId,
        coverInstitutionId: l.coverInstitutionId,
        projectId: l.projectId,
        repayments: reps
          .filter((r) => r.loanId === l.id)
          .map((r) => ({
            periodNo: r.periodNo,
            dueDate: r.dueDate,
            paidDate: r.paidDate,
            principalFen: r.principalPaidFen,
            interestFen: r.interestPaidFen,
          })),
      });
    }
  }
  return {
    enterprises: new Map(ents.map((e) => [e.uscc, { id: e.id, name: e.name }])),
    usccProblem: (code) => {
      const r = validateUscc(code);
      return r.ok ? null : { zh: describeUsccProblems(r.problems, 'zh'), en: describeUsccProblems(r.problems, 'en') };
    },
    normalizeUscc,
    covers,
    otherInstitutions: others,
    projects,
    projectsAvailable: true,
    existingLoans,
  };
}

async function persist(tx: Tx, ctx: Ctx, bankId: string, plan: ImportPlan, batchId: string): Promise<void> {
  const createdBy = ctx.actor?.via === 'session' ? ctx.actor.id : null;
  const createdVia = ctx.actor?.via ?? 'session';
  const loanIds = new Map<string, string>();
  for (const part of chunks(plan.loansToCreate, INSERT_CHUNK)) {
    const rows = await tx
      .insert(loans)
      .values(
        part.map((l) => ({
          bankId,
          contractNo: l.contractNo,
          enterpriseId: l.enterpriseId,
          coverInstitutionId: l.coverInstitutionId,
          coverKind: l.coverKind,
          projectId: l.projectId,
          purpose: l.purpose,
          amountFen: l.amountFen,
          annualRate: l.annualRate,
          termMonths: l.termMonths,
          disbursedAt: l.disbursedAt,
          disbursedOn: l.disbursedOn,
          maturityDate: l.maturityDate,
          remarks: l.remarks,
          importBatchId: batchId,
          createdBy,
          createdVia,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      )
      .returning({ id: loans.id, contractNo: loans.contractNo });
    for (const r of rows) loanIds.set(r.contractNo, r.id);
  }
  const repaymentIds: { id: string; loanId: string; periodNo: number }[] = [];
  for (const part of chunks(plan.repaymentsToCreate, INSERT_CHUNK)) {
    const rows = await tx
      .insert(loanRepayments)
      .values(
        part.map((r) => ({
          loanId: r.loanId ?? loanIds.get(r.contractNo)!,
          periodNo: r.periodNo,
          dueDate: r.dueDate,
          paidDate: r.paidDate,
          principalPaidFen: r.principalFen,
          interestPaidFen: r.interestFen,
          importBatchId: batchId,
          createdBy,
          createdVia,
          createdAt: ctx.now,
        })),
      )
      .returning({ id: loanRepayments.id, loanId: loanRepayments.loanId, periodNo: loanRepayments.periodNo });
    repaymentIds.push(...rows);
  }
  // One audit event per imported record, so each loan and repayment traces back to its batch (appended in bulk).
  const events: AuditInput[] = [];
  for (const l of plan.loansToCreate) {
    events.push({
      action: 'loan.imported',
      objectType: 'loan',
      objectId: loanIds.get(l.contractNo)!,
      after: {
        importBatchId: batchId,
        bankId,
        contractNo: l.contractNo,
        enterpriseId: l.enterpriseId,
        coverInstitutionId: l.coverInstitutionId,
        projectId: l.projectId,
        purpose: l.purpose,
        amount: fenToYuan(l.amountFen),
        annualRate: l.annualRate,
        termMonths: l.termMonths,
        disbursedAt: toChinaIso(l.disbursedAt),
        via: createdVia,
      },
    });
  }
  const storedBy = new Map(repaymentIds.map((r) => [`${r.loanId}|${r.periodNo}`, r]));
  for (const r of plan.repaymentsToCreate) {
    const stored = storedBy.get(`${r.loanId ?? loanIds.get(r.contractNo)}|${r.periodNo}`)!;
    events.push({
      action: 'loan.repayment_imported',
      objectType: 'loan',
      objectId: stored.loanId,
      after: {
        importBatchId: batchId,
        repaymentId: stored.id,
        contractNo: r.contractNo,
        periodNo: r.periodNo,
        dueDate: r.dueDate,
        paidDate: r.paidDate,
        principalPaid: fenToYuan(r.principalFen),
        interestPaid: fenToYuan(r.interestFen),
        via: createdVia,
      },
    });
  }
  await recordAuditMany(tx, ctx, events);
  const touched = [...new Set(plan.repaymentsToCreate.map((r) => r.loanId).filter((id): id is string => !!id))];
  for (const part of chunks(touched, 1000)) {
    await tx.update(loans).set({ updatedAt: ctx.now }).where(inArray(loans.id, part));
  }
}

export async function importLoans(ctx: Ctx, input: ImportInput): Promise<TImportResult> {
  const bankId = bankOf(ctx.actor, 'loan.import');
  const fileSha256 = createHash('sha256').update(input.bytes).digest('hex');
  const fileName = sanitizeFileName(input.fileName) || '未命名文件';
  const file = await readImportFile(input.bytes, fileName);
  const base = {
    fileName,
    fileSha256,
    format: file.format,
    batchId: null,
    loansCreated: 0,
    loansUnchanged: 0,
    repaymentsCreated: 0,
    repaymentsUnchanged: 0,
    importedAt: null,
  };
  if (file.errors.length) throw rejected(base, file.errors);

  const parseErrors: ImportError[] = [];
  const loanRows = file.loans ? parseLoanSheet(file.loans, parseErrors) : [];
  const repaymentRows = file.repayments ? parseRepaymentSheet(file.repayments, parseErrors) : [];
  const dataRows = (file.loans?.rows.length ?? 0) + (file.repayments?.rows.length ?? 0);
  if (parseErrors.length === 0 && loanRows.length === 0 && repaymentRows.length === 0) {
    throw rejected(base, [
      {
        sheet: '文件',
        row: 0,
        column: null,
        reason: dataRows ? '文件中没有可导入的数据行' : '文件中没有数据行：请从表头下一行开始填写',
        reasonEn: 'The file has no data rows',
      },
    ]);
  }

  return inTx(ctx, async (tx) => {
    await lockBank(tx, bankId);
    const [prior] = await tx
      .select()
      .from(loanImportBatches)
      .where(and(eq(loanImportBatches.bankId, bankId), eq(loanImportBatches.fileSha256, fileSha256)))
      .limit(1);
    if (prior) {
      return {
        ...base,
        status: 'already_imported' as const,
        batchId: prior.id,
        loansCreated: 0,
        loansUnchanged: prior.loansCreated + prior.loansUnchanged,
        repaymentsCreated: 0,
        repaymentsUnchanged: prior.repaymentsCreated + prior.repaymentsUnchanged,
        errors: [],
        errorCount: 0,
        importedAt: prior.createdAt.toISOString(),
      };
    }
    const refs = await loadRefs(
      tx,
      bankId,
      loanRows,
      repaymentRows.map((r) => r.contractNo),
    );
    const plan = planImport(loanRows, repaymentRows, refs, ctx.now, parseErrors);
    if (plan.errors.length) throw rejected(base, plan.errors);
    const counts = {
      loansCreated: plan.loansToCreate.length,
      loansUnchanged: plan.loansUnchanged,
      repaymentsCreated: plan.repaymentsToCreate.length,
      repaymentsUnchanged: plan.repaymentsUnchanged,
    };
    if (input.dryRun) return { ...base, ...counts, status: 'checked' as const, errors: [], errorCount: 0 };

    const [batch] = await tx
      .insert(loanImportBatches)
      .values({
        bankId,
        fileSha256,
        fileName,
        format: file.format,
        ...counts,
        ...createdByOf(ctx),
        createdAt: ctx.now,
      })
      .returning({ id: loanImportBatches.id });
    await recordAudit(tx, ctx, {
      action: 'loan.import_completed',
      objectType: 'loan_import_batch',
      objectId: batch!.id,
      after: {
        bankId,
        fileName,
        fileSha256,
        format: file.format,
        ...counts,
        contractNos: plan.loansToCreate.slice(0, 200).map((l) => l.contractNo),
        via: ctx.actor?.via ?? 'session',
      },
    });
    await persist(tx, ctx, bankId, plan, batch!.id);
    return {
      ...base,
      ...counts,
      status: 'imported' as const,
      batchId: batch!.id,
      errors: [],
      errorCount: 0,
      importedAt: ctx.now.toISOString(),
    };
  });
}
