/**
 * What the modules that change the records call inside their own transaction, so a warning is raised (or closed)
 * exactly when its cause is committed: credit standing, repayments, extensions and cancellations of 政银保 loans,
 * project spot checks, acceptance of funded projects, clawbacks, and declarations decided by the city.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { projectDeclarations } from '../../db/schema';
import { creditWarningParam } from '../../domain/credit/params';
import { causeKey, isLate, warningDraft } from '../../domain/credit/warnings';
import { fenToYuan } from '../../domain/money/index';
import type { Ctx } from '../context';
import { closeWarnings, principalRepaid, raiseWarning } from './raise-warning';
import { todayOf } from './records';

const CREDIT_NAMES: Record<string, string> = {
  good: '良好',
  abnormal: '经营异常名录',
  dishonest: '严重违法失信名单',
};

/** The enterprise's credit standing changed (set by the city administrator). */
export async function creditStandingChanged(
  tx: Tx,
  ctx: Ctx,
  c: { enterpriseId: string; from: string; to: string; source: string; asOf: string },
): Promise<void> {
  if (c.from !== c.to) {
    const stale = c.to === 'good' ? (['credit_abnormal', 'credit_dishonest'] as const) : null;
    const kinds = stale ?? (c.to === 'abnormal' ? (['credit_dishonest'] as const) : (['credit_abnormal'] as const));
    await closeWarnings(tx, ctx, kinds, { subjectId: c.enterpriseId }, `信用状况改为${CREDIT_NAMES[c.to] ?? c.to}`);
  }
  if (c.to !== 'abnormal' && c.to !== 'dishonest') return;
  const kind = c.to === 'abnormal' ? 'credit_abnormal' : 'credit_dishonest';
  await raiseWarning(
    tx,
    ctx,
    c.enterpriseId,
    warningDraft(
      kind,
      c.enterpriseId,
      causeKey(kind, c.enterpriseId, c.asOf, ctx.now.toISOString()),
      `信用状况由“${CREDIT_NAMES[c.from] ?? c.from}”变为“${CREDIT_NAMES[c.to]}”（来源：${c.source}，信息日期${c.asOf}）。`,
    ),
    { oncePerSubject: true },
  );
}

export interface LoanFacts {
  id: string;
  enterpriseId: string;
  bankId: string;
  contractNo: string;
  amountFen: bigint;
}

/** A repayment period was recorded: late → a warning; on time → an earlier late warning closes; repaid → closes. */
export async function repaymentRecorded(
  tx: Tx,
  ctx: Ctx,
  loan: LoanFacts,
  r: { id: string; periodNo: number; dueDate: string; paidDate: string },
): Promise<void> {
  if (isLate(r.dueDate, r.paidDate)) {
    await raiseWarning(
      tx,
      ctx,
      loan.enterpriseId,
      warningDraft(
        'repayment_late',
        loan.id,
        causeKey('repayment_late', r.id),
        `政银保贷款（合同${loan.contractNo}）第${r.periodNo}期应还日期${r.dueDate}，实还日期${r.paidDate}，逾期还款。`,
      ),
      { bankId: loan.bankId },
    );
  } else {
    await closeWarnings(tx, ctx, ['repayment_late'], { subjectId: loan.id }, `第${r.periodNo}期已按期还款`);
  }
  if ((await principalRepaid(tx, loan.id)) >= loan.amountFen)
    await closeWarnings(tx, ctx, ['repayment_missing', 'loan_extended'], { subjectId: loan.id }, '贷款本金已还清');
}

/** A loan was extended (展期): a warning; the maturity moved, so a missing-repayment warning closes. */
export async function loanExtended(
  tx: Tx,
  ctx: Ctx,
  loan: LoanFacts,
  e: { seq: number; previousMaturity: string; newMaturity: string; agreementNo: string },
): Promise<void> {
  await closeWarnings(tx, ctx, ['repayment_missing'], { subjectId: loan.id }, `贷款已展期至${e.newMaturity}`);
  await raiseWarning(
    tx,
    ctx,
    loan.enterpriseId,
    warningDraft(
      'loan_extended',
      loan.id,
      causeKey('loan_extended', loan.id, String(e.seq)),
      `政银保贷款（合同${loan.contractNo}，${fenToYuan(loan.amountFen)}元）第${e.seq}次展期（协议${e.agreementNo}），到期日由${e.previousMaturity}延至${e.newMaturity}。`,
    ),
    { bankId: loan.bankId },
  );
}

