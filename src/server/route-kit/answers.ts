/** Answers several routes give in the same words. */

/** The `{ ok: true }` of a route whose use case answers nothing, once that use case is done. */
export async function acknowledged(work: Promise<unknown>): Promise<{ ok: true }> {
  await work;
  return { ok: true };
}
