/**
 * Notices of other schemes on the interest subsidy's 公示 machinery. A module whose results are published the same
 * way — the guarantee-fee subsidy (方案 三（五）1.) — registers its entries once at start-up; its notice is then a
 * row of `subsidy_notices` naming its year instead of a campaign, listed on the public notices page, open to
 * objections (cases, receipts, the public lookup by case number, the city's handling) and followed by a funding
 * plan (补贴资金安排计划, Excel and printable) exactly as the interest subsidy's:
 *
 *   registerNoticeSource('guarantee_fee', {
 *     summary: (db, feeYearId) => …,            // year, notice days, visible entries' count and total
 *     entries: (db, feeYearId, page, size) => …, // what the public page shows, in the notice's order
 *     hasEntry: (db, feeYearId, entryId) => …,   // an objection may name only an entry of this notice
 *     planItems: (db, feeYearId) => …,          // the plan's lines
 *   });
 */
import type { DbOrTx } from '../../db/client';

export interface NoticeSourceEntry {
  entryId: string;
  enterpriseName: string;
  projectNo: string | null;
  projectName: string | null;
  districtName: string;
  amountFen: bigint;
}

export interface NoticeSourcePlanItem {
  enterpriseName: string;
  uscc: string;
  districtName: string;
  projectNo: string | null;
  projectName: string | null;
  amountFen: bigint;
}

export interface NoticeSource {
  /** The notice's year, its period's days and its visible entries' count and total. */
  summary(
    db: DbOrTx,
    feeYearId: string,
  ): Promise<{ year: number; noticeDays: number; count: number; totalFen: bigint }>;
  entries(
    db: DbOrTx,
    feeYearId: string,
    page: number,
    pageSize: number,
  ): Promise<{ items: NoticeSourceEntry[]; total: number }>;
  hasEntry(db: DbOrTx, feeYearId: string, entryId: string): Promise<boolean>;
  /** Enterprise names of named entries, for the city's list of objections. */
  entryNames(db: DbOrTx, entryIds: string[]): Promise<Map<string, string>>;
  planItems(db: DbOrTx, feeYearId: string): Promise<NoticeSourcePlanItem[]>;
  /** The plan's basis printed at its foot. */
  planBasis: string;
}

const sources = new Map<'guarantee_fee', NoticeSource>();

/** Registers (or replaces) a scheme's entries. Call once at start-up (services/modules.ts). */
export function registerNoticeSource(scheme: 'guarantee_fee', source: NoticeSource): void {
  sources.set(scheme, source);
}

/** The registered source of a non-interest notice; a notice without one cannot be read (a start-up error). */
export function noticeSource(scheme: 'guarantee_fee'): NoticeSource {
  const s = sources.get(scheme);
  if (!s) throw new Error(`notice source not registered: ${scheme}`);
  return s;
}
