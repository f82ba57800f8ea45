/**
 * An enterprise applies for the interest subsidy on a numbered project (第七条（四）补贴申请; 申报指南 六（一）):
 * the loans and the interest period, the vouchers, the investment made since declaration (IN = at declaration +
 * new, 六（二）), progress, and other interest subsidies the same loans receive (第十四条). Interest claimed is set
 * beside what the bank recorded; a difference is kept for the reviewers.
 *
 * One submission per request: a retry with the same idempotency key (or the same application id) returns the
 * first result; two requests at once are kept apart by unique indexes (key, campaign + project, campaign + loan).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { TOtherSubsidyInput, TSubmitApplication } from '../../contracts/subsidy';
import type { Tx } from '../../db/client';
import {
  attachments,
  loans,
  subsidyApplicationLoans,
  subsidyApplications,
  subsidyOtherSubsidies,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import { yuanToFen } from '../../domain/money';
import { chinaDateOf } from '../../domain/subsidy/notice';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { bankInterestByLoan } from './bank-interest';
import { loadCampaign } from './campaigns';
import { loadApplicantProject } from './project-lookup';

export const APPLICATION_OWNER_TYPE = 'subsidy_application';
export const VOUCHER_KINDS = { repayment: 'repayment_voucher', expenditure: 'expenditure_voucher' } as const;

export interface SubmitResult {
  id: string;
  /** True when this request replayed an earlier one (same idempotency key or id). */
  replayed: boolean;
}

export interface ApplicationBody {
  interestFrom: string;
  interestTo: string;
  loans: { loanId: string; claimedInterest: string }[];
  newInvestment: string;
  progressReport: string;
  repaymentVoucherIds: string[];
  expenditureVoucherIds: string[];
  otherSubsidies: TOtherSubsidyInput[];
}

function requireEnterprise(actor: Actor): string {
  if (!mayDo(actor, 'subsidy.application.submit') || !actor.enterpriseId) {
    throw Errors.forbidden('只有企业用户可以提交补贴申请', 'Only enterprise users apply');
  }
  return actor.enterpriseId;
}

async function findReplay(tx: Tx, enterpriseId: string, key: string | undefined, id: string | undefined) {
  if (key) {
    const [row] = await tx
      .select({ id: subsidyApplications.id })
      .from(subsidyApplications)
      .where(and(eq(subsidyApplications.enterpriseId, enterpriseId), eq(subsidyApplications.idempotencyKey, key)))
      .limit(1);
    if (row) return row.id;
  }
  if (id) {
    const [row] = await tx
      .select({ id: subsidyApplications.id, enterpriseId: subsidyApplications.enterpriseId })
      .from(subsidyApplications)
      .where(eq(subsidyApplications.id, id))
      .limit(1);
    if (row && row.enterpriseId === enterpriseId) return row.id;
    if (row) throw Errors.conflict('DUPLICATE', '申请编号已被使用', 'The application id is taken');
  }
  return null;
}

