/**
 * The audit chain. Each event's hash is a digest (SM3, GB/T 32905-2016, given by the caller) over its previous hash and a canonical JSON
 * of its content, so altering, inserting or deleting any event breaks every later link.
 *
 * Event numbers come from a database sequence, so numbers of rolled-back transactions are missing (ADR 0015): each
 * event names the event it is chained after (`prevSeq`, hashed with its content), and a missing number is a
 * deletion only when a link says so. Events chained before that have no `prevSeq`; their numbers were gap-free.
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEventContent {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  scope: unknown;
  action: string;
  objectType: string;
  objectId: string | null;
  before: unknown;
  after: unknown;
  clientIp: string | null;
  requestId: string | null;
  /** The event chained before this one (0 for the first); absent on events chained before ADR 0015. */
  prevSeq?: number | null;
}

/** JSON with object keys sorted at every depth, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Makes a value JSON-safe the way it will be stored (bigint → string, Date → ISO, undefined dropped). */
export function toStoredJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(canonicalJson(value));
}

/** The hash function of the chain (SM3 in the platform, passed in so the domain stays free of I/O and natives). */
export type Digest = (text: string) => string;

export function eventHash(prevHash: string, content: ChainedEventContent, digest: Digest): string {
  const { prevSeq, ...rest } = content;
  return digest(`${prevHash}\n${canonicalJson(prevSeq === null || prevSeq === undefined ? rest : content)}`);
}

/** Links events, given in `seq` order, after `start` (the chain's end): what the chaining step writes. */
export function linkEvents<E extends ChainedEventContent>(
  events: readonly E[],
  digest: Digest,
  start: { seq: number; hash: string },
): (E & { prevSeq: number; prevHash: string; hash: string })[] {
  let prev = start;
  return events.map((e) => {
    const content = { ...e, prevSeq: prev.seq };
    const linked = { ...content, prevHash: prev.hash, hash: eventHash(prev.hash, content, digest) };
    prev = { seq: e.seq, hash: linked.hash };
    return linked;
  });
}

export interface StoredEvent extends ChainedEventContent {
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  /** Events before `seq` are missing: from `expected` to `lastMissing` (the event `seq` is linked after). */
  | { kind: 'gap'; seq: number; expected: number; lastMissing?: number }
  /** `seq` is linked after `expected`, yet other events stand between them. */
  | { kind: 'inserted'; seq: number; expected: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'altered'; seq: number };

function linkProblem(e: StoredEvent, last: { seq: number }): ChainProblem | null {
  const expected = last.seq + 1;
  if (e.seq < expected) return { kind: 'gap', seq: e.seq, expected };
  if (e.prevSeq === null || e.prevSeq === undefined) {
    return e.seq === expected ? null : { kind: 'gap', seq: e.seq, expected };
  }
  if (e.prevSeq > last.seq) return { kind: 'gap', seq: e.seq, expected, lastMissing: e.prevSeq };
  if (e.prevSeq < last.seq) return { kind: 'inserted', seq: e.seq, expected: e.prevSeq };
  return null;
}

/** Verifies events in seq order; reports each gap (deleted/inserted), broken link and altered event. */
export function verifyChain(
  events: Iterable<StoredEvent>,
  digest: Digest,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { checked: number; problems: ChainProblem[]; last: { seq: number; hash: string } } {
  const problems: ChainProblem[] = [];
  let prev = start.hash;
  let checked = 0;
  let last = start;
  for (const e of events) {
    checked++;
    const link = linkProblem(e, last);
    if (link) problems.push(link);
    if (e.prevHash !== prev) problems.push({ kind: 'broken_link', seq: e.seq });
    const { prevHash, hash, ...content } = e;
    if (eventHash(prevHash, content, digest) !== hash) problems.push({ kind: 'altered', seq: e.seq });
    prev = e.hash;
    last = { seq: e.seq, hash: e.hash };
  }
  return { checked, problems, last };
}

/** A chain problem in the user's words (the API, the CLI and the offline file check say it the same way). */
export function chainProblemMessage(p: ChainProblem): string {
  switch (p.kind) {
    case 'gap': {
      if (p.seq < p.expected)
        return `第 ${p.seq} 条序号重复或倒序，应在第 ${p.expected - 1} 条之后（事件被插入或改号）`;
      if (p.lastMissing === undefined) {
        return `第 ${p.seq} 条之前缺少第 ${p.expected}${p.seq - 1 > p.expected ? `～${p.seq - 1}` : ''} 条（事件被删除）`;
      }
      return p.lastMissing === p.expected
        ? `第 ${p.seq} 条之前缺少第 ${p.expected} 条（事件被删除）`
        : `第 ${p.seq} 条之前缺少第 ${p.expected}～${p.lastMissing} 条之间的事件，至少第 ${p.lastMissing} 条（事件被删除）`;
    }
    case 'inserted':
      return `第 ${p.seq} 条在链中紧接第 ${p.expected} 条，两者之间却多出了事件（事件被插入）`;
    case 'broken_link':
      return `第 ${p.seq} 条的前序哈希与上一条不符（其前的事件被删除、插入或改动）`;
    case 'altered':
      return `第 ${p.seq} 条的内容与其哈希不符（事件被篡改）`;
  }
}
