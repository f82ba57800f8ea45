/**
 * Dated, cited parameters (OpenFisca style). A parameter is a series of versions, each valid from a date to a
 * date (inclusive; `to: null` = open-ended) and each citing the clause that sets it. Reading a parameter at a
 * date picks the version in force then. Simulations replace values through an overrides argument; the shared
 * series is never mutated.
 */
import { type IsoDate, toDayNumber } from '../../calendar/dates';
import type { Citation } from './citation';

export interface Param<T> {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
  readonly value: T;
  readonly citation: Citation;
}

export type ParamSeries<T> = readonly Param<T>[];

/** A parameter as read for one computation: the version used, and whether a simulation replaced its value. */
export interface ParamRead<T> extends Param<T> {
  readonly key: string;
  /** True when the value comes from a simulation override, not from the policy in force. */
  readonly simulated: boolean;
  /** True when the date read lies outside every version and the nearest version was used. */
  readonly outOfRange: boolean;
}

export function param<T>(from: IsoDate, to: IsoDate | null, value: T, citation: Citation): Param<T> {
  return { from, to, value, citation };
}

/**
 * The version in force at `date` (or the latest version without a date). Dates before the first version read
 * the first; dates after the last read the last, flagged `outOfRange`.
 */
export function paramAt<T>(key: string, series: ParamSeries<T>, date?: IsoDate, override?: T): ParamRead<T> {
  if (series.length === 0) throw new Error(`parameter ${key} has no versions`);
  let chosen = series[series.length - 1]!;
  let outOfRange = false;
  if (date !== undefined) {
    let found: Param<T> | undefined;
    for (let i = 0; i < series.length; i++) {
      const p = series[i]!;
      if (p.from <= date && (p.to === null || date <= p.to)) {
        found = p;
        break;
      }
    }
    if (found) chosen = found;
    else {
      outOfRange = true;
      if (date < series[0]!.from) chosen = series[0]!;
    }
  }
  if (override !== undefined) return { ...chosen, key, value: override, simulated: true, outOfRange };
  // Reads without simulation are shared (they are immutable): one object per version, in range or not.
  const cache = outOfRange ? outOfRangeCache : readCache;
  let read = cache.get(chosen) as ParamRead<T> | undefined;
  if (!read || read.key !== key) {
    read = { ...chosen, key, simulated: false, outOfRange };
    cache.set(chosen, read);
  }
  return read;
}

const readCache = new WeakMap<Param<unknown>, ParamRead<unknown>>();
const outOfRangeCache = new WeakMap<Param<unknown>, ParamRead<unknown>>();

export interface Validity {
  readonly from: IsoDate;
  /** Last day in force (inclusive); null = no end date. */
  readonly to: IsoDate | null;
}

export type ValidityStatus = 'in_force' | 'not_yet' | 'expired';

/** Asked "as of" a date, a policy answers: in force, not yet in force, or expired. */
export function validityStatus(v: Validity, asOf: IsoDate): ValidityStatus {
  if (asOf < v.from) return 'not_yet';
  if (v.to !== null && asOf > v.to) return 'expired';
  return 'in_force';
}

export const VALIDITY_STATUS_ZH: Readonly<Record<ValidityStatus, string>> = {
  in_force: '有效',
  not_yet: '尚未施行',
  expired: '已失效',
};
