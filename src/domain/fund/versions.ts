/**
 * Versions of the special fund's rules (江工信工业互联网〔2021〕4号): the code's values are the first version, in
 * force 2021-05-16 – 2024-05-15 (第十八条 有效期3年); a renewal notice recorded as a policy version (maker–checker, as
 * for the 政银保 rules, ADR 0011) extends the validity and may change a ratio or a cap, each citing the notice.
 * A call runs under the version governing its opening date: among the approved versions covering that day, the one
 * starting latest, then the one approved latest. No version → the call is refused, citing 第十八条.
 */

import type { Fen, Ratio } from '../money/index';
import { type Citation, citationLabel } from '../policies/core/citation';
import type { Validity } from '../policies/core/param';
import { IIFUND_VALIDITY } from '../policies/iifund/index';
import type { StandardOverrides } from './standards';

export const IIFUND_POLICY = 'iifund';
export const IIFUND_BASE_ID = 'iifund.003';

/** The parameters a renewal may change: `<policy>.<param>`, with their kind. */
export const IIFUND_VERSION_KEYS = {
  'benchmark.rate': 'ratio',
  'benchmark.cap': 'money',
  'cloud.rate': 'ratio',
  'cloud.cap': 'money',
  'cluster.rate': 'ratio',
  'cluster.cap': 'money',
  'cluster.groupCap': 'money',
} as const;
export type IifundVersionKey = keyof typeof IIFUND_VERSION_KEYS;

export interface IifundVersion {
  readonly id: string;
  readonly docNumber: string;
  readonly validity: Validity;
  readonly validityCitation: Citation;
  readonly overrides: StandardOverrides;
  readonly approvedAt: string | null;
}

export const IIFUND_BASE_VERSION: IifundVersion = {
  id: IIFUND_BASE_ID,
  docNumber: '江工信工业互联网〔2021〕4号',
  validity: IIFUND_VALIDITY[0]!.value,
  validityCitation: IIFUND_VALIDITY[0]!.citation,
  overrides: {},
  approvedAt: null,
};

/** A renewal's changes as engine overrides (`iifund.benchmark` → rate/cap …). */
export function overridesOf(
  changes: Partial<Record<IifundVersionKey, { value: Ratio | Fen; citation: Citation }>>,
): StandardOverrides {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, c] of Object.entries(changes)) {
    if (!c) continue;
    const [policy, key] = k.split('.') as [string, string];
    const id = `iifund.${policy}`;
    out[id] = { ...(out[id] ?? {}), [key]: { value: c.value, citation: c.citation } };
  }
  return out as StandardOverrides;
}

const covers = (v: Validity, day: string) => v.from <= day && (v.to === null || day <= v.to);

export type Governing = { ok: true; version: IifundVersion } | { ok: false; zh: string };

export function governingVersion(versions: readonly IifundVersion[], day: string): Governing {
  let best: IifundVersion | null = null;
  for (const v of versions) {
    if (!covers(v.validity, day)) continue;
    if (
      !best ||
      v.validity.from > best.validity.from ||
      (v.validity.from === best.validity.from && (v.approvedAt ?? '') > (best.approvedAt ?? ''))
    )
      best = v;
  }
  if (best) return { ok: true, version: best };
  return {
    ok: false,
    zh: `${day}不在《江门市工业互联网专项资金管理实施细则》及已登记续期文件的有效期内（原细则有效期至${IIFUND_BASE_VERSION.validity.to}，依据${citationLabel(IIFUND_BASE_VERSION.validityCitation)}），须先登记并批准续期文件`,
  };
}
