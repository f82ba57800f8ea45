/**
 * One step of a declaration's workflow (submit, withdraw, district verification, city review), shared by the use
 * cases that take it: the declaration is loaded in the actor's scope and locked (outside the scope: 404), the
 * state machine decides (a refusal explained and cited), then the row moves with its version and its timeline
 * entry, and the audit event names the states before and after — all in the caller's transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { projectDeclarations } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import {
  type DeclarationActorKind,
  type DeclarationEvent,
  type DeclarationState,
  transition,
} from '../../domain/workflow/declaration';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { projectErrors } from './errors';
import { findDeclaration } from './repository';
import { appendTimeline, type TimelineInput } from './timeline';

export interface DeclarationStep {
  id: string;
  event: DeclarationEvent;
  from: DeclarationState;
  to: DeclarationState;
}

/** Loads the declaration for update and lets the state machine decide `event` (or the event its state calls for). */
export async function declarationForStep(
  tx: Tx,
  actor: Actor,
  id: string,
  event: DeclarationEvent | ((from: DeclarationState) => DeclarationEvent),
  by: DeclarationActorKind,
  reason?: string | null,
) {
  const row = await findDeclaration(tx, actor, id, { forUpdate: true });
  if (!row) throw projectErrors.declarationNotFound();
  const from = row.state as DeclarationState;
  const e = typeof event === 'function' ? event(from) : event;
  const t = transition(from, e, by, reason);
  if (!t.ok) throw projectErrors.transition(t.refusal);
  const step: DeclarationStep = { id, event: e, from, to: t.to };
  return { row, step };
}

/** Moves the declaration to the step's state (with `set`, a new version) and appends the step to its timeline. */
export async function takeStep(
  tx: Tx,
  ctx: Ctx,
  step: DeclarationStep,
  set: PgUpdateSetSource<typeof projectDeclarations>,
  timeline: Omit<TimelineInput, 'declarationId' | 'event' | 'fromState' | 'toState'> = {},
): Promise<void> {
  await tx
    .update(projectDeclarations)
    .set({ state: step.to, ...set, version: sql`${projectDeclarations.version} + 1`, updatedAt: ctx.now })
    .where(eq(projectDeclarations.id, step.id));
  await appendTimeline(tx, ctx, {
    declarationId: step.id,
    event: step.event,
    fromState: step.from,
    toState: step.to,
    ...timeline,
  });
}

/** The step's audit event: the state before, the state after with what else the step recorded. */
export async function auditStep(
  tx: Tx,
  ctx: Ctx,
  step: DeclarationStep,
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, ctx, {
    action,
    objectType: 'project_declaration',
    objectId: step.id,
    before: { state: step.from },
    after: { state: step.to, ...after },
  });
}
