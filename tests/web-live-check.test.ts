/**
 * The live check on the declaration form recomputes after every change and shows the answer about what the form
 * holds now: a slow answer to an earlier input never replaces a newer one, and a refused input clears the previous
 * verdict (the panel then says why it cannot check) instead of leaving it standing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestOnly } from '../web/src/shared/latest';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the live check keeps only the newest answer', () => {
  it('an answer to an earlier input arriving last is dropped', async () => {
    const shown: string[] = [];
    const runner = latestOnly();
    const first = deferred<string>();
    const second = deferred<string>();
    const on = { result: (v: string) => shown.push(v), failure: () => shown.push('failed') };
    const a = runner.run(() => first.promise, on);
    const b = runner.run(() => second.promise, on);
    second.resolve('after the fix');
    await b;
    first.resolve('before the fix');
    await a;
    expect(shown).toEqual(['after the fix']);
  });

  it('a refused input is reported (so the page clears the old verdict); an earlier failure after a fix is dropped', async () => {
    const events: string[] = [];
    const runner = latestOnly();
    const on = {
      result: (v: string) => events.push(`result:${v}`),
      failure: (e: unknown) => events.push(`failure:${String(e)}`),
      settled: () => events.push('settled'),
    };
    await runner.run(() => Promise.reject('bad uscc'), on);
    const slow = deferred<string>();
    const stale = runner.run(() => slow.promise, on);
    await runner.run(() => Promise.resolve('fixed'), on);
    slow.reject('old failure');
    await stale;
    expect(events).toEqual(['failure:bad uscc', 'settled', 'result:fixed', 'settled']);
  });

  it('the declaration form runs its check through it and re-runs when a file is replaced', () => {
    const src = fs.readFileSync(
      path.resolve(__dirname, '../web/src/features/projects/DeclarationFormPage.tsx'),
      'utf8',
    );
    expect(src).toContain('latestOnly()');
    expect(src).toMatch(/failure: \(e\) => \{\s*setCheck\(undefined\)/);
    expect(src).toContain('filesKey');
  });
});
