/** Stored rulings ↔ the engine's rulings ↔ the contract. */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { TRuling } from '../../contracts/interpretations';
import type { DbOrTx } from '../../db/client';
import { interpretationRulings } from '../../db/schema';
import { INTERPRETATIONS, type InterpretationRuling } from '../../domain/policies/interpretations';
import { cachedReference } from '../reference-cache';

export type RulingRow = typeof interpretationRulings.$inferSelect;

export function selectRulingRows(db: DbOrTx, where?: SQL) {
  return db
    .select()
    .from(interpretationRulings)
    .where(where)
    .orderBy(asc(interpretationRulings.effectiveFrom), asc(interpretationRulings.recordedAt));
}

/** The engine's form of an approved row. */
export function toRuling(row: RulingRow): InterpretationRuling {
  return {
    id: row.id,
    interpretationId: row.interpretationId,
    option: row.option,
    effectiveFrom: row.effectiveFrom,
    notice: row.notice,
    noticeDate: row.noticeDate,
    approvedAt: row.approvedAt?.toISOString() ?? '',
  };
}

/** The approved rulings, for the engine (loaded once per request or run). */
export function loadRulings(db: DbOrTx): Promise<readonly InterpretationRuling[]> {
  return cachedReference(db, 'rulings', async (d) => {
    const rows = await selectRulingRows(d, and(eq(interpretationRulings.status, 'approved')));
    return rows.map(toRuling);
  });
}

export function rulingJson(row: RulingRow): TRuling {
  const i = INTERPRETATIONS.get(row.interpretationId);
  return {
    id: row.id,
    interpretationId: row.interpretationId,
    option: row.option,
    optionLabel: i?.options.find((o) => o.id === row.option)?.label ?? row.option,
    effectiveFrom: row.effectiveFrom,
    notice: row.notice,
    noticeDate: row.noticeDate,
    reason: row.reason,
    status: row.status as TRuling['status'],
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
  };
}
