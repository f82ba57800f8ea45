/**
 * Versions of the 政银保 rules. The rules' shape stays in code; their parameters and validity come from versions:
 * the code's values (江工信工业互联网〔2023〕33号 and its guide) are the first version, and each renewal notice the
 * city records and approves is another, changing some parameters (each citing the notice's article) and
 * inheriting the rest from the version before it.
 *
 * Which version governs a day: among the versions whose period covers it, the one that starts latest, then the
 * one approved latest. A version governs two kinds of day:
 *  - its validity (in force from … to …): declarations, the decision date's status, filing windows;
 *  - the period whose interest it supports: its validity, except that the first version also supports interest on
 *    loans from 2023-01-01 (申报指南 三（二）), before the rules took effect.
 * An interest period is split at the versions' boundaries; each part is computed under its own version.
 *
 * Pure: the versions are passed in (the service loads the approved ones once per request or run).
 */
import { addDays, daysBetween, type IsoDate, maxDate, minDate } from '../../calendar/dates';
import type { Citation } from '../core/citation';
import { type Param, param, type Validity, validityStatus } from '../core/param';
import { formatTraceValue, type TraceValue } from '../core/trace';
import { SOURCE_DOCS } from '../sources/index';
import { ZYB_PARAM_LABELS, ZYB_PARAMS, type ZybParamKey, type ZybParams, type ZybParamValues } from './params';

/** The parameters a version may change (validity is the version's own). */
export type ZybVersionKey = Exclude<ZybParamKey, 'validity'>;

export type ZybChange<K extends ZybVersionKey = ZybVersionKey> = {
  readonly value: ZybParamValues[K];
  readonly citation: Citation;
};
export type ZybChanges = { readonly [K in ZybVersionKey]?: ZybChange<K> };

/** How a parameter's value is written in a version (the contract parses it accordingly). */
export type ZybParamKind = 'ratio' | 'money' | 'date' | 'integer';

export const ZYB_PARAM_KINDS: Readonly<Record<ZybVersionKey, ZybParamKind>> = {
  firstYearRatio: 'ratio',
  annualDecrement: 'ratio',
  coefficientCap: 'ratio',
  enterpriseCap: 'money',
  projectStartEarliest: 'date',
  loanEarliest: 'date',
  loan2023Year: 'integer',
  loan2023DeclarationDeadline: 'date',
  gapRuleLoanYearFrom: 'integer',
  maxGapMonths: 'integer',
  windowOpenDay: 'integer',
  windowCloseDay: 'integer',
  windowPostponeWorkingDay: 'integer',
  verificationWorkingDays: 'integer',
};

export const ZYB_VERSION_KEYS = Object.keys(ZYB_PARAM_KINDS) as ZybVersionKey[];

export interface ZybVersion {
  /** 'zyb.000' for the code's version; the stored id for recorded ones. */
  readonly id: string;
  readonly docNumber: string;
  readonly title: string;
  readonly validity: Validity;
  /** The article that sets the validity (cited when interest falls outside every version). */
  readonly validityCitation: Citation;
  /** First day of the period whose interest this version supports (normally `validity.from`). */
  readonly coversFrom: IsoDate;
  readonly changes: ZybChanges;
  /** Orders versions starting on the same day (later approval governs); null for the code's version. */
  readonly approvedAt: string | null;
}

export const ZYB_BASE_VERSION_ID = 'zyb.000';

function baseChanges(): ZybChanges {
  const out: Record<string, ZybChange> = {};
  for (const k of ZYB_VERSION_KEYS) {
    const p = ZYB_PARAMS[k][0] as Param<unknown>;
    out[k] = { value: p.value as never, citation: p.citation };
  }
  return out as ZybChanges;
}

