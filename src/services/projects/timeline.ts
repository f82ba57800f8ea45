/** Appends a step to a declaration's timeline (inside the caller's transaction). */
import type { Tx } from '../../db/client';
import { projectDeclarationEvents } from '../../db/schema';
import type { Ctx } from '../context';
import { actorOrg } from './access';

export interface TimelineInput {
  declarationId: string;
  event: string;
  fromState: string | null;
  toState: string;
  reason?: string | null;
  deadline?: string | null;
  details?: Record<string, unknown> | null;
  enterpriseName?: string | null;
}

export async function appendTimeline(tx: Tx, ctx: Ctx, t: TimelineInput): Promise<void> {
  const a = ctx.actor;
  const system = !a || a.id === 'system';
  await tx.insert(projectDeclarationEvents).values({
    declarationId: t.declarationId,
    event: t.event,
    fromState: t.fromState,
    toState: t.toState,
    actorId: system ? null : a.id,
    actorName: system ? '系统' : a.name,
    actorRole: system ? 'system' : a.role,
    actorOrg: system ? '惠企平台' : actorOrg(a, t.enterpriseName),
    reason: t.reason ?? null,
    deadline: t.deadline ?? null,
    details: t.details ?? null,
    occurredAt: ctx.now,
  });
}