/** Checks and loads what both submission and resubmission need. Throws 4xx with Chinese messages. */
export async function prepareApplicationBody(
  tx: Tx,
  ctx: Ctx,
  args: {
    enterpriseId: string;
    applicationId: string;
    projectId: string;
    campaign: { id: string; interestFrom: string; interestTo: string };
    body: ApplicationBody;
  },
) {
  const { body, campaign, enterpriseId } = args;
  if (body.interestFrom < campaign.interestFrom) {
    throw fieldError(
      'interestFrom',
      '贴息期间起',
      `不能早于本批次贴息期间（${campaign.interestFrom}起）`,
      'is before the campaign',
    );
  }
  if (body.interestTo > campaign.interestTo) {
    throw fieldError(
      'interestTo',
      '贴息期间止',
      `不能晚于本批次贴息期间（${campaign.interestTo}止）`,
      'is after the campaign',
    );
  }
  const loanIds = body.loans.map((l) => l.loanId);
  if (new Set(loanIds).size !== loanIds.length) {
    throw fieldError('loans', '申请贴息的贷款', '不能重复选择同一笔贷款', 'lists a loan twice');
  }
  // FOR SHARE: a bank's correction or cancellation of a claimed loan waits for this submission (and then refuses).
  const loanRows = await tx.select().from(loans).where(inArray(loans.id, loanIds)).for('share');
  const byId = new Map(loanRows.map((l) => [l.id, l]));
  for (const [i, l] of body.loans.entries()) {
    const row = byId.get(l.loanId);
    if (!row || row.enterpriseId !== enterpriseId) {
      throw fieldError(`loans.${i}.loanId`, '贷款', '不存在或不属于本企业', 'is not a loan of this enterprise');
    }
    if (row.status === 'cancelled') {
      throw fieldError(
        `loans.${i}.loanId`,
        '贷款',
        `“${row.contractNo}”已被贷款银行作废，不能申请贴息`,
        'is cancelled',
      );
    }
    if (row.projectId && row.projectId !== args.projectId) {
      throw fieldError(
        `loans.${i}.loanId`,
        '贷款',
        '已关联其他入库项目，不能用于本项目申请',
        'finances another project',
      );
    }
  }
  for (const [i, o] of body.otherSubsidies.entries()) {
    if (!byId.has(o.loanId)) {
      throw fieldError(
        `otherSubsidies.${i}.loanId`,
        '贷款',
        '应为本申请所选的贷款',
        'must be one of the loans claimed',
      );
    }
  }
  const recorded = await bankInterestByLoan(tx, loanIds, body.interestFrom, body.interestTo);
  const loanLines = body.loans.map((l) => {
    const row = byId.get(l.loanId)!;
    return {
      loanId: row.id,
      bankId: row.bankId,
      claimedInterestFen: yuanToFen(l.claimedInterest),
      bankInterestFen: recorded.get(row.id) ?? 0n,
      loanAmountFen: row.amountFen,
      disbursedAt: row.disbursedAt,
    };
  });

  // Vouchers: files this enterprise uploaded for this application.
  const voucherIds = [...body.repaymentVoucherIds, ...body.expenditureVoucherIds];
  const files = await tx
    .select({
      id: attachments.id,
      kind: attachments.kind,
      ownerType: attachments.ownerType,
      ownerId: attachments.ownerId,
      enterpriseId: attachments.enterpriseId,
    })
    .from(attachments)
    .where(inArray(attachments.id, voucherIds));
  const fileById = new Map(files.map((f) => [f.id, f]));
  const checkFiles = (ids: string[], path: string, label: string, kind: string) => {
    for (const [i, id] of ids.entries()) {
      const f = fileById.get(id);
      const ours =
        f &&
        f.enterpriseId === enterpriseId &&
        f.ownerType === APPLICATION_OWNER_TYPE &&
        f.ownerId === args.applicationId &&
        f.kind === kind;
      if (!ours)
        throw fieldError(
          `${path}.${i}`,
          label,
          '不存在，或不是为本申请上传的该类材料',
          'is not a file uploaded for this application',
        );
    }
  };
  checkFiles(body.repaymentVoucherIds, 'repaymentVoucherIds', '还本付息凭证', VOUCHER_KINDS.repayment);
  checkFiles(body.expenditureVoucherIds, 'expenditureVoucherIds', '数字化转型项目支出凭证', VOUCHER_KINDS.expenditure);

  const firstDisbursedAt = new Date(Math.min(...loanLines.map((l) => l.disbursedAt.getTime())));
  return {
    loanLines,
    claimedInterestFen: loanLines.reduce((s, l) => s + l.claimedInterestFen, 0n),
    bankInterestFen: loanLines.reduce((s, l) => s + l.bankInterestFen, 0n),
    newInvestmentFen: yuanToFen(body.newInvestment),
    firstDisbursedAt,
    others: body.otherSubsidies.map((o) => ({
      loanId: o.loanId,
      kind: o.kind,
      name: o.name,
      documentRef: o.documentRef ?? null,
      amountFen: yuanToFen(o.amount),
      recordedBy: ctx.actor?.id ?? 'system',
    })),
  };
}

export async function writeApplicationLines(
  tx: Tx,
  applicationId: string,
  campaignId: string,
  prepared: Awaited<ReturnType<typeof prepareApplicationBody>>,
): Promise<void> {
  await tx.delete(subsidyApplicationLoans).where(eq(subsidyApplicationLoans.applicationId, applicationId));
  await tx.delete(subsidyOtherSubsidies).where(eq(subsidyOtherSubsidies.applicationId, applicationId));
  await tx.insert(subsidyApplicationLoans).values(prepared.loanLines.map((l) => ({ ...l, applicationId, campaignId })));
  if (prepared.others.length) {
    await tx.insert(subsidyOtherSubsidies).values(prepared.others.map((o) => ({ ...o, applicationId })));
  }
}

/** Masked summary for the audit trail (no personal data in applications; amounts as yuan strings). */
export function auditSnapshot(p: Awaited<ReturnType<typeof prepareApplicationBody>>, extra: Record<string, unknown>) {
  return {
    ...extra,
    loans: p.loanLines.map((l) => ({
      loanId: l.loanId,
      claimedInterestFen: String(l.claimedInterestFen),
      bankInterestFen: String(l.bankInterestFen),
    })),
    newInvestmentFen: String(p.newInvestmentFen),
    otherSubsidies: p.others.map((o) => ({ loanId: o.loanId, kind: o.kind, amountFen: String(o.amountFen) })),
  };
}