/** A loan was cancelled as recorded in error: its warnings close. */
export async function loanCancelled(tx: Tx, ctx: Ctx, loanId: string): Promise<void> {
  await closeWarnings(
    tx,
    ctx,
    ['repayment_late', 'repayment_missing', 'loan_extended'],
    { subjectId: loanId },
    '贷款已作废（登记有误）',
  );
}

/** A district closed a spot check of a library project. */
export async function spotCheckClosed(
  tx: Tx,
  ctx: Ctx,
  c: {
    checkId: string;
    projectId: string;
    enterpriseId: string;
    projectName: string;
    libraryNumber: string;
    outcome: string;
    findings: string;
  },
): Promise<void> {
  if (c.outcome === 'compliant') {
    await closeWarnings(tx, ctx, ['spot_check_failed'], { subjectId: c.projectId }, '此后抽查结论为符合');
    return;
  }
  if (c.outcome !== 'non_compliant') return;
  await raiseWarning(
    tx,
    ctx,
    c.enterpriseId,
    warningDraft(
      'spot_check_failed',
      c.projectId,
      causeKey('spot_check_failed', c.checkId),
      `入库项目“${c.projectName}”（${c.libraryNumber}）抽查结论为不符合：${c.findings}。`,
    ),
  );
}

/** The operator recorded the acceptance of a funded project (验收). */
export async function acceptanceRecorded(
  tx: Tx,
  ctx: Ctx,
  a: { applicationId: string; enterpriseId: string; projectName: string; outcome: string },
): Promise<void> {
  if (a.outcome !== 'fail') return;
  await raiseWarning(
    tx,
    ctx,
    a.enterpriseId,
    warningDraft(
      'acceptance_failed',
      a.applicationId,
      causeKey('acceptance_failed', a.applicationId),
      `专项资金项目“${a.projectName}”验收不通过，已取消资金安排。`,
    ),
  );
}

/** The bureau opened a clawback of funds (追缴). */
export async function clawbackOpened(
  tx: Tx,
  ctx: Ctx,
  c: { clawbackId: string; enterpriseId: string; projectName: string; amountFen: bigint; dueOn: string | null },
): Promise<void> {
  await raiseWarning(
    tx,
    ctx,
    c.enterpriseId,
    warningDraft(
      'grant_clawed_back',
      c.clawbackId,
      causeKey('grant_clawed_back', c.clawbackId),
      `专项资金项目“${c.projectName}”经抽查认定资金使用违规，追缴${fenToYuan(c.amountFen)}元${c.dueOn ? `，限${c.dueOn}前缴回` : ''}。`,
    ),
  );
}

/** A clawback was repaid in full: its warning closes. */
export async function clawbackSettled(tx: Tx, ctx: Ctx, clawbackId: string): Promise<void> {
  await closeWarnings(tx, ctx, ['grant_clawed_back'], { subjectId: clawbackId }, '追缴款项已全部收回');
}

/** The city decided a declaration: the second rejection raises a warning; an approval closes it. */
export async function declarationDecided(
  tx: Tx,
  ctx: Ctx,
  d: { enterpriseId: string; approved: boolean; name: string },
): Promise<void> {
  if (d.approved) {
    await closeWarnings(
      tx,
      ctx,
      ['declaration_rejected_twice'],
      { subjectId: d.enterpriseId },
      `申报“${d.name}”已获批入库`,
    );
    return;
  }
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projectDeclarations)
    .where(and(eq(projectDeclarations.enterpriseId, d.enterpriseId), eq(projectDeclarations.state, 'rejected')));
  const n = r?.n ?? 0;
  const threshold = creditWarningParam('rejectionsForWarning', todayOf(ctx.now)).value;
  if (n < threshold) return;
  await raiseWarning(
    tx,
    ctx,
    d.enterpriseId,
    warningDraft(
      'declaration_rejected_twice',
      d.enterpriseId,
      causeKey('declaration_rejected_twice', d.enterpriseId, String(n)),
      `项目库申报已${n}次未通过市级复核（最近一次：“${d.name}”）。`,
    ),
    { oncePerSubject: true },
  );
}
