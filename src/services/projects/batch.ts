/** Runs one action per declaration, each in its own transaction, and reports every outcome. */
import type { TBatchResult } from '../../contracts/projects';
import type { DeclarationState } from '../../domain/workflow/declaration';
import type { Ctx } from '../context';
import { AppError } from '../errors';

export interface ItemOutcome {
  state: DeclarationState;
  libraryNumber?: string | null;
}

export async function runBatch(
  ctx: Ctx,
  ids: readonly string[],
  one: (id: string) => Promise<ItemOutcome>,
): Promise<TBatchResult> {
  const results: TBatchResult['results'] = [];
  const unique = [...new Set(ids)];
  let lastError: AppError | null = null;
  for (const id of unique) {
    try {
      const r = await one(id);
      results.push({ id, ok: true, state: r.state, libraryNumber: r.libraryNumber ?? null, error: null });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      lastError = e;
      results.push({
        id,
        ok: false,
        state: null,
        libraryNumber: null,
        error: { code: e.code, message: e.messageIn(ctx.lang) },
      });
    }
  }
  // A batch of one answers with the item's own error status.
  if (unique.length === 1 && lastError) throw lastError;
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
