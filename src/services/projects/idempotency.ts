/**
 * Idempotency keys for declaration writes. The key row is inserted first in the request's transaction: a retry
 * (or a duplicate sent at the same moment) blocks on the key until the first request commits, then finds it and
 * answers with the first request's result; if the first request failed and rolled back, the retry runs afresh.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { projectIdempotencyKeys } from '../../db/schema';
import { projectErrors } from './errors';

export type IdempotentOperation = 'create' | 'submit';

export type Claim = { fresh: true } | { fresh: false; targetId: string | null };

export async function claimKey(
  tx: Tx,
  actorId: string,
  key: string,
  operation: IdempotentOperation,
  targetId: string | null,
): Promise<Claim> {
  const inserted = await tx
    .insert(projectIdempotencyKeys)
    .values({ actorId, key, operation, targetId })
    .onConflictDoNothing()
    .returning({ key: projectIdempotencyKeys.key });
  if (inserted.length > 0) return { fresh: true };
  const [existing] = await tx
    .select()
    .from(projectIdempotencyKeys)
    .where(and(eq(projectIdempotencyKeys.actorId, actorId), eq(projectIdempotencyKeys.key, key)));
  if (!existing || existing.operation !== operation || (targetId !== null && existing.targetId !== targetId))
    throw projectErrors.idempotencyReused();
  return { fresh: false, targetId: existing.targetId };
}

export async function setKeyTarget(tx: Tx, actorId: string, key: string, targetId: string): Promise<void> {
  await tx
    .update(projectIdempotencyKeys)
    .set({ targetId })
    .where(and(eq(projectIdempotencyKeys.actorId, actorId), eq(projectIdempotencyKeys.key, key)));
}
