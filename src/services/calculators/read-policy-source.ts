/** The verbatim text of one policy document of the library (public), read from the sources shipped with the engine. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSourceDoc } from '../../contracts/calculators';
import { type DocId, SOURCE_DOCS } from '../../domain/policies/sources/index';

const SOURCES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../domain/policies/sources');

/** The document with its text, or null when the library has no such document. */
export async function readPolicySource(docId: string): Promise<TSourceDoc | null> {
  const doc = SOURCE_DOCS[docId as DocId];
  if (!doc) return null;
  const text = await fs.readFile(path.join(SOURCES_DIR, doc.file), 'utf8');
  return { ...doc, text };
}
