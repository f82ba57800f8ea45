/**
 * Reads a need typed as one sentence (the offline reader of `domain/financing/parse.ts`; no external service).
 * A deployment's language-model adapter, when one is configured, would sit here and fall back to this reader.
 */
import type { TNeedReading } from '../../contracts/financing';
import { parseNeedText } from '../../domain/financing/parse';

export function parseNeed(text: string): TNeedReading {
  const r = parseNeedText(text);
  return { ...r, readings: { ...r.readings }, ignored: [...r.ignored] };
}
