/**
 * Loading and writing a declaration with its parts (investment lines, contracts, files), and converting between
 * the API's draft input (yuan strings) and the domain's content (fen).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TDeclarationDraft } from '../../contracts/projects';
import type { DbOrTx, Tx } from '../../db/client';
import {
  attachments,
  enterprises,
  projectDeclarationContracts,
  projectDeclarationInvestments,
  projectDeclarations,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { yuanToFen } from '../../domain/money/money';
import {
  type AssessmentLevel,
  type DeclarationForm,
  investmentItemCodes,
  type ProjectStatus,
} from '../../domain/projects/forms';
import { type DeclarationContent, plannedTotalFen, type ServiceContract } from '../../domain/projects/model';
import type { DeclarationState } from '../../domain/workflow/declaration';
import { fieldError } from '../errors';
import { rowInScope } from '../kit';
import { declarationScope } from './access';

export type DeclarationRow = typeof projectDeclarations.$inferSelect;
export type ContractRow = typeof projectDeclarationContracts.$inferSelect;
export type InvestmentRow = typeof projectDeclarationInvestments.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type EnterpriseRow = typeof enterprises.$inferSelect;

export const DECLARATION_OWNER = 'project_declaration';
export const REPORT_OWNER = 'project_progress_report';

export interface DeclarationAggregate {
  row: DeclarationRow;
  investments: InvestmentRow[];
  contracts: ContractRow[];
  files: AttachmentRow[];
}

/** The declaration as the actor may see it (scope inside the query), optionally locked for update. */
export async function findDeclaration(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<DeclarationRow | null> {
  return rowInScope(db, projectDeclarations, projectDeclarations.id, id, declarationScope(actor), opts);
}

/** The state and month of the declaration a re-declaration follows (null when there is none). */
export async function predecessorOf(
  db: DbOrTx,
  row: Pick<DeclarationRow, 'predecessorId'>,
): Promise<{ state: DeclarationState; declarationMonth: string | null } | null> {
  if (!row.predecessorId) return null;
  const [p] = await db
    .select({ state: projectDeclarations.state, declarationMonth: projectDeclarations.declarationMonth })
    .from(projectDeclarations)
    .where(eq(projectDeclarations.id, row.predecessorId));
  return p ? { state: p.state as DeclarationState, declarationMonth: p.declarationMonth } : null;
}

export async function loadParts(db: DbOrTx, row: DeclarationRow): Promise<DeclarationAggregate> {
  const investments = await db
    .select()
    .from(projectDeclarationInvestments)
    .where(eq(projectDeclarationInvestments.declarationId, row.id));
  const contracts = await db
    .select()
    .from(projectDeclarationContracts)
    .where(eq(projectDeclarationContracts.declarationId, row.id))
    .orderBy(asc(projectDeclarationContracts.position));
  const files = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, DECLARATION_OWNER), eq(attachments.ownerId, row.id)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { row, investments, contracts, files };
}

export function contentOf(agg: DeclarationAggregate): DeclarationContent {
  const r = agg.row;
  const order = new Map(investmentItemCodes(r.form as DeclarationForm).map((c, i) => [c, i]));
  return {
    form: r.form as DeclarationForm,
    name: r.name,
    content: r.content,
    categories: r.categories,
    siteDistrictCode: r.siteDistrictCode,
    siteAddress: r.siteAddress,
    startDate: r.startDate,
    endDate: r.endDate,
    projectStatus: r.projectStatus as ProjectStatus | null,
    investments: agg.investments
      .map((l) => ({ item: l.item, amountFen: l.amountFen }))
      .sort((a, b) => (order.get(a.item) ?? 0) - (order.get(b.item) ?? 0)),
    investmentMadeFen: r.investmentMadeFen,
    assessmentLevel: r.assessmentLevel as AssessmentLevel | null,
    assessmentDate: r.assessmentDate,
    hasLoan: r.hasLoan,
    loan: r.hasLoan
      ? {
          bankId: r.loanBankId,
          contractNumber: r.loanContractNumber,
          amountFen: r.loanAmountFen,
          disbursedOn: r.loanDisbursedOn,
          maturityOn: r.loanMaturityOn,
          loanId: r.loanId,
        }
      : null,
    contracts: agg.contracts.map(
      (c): ServiceContract => ({
        id: c.id,
        providerUscc: c.providerUscc,
        providerName: c.providerName,
        contractNumber: c.contractNumber,
        amountFen: c.amountFen,
        signedOn: c.signedOn,
        startDate: c.startDate,
        endDate: c.endDate,
        isLead: c.isLead,
        attachmentId: c.attachmentId,
      }),
    ),
  };
}

const fen = (s: string | null | undefined) => (s === null || s === undefined ? null : yuanToFen(s));

