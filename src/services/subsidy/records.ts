/**
 * Loads applications as the plain records the engine glue (`domain/subsidy/facts.ts`) needs, in a few set-based
 * queries (one per table, whatever the number of applications): the application with its enterprise, project
 * and declaration; the loans claimed; other subsidies; each loan's first subsidy year; each enterprise's use of
 * the cap so far.
 */
import { and, eq, gt, inArray, ne, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  enterprises,
  loans,
  projectDeclarations,
  projects,
  subsidyApplicationLoans,
  subsidyApplications,
  subsidyAwardLoans,
  subsidyAwards,
  subsidyCampaigns,
  subsidyCapLedger,
  subsidyOtherSubsidies,
} from '../../db/schema';
import type { ApplicationRecord, LoanClaimRecord, OtherSubsidyRecord } from '../../domain/subsidy/facts';

export interface ApplicationMeta {
  applicationId: string;
  enterpriseId: string;
  districtCode: string;
  declarationMonth: string;
  firstDisbursedAt: Date;
  submittedAt: Date;
}

export interface LoadedApplications {
  records: Map<string, ApplicationRecord>;
  meta: ApplicationMeta[];
}

const CHUNK = 20_000;

async function inChunks<T>(ids: readonly string[], f: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await f(ids.slice(i, i + CHUNK))));
  return out;
}

/** Applications matching `where` (over subsidy_applications), as engine records plus ordering metadata. */
export async function loadApplicationRecords(db: DbOrTx, where: SQL): Promise<LoadedApplications> {
  const rows = await db
    .select({
      id: subsidyApplications.id,
      campaignId: subsidyApplications.campaignId,
      campaignYear: subsidyCampaigns.year,
      interestFrom: subsidyApplications.interestFrom,
      interestTo: subsidyApplications.interestTo,
      enterpriseId: subsidyApplications.enterpriseId,
      districtCode: subsidyApplications.districtCode,
      declarationMonth: subsidyApplications.declarationMonth,
      firstDisbursedAt: subsidyApplications.firstDisbursedAt,
      submittedAt: subsidyApplications.submittedAt,
      investmentAtDeclarationFen: subsidyApplications.investmentAtDeclarationFen,
      newInvestmentFen: subsidyApplications.newInvestmentFen,
      enterpriseType: enterprises.type,
      outsideCity: enterprises.outsideCity,
      enterpriseDistrict: enterprises.districtCode,
      isSme: enterprises.isSme,
      creditStatus: enterprises.creditStatus,
      inResourcePool: enterprises.inResourcePool,
      projectStart: projects.startDate,
      projectEnd: projects.endDate,
      declaredOn: projects.declaredOn,
      statusAtDeclaration: projectDeclarations.projectStatus,
    })
    .from(subsidyApplications)
    .innerJoin(subsidyCampaigns, eq(subsidyCampaigns.id, subsidyApplications.campaignId))
    .innerJoin(enterprises, eq(enterprises.id, subsidyApplications.enterpriseId))
    .innerJoin(projects, eq(projects.id, subsidyApplications.projectId))
    .innerJoin(projectDeclarations, eq(projectDeclarations.id, projects.declarationId))
    .where(where);
  const appIds = db.select({ id: subsidyApplications.id }).from(subsidyApplications).where(where);
  const loanRows = await db
    .select({
      applicationId: subsidyApplicationLoans.applicationId,
      loanId: subsidyApplicationLoans.loanId,
      claimed: subsidyApplicationLoans.claimedInterestFen,
      bank: subsidyApplicationLoans.bankInterestFen,
      amount: subsidyApplicationLoans.loanAmountFen,
      disbursedOn: loans.disbursedOn,
    })
    .from(subsidyApplicationLoans)
    .innerJoin(loans, eq(loans.id, subsidyApplicationLoans.loanId))
    .where(inArray(subsidyApplicationLoans.applicationId, appIds));
  const otherRows = await db
    .select({
      applicationId: subsidyOtherSubsidies.applicationId,
      loanId: subsidyOtherSubsidies.loanId,
      kind: subsidyOtherSubsidies.kind,
      amountFen: subsidyOtherSubsidies.amountFen,
    })
    .from(subsidyOtherSubsidies)
    .where(inArray(subsidyOtherSubsidies.applicationId, appIds));
  const firstYears = await firstAwardYearsOf(
    db,
    db
      .select({ loanId: subsidyApplicationLoans.loanId })
      .from(subsidyApplicationLoans)
      .where(inArray(subsidyApplicationLoans.applicationId, appIds)),
    rows[0]?.campaignId ?? null,
  );

  const enterpriseFirstYears = await firstAwardYearsOfEnterprises(
    db,
    [...new Set(rows.map((r) => r.enterpriseId))],
    rows[0]?.campaignId ?? null,
  );

  const loansByApp = new Map<string, LoanClaimRecord[]>();
  for (const l of loanRows) {
    let list = loansByApp.get(l.applicationId);
    if (!list) {
      list = [];
      loansByApp.set(l.applicationId, list);
    }
    list.push({
      loanId: l.loanId,
      claimedInterestFen: l.claimed,
      bankInterestFen: l.bank,
      loanAmountFen: l.amount,
      disbursedOn: l.disbursedOn,
      firstAwardYear: firstYears.get(l.loanId) ?? null,
    });
  }
  const othersByApp = new Map<string, OtherSubsidyRecord[]>();
  for (const o of otherRows) {
    if (o.kind !== 'zjtx_credit' && o.kind !== 'ip_pledge') continue;
    let list = othersByApp.get(o.applicationId);
    if (!list) {
      list = [];
      othersByApp.set(o.applicationId, list);
    }
    list.push({ loanId: o.loanId, kind: o.kind, amountFen: o.amountFen });
  }
  const records = new Map<string, ApplicationRecord>();
  const meta: ApplicationMeta[] = [];
  for (const r of rows) {
    const appLoans = (loansByApp.get(r.id) ?? []).sort((a, b) =>
      a.disbursedOn < b.disbursedOn ? -1 : a.disbursedOn > b.disbursedOn ? 1 : a.loanId < b.loanId ? -1 : 1,
    );
    if (appLoans.length === 0) continue;
    records.set(r.id, {
      applicationId: r.id,
      campaignYear: r.campaignYear,
      enterpriseFirstAwardYear: enterpriseFirstYears.get(r.enterpriseId) ?? null,
      interestPeriod: { from: r.interestFrom, to: r.interestTo },
      applicantType: r.enterpriseType === 'service_provider' ? 'service_provider' : 'manufacturer',
      enterpriseOutsideCity: r.outsideCity,
      enterpriseHasDistrict: r.enterpriseDistrict !== null,
      isSme: r.isSme,
      creditStatus: r.creditStatus,
      inResourcePool: r.inResourcePool,
      projectNumbered: true,
      projectStatusAtDeclaration: r.statusAtDeclaration,
      projectStartOn: r.projectStart,
      projectEndOn: r.projectEnd,
      declaredOn: r.declaredOn,
      investmentAtDeclarationFen: r.investmentAtDeclarationFen,
      newInvestmentFen: r.newInvestmentFen,
      loans: appLoans,
      others: othersByApp.get(r.id) ?? [],
    });
    meta.push({
      applicationId: r.id,
      enterpriseId: r.enterpriseId,
      districtCode: r.districtCode,
      declarationMonth: r.declarationMonth,
      firstDisbursedAt: r.firstDisbursedAt,
      submittedAt: r.submittedAt,
    });
  }
  return { records, meta };
}