export async function submitApplication(
  ctx: Ctx & { actor: Actor },
  input: TSubmitApplication & { id?: string },
  headerKey?: string,
): Promise<SubmitResult> {
  const enterpriseId = requireEnterprise(ctx.actor);
  const key = headerKey?.trim() || input.idempotencyKey;
  if (key !== undefined && (key.length < 8 || key.length > 100)) {
    throw fieldError('idempotencyKey', '幂等键', '长度应为 8–100 个字符', 'must be 8–100 characters');
  }
  // A replay answers before anything else is checked: the first request's answer stands.
  const early = await findReplay(ctx.deps.db as unknown as Tx, enterpriseId, key, input.id);
  if (early) return { id: early, replayed: true };

  try {
    return await inTx(ctx, async (tx) => {
      const again = await findReplay(tx, enterpriseId, key, input.id);
      if (again) return { id: again, replayed: true };
      const campaign = await loadCampaign(tx, input.campaignId);
      const today = chinaDateOf(ctx.now);
      if (campaign.status !== 'open' || today < campaign.applyFrom || today > campaign.applyTo) {
        throw Errors.unprocessable(
          'CAMPAIGN_CLOSED',
          `${campaign.title}的申请时间为${campaign.applyFrom}至${campaign.applyTo}，当前不在受理期内（依据江工信工业互联网〔2023〕33号 第七条（四）、申报指南 六（一））`,
          `Campaign accepts applications from ${campaign.applyFrom} to ${campaign.applyTo}`,
        );
      }
      const project = await loadApplicantProject(tx, input.projectId, enterpriseId);
      const applicationId = input.id ?? crypto.randomUUID();
      const prepared = await prepareApplicationBody(tx, ctx, {
        enterpriseId,
        applicationId,
        projectId: project.id,
        campaign,
        body: input,
      });
      await tx.insert(subsidyApplications).values({
        id: applicationId,
        campaignId: campaign.id,
        enterpriseId,
        projectId: project.id,
        districtCode: project.districtCode,
        status: 'submitted',
        interestFrom: input.interestFrom,
        interestTo: input.interestTo,
        declarationMonth: project.declarationMonth,
        investmentAtDeclarationFen: project.investmentAtDeclarationFen,
        newInvestmentFen: prepared.newInvestmentFen,
        progressReport: input.progressReport,
        claimedInterestFen: prepared.claimedInterestFen,
        bankInterestFen: prepared.bankInterestFen,
        firstDisbursedAt: prepared.firstDisbursedAt,
        idempotencyKey: key ?? null,
        submittedBy: ctx.actor.id,
        submittedAt: ctx.now,
        reviews: [],
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await writeApplicationLines(tx, applicationId, campaign.id, prepared);
      await recordAudit(tx, ctx, {
        action: 'subsidy.application_submitted',
        objectType: 'subsidy_application',
        objectId: applicationId,
        after: auditSnapshot(prepared, { campaignId: campaign.id, projectId: project.id, status: 'submitted' }),
      });
      return { id: applicationId, replayed: false };
    });
  } catch (err) {
    // Two identical requests at once: the loser hits a unique index; answer with the winner's application.
    if (isUniqueViolation(err)) {
      const winner = await findReplay(ctx.deps.db as unknown as Tx, enterpriseId, key, input.id);
      if (winner) return { id: winner, replayed: true };
      const constraint = uniqueConstraint(err);
      if (constraint === 'subsidy_applications_campaign_project_uq') {
        throw Errors.conflict(
          'ALREADY_APPLIED',
          '该项目在本批次已提交过补贴申请，不能重复申请',
          'This project already applied in this campaign',
        );
      }
      if (constraint === 'subsidy_application_loans_campaign_loan_uq') {
        throw Errors.conflict(
          'LOAN_ALREADY_CLAIMED',
          '所选贷款在本批次已被其他申请使用，同一笔贷款每批次只能申请一次',
          'A loan is already claimed in this campaign',
        );
      }
    }
    throw err;
  }
}

function pgError(err: unknown): { code?: string; constraint?: string } {
  const e = err as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  return e?.cause?.code ? e.cause : e;
}
export function isUniqueViolation(err: unknown): boolean {
  return pgError(err)?.code === '23505';
}
export function uniqueConstraint(err: unknown): string | undefined {
  return pgError(err)?.constraint;
}
