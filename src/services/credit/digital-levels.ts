/**
 * The digital-level results in force on a day (002 三（四）2), for the modules that filter by them (the white
 * lists): per enterprise, the most recent assessment whose validity covers the day.
 */
import { and, desc, gte, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { creditDigitalLevels } from '../../db/schema';

export async function digitalLevelsInForce(db: DbOrTx, onDay: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ enterpriseId: creditDigitalLevels.enterpriseId, level: creditDigitalLevels.level })
    .from(creditDigitalLevels)
    .where(and(lte(creditDigitalLevels.assessedOn, onDay), gte(creditDigitalLevels.validTo, onDay)))
    .orderBy(desc(creditDigitalLevels.assessedOn), desc(creditDigitalLevels.recordedAt));
  const levels = new Map<string, number>();
  for (const r of rows) if (!levels.has(r.enterpriseId)) levels.set(r.enterpriseId, r.level);
  return levels;
}
