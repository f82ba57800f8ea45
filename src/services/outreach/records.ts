/**
 * The outreach module's shared kernel: scope conditions (inside every query), the enterprise facts the white-list
 * filters read, row → contract mappers and the module's names for its records.
 *
 * Scope: the city sees every list; a bank only the published lists naming it, and of their visits only its own.
 * Events: every signed-in participant role sees the events; the registrations, meetings and timetables a party
 * sees are its own unless it is the city.
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { TWhitelistCriteria } from '../../contracts/outreach';
import type { DbOrTx } from '../../db/client';
import {
  enterprises,
  institutions,
  outreachVisits,
  outreachWhitelistEntries,
  outreachWhitelists,
  projects,
} from '../../db/schema';
import type { Actor } from '../../domain/access/actor';
import { loanScopeOf } from '../../domain/access/scope';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { districtName } from '../../domain/enterprise/districts';
import { fenToYuan } from '../../domain/money/index';
import type { WhitelistFacts } from '../../domain/outreach/whitelist';
import { coverageOf, periodOf, scheduleNote } from '../../domain/outreach/whitelist';
import { digitalLevelsInForce } from '../credit';
import { Errors } from '../errors';
import { partyScope } from '../workflow';

export const WHITELIST = { zh: '融资服务白名单', en: 'White list' };
export const ENTRY = { zh: '白名单条目', en: 'White-list entry' };
export const EVENT = { zh: '融资对接会', en: 'Match-making event' };
export const MEETING = { zh: '一对一洽谈', en: 'Meeting' };
export const REGISTRATION = { zh: '对接会报名', en: 'Registration' };

export const todayOf = (now: Date) => chinaDateOf(now);
export const districtLabel = (code: string | null) => (code ? (districtName(code) ?? code) : '市外');
export const yuanOrNull = (fen: bigint | null) => (fen === null ? null : fenToYuan(fen));

/** Lists an actor sees: the city all; a bank the published lists pushed to it. */
export function whitelistScope(actor: Actor): SQL {
  return partyScope(actor, {
    lender: (id) =>
      and(eq(outreachWhitelists.status, 'published'), sql`${id}::uuid = any(${outreachWhitelists.bankIds})`)!,
  });
}

/** Visits an actor sees: the city all, a bank its own. */
export function visitScope(actor: Actor): SQL {
  return partyScope(actor, { lender: (id) => eq(outreachVisits.institutionId, id) });
}

/** The institution an actor acts for at events (a bank or a guarantor/insurer), or null. */
export function institutionOf(actor: Actor): string | null {
  const s = loanScopeOf(actor);
  return s.kind === 'lender' || s.kind === 'cover' ? s.institutionId : null;
}
export function enterpriseOf(actor: Actor): string | null {
  const s = loanScopeOf(actor);
  return s.kind === 'enterprise' ? s.enterpriseId : null;
}
export const isCity = (actor: Actor) => loanScopeOf(actor).kind === 'all';

/** What the filters read of every enterprise in the city on a day, ordered by name. */
export async function whitelistFacts(db: DbOrTx, onDay: string): Promise<WhitelistFacts[]> {
  const levels = await digitalLevelsInForce(db, onDay);
  const rows = await db.select().from(enterprises).orderBy(asc(enterprises.name));
  const proj = await db
    .select({ enterpriseId: projects.enterpriseId, no: projects.libraryNumber })
    .from(projects)
    .orderBy(asc(projects.libraryNumber));
  return rows.map((e) => ({
    enterpriseId: e.id,
    name: e.name,
    districtCode: e.districtCode,
    outsideCity: e.outsideCity,
    isSme: e.isSme,
    inResourcePool: e.inResourcePool,
    creditStatus: e.creditStatus as WhitelistFacts['creditStatus'],
    libraryProjects: proj.filter((p) => p.enterpriseId === e.id).map((p) => p.no),
    digitalLevel: levels.get(e.id) ?? null,
  }));
}

export type WhitelistRow = typeof outreachWhitelists.$inferSelect;

