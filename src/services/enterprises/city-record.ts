/**
 * What the city administrator records about an enterprise (credit standing, resource-pool membership): the action
 * allowed by the table, the enterprise loaded in scope and locked (outside it: 404), the row written with a new
 * version, and who changed it, as kept beside each history entry — in one transaction.
 */
import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { enterprises } from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { type BusinessAction, mayDo } from '../../domain/access/business';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { enterpriseErrors } from './errors';
import { loadVisibleEnterprise } from './get-enterprise';
import type { EnterpriseRow } from './view';

/** The actor, when the table lets it take `action` on enterprises (else 403 with `refusal`). */
export function cityActor(ctx: Ctx, action: BusinessAction, refusal: readonly [zh: string, en: string]): Actor {
  const actor = ctx.actor;
  if (!actor || !mayDo(actor, action)) throw Errors.forbidden(...refusal);
  return actor;
}

/** Runs `record` in one transaction on the enterprise as it was (locked), with `update` to write the change. */
export function recordOnEnterprise<T>(
  ctx: Ctx,
  actor: Actor,
  id: string,
  record: (
    tx: Tx,
    before: EnterpriseRow,
    update: (set: PgUpdateSetSource<typeof enterprises>) => Promise<EnterpriseRow>,
  ) => Promise<T>,
): Promise<T> {
  return inTx(ctx, async (tx) => {
    const before = await loadVisibleEnterprise(tx, actor, id, { forUpdate: true });
    if (!before) throw enterpriseErrors.notFound();
    const update = async (set: PgUpdateSetSource<typeof enterprises>) => {
      const [after] = await tx
        .update(enterprises)
        .set({ ...set, version: sql`${enterprises.version} + 1`, updatedAt: ctx.now })
        .where(eq(enterprises.id, id))
        .returning();
      return after!;
    };
    return record(tx, before, update);
  });
}

/** Who changed it and when, as kept beside a history entry. */
export function changedByOf(ctx: Ctx, actor: Actor) {
  return { changedBy: actor.id, changedByName: actor.name, changedAt: ctx.now };
}
