/**
 * The city's own answer times (002 三（四）1 sets no number of days; the platform's defaults are its reading,
 * `PLATFORM_DEADLINE_READING`). The city administrator sets them from a date (today or later, never back-dated):
 * orders opened or accepted from that day count their due days with them; orders already counted keep theirs.
 */
import { desc } from 'drizzle-orm';
import type { TAnswerTimes, TAnswerTimesInput } from '../../contracts/financing';
import type { DbOrTx } from '../../db/client';
import { financingAnswerTimes } from '../../db/schema';
import { mayDo } from '../../domain/access/business';
import { answerTimesOn, type CityAnswerTimes } from '../../domain/financing/orders';
import { financingParam, PLATFORM_DEADLINE_READING } from '../../domain/financing/params';
import { type Ctx, inTx } from '../context';
import { Errors, fieldError } from '../errors';
import { auditedRows } from '../workflow';
import { todayOf } from './records';

type Row = typeof financingAnswerTimes.$inferSelect;

async function loadRows(db: DbOrTx): Promise<Row[]> {
  return db
    .select()
    .from(financingAnswerTimes)
    .orderBy(desc(financingAnswerTimes.effectiveFrom), desc(financingAnswerTimes.createdAt));
}

const answerTimesRows = auditedRows(financingAnswerTimes, 'financing_answer_times');

function inForceOf(rows: readonly Row[], on: string): CityAnswerTimes | null {
  // Rows come newest first; the sequence makes the newest of one day win.
  return answerTimesOn(
    rows.map((r, i) => ({ ...r, seq: rows.length - i })),
    on,
  );
}

/** The city's setting in force on `on` (null: the platform's defaults apply). */
export async function cityAnswerTimesOn(db: DbOrTx, on: string): Promise<CityAnswerTimes | null> {
  return inForceOf(await loadRows(db), on);
}

function platformValues(on: string) {
  return {
    firstContactDays: financingParam('firstContactWorkingDays', on).value,
    decisionDays: financingParam('decisionWorkingDays', on).value,
    greenFirstContactDays: financingParam('greenFirstContactWorkingDays', on).value,
    greenDecisionDays: financingParam('greenDecisionWorkingDays', on).value,
  };
}

export async function readAnswerTimes(ctx: Ctx): Promise<TAnswerTimes> {
  if (!mayDo(ctx.actor, 'financing.answer_times.read'))
    throw Errors.forbidden('只有市级人员可以查看答复时限设定', 'Only the city reads the answer times');
  const today = todayOf(ctx.now);
  const rows = await loadRows(ctx.deps.readDb);
  const city = inForceOf(rows, today);
  const platform = platformValues(today);
  return {
    asOf: today,
    inForce: city
      ? {
          source: 'city',
          effectiveFrom: city.effectiveFrom,
          firstContactDays: city.firstContactDays,
          decisionDays: city.decisionDays,
          greenFirstContactDays: city.greenFirstContactDays,
          greenDecisionDays: city.greenDecisionDays,
          basisZh: `市级设定（${city.effectiveFrom}起施行，${city.basis}）`,
        }
      : { source: 'platform', effectiveFrom: null, ...platform, basisZh: PLATFORM_DEADLINE_READING },
    platform: { ...platform, readingZh: PLATFORM_DEADLINE_READING },
    settings: rows.map((r) => ({
      id: r.id,
      effectiveFrom: r.effectiveFrom,
      firstContactDays: r.firstContactDays,
      decisionDays: r.decisionDays,
      greenFirstContactDays: r.greenFirstContactDays,
      greenDecisionDays: r.greenDecisionDays,
      basis: r.basis,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

export async function setAnswerTimes(
  ctx: Ctx,
  input: TAnswerTimesInput,
): Promise<{ id: string; effectiveFrom: string }> {
  const actor = ctx.actor;
  if (!actor) throw Errors.unauthenticated();
  if (!mayDo(actor, 'financing.answer_times.set'))
    throw Errors.forbidden('只有市级管理员可以设定答复时限', 'Only the city administrator sets the answer times');
  const today = todayOf(ctx.now);
  if (input.effectiveFrom < today)
    throw fieldError(
      'effectiveFrom',
      '施行日期',
      `不能早于今天（${today}）：已计算的截止日不追溯调整`,
      'must not be before today',
    );
  return inTx(ctx, async (tx) => {
    const before = inForceOf(await loadRows(tx), input.effectiveFrom);
    const id = await answerTimesRows.insert(tx, ctx, {
      values: { ...input, createdBy: actor.id, createdAt: ctx.now },
      action: 'financing_answer_times.set',
      before: before
        ? {
            effectiveFrom: before.effectiveFrom,
            firstContactDays: before.firstContactDays,
            decisionDays: before.decisionDays,
            greenFirstContactDays: before.greenFirstContactDays,
            greenDecisionDays: before.greenDecisionDays,
          }
        : { source: 'platform', ...platformValues(input.effectiveFrom) },
      after: { ...input },
    });
    return { id, effectiveFrom: input.effectiveFrom };
  });
}