/** The first version: the committed parameters of 江工信工业互联网〔2023〕33号 and its 申报指南. */
export const ZYB_BASE_VERSION: ZybVersion = {
  id: ZYB_BASE_VERSION_ID,
  docNumber: SOURCE_DOCS['000'].number,
  title: SOURCE_DOCS['000'].title,
  validity: ZYB_PARAMS.validity[0]!.value,
  validityCitation: ZYB_PARAMS.validity[0]!.citation,
  coversFrom: ZYB_PARAMS.loanEarliest[0]!.value,
  changes: baseChanges(),
  approvedAt: null,
};

const END = '9999-12-31';
const endOf = (v: Validity): IsoDate => v.to ?? END;

/** Precedence: the version starting later governs; on the same start, the one approved later. */
function precedes(a: ZybVersion, b: ZybVersion): boolean {
  if (a.validity.from !== b.validity.from) return a.validity.from > b.validity.from;
  return (a.approvedAt ?? '') > (b.approvedAt ?? '');
}

/** A stretch of days governed by one version. */
export interface ZybSegment {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly version: ZybVersion;
}

function timeline(versions: readonly ZybVersion[], start: (v: ZybVersion) => IsoDate): ZybSegment[] {
  const cuts = new Set<IsoDate>();
  for (const v of versions) {
    cuts.add(start(v));
    if (v.validity.to !== null) cuts.add(addDays(v.validity.to, 1));
  }
  const points = [...cuts].sort();
  const out: ZybSegment[] = [];
  for (let i = 0; i < points.length; i++) {
    const from = points[i]!;
    const to = i + 1 < points.length ? addDays(points[i + 1]!, -1) : END;
    let best: ZybVersion | null = null;
    for (const v of versions) {
      if (start(v) <= from && from <= endOf(v.validity) && (best === null || precedes(v, best))) best = v;
    }
    if (!best) continue;
    const last = out[out.length - 1];
    if (last && last.version === best && addDays(last.to, 1) === from) out[out.length - 1] = { ...last, to };
    else out.push({ from, to, version: best });
  }
  return out;
}

/** Days each version is in force (its validity), latest-starting governing overlaps. */
export function validityTimeline(versions: readonly ZybVersion[]): ZybSegment[] {
  return timeline(versions, (v) => v.validity.from);
}

/** Days whose interest each version supports. */
export function coverageTimeline(versions: readonly ZybVersion[]): ZybSegment[] {
  return timeline(versions, (v) => minDate(v.coversFrom, v.validity.from));
}

/** The version governing the interest of one day, or null when none supports it. */
export function versionFor(versions: readonly ZybVersion[], day: IsoDate): ZybVersion | null {
  for (const s of coverageTimeline(versions)) if (s.from <= day && day <= s.to) return s.version;
  return null;
}

export interface InterestPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** One part of an interest period: its days and the version governing them (null: no version supports them). */
export interface PeriodPart {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly version: ZybVersion | null;
}

/** Splits an interest period at the versions' boundaries, in date order; uncovered days form parts of their own. */
export function splitPeriod(versions: readonly ZybVersion[], period: InterestPeriod): PeriodPart[] {
  const parts: PeriodPart[] = [];
  let cursor = period.from;
  const push = (from: IsoDate, to: IsoDate, version: ZybVersion | null) =>
    parts.push({ from, to, days: daysBetween(from, to) + 1, version });
  for (const s of coverageTimeline(versions)) {
    if (s.to < cursor) continue;
    if (s.from > period.to) break;
    if (s.from > cursor) push(cursor, addDays(s.from, -1), null);
    const to = minDate(s.to, period.to);
    push(maxDate(s.from, cursor), to, s.version);
    cursor = addDays(to, 1);
    if (cursor > period.to) break;
  }
  if (cursor <= period.to) push(cursor, period.to, null);
  return parts;
}

