/** The risk-compensation pool of a year: the city administrator sets its budget; the city reads its ledger. */
import { asc, eq } from 'drizzle-orm';
import type { TCreatePool, TPool } from '../../contracts/guarantee';
import type { DbOrTx } from '../../db/client';
import { riskPools } from '../../db/schema';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { actorFor, yuan } from './shared';

type PoolRow = typeof riskPools.$inferSelect;

/** What the pool may still commit: budget − commitments − payments + returns. */
export function poolBalance(p: PoolRow): bigint {
  return p.budgetFen - p.committedFen - p.paidFen + p.returnedFen;
}

function poolView(p: PoolRow): TPool {
  return {
    id: p.id,
    year: p.year,
    budget: yuan(p.budgetFen)!,
    committed: yuan(p.committedFen)!,
    paid: yuan(p.paidFen)!,
    returned: yuan(p.returnedFen)!,
    balance: yuan(poolBalance(p))!,
  };
}

export async function createPool(ctx: Ctx, input: TCreatePool): Promise<TPool> {
  const actor = actorFor(ctx, 'guarantee.pool.manage');
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .insert(riskPools)
      .values({ year: input.year, budgetFen: yuanToFen(input.budget), createdBy: actor.id })
      .onConflictDoNothing()
      .returning();
    if (!row) throw Errors.conflict('POOL_EXISTS', `${input.year}年度风险补偿资金池已设立`, 'The pool exists');
    await recordAudit(tx, ctx, {
      action: 'guarantee.pool_created',
      objectType: 'risk_pool',
      objectId: row.id,
      after: input,
    });
    return poolView(row);
  });
}

export async function listPools(ctx: Ctx): Promise<{ items: TPool[] }> {
  actorFor(ctx, 'guarantee.pool.read');
  const rows = await ctx.deps.db.select().from(riskPools).orderBy(asc(riskPools.year));
  return { items: rows.map(poolView) };
}

/** The year's pool, locked for the caller's transaction (approvals and returns serialise on it). */
export async function lockPool(tx: DbOrTx, year: number): Promise<PoolRow> {
  const [row] = await tx.select().from(riskPools).where(eq(riskPools.year, year)).for('update');
  if (!row)
    throw Errors.unprocessable(
      'POOL_MISSING',
      `${year}年度风险补偿资金池尚未设立，不能核定补偿`,
      'No pool for the year',
    );
  return row;
}

/** Moves amounts in the pool's ledger (the table's check refuses any overspend as a last line). */
export async function movePool(
  tx: DbOrTx,
  p: PoolRow,
  d: { committed?: bigint; paid?: bigint; returned?: bigint },
  now: Date,
) {
  await tx
    .update(riskPools)
    .set({
      committedFen: p.committedFen + (d.committed ?? 0n),
      paidFen: p.paidFen + (d.paid ?? 0n),
      returnedFen: p.returnedFen + (d.returned ?? 0n),
      updatedAt: now,
    })
    .where(eq(riskPools.id, p.id));
}
