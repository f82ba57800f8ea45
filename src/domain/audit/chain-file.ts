/**
 * The offline-verifiable audit export ("huiqi audit chain file", JSON Lines): a header line, then every event of a
 * contiguous seq range in order, each with its previous hash and its hash. Anyone holding the file can recompute
 * the SM3 chain without the database (`huiqi audit verify-file`): an altered, inserted or removed line, or a file
 * cut short, is found. Comparing the last hash with one written down elsewhere (the export's own audit event, a
 * printed anchor) ties the file to the live trail.
 */
import { type ChainProblem, chainProblemMessage, type Digest, type StoredEvent, verifyChain } from './chain';

export const CHAIN_FILE_FORMAT = 'huiqi-audit-chain';
export const CHAIN_FILE_VERSION = 1;

export interface ChainFileHeader {
  format: typeof CHAIN_FILE_FORMAT;
  version: typeof CHAIN_FILE_VERSION;
  digest: 'SM3';
  /** The period asked for (Beijing-time days or instants), as given. */
  period: { from: string | null; to: string | null };
  fromSeq: number;
  toSeq: number;
  events: number;
  /** The hash the first event links to (the event before the range, or the genesis hash). */
  startPrevHash: string;
  /** The event the first one links to (absent for events chained before event numbers could skip). */
  startPrevSeq?: number;
  exportedAt: string;
  exportedBy: string;
}

export type ChainFileProblem =
  | ChainProblem
  | { kind: 'bad_line'; line: number }
  | { kind: 'bad_header' }
  | { kind: 'truncated'; lastSeq: number; expected: number }
  | { kind: 'anchor_mismatch'; seq: number };

export interface ChainFileResult {
  header: ChainFileHeader | null;
  checked: number;
  lastSeq: number;
  lastHash: string;
  problems: ChainFileProblem[];
}

const HEX64 = /^[0-9a-f]{64}$/;

function isHeader(v: unknown): v is ChainFileHeader {
  const h = v as Partial<ChainFileHeader> | null;
  return (
    !!h &&
    h.format === CHAIN_FILE_FORMAT &&
    h.version === CHAIN_FILE_VERSION &&
    Number.isInteger(h.fromSeq) &&
    Number.isInteger(h.toSeq) &&
    Number.isInteger(h.events) &&
    typeof h.startPrevHash === 'string' &&
    HEX64.test(h.startPrevHash) &&
    (h.startPrevSeq === undefined || Number.isInteger(h.startPrevSeq))
  );
}

function isEvent(v: unknown): v is StoredEvent {
  const e = v as Partial<StoredEvent> | null;
  return !!e && Number.isInteger(e.seq) && typeof e.hash === 'string' && typeof e.prevHash === 'string';
}

/**
 * Verifies a chain file line by line (the first line is the header), holding one event at a time, so a file of
 * millions of events is checked in constant memory. Pure: the digest is passed in.
 */
export function chainFileVerifier(digest: Digest, anchor?: { seq: number; hash: string }) {
  const problems: ChainFileProblem[] = [];
  let header: ChainFileHeader | null = null;
  let n = 0;
  let checked = 0;
  let last: { seq: number; hash: string } | null = null;
  let anchorSeen = false;
  return {
    line(raw: string): void {
      n++;
      const text = raw.trim();
      if (!text) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        problems.push(n === 1 ? { kind: 'bad_header' } : { kind: 'bad_line', line: n });
        return;
      }
      if (n === 1) {
        if (isHeader(value)) header = value;
        else problems.push({ kind: 'bad_header' });
        return;
      }
      if (!isEvent(value)) {
        problems.push({ kind: 'bad_line', line: n });
        return;
      }
      const start = last ??
        (header ? { seq: header.startPrevSeq ?? header.fromSeq - 1, hash: header.startPrevHash } : null) ?? {
          seq: value.prevSeq ?? value.seq - 1,
          hash: value.prevHash,
        };
      const r = verifyChain([value], digest, start);
      checked++;
      problems.push(...r.problems);
      last = r.last;
      if (anchor && value.seq === anchor.seq) {
        anchorSeen = true;
        if (value.hash !== anchor.hash.toLowerCase()) problems.push({ kind: 'anchor_mismatch', seq: anchor.seq });
      }
    },
    finish(): ChainFileResult {
      const h = header as ChainFileHeader | null;
      const end = last as { seq: number; hash: string } | null;
      if (!h && !problems.some((x) => x.kind === 'bad_header')) problems.push({ kind: 'bad_header' });
      if (h && h.events > 0 && (end?.seq ?? 0) !== h.toSeq) {
        problems.push({ kind: 'truncated', lastSeq: end?.seq ?? 0, expected: h.toSeq });
      }
      if (anchor && !anchorSeen) problems.push({ kind: 'anchor_mismatch', seq: anchor.seq });
      return { header: h, checked, lastSeq: end?.seq ?? 0, lastHash: end?.hash ?? '', problems };
    },
  };
}

/** A problem in the user's words. */
export function describeChainFileProblem(p: ChainFileProblem): string {
  switch (p.kind) {
    case 'bad_header':
      return '第 1 行不是惠企审计链文件的文件头（文件不是本平台导出的 jsonl，或开头被改动）';
    case 'bad_line':
      return `第 ${p.line} 行无法读取（不是完整的事件记录）`;
    case 'truncated':
      return `文件不完整：最后一条是第 ${p.lastSeq} 条事件，文件头写明应到第 ${p.expected} 条（文件尾部被截断或删除）`;
    case 'anchor_mismatch':
      return `锚点第 ${p.seq} 条不在文件中，或其哈希与记录的不符`;
    default:
      return chainProblemMessage(p);
  }
}
