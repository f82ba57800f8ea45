/**
 * The enterprise saves its draft (or corrects a returned declaration). The whole form is replaced; `version`
 * guards against overwriting a colleague's save.
 */
import { eq, sql } from 'drizzle-orm';
import type { TUpdateDeclaration } from '../../contracts/projects';
import { attachments, projectDeclarations } from '../../db/schema';
import type { DeclarationForm } from '../../domain/projects/forms';
import { DECLARATION_STATE_NAMES, type DeclarationState, isEditable } from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { requireEnterpriseActor } from './create-declaration';
import { projectErrors } from './errors';
import {
  checkContractFiles,
  contentFromInput,
  findDeclaration,
  loadParts,
  rowValuesOf,
  writeParts,
} from './repository';

export async function updateDeclaration(ctx: Ctx, id: string, input: TUpdateDeclaration): Promise<void> {
  const actor = requireEnterpriseActor(ctx);
  await inTx(ctx, async (tx) => {
    const row = await findDeclaration(tx, actor, id, { forUpdate: true });
    if (!row) throw projectErrors.declarationNotFound();
    const state = row.state as DeclarationState;
    if (!isEditable(state)) throw projectErrors.notEditable(DECLARATION_STATE_NAMES[state].zh);
    if (row.version !== input.version) throw projectErrors.versionConflict(row.version);
    const agg = await loadParts(tx, row);
    const content = contentFromInput(row.form as DeclarationForm, input);
    checkContractFiles(content, agg.files);
    const values = rowValuesOf(content);
    await tx
      .update(projectDeclarations)
      .set({ ...values, version: sql`${projectDeclarations.version} + 1`, updatedAt: ctx.now })
      .where(eq(projectDeclarations.id, id));
    await writeParts(tx, id, content);
    // Files follow the loan's bank (banks read the declarations and files of loans with them).
    if (values.loanBankId !== row.loanBankId)
      await tx
        .update(attachments)
        .set({ institutionId: values.loanBankId })
        .where(sql`${attachments.ownerType} = 'project_declaration' and ${attachments.ownerId} = ${id}`);
    const changed = Object.keys(values).filter(
      (k) =>
        JSON.stringify((values as Record<string, unknown>)[k], (_k, v) => (typeof v === 'bigint' ? String(v) : v)) !==
        JSON.stringify((row as Record<string, unknown>)[k], (_k, v) => (typeof v === 'bigint' ? String(v) : v)),
    );
    await recordAudit(tx, ctx, {
      action: 'project_declaration.updated',
      objectType: 'project_declaration',
      objectId: id,
      before: { version: row.version },
      after: { version: row.version + 1, changedFields: changed, contracts: content.contracts.length },
    });
  });
}
