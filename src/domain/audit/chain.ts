/**
 * The audit chain. Each event's hash is a digest (SM3, GB/T 32905-2016, given by the caller) over its previous hash and a canonical JSON
 * of its content, so altering, inserting or deleting any event breaks every later link.
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
  return digest(`${prevHash}\n${canonicalJson(content)}`);
}

export interface StoredEvent extends ChainedEventContent {
  prevHash: string;
  hash: string;
}

export type ChainProblem =
  | { kind: 'gap'; seq: number; expected: number }
  | { kind: 'broken_link'; seq: number }
  | { kind: 'altered'; seq: number };

/** Verifies events in seq order; reports each gap (deleted/inserted), broken link and altered event. */
export function verifyChain(
  events: Iterable<StoredEvent>,
  digest: Digest,
  start: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): { checked: number; problems: ChainProblem[]; last: { seq: number; hash: string } } {
  const problems: ChainProblem[] = [];
  let expectedSeq = start.seq + 1;
  let prev = start.hash;
  let checked = 0;
  let last = start;
  for (const e of events) {
    checked++;
    if (e.seq !== expectedSeq) problems.push({ kind: 'gap', seq: e.seq, expected: expectedSeq });
    if (e.prevHash !== prev) problems.push({ kind: 'broken_link', seq: e.seq });
    const { prevHash, hash, ...content } = e;
    if (eventHash(prevHash, content, digest) !== hash) problems.push({ kind: 'altered', seq: e.seq });
    prev = e.hash;
    expectedSeq = e.seq + 1;
    last = { seq: e.seq, hash: e.hash };
  }
  return { checked, problems, last };
}

/** A chain problem in the user's words (the API, the CLI and the offline file check say it the same way). */
export function chainProblemMessage(p: ChainProblem): string {
  switch (p.kind) {
    case 'gap':
      return p.seq > p.expected
        ? `第 ${p.seq} 条之前缺少第 ${p.expected}${p.seq - 1 > p.expected ? `～${p.seq - 1}` : ''} 条（事件被删除）`
        : `第 ${p.seq} 条序号重复或倒序，应为第 ${p.expected} 条（事件被插入或改号）`;
    case 'broken_link':
      return `第 ${p.seq} 条的前序哈希与上一条不符（其前的事件被删除、插入或改动）`;
    case 'altered':
      return `第 ${p.seq} 条的内容与其哈希不符（事件被篡改）`;
  }
}
