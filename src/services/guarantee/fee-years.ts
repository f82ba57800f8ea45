/** The city administrator sets the year's fee-subsidy budget and its allocation mode; everyone in the scheme reads it. */
import { asc, eq } from 'drizzle-orm';
import type { TCreateFeeYear, TFeeYear } from '../../contracts/guarantee';
import type { DbOrTx } from '../../db/client';
import { guaranteeFeeYears, subsidyFundingPlans } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { yuanToFen } from '../../domain/money/index';
import { recordAudit } from '../audit';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { noticeOfFeeYear } from '../subsidy';
import { actorFor, yuan } from './shared';

type FeeYearRow = typeof guaranteeFeeYears.$inferSelect;

/** The year with its 公示 (a notice of the interest subsidy's machinery) and its plan once issued. */
export async function feeYearView(db: DbOrTx, ctx: Ctx, r: FeeYearRow): Promise<TFeeYear> {
  const notice = await noticeOfFeeYear(db, chinaDateOf(ctx.now), r.id);
  const [plan] = notice
    ? await db
        .select({ id: subsidyFundingPlans.id, documentNumber: subsidyFundingPlans.documentNumber })
        .from(subsidyFundingPlans)
        .where(eq(subsidyFundingPlans.noticeId, notice.id))
        .limit(1)
    : [];
  return {
    id: r.id,
    year: r.year,
    budget: yuan(r.budgetFen)!,
    allocated: yuan(r.allocatedFen)!,
    allocationMode: r.allocationMode as TFeeYear['allocationMode'],
    status: r.status as TFeeYear['status'],
    notice,
    plan: plan ?? null,
  };
}

export async function createFeeYear(ctx: Ctx, input: TCreateFeeYear): Promise<TFeeYear> {
  const actor = actorFor(ctx, 'guarantee.fee.year.manage');
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .insert(guaranteeFeeYears)
      .values({
        year: input.year,
        budgetFen: yuanToFen(input.budget),
        allocationMode: input.allocationMode,
        createdBy: actor.id,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw Errors.conflict('FEE_YEAR_EXISTS', `${input.year}年度的担保费补贴预算已设立`, 'The year already exists');
    await recordAudit(tx, ctx, {
      action: 'guarantee.fee_year_created',
      objectType: 'guarantee_fee_year',
      objectId: row.id,
      after: input,
    });
    return feeYearView(tx, ctx, row);
  });
}

export async function listFeeYears(ctx: Ctx): Promise<{ items: TFeeYear[] }> {
  actorFor(ctx, 'guarantee.fee.read');
  const rows = await ctx.deps.db.select().from(guaranteeFeeYears).orderBy(asc(guaranteeFeeYears.year));
  const items: TFeeYear[] = [];
  for (const r of rows) items.push(await feeYearView(ctx.deps.db, ctx, r));
  return { items };
}

/** The year's row, locked for the caller's transaction; 404 when the year has no budget. */
export async function lockFeeYear(tx: DbOrTx, year: number): Promise<FeeYearRow> {
  const [row] = await tx.select().from(guaranteeFeeYears).where(eq(guaranteeFeeYears.year, year)).for('update');
  if (!row) throw Errors.notFound({ zh: `${year}年度担保费补贴预算`, en: 'Fee-subsidy year' });
  return row;
}
