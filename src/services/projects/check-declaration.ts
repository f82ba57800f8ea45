/**
 * The live check while drafting: the unsaved form (and, for an existing declaration, its uploaded files) against
 * the filing window, completeness, the materials checklist and the policy engine's eligibility conditions.
 * Nothing is written.
 */

import type { TCheckDeclaration, TCheckResult } from '../../contracts/projects';
import type { DeclarationForm } from '../../domain/projects/forms';
import type { DeclarationState } from '../../domain/workflow/declaration';
import type { Ctx } from '../context';
import { requireEnterpriseActor } from './create-declaration';
import { projectErrors } from './errors';
import { assessReadiness } from './readiness';
import {
  type AttachmentRow,
  contentFromInput,
  findDeclaration,
  loadEnterprise,
  loadParts,
  predecessorOf,
} from './repository';

export async function checkDeclaration(ctx: Ctx, input: TCheckDeclaration): Promise<TCheckResult> {
  const actor = requireEnterpriseActor(ctx);
  const db = ctx.deps.db;
  const enterprise = await loadEnterprise(db, actor.enterpriseId);
  let files: AttachmentRow[] = [];
  let mode: 'submit' | 'resubmit' = 'submit';
  let declaredOn: string | null = null;
  let declarationMonth: string | null = null;
  let returnDeadline: string | null = null;
  let predecessor: { state: DeclarationState; declarationMonth: string | null } | null = null;
  if (input.declarationId) {
    const row = await findDeclaration(db, actor, input.declarationId);
    if (!row) throw projectErrors.declarationNotFound();
    files = (await loadParts(db, row)).files;
    if (row.state === 'returned') {
      mode = 'resubmit';
      declaredOn = row.declaredOn;
      declarationMonth = row.declarationMonth;
      returnDeadline = row.returnDeadline;
    }
    predecessor = await predecessorOf(db, row);
  }
  const content = contentFromInput(enterprise.type as DeclarationForm, input);
  const r = await assessReadiness(db, ctx, {
    enterprise,
    content,
    files,
    mode,
    declaredOn,
    declarationMonth,
    returnDeadline,
    predecessor,
  });
  return r.view;
}
