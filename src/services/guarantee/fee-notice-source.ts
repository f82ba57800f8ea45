/**
 * The guarantee-fee year's entries for the interest subsidy's 公示 machinery (services/subsidy notice-sources.ts):
 * the year's claims awarded above zero, in their first-come-first-served rank, as the public notice, the objections
 * and the funding plan show them — enterprise, the library project the loan finances (if any), district, amount.
 */
import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { districts, enterprises, guaranteeFeeClaims, guaranteeFeeYears, loans, projects } from '../../db/schema';
import { registerNoticeSource } from '../subsidy';
import { FEE_NOTICE_DAYS } from './publish-fee-notice';

async function yearOf(db: DbOrTx, feeYearId: string): Promise<number> {
  const [y] = await db
    .select({ year: guaranteeFeeYears.year })
    .from(guaranteeFeeYears)
    .where(eq(guaranteeFeeYears.id, feeYearId));
  return y?.year ?? 0;
}

const awardedIn = (year: number) => and(eq(guaranteeFeeClaims.year, year), gt(guaranteeFeeClaims.awardedFen, 0n));

function lines(db: DbOrTx, year: number) {
  return db
    .select({
      entryId: guaranteeFeeClaims.id,
      enterpriseName: enterprises.name,
      uscc: enterprises.uscc,
      districtName: districts.name,
      projectNo: projects.libraryNumber,
      projectName: projects.name,
      amountFen: guaranteeFeeClaims.awardedFen,
    })
    .from(guaranteeFeeClaims)
    .innerJoin(enterprises, eq(enterprises.id, guaranteeFeeClaims.enterpriseId))
    .innerJoin(districts, eq(districts.code, guaranteeFeeClaims.districtCode))
    .innerJoin(loans, eq(loans.id, guaranteeFeeClaims.loanId))
    .leftJoin(projects, eq(projects.id, loans.projectId))
    .where(awardedIn(year))
    .orderBy(asc(guaranteeFeeClaims.awardRank), asc(guaranteeFeeClaims.id));
}

export function registerFeeNoticeSource(): void {
  registerNoticeSource('guarantee_fee', {
    async summary(db, feeYearId) {
      const year = await yearOf(db, feeYearId);
      const [t] = await db
        .select({ n: count(), s: sql<string>`coalesce(sum(${guaranteeFeeClaims.awardedFen}), 0)::text` })
        .from(guaranteeFeeClaims)
        .where(awardedIn(year));
      return { year, noticeDays: FEE_NOTICE_DAYS, count: t?.n ?? 0, totalFen: BigInt(t?.s ?? '0') };
    },
    async entries(db, feeYearId, page, pageSize) {
      const year = await yearOf(db, feeYearId);
      const rows = await lines(db, year)
        .limit(pageSize)
        .offset((page - 1) * pageSize);
      const [t] = await db.select({ n: count() }).from(guaranteeFeeClaims).where(awardedIn(year));
      return { items: rows.map((r) => ({ ...r, amountFen: r.amountFen ?? 0n })), total: t?.n ?? 0 };
    },
    async hasEntry(db, feeYearId, entryId) {
      const year = await yearOf(db, feeYearId);
      const [r] = await db
        .select({ id: guaranteeFeeClaims.id })
        .from(guaranteeFeeClaims)
        .where(and(eq(guaranteeFeeClaims.id, entryId), awardedIn(year)))
        .limit(1);
      return !!r;
    },
    async entryNames(db, entryIds) {
      const rows = await db
        .select({ id: guaranteeFeeClaims.id, name: enterprises.name })
        .from(guaranteeFeeClaims)
        .innerJoin(enterprises, eq(enterprises.id, guaranteeFeeClaims.enterpriseId))
        .where(inArray(guaranteeFeeClaims.id, entryIds));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async planItems(db, feeYearId) {
      const rows = await lines(db, await yearOf(db, feeYearId));
      return rows.map((r) => ({ ...r, amountFen: r.amountFen ?? 0n }));
    },
    planBasis:
      '珠海市中小企业数字化转型融资服务工作方案 三（五）1；公示与计划下达参照江工信工业互联网〔2023〕33号 第七条（六）',
  });
}