const VISIT_OUTCOME_ZH: Record<string, string> = {
  intention: '有融资意向',
  applied: '已提交融资申请',
  no_need: '暂无融资需求',
  not_reached: '未能联系上',
};

/** A list with its entries and the visits the actor may see, and coverage per bank and overall. */
export async function loadWhitelist(db: DbOrTx, actor: Actor, row: WhitelistRow, asOf: string) {
  const banks = row.bankIds.length
    ? await db
        .select({ id: institutions.id, name: institutions.name })
        .from(institutions)
        .where(inArray(institutions.id, row.bankIds))
    : [];
  banks.sort((a, b) => row.bankIds.indexOf(a.id) - row.bankIds.indexOf(b.id));
  const entries = await db
    .select({ x: outreachWhitelistEntries, e: enterprises })
    .from(outreachWhitelistEntries)
    .innerJoin(enterprises, eq(enterprises.id, outreachWhitelistEntries.enterpriseId))
    .where(eq(outreachWhitelistEntries.whitelistId, row.id))
    .orderBy(asc(enterprises.name));
  const visits = await db
    .select({ v: outreachVisits, bank: institutions.name })
    .from(outreachVisits)
    .innerJoin(institutions, eq(institutions.id, outreachVisits.institutionId))
    .where(and(eq(outreachVisits.whitelistId, row.id), visitScope(actor)))
    .orderBy(asc(outreachVisits.visitedOn));
  const own = institutionOf(actor);
  const shownBanks = own ? banks.filter((b) => b.id === own) : banks;
  const visitedBy = (bankId: string) =>
    new Set(visits.filter((v) => v.v.institutionId === bankId).map((v) => v.v.entryId));
  const anyVisited = new Set(visits.map((v) => v.v.entryId));
  const period = periodOf(row.periodStart);
  const overall = coverageOf(entries.length, own ? visitedBy(own).size : anyVisited.size, asOf);
  return {
    id: row.id,
    title: row.title,
    periodCode: row.periodCode,
    periodLabel: period.labelZh,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    status: row.status as 'draft' | 'published',
    publishedAt: row.publishedAt?.toISOString() ?? null,
    nextDueOn: row.nextDueOn,
    schedule: scheduleNote(period),
    banks: shownBanks,
    entries: entries.length,
    coverage: overall,
    criteria: row.criteria as TWhitelistCriteria,
    coverageByBank: shownBanks.map((b) => ({
      institutionId: b.id,
      institutionName: b.name,
      ...coverageOf(entries.length, visitedBy(b.id).size, asOf),
    })),
    items: entries.map(({ x, e }) => ({
      id: x.id,
      enterpriseId: e.id,
      enterpriseName: e.name,
      uscc: e.uscc,
      districtCode: e.districtCode,
      source: x.source as 'filter' | 'manual',
      category: x.category,
      reason: x.reason,
      visits: visits
        .filter((v) => v.v.entryId === x.id)
        .map(({ v, bank }) => ({
          id: v.id,
          institutionId: v.institutionId,
          institutionName: bank,
          visitedOn: v.visitedOn,
          method: v.method,
          outcome: v.outcome,
          outcomeZh: VISIT_OUTCOME_ZH[v.outcome] ?? v.outcome,
          intentionAmount: yuanOrNull(v.intentionFen),
          note: v.note,
          recordedAt: v.recordedAt.toISOString(),
        })),
    })),
  };
}

/** One list within the actor's scope (locked when asked), or 404. */
export async function findWhitelist(db: DbOrTx, actor: Actor, id: string, forUpdate = false): Promise<WhitelistRow> {
  const q = db
    .select()
    .from(outreachWhitelists)
    .where(and(eq(outreachWhitelists.id, id), whitelistScope(actor)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw Errors.notFound(WHITELIST);
  return row;
}

export const METHOD_ZH: Record<string, string> = { onsite: '上门走访', phone: '电话沟通', online: '线上对接' };
export { VISIT_OUTCOME_ZH };
