/**
 * Random draws that can be replayed: experts for an application (江工信工业互联网〔2021〕4号 第十一条 专家评审) and
 * the projects of a spot check (第十六条 不定期抽查). The draw is a seeded shuffle (xmur3 hash of the seed → mulberry32),
 * so the recorded seed and pool give the same result again.
 *
 * Automatic conflicts (回避) exclude an expert whose employer is the applicant, one of the applicant's
 * service-contract counterparties on the platform, or an expert the applicant names.
 */

function xmur3(s: string): () => number {
  let h = 1779033703 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

function mulberry32(a: number): () => number {
  let t = a;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

/** The ids in a seeded random order (Fisher–Yates over the ids sorted first, so input order does not matter). */
export function seededShuffle(ids: readonly string[], seed: string): string[] {
  const rnd = mulberry32(xmur3(seed)());
  const a = [...ids].sort();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

export interface PoolExpert {
  readonly id: string;
  readonly employerCreditCode: string | null;
  readonly active: boolean;
}

export type ExclusionReason =
  | 'employer_is_applicant'
  | 'employer_is_counterparty'
  | 'named_by_applicant'
  | 'already_seated';

export interface DrawInput {
  readonly pool: readonly PoolExpert[];
  readonly applicantCreditCode: string;
  readonly counterpartyCreditCodes: readonly string[];
  readonly namedByApplicant: readonly string[];
  /** Experts already drawn for this application (seated or freed by a declared conflict). */
  readonly alreadyDrawn: readonly string[];
  readonly seats: number;
  readonly seed: string;
}

export interface DrawResult {
  readonly drawn: string[];
  readonly excluded: { id: string; reason: ExclusionReason }[];
  /** Seats that could not be filled (the pool is exhausted). */
  readonly unfilled: number;
}

export function exclusionOf(e: PoolExpert, input: DrawInput): ExclusionReason | null {
  if (input.alreadyDrawn.includes(e.id)) return 'already_seated';
  if (input.namedByApplicant.includes(e.id)) return 'named_by_applicant';
  if (e.employerCreditCode && e.employerCreditCode === input.applicantCreditCode) return 'employer_is_applicant';
  if (e.employerCreditCode && input.counterpartyCreditCodes.includes(e.employerCreditCode))
    return 'employer_is_counterparty';
  return null;
}

export function drawExperts(input: DrawInput): DrawResult {
  const excluded: DrawResult['excluded'] = [];
  const eligible: string[] = [];
  for (const e of input.pool) {
    if (!e.active) continue;
    const reason = exclusionOf(e, input);
    if (reason) excluded.push({ id: e.id, reason });
    else eligible.push(e.id);
  }
  const drawn = seededShuffle(eligible, input.seed).slice(0, Math.max(0, input.seats));
  return { drawn, excluded, unfilled: Math.max(0, input.seats - drawn.length) };
}

/** A spot-check sample (第十六条): `size` of the funded projects, seeded and replayable. */
export function drawSample(ids: readonly string[], size: number, seed: string): string[] {
  return seededShuffle(ids, seed).slice(0, Math.max(0, size));
}