/** The calendar year before a date: the default interest period of a decision. */
export function yearBefore(asOf: IsoDate): InterestPeriod {
  const y = Number(asOf.slice(0, 4)) - 1;
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** Each version with every parameter resolved: its own changes over what the version before it had. */
export function resolveVersions(versions: readonly ZybVersion[]): Map<ZybVersion, ZybChanges> {
  const ordered = [...versions].sort((a, b) => (precedes(a, b) ? 1 : precedes(b, a) ? -1 : 0));
  const out = new Map<ZybVersion, ZybChanges>();
  let prev: ZybChanges = ZYB_BASE_VERSION.changes;
  for (const v of ordered) {
    const full = { ...prev, ...v.changes } as ZybChanges;
    out.set(v, full);
    prev = full;
  }
  return out;
}

const paramsCache = new WeakMap<readonly ZybVersion[], ZybParams>();

/**
 * The dated parameter series of a set of versions (what the engine reads at a date). With only the code's
 * version this is the committed series itself, so decisions under it are exactly what they were.
 */
export function zybParamsOf(versions: readonly ZybVersion[]): ZybParams {
  if (versions.length === 0 || (versions.length === 1 && versions[0] === ZYB_BASE_VERSION)) return ZYB_PARAMS;
  const hit = paramsCache.get(versions);
  if (hit) return hit;
  const resolved = resolveVersions(versions);
  const segs = validityTimeline(versions);
  const out: Record<string, Param<unknown>[]> = { validity: [] };
  for (const k of ZYB_VERSION_KEYS) out[k] = [];
  for (const s of segs) {
    const v = s.version;
    const to = s.to === END ? null : s.to;
    const whole = s.from === v.validity.from && to === v.validity.to;
    const reuseBase = whole && v === ZYB_BASE_VERSION;
    out.validity!.push(reuseBase ? ZYB_PARAMS.validity[0]! : param(s.from, to, v.validity, v.validityCitation));
    const full = resolved.get(v)!;
    for (const k of ZYB_VERSION_KEYS) {
      const c = full[k] as ZybChange | undefined;
      const baseParam = ZYB_PARAMS[k][0] as Param<unknown>;
      out[k]!.push(reuseBase || !c ? baseParam : param(s.from, to, c.value as unknown, c.citation));
    }
  }
  const params = out as unknown as ZybParams;
  paramsCache.set(versions, params);
  return params;
}

/** Status of a version on a day: in force, not yet, expired, or superseded by a later version covering the day. */
export type VersionStatusOn = 'in_force' | 'not_yet' | 'expired' | 'superseded';

export function versionStatusOn(versions: readonly ZybVersion[], v: ZybVersion, day: IsoDate): VersionStatusOn {
  const st = validityStatus(v.validity, day);
  if (st !== 'in_force') return st;
  const seg = validityTimeline(versions).find((s) => s.from <= day && day <= s.to);
  return seg && seg.version !== v ? 'superseded' : 'in_force';
}

/** True when no day of its validity is governed by `v` any more (a later version covers all of it). */
export function isWhollySuperseded(versions: readonly ZybVersion[], v: ZybVersion): boolean {
  return !validityTimeline(versions).some((s) => s.version === v);
}

export interface VersionDiff {
  readonly key: ZybParamKey;
  readonly label: string;
  readonly before: string | null;
  readonly after: string;
  readonly citation: Citation;
}

/** What a version changes from the one before it (validity and every parameter whose value differs). */
export function diffVersion(prev: ZybVersion | null, prevFull: ZybChanges | null, v: ZybVersion): VersionDiff[] {
  const out: VersionDiff[] = [];
  const fmt = (x: unknown) => formatTraceValue(x as TraceValue);
  const before = prev ? fmt(prev.validity) : null;
  const after = fmt(v.validity);
  if (before !== after)
    out.push({ key: 'validity', label: ZYB_PARAM_LABELS.validity, before, after, citation: v.validityCitation });
  for (const k of ZYB_VERSION_KEYS) {
    const c = v.changes[k] as ZybChange | undefined;
    if (!c) continue;
    const old = prevFull?.[k] as ZybChange | undefined;
    const b = old ? fmt(old.value) : null;
    const a = fmt(c.value);
    if (b !== a) out.push({ key: k, label: ZYB_PARAM_LABELS[k], before: b, after: a, citation: c.citation });
  }
  return out;
}
