/** A write that a unique constraint guards: a violation is answered with the caller's own conflict (409). */
import { uniqueViolationOf } from '../enterprises';

/** Runs `write`; when a unique constraint refuses it, throws `taken()` instead (other errors pass unchanged). */
export async function unlessTaken<T>(write: () => Promise<T>, taken: () => Error): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (uniqueViolationOf(err)) throw taken();
    throw err;
  }
}
