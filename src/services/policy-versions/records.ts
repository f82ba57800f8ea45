/**
 * Stored policy versions ↔ the engine's versions ↔ the contract. The stored `params` is parsed with the contract
 * on the way out as it was on the way in, so a malformed row fails loudly instead of steering decisions.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { type TArticle, type TPolicyVersion, ZPolicyVersionParams } from '../../contracts/policy-versions';
import type { DbOrTx } from '../../db/client';
import { policyVersions } from '../../db/schema';
import { chinaDateOf } from '../../domain/calendar/china-time';
import { ratio, yuanToFen } from '../../domain/money/index';
import { type Citation, citationLabel, cite } from '../../domain/policies/core/citation';
import { SOURCE_DOCS } from '../../domain/policies/sources/index';
import {
  diffVersion,
  resolveVersions,
  versionStatusOn,
  ZYB_BASE_VERSION,
  ZYB_PARAM_KINDS,
  type ZybChange,
  type ZybChanges,
  type ZybVersion,
  type ZybVersionKey,
} from '../../domain/policies/zyb/versions';
import { Errors } from '../errors';
import { cachedReference } from '../reference-cache';

export const ZYB_POLICY = 'zyb.interest';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** True for the id of a stored version (the code's first version, zyb.000, is not stored). */
export const isStoredId = (id: string) => UUID_RE.test(id);

export type PolicyVersionRow = typeof policyVersions.$inferSelect;

export function citationOf(docNumber: string, a: TArticle): Citation {
  return { ...cite('000', a.ref, a.quote), docNumber };
}

function parseValue(key: ZybVersionKey, v: string): unknown {
  const kind = ZYB_PARAM_KINDS[key];
  if (kind === 'ratio') return ratio(v);
  if (kind === 'money') return yuanToFen(v);
  if (kind === 'integer') return Number(v);
  return v;
}

/** The engine's version of a stored row. */
export function toZybVersion(row: PolicyVersionRow): ZybVersion {
  const p = ZPolicyVersionParams.parse(row.params);
  const changes: Record<string, ZybChange> = {};
  for (const [k, c] of Object.entries(p.changes)) {
    if (!c) continue;
    changes[k] = {
      value: parseValue(k as ZybVersionKey, c.value) as never,
      citation: citationOf(row.docNumber, c.article),
    };
  }
  return {
    id: row.id,
    docNumber: row.docNumber,
    title: row.title,
    validity: { from: row.validFrom, to: row.validTo },
    validityCitation: citationOf(row.docNumber, p.validityArticle),
    coversFrom: row.validFrom,
    changes: changes as ZybChanges,
    approvedAt: row.approvedAt ? row.approvedAt.toISOString() : null,
  };
}

/** Rows of the 政银保 policy, filtered by the caller's scope condition, oldest start first. */
export function selectVersionRows(db: DbOrTx, where?: SQL) {
  return db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.policyId, ZYB_POLICY), where))
    .orderBy(asc(policyVersions.validFrom), asc(policyVersions.draftedAt));
}

/** Approved (and superseded) rows: the versions decisions read. */
export const DECIDING = inArray(policyVersions.status, ['approved', 'superseded']);

/** The engine's versions: the code's first version plus every approved one. */
export function loadZybVersions(db: DbOrTx): Promise<readonly ZybVersion[]> {
  return cachedReference(db, 'zyb-versions', async (d) => {
    const rows = await selectVersionRows(d, DECIDING);
    return [ZYB_BASE_VERSION, ...rows.map(toZybVersion)];
  });
}

/**
 * A draft version as the engine would read it once approved now (the what-if sandbox of a draft): it takes
 * precedence over every approved version from its start date. 404 unless it is a draft of the 政银保 policy.
 */
export async function loadDraftZybVersion(db: DbOrTx, id: string): Promise<ZybVersion> {
  const missing = () => Errors.notFound({ zh: '政策版本草稿', en: 'Draft policy version' });
  if (!isStoredId(id)) throw missing();
  const [row] = await selectVersionRows(db, and(eq(policyVersions.id, id), eq(policyVersions.status, 'draft')));
  if (!row) throw missing();
  return { ...toZybVersion(row), approvedAt: '9999-12-31T23:59:59.999Z' };
}

/** The version before `v` among the approved ones (what `v` changes from). */
function previousOf(approved: readonly ZybVersion[], v: ZybVersion): ZybVersion | null {
  let best: ZybVersion | null = null;
  const key = (x: ZybVersion) => `${x.validity.from}|${x.approvedAt ?? ''}`;
  const vKey = `${v.validity.from}|${v.approvedAt ?? '~'}`;
  for (const u of approved) {
    if (u === v || key(u) >= vKey) continue;
    if (!best || key(u) > key(best)) best = u;
  }
  return best;
}

export interface VersionView {
  readonly row: PolicyVersionRow | null;
  readonly version: ZybVersion;
}

/** Contract form of a version: its status on `asOf` and what it changed from the version before it. */
export function versionJson(view: VersionView, approved: readonly ZybVersion[], asOf: string): TPolicyVersion {
  const { row, version: v } = view;
  const resolved = resolveVersions(approved);
  const prev = previousOf(approved, v);
  const diff = diffVersion(prev, prev ? (resolved.get(prev) ?? null) : null, v);
  const status = (row?.status ?? 'approved') as TPolicyVersion['status'];
  return {
    id: v.id,
    policyId: ZYB_POLICY,
    docNumber: v.docNumber,
    title: v.title,
    issuer: row?.issuer ?? SOURCE_DOCS['000'].issuer,
    issuedOn: row?.issuedOn ?? SOURCE_DOCS['000'].issuedOn ?? '',
    validFrom: v.validity.from,
    validTo: v.validity.to,
    status,
    statusOn: status === 'draft' ? null : versionStatusOn(approved, v, asOf),
    builtIn: row === null,
    draftedBy: row?.draftedBy ?? null,
    draftedAt: row?.draftedAt.toISOString() ?? null,
    approvedBy: row?.approvedBy ?? null,
    approvedAt: row?.approvedAt?.toISOString() ?? null,
    validityCitation: citationLabel(v.validityCitation),
    changes: diff.map((d) => ({
      key: d.key,
      label: d.label,
      before: d.before,
      after: d.after,
      citation: citationLabel(d.citation),
      quote: d.citation.quote ?? null,
    })),
  };
}

/** Today in Beijing, the default date of a version's status. */
export function todayOf(now: Date): string {
  return chinaDateOf(now);
}
