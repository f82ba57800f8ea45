/**
 * An enterprise starts a declaration (a draft, saved at any time). Its form follows the enterprise's type
 * (manufacturer → 附件3, service provider → 附件4). A re-declaration names its predecessor (rejected, lapsed or
 * withdrawn) and starts as a copy of it — content, contracts and files — to be amended.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { TCreateDeclaration } from '../../contracts/projects';
import { attachments, projectDeclarations } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { mayDo } from '../../domain/access/business';
import type { DeclarationForm } from '../../domain/projects/forms';
import type { DeclarationContent } from '../../domain/projects/model';
import { REDECLARABLE_STATES } from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { projectErrors } from './errors';
import { claimKey, setKeyTarget } from './idempotency';
import {
  checkContractFiles,
  contentFromInput,
  contentOf,
  DECLARATION_OWNER,
  findDeclaration,
  loadEnterprise,
  loadParts,
  rowValuesOf,
  writeParts,
} from './repository';
import { appendTimeline } from './timeline';

export function requireEnterpriseActor(ctx: Ctx): Actor & { enterpriseId: string } {
  const a = ctx.actor;
  if (!a) throw Errors.unauthenticated();
  if (!mayDo(a, 'project.declare') || !a.enterpriseId)
    throw Errors.forbidden('只有企业用户可以填报入库申报', 'Only enterprise users declare projects');
  return a as Actor & { enterpriseId: string };
}

const CONTENT_KEYS = [
  'name',
  'content',
  'categories',
  'siteDistrictCode',
  'siteAddress',
  'startDate',
  'endDate',
  'projectStatus',
  'investments',
  'investmentMade',
  'assessmentLevel',
  'assessmentDate',
  'hasLoan',
  'loan',
  'contracts',
] as const;

export async function createDeclaration(
  ctx: Ctx,
  input: TCreateDeclaration,
  idempotencyKey?: string,
): Promise<{ id: string; replayed: boolean }> {
  const actor = requireEnterpriseActor(ctx);
  return inTx(ctx, async (tx) => {
    if (idempotencyKey) {
      const claim = await claimKey(tx, actor.id, idempotencyKey, 'create', null);
      if (!claim.fresh && claim.targetId) return { id: claim.targetId, replayed: true };
    }
    const enterprise = await loadEnterprise(tx, actor.enterpriseId);
    const form = enterprise.type as DeclarationForm;
    let content: DeclarationContent = contentFromInput(form, input);
    let copiedFiles: (typeof attachments.$inferSelect)[] = [];
    let predecessorId: string | null = null;

    if (input.predecessorId) {
      const pred = await findDeclaration(tx, actor, input.predecessorId, { forUpdate: true });
      if (!pred) throw projectErrors.declarationNotFound();
      if (!REDECLARABLE_STATES.includes(pred.state as never)) throw projectErrors.predecessorNotEnded();
      const [taken] = await tx
        .select({ id: projectDeclarations.id })
        .from(projectDeclarations)
        .where(and(eq(projectDeclarations.predecessorId, pred.id), ne(projectDeclarations.state, 'withdrawn')));
      if (taken) throw projectErrors.predecessorTaken();
      predecessorId = pred.id;
      const predAgg = await loadParts(tx, pred);
      const base = contentOf(predAgg);
      // Fields sent in the request override the copy.
      const given = new Set(CONTENT_KEYS.filter((k) => input[k] !== undefined));
      content = {
        ...base,
        ...Object.fromEntries(
          [...given].map((k) => {
            const key = k === 'investmentMade' ? 'investmentMadeFen' : k;
            return [key, (content as unknown as Record<string, unknown>)[key]];
          }),
        ),
        ...(given.has('loan') || given.has('hasLoan') ? { hasLoan: content.hasLoan, loan: content.loan } : {}),
      } as DeclarationContent;
      copiedFiles = predAgg.files;
    }

    const [row] = await tx
      .insert(projectDeclarations)
      .values({
        enterpriseId: enterprise.id,
        districtCode: enterprise.districtCode,
        form,
        state: 'draft',
        predecessorId,
        ...rowValuesOf({ ...content, contracts: [] }),
        createdBy: actor.id,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    const id = row!.id;

    // Copy the predecessor's files (content-addressed: same bytes, new rows owned by the new declaration).
    const idMap = new Map<string, string>();
    for (const f of copiedFiles) {
      const [copy] = await tx
        .insert(attachments)
        .values({
          sha256: f.sha256,
          sizeBytes: f.sizeBytes,
          contentType: f.contentType,
          fileName: f.fileName,
          kind: f.kind,
          ownerType: DECLARATION_OWNER,
          ownerId: id,
          enterpriseId: enterprise.id,
          districtCode: enterprise.districtCode,
          institutionId: content.loan?.bankId ?? null,
          uploadedBy: actor.id,
          createdAt: ctx.now,
        })
        .returning({ id: attachments.id });
      idMap.set(f.id, copy!.id);
    }
    if (idMap.size > 0)
      content = {
        ...content,
        contracts: content.contracts.map((c) => ({
          ...c,
          attachmentId: c.attachmentId ? (idMap.get(c.attachmentId) ?? null) : null,
        })),
      };
    else if (content.contracts.some((c) => c.attachmentId)) checkContractFiles(content, []);

    await writeParts(tx, id, content);
    if (idempotencyKey) await setKeyTarget(tx, actor.id, idempotencyKey, id);
    await appendTimeline(tx, ctx, {
      declarationId: id,
      event: 'created',
      fromState: null,
      toState: 'draft',
      enterpriseName: enterprise.name,
      details: predecessorId ? { predecessorId, copiedFiles: idMap.size } : null,
    });
    await recordAudit(tx, ctx, {
      action: 'project_declaration.created',
      objectType: 'project_declaration',
      objectId: id,
      after: { form, name: content.name, predecessorId, copiedFiles: idMap.size },
    });
    return { id, replayed: false };
  });
}
