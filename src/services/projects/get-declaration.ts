/**
 * One declaration as the actor sees it: the form, files and checklist, the live eligibility check while it can
 * still change (the result recorded at submission otherwise), the timeline with every reviewer's reasons, and —
 * for a re-declaration — what changed since the declaration it amends.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { TAttachmentRef, TDeclarationDetail, TEligibilityView, TTimelineEntry } from '../../contracts/projects';
import type { DbOrTx } from '../../db/client';
import { institutions, projectDeclarationEvents, projectDeclarations } from '../../db/schema';
import { fenToYuan } from '../../domain/money/money';
import { type DeclarationSnapshot, diffDeclarations } from '../../domain/projects/diff';
import { categoryName, investmentItemName } from '../../domain/projects/forms';
import { evaluateChecklist } from '../../domain/projects/materials';
import { leadProvider } from '../../domain/projects/priority';
import { shanghaiDate } from '../../domain/projects/time';
import {
  availableEvents,
  DECLARATION_EVENT_NAMES,
  DECLARATION_STATE_NAMES,
  type DeclarationEvent,
  type DeclarationState,
  isEditable,
} from '../../domain/workflow/declaration';
import { loadCalendar } from '../calendar';
import type { Ctx } from '../context';
import { Errors } from '../errors';
import { actorKind, declarationScope } from './access';
import { projectErrors } from './errors';
import { evaluateEligibility, materialsView } from './readiness';
import {
  type AttachmentRow,
  contentOf,
  type DeclarationAggregate,
  fileCounts,
  loadEnterprise,
  loadParts,
  poolMembership,
} from './repository';
import { selectSummaries, toSummary } from './view';

const TIMELINE_NAMES: Record<string, string> = {
  created: '创建草稿',
  ...Object.fromEntries(Object.entries(DECLARATION_EVENT_NAMES).map(([k, v]) => [k, v.zh])),
};

export function toAttachmentRef(f: AttachmentRow): TAttachmentRef {
  return {
    id: f.id,
    kind: f.kind,
    fileName: f.fileName,
    contentType: f.contentType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    createdAt: f.createdAt.toISOString(),
  };
}

async function bankNames(db: DbOrTx, ids: (string | null)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name })
    .from(institutions)
    .where(inArray(institutions.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function snapshotOf(agg: DeclarationAggregate, banks: Map<string, string>): DeclarationSnapshot {
  return {
    ...contentOf(agg),
    materials: agg.files.map((f) => ({ kind: f.kind, fileName: f.fileName, sha256: f.sha256 })),
    bankName: agg.row.loanBankId ? (banks.get(agg.row.loanBankId) ?? null) : null,
  };
}

export async function getDeclaration(ctx: Ctx, id: string): Promise<TDeclarationDetail> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  const db = ctx.deps.db;
  const [sr] = await selectSummaries(db).where(and(eq(projectDeclarations.id, id), declarationScope(actor)));
  if (!sr) throw projectErrors.declarationNotFound();
  const today = shanghaiDate(ctx.now);
  const row = sr.d;
  const state = row.state as DeclarationState;
  const agg = await loadParts(db, row);
  const content = contentOf(agg);
  const enterprise = await loadEnterprise(db, row.enterpriseId);

  let pred: DeclarationAggregate | null = null;
  if (row.predecessorId) {
    const [p] = await db.select().from(projectDeclarations).where(eq(projectDeclarations.id, row.predecessorId));
    if (p) pred = await loadParts(db, p);
  }
  const [succ] = await db
    .select({ id: projectDeclarations.id })
    .from(projectDeclarations)
    .where(
      and(
        eq(projectDeclarations.predecessorId, id),
        ne(projectDeclarations.state, 'withdrawn'),
        declarationScope(actor),
      ),
    );
  const banks = await bankNames(db, [row.loanBankId, pred?.row.loanBankId ?? null]);
  const changes = pred ? diffDeclarations(snapshotOf(pred, banks), snapshotOf(agg, banks)) : [];

  let eligibility: TEligibilityView | null = (row.eligibility as TEligibilityView | null) ?? null;
  if (isEditable(state)) {
    const cal = await loadCalendar(db);
    eligibility = evaluateEligibility(
      cal,
      enterprise,
      content,
      state === 'returned' ? row.declaredOn : today,
      ctx.lang,
    );
  }
  const checklist = evaluateChecklist(content, fileCounts(agg.files));
  const pool = await poolMembership(
    db,
    content.contracts.map((c) => c.providerUscc),
  );
  const lead = leadProvider(content.form, content.contracts, { uscc: enterprise.uscc, name: enterprise.name });
  const filesById = new Map(agg.files.map((f) => [f.id, f]));

  const events = await db
    .select()
    .from(projectDeclarationEvents)
    .where(eq(projectDeclarationEvents.declarationId, id))
    .orderBy(asc(projectDeclarationEvents.id));
  const timeline: TTimelineEntry[] = events.map((e) => ({
    id: e.id,
    event: e.event,
    eventName: TIMELINE_NAMES[e.event] ?? e.event,
    fromState: e.fromState,
    toState: e.toState,
    toStateName: DECLARATION_STATE_NAMES[e.toState as DeclarationState]?.zh ?? e.toState,
    actorName: e.actorName,
    actorRole: e.actorRole,
    actorOrg: e.actorOrg,
    reason: e.reason,
    deadline: e.deadline,
    details: (e.details as Record<string, unknown> | null) ?? null,
    occurredAt: e.occurredAt.toISOString(),
  }));

  const kind = actorKind(actor);
  const actions: DeclarationEvent[] = kind ? availableEvents(state, kind) : [];

  return {
    ...toSummary(sr, today),
    version: row.version,
    content: row.content,
    categories: row.categories,
    categoryNames: row.categories.map((c) => categoryName(content.form, c)),
    siteDistrictCode: row.siteDistrictCode,
    siteAddress: row.siteAddress,
    startDate: row.startDate,
    endDate: row.endDate,
    projectStatus: content.projectStatus,
    investments: content.investments.map((l) => ({
      item: l.item,
      itemName: investmentItemName(content.form, l.item),
      amount: fenToYuan(l.amountFen),
    })),
    assessmentLevel: content.assessmentLevel,
    assessmentDate: content.assessmentDate,
    hasLoan: row.hasLoan,
    loan: row.hasLoan
      ? {
          bankId: row.loanBankId,
          bankName: row.loanBankId ? (banks.get(row.loanBankId) ?? null) : null,
          contractNumber: row.loanContractNumber,
          amount: row.loanAmountFen === null ? null : fenToYuan(row.loanAmountFen),
          disbursedOn: row.loanDisbursedOn,
          maturityOn: row.loanMaturityOn,
          loanId: row.loanId,
        }
      : null,
    contracts: agg.contracts.map((c) => ({
      id: c.id,
      providerUscc: c.providerUscc,
      providerName: c.providerName,
      providerInResourcePool: pool.has(c.providerUscc.toUpperCase()),
      contractNumber: c.contractNumber,
      amount: fenToYuan(c.amountFen),
      signedOn: c.signedOn,
      startDate: c.startDate,
      endDate: c.endDate,
      isLead: c.isLead,
      attachmentId: c.attachmentId,
      attachment:
        c.attachmentId && filesById.has(c.attachmentId) ? toAttachmentRef(filesById.get(c.attachmentId)!) : null,
    })),
    leadProvider: isEditable(state)
      ? { uscc: lead.uscc, name: lead.name }
      : { uscc: row.leadProviderUscc, name: row.leadProviderName },
    attachments: agg.files.map(toAttachmentRef),
    materials: materialsView(checklist),
    eligibility,
    lastReason: row.lastReason,
    timeline,
    predecessor: pred
      ? {
          id: pred.row.id,
          name: pred.row.name,
          state: pred.row.state as DeclarationState,
          declarationMonth: pred.row.declarationMonth,
          lastReason: pred.row.lastReason,
        }
      : null,
    successorId: succ?.id ?? null,
    changes,
    actions,
  };
}
