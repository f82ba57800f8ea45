/**
 * Law beside code: every rule and parameter carries a citation into the verbatim source text.
 *
 * A citation names a document and a path of headings as they are printed at the start of a line in that text:
 * articles 第五条, sections 三、, clauses （四）, items 2. and sub-items （2）. An optional `quote` is a phrase the
 * cited clause must contain (whitespace is ignored), so a citation also proves the number it backs.
 */
import { type DocId, SOURCE_DOCS } from '../sources/index';

export type { DocId };

export interface Citation {
  readonly doc: DocId;
  /** Headings from the outside in, e.g. ['第七条', '（一）'] or ['三、', '（四）'] or ['四、', '11.']. */
  readonly ref: readonly string[];
  /** Words of the clause itself; the clause must contain them. */
  readonly quote?: string;
  /** Where in the document when there is no heading to point at, e.g. '末段'. */
  readonly note?: string;
  /**
   * The number of the document cited when it is not one of the committed texts: a renewal notice recorded as a
   * policy version (`doc` then names the policy it renews).
   */
  readonly docNumber?: string;
}

export function cite(doc: DocId, ref: readonly string[], quote?: string, note?: string): Citation {
  return { doc, ref, ...(quote === undefined ? {} : { quote }), ...(note === undefined ? {} : { note }) };
}

const KIND_PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^第[一二三四五六七八九十百]+条$/, '第[一二三四五六七八九十百]+条'],
  [/^[一二三四五六七八九十]+、$/, '[一二三四五六七八九十]+、'],
  [/^（[一二三四五六七八九十]+）$/, '（[一二三四五六七八九十]+）'],
  [/^\d+\.$/, '\\d+\\.'],
  [/^（\d+）$/, '（\\d+）'],
];

function siblingPattern(seg: string): string | undefined {
  for (const [test, pattern] of KIND_PATTERNS) if (test.test(seg)) return pattern;
  return undefined;
}

/** True when a path segment is one of the heading kinds we can resolve. */
export function isHeading(seg: string): boolean {
  return siblingPattern(seg) !== undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function normalizeText(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

export type Located =
  | { readonly ok: true; readonly start: number; readonly end: number; readonly text: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Finds the clause a citation points at inside the document text: each heading must start a line inside the
 * range of its parent, and the clause runs to the next heading of the same kind (or the parent's end).
 * With a quote, the clause must contain it. Pure: the caller supplies the text.
 */
export function locateCitation(text: string, citation: Citation): Located {
  let start = 0;
  let end = text.length;
  for (const seg of citation.ref) {
    const sibling = siblingPattern(seg);
    if (!sibling) return { ok: false, reason: `无法识别的条款标记“${seg}”` };
    const re = new RegExp(`^[ \\t\\u3000]*${escapeRe(seg)}`, 'gm');
    re.lastIndex = start;
    const m = re.exec(text);
    if (!m || m.index >= end) return { ok: false, reason: `原文未找到“${seg}”` };
    const segStart = m.index;
    const next = new RegExp(`^[ \\t\\u3000]*${sibling}`, 'gm');
    next.lastIndex = segStart + m[0].length;
    const n = next.exec(text);
    start = segStart;
    end = n && n.index < end ? n.index : end;
  }
  const clause = text.slice(start, end);
  if (citation.quote !== undefined && !normalizeText(clause).includes(normalizeText(citation.quote))) {
    return { ok: false, reason: `所引条款中没有“${citation.quote}”` };
  }
  return { ok: true, start, end, text: clause };
}

function renderSeg(doc: DocId, seg: string, index: number, ref: readonly string[]): string {
  if (seg.endsWith('、')) {
    // 江府〔2023〕11号 numbers its measures 1–18 across sections: cite the measure, not the section.
    if (doc === '004' && ref.length > index + 1) return '';
    return seg.slice(0, -1);
  }
  if (seg.endsWith('.')) return doc === '004' ? `第${seg.slice(0, -1)}条` : seg.slice(0, -1);
  return seg;
}

/** Human label: "江工信工业互联网〔2023〕33号 第七条（一）", "申报指南 三（四）", "江府〔2023〕11号 第14条". */
export function citationLabel(c: Citation): string {
  const where = c.ref.map((seg, i) => renderSeg(c.doc, seg, i, c.ref)).join('');
  const parts = [c.docNumber ?? SOURCE_DOCS[c.doc].number];
  if (where) parts.push(where);
  if (c.note) parts.push(c.note);
  return parts.join(' ');
}

/** JSON form used by the contract: the label, the document and the path. */
export interface CitationJson {
  readonly label: string;
  readonly doc: DocId;
  readonly docNumber: string;
  readonly ref: string[];
  readonly quote?: string;
}

export function citationToJson(c: Citation): CitationJson {
  return {
    label: citationLabel(c),
    doc: c.doc,
    docNumber: c.docNumber ?? SOURCE_DOCS[c.doc].number,
    ref: [...c.ref],
    ...(c.quote === undefined ? {} : { quote: c.quote }),
  };
}
