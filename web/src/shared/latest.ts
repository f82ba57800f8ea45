/**
 * A live check fires a request on every change of the form; answers may arrive out of order. `latestOnly` keeps
 * the answer to the newest request only, so a slow answer about an earlier (already fixed) input never replaces the
 * answer about what the form holds now — and a refused request clears the previous answer instead of leaving it
 * standing as if it described the current input.
 */
export interface LatestRunner {
  run<T>(
    work: () => Promise<T>,
    on: { result: (value: T) => void; failure: (error: unknown) => void; settled?: () => void },
  ): Promise<void>;
}

export function latestOnly(): LatestRunner {
  let newest = 0;
  return {
    async run(work, on) {
      const mine = ++newest;
      try {
        const value = await work();
        if (mine === newest) on.result(value);
      } catch (e) {
        if (mine === newest) on.failure(e);
      } finally {
        if (mine === newest) on.settled?.();
      }
    },
  };
}