/**
 * The first campaign year in which each loan received this subsidy (a committed, unrevoked award above zero),
 * excluding `exceptCampaignId` (the campaign being decided). `loanIds` is a list or a subquery of loan ids.
 */
export async function firstAwardYearsOf(
  db: DbOrTx,
  loanIds: readonly string[] | SQLWrapper,
  exceptCampaignId: string | null,
): Promise<Map<string, number>> {
  if (Array.isArray(loanIds) && loanIds.length === 0) return new Map();
  return yearsByKey(await firstAwardYears(db, subsidyAwardLoans.loanId, loanIds, exceptCampaignId));
}

/**
 * The first campaign year in which each enterprise received this subsidy on any loan (committed, unrevoked, above
 * zero), excluding `exceptCampaignId` — for 000 第五条 "企业第一年" read per enterprise.
 */

export async function firstAwardYearsOfEnterprises(
  db: DbOrTx,
  enterpriseIds: readonly string[],
  exceptCampaignId: string | null,
): Promise<Map<string, number>> {
  if (enterpriseIds.length === 0) return new Map();
  return yearsByKey(
    await inChunks(enterpriseIds, (chunk) =>
      firstAwardYears(db, subsidyAwardLoans.enterpriseId, chunk, exceptCampaignId),
    ),
  );
}

/** Awards that stand: above zero and not revoked (an objection upheld may have revoked one). */
export function awardStands(): SQL {
  return and(gt(subsidyAwards.awardedFen, 0n), ne(subsidyAwards.status, 'revoked'))!;
}

/** The first campaign year of a standing award's loan lines, per loan or per enterprise. */
function firstAwardYears(
  db: DbOrTx,
  key: typeof subsidyAwardLoans.loanId | typeof subsidyAwardLoans.enterpriseId,
  ids: readonly string[] | SQLWrapper,
  exceptCampaignId: string | null,
) {
  return db
    .select({ key, year: sql<number>`min(${subsidyAwardLoans.campaignYear})::int` })
    .from(subsidyAwardLoans)
    .innerJoin(subsidyAwards, eq(subsidyAwards.id, subsidyAwardLoans.awardId))
    .where(
      and(
        inArray(key, ids as string[]),
        awardStands(),
        exceptCampaignId ? ne(subsidyAwardLoans.campaignId, exceptCampaignId) : undefined,
      ),
    )
    .groupBy(key);
}

function yearsByKey(rows: readonly { key: string; year: number }[]): Map<string, number> {
  return new Map(rows.map((r) => [r.key, Number(r.year)]));
}

/** Each enterprise's use of the ¥1,000,000 cap so far (sum of its ledger entries). */
export async function capUsedByEnterprise(db: DbOrTx, enterpriseIds: readonly string[]): Promise<Map<string, bigint>> {
  const out = new Map<string, bigint>();
  const ids = [...new Set(enterpriseIds)];
  if (ids.length === 0) return out;
  const rows = await inChunks(ids, (chunk) =>
    db
      .select({
        enterpriseId: subsidyCapLedger.enterpriseId,
        used: sql<string>`sum(${subsidyCapLedger.amountFen})::text`,
      })
      .from(subsidyCapLedger)
      .where(inArray(subsidyCapLedger.enterpriseId, chunk))
      .groupBy(subsidyCapLedger.enterpriseId),
  );
  for (const r of rows) out.set(r.enterpriseId, BigInt(r.used));
  return out;
}