/** The draft input as domain content. Amounts were validated by the schema. */
export function contentFromInput(form: DeclarationForm, d: TDeclarationDraft): DeclarationContent {
  const hasLoan = d.hasLoan ?? false;
  const contracts = (d.contracts ?? []).map(
    (c): ServiceContract => ({
      ...(c.id ? { id: c.id } : {}),
      providerUscc: c.providerUscc,
      providerName: c.providerName,
      contractNumber: c.contractNumber,
      amountFen: yuanToFen(c.amount),
      signedOn: c.signedOn,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      isLead: c.isLead ?? false,
      attachmentId: c.attachmentId ?? null,
    }),
  );
  // A single contract leads by definition.
  const normalized = contracts.length === 1 ? [{ ...contracts[0]!, isLead: true }] : contracts;
  return {
    form,
    name: d.name?.trim() || null,
    content: d.content?.trim() || null,
    categories: [...new Set(d.categories ?? [])],
    siteDistrictCode: d.siteDistrictCode ?? null,
    siteAddress: d.siteAddress?.trim() || null,
    startDate: d.startDate ?? null,
    endDate: d.endDate ?? null,
    projectStatus: d.projectStatus ?? null,
    investments: (d.investments ?? []).map((l) => ({ item: l.item, amountFen: yuanToFen(l.amount) })),
    investmentMadeFen: fen(d.investmentMade),
    assessmentLevel: d.assessmentLevel ?? null,
    assessmentDate: d.assessmentDate ?? null,
    hasLoan,
    loan: hasLoan
      ? {
          bankId: d.loan?.bankId ?? null,
          contractNumber: d.loan?.contractNumber?.trim() || null,
          amountFen: fen(d.loan?.amount),
          disbursedOn: d.loan?.disbursedOn ?? null,
          maturityOn: d.loan?.maturityOn ?? null,
          loanId: d.loan?.loanId ?? null,
        }
      : null,
    contracts: normalized,
  };
}

/** Column values of the declaration row for its content. */
export function rowValuesOf(c: DeclarationContent) {
  return {
    name: c.name,
    content: c.content,
    categories: [...c.categories],
    siteDistrictCode: c.siteDistrictCode,
    siteAddress: c.siteAddress,
    startDate: c.startDate,
    endDate: c.endDate,
    projectStatus: c.projectStatus,
    plannedTotalFen: plannedTotalFen(c),
    investmentMadeFen: c.investmentMadeFen,
    assessmentLevel: c.assessmentLevel,
    assessmentDate: c.assessmentDate,
    hasLoan: c.hasLoan,
    loanBankId: c.loan?.bankId ?? null,
    loanContractNumber: c.loan?.contractNumber ?? null,
    loanAmountFen: c.loan?.amountFen ?? null,
    loanDisbursedOn: c.loan?.disbursedOn ?? null,
    loanMaturityOn: c.loan?.maturityOn ?? null,
    loanId: c.loan?.loanId ?? null,
  };
}

/**
 * Checks references a draft may make: the contracts' files must be this declaration's uploads of kind
 * service_contract, at most one file per contract.
 */
export function checkContractFiles(c: DeclarationContent, files: readonly AttachmentRow[]): void {
  const own = new Map(files.map((f) => [f.id, f]));
  const used = new Set<string>();
  c.contracts.forEach((k, i) => {
    if (!k.attachmentId) return;
    const f = own.get(k.attachmentId);
    if (f?.kind !== 'service_contract')
      throw fieldError(
        `contracts.${i}.attachmentId`,
        '合同签署文本',
        '不是本申报上传的服务合同文件（材料类别 service_contract）',
        'is not a service-contract file uploaded to this declaration',
      );
    if (used.has(k.attachmentId))
      throw fieldError(
        `contracts.${i}.attachmentId`,
        '合同签署文本',
        '已用于另一份合同',
        'is already used by another contract',
      );
    used.add(k.attachmentId);
  });
}

/** Replaces the declaration's investment lines and contracts with the content's. */
export async function writeParts(tx: Tx, declarationId: string, c: DeclarationContent): Promise<void> {
  await tx.delete(projectDeclarationInvestments).where(eq(projectDeclarationInvestments.declarationId, declarationId));
  const lines = new Map<string, bigint>();
  for (const l of c.investments) lines.set(l.item, l.amountFen);
  if (lines.size > 0)
    await tx
      .insert(projectDeclarationInvestments)
      .values([...lines].map(([item, amountFen]) => ({ declarationId, item, amountFen })));
  await tx.delete(projectDeclarationContracts).where(eq(projectDeclarationContracts.declarationId, declarationId));
  if (c.contracts.length > 0)
    await tx.insert(projectDeclarationContracts).values(
      c.contracts.map((k, position) => ({
        declarationId,
        position,
        providerUscc: k.providerUscc.toUpperCase(),
        providerName: k.providerName,
        contractNumber: k.contractNumber,
        amountFen: k.amountFen,
        signedOn: k.signedOn,
        startDate: k.startDate,
        endDate: k.endDate,
        isLead: k.isLead,
        attachmentId: k.attachmentId,
      })),
    );
}

export function fileCounts(files: readonly AttachmentRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of files) out[f.kind] = (out[f.kind] ?? 0) + 1;
  return out;
}

export async function loadEnterprise(db: DbOrTx, id: string): Promise<EnterpriseRow> {
  const [e] = await db.select().from(enterprises).where(eq(enterprises.id, id));
  if (!e) throw new Error(`enterprise ${id} missing`);
  return e;
}

/** Resource-pool membership by credit code, for the providers named. */
export async function poolMembership(db: DbOrTx, usccs: readonly string[]): Promise<Set<string>> {
  const list = [...new Set(usccs.map((u) => u.toUpperCase()))];
  if (list.length === 0) return new Set();
  const rows = await db
    .select({ uscc: enterprises.uscc })
    .from(enterprises)
    .where(and(inArray(enterprises.uscc, list), eq(enterprises.inResourcePool, true)));
  return new Set(rows.map((r) => r.uscc));
}
