/**
 * The reference data kept in memory (ADR 0026): this instance's own changes are seen at once, another instance's
 * within the time to live, a transaction always reads the database, and a time to live of 0 turns it off.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { filingWindowOverrides } from '../src/db/schema';
import { readCalendarRows, saveWindowOverride } from '../src/services/calendar';
import { systemCtx } from '../src/services/context';
import { configureReferenceCache } from '../src/services/reference-cache';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let monotonic = 0;

const OVERRIDE = { opens: '2027-03-03', closes: '2027-03-12', notice: '数转办〔2027〕3号' };

/** A row written by another instance: straight into the table, not through this process's use cases. */
async function writeAsAnotherInstance(month: string, closes: string): Promise<void> {
  await p.deps.db
    .insert(filingWindowOverrides)
    .values({
      month,
      opens: `${month}-02`,
      closes,
      notice: '另一实例写入',
      updatedBy: 'other',
      updatedAt: new Date('2026-11-21T02:00:00Z'),
    })
    .onConflictDoUpdate({ target: filingWindowOverrides.month, set: { closes } });
}

async function closesOf(month: string, db = p.deps.db): Promise<string | undefined> {
  return (await readCalendarRows(db)).overrides.find((o) => o.month === month)?.closes;
}

beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => {
  configureReferenceCache({ ttlMs: 2000, monotonicNow: () => performance.now() });
  await p.close();
});
beforeEach(async () => {
  configureReferenceCache({ ttlMs: 2000, monotonicNow: () => monotonic });
  await p.deps.db.delete(filingWindowOverrides);
  monotonic += 10_000; // whatever an earlier test kept has expired
});

describe('reference data in memory', () => {
  it('shows this instance’s own change on the next read, without waiting', async () => {
    expect(await closesOf('2027-03')).toBeUndefined();
    await saveWindowOverride(systemCtx(p.deps), '2027-03', OVERRIDE);
    expect(await closesOf('2027-03')).toBe('2027-03-12');
  });

  it('shows another instance’s change once the time to live has passed, and not before', async () => {
    expect(await closesOf('2027-04')).toBeUndefined();
    await writeAsAnotherInstance('2027-04', '2027-04-15');
    monotonic += 1999;
    expect(await closesOf('2027-04')).toBeUndefined();
    monotonic += 2;
    expect(await closesOf('2027-04')).toBe('2027-04-15');
  });

  it('reads the database inside a transaction, whatever is kept', async () => {
    expect(await closesOf('2027-05')).toBeUndefined();
    await writeAsAnotherInstance('2027-05', '2027-05-20');
    const inTx = await p.deps.db.transaction(async (tx) => closesOf('2027-05', tx as never));
    expect(inTx).toBe('2027-05-20');
    expect(await closesOf('2027-05')).toBeUndefined();
  });

  it('reads the database every time with a time to live of 0', async () => {
    configureReferenceCache({ ttlMs: 0 });
    expect(await closesOf('2027-06')).toBeUndefined();
    await writeAsAnotherInstance('2027-06', '2027-06-18');
    expect(await closesOf('2027-06')).toBe('2027-06-18');
    await p.deps.db
      .update(filingWindowOverrides)
      .set({ closes: '2027-06-19' })
      .where(eq(filingWindowOverrides.month, '2027-06'));
    expect(await closesOf('2027-06')).toBe('2027-06-19');
  });
});
