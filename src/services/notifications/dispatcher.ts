/**
 * Delivers outbox rows. A dispatcher claims a batch in a short transaction — rows due now, locked with
 * `FOR UPDATE SKIP LOCKED` so concurrent dispatchers (several app instances) never take the same row — marks
 * them `sending` with a lease, commits, then sends each outside any transaction. A success marks the row
 * `sent`; a failure schedules a retry with exponential back-off, and the last allowed failure marks it `failed`.
 * A row whose lease expired (its dispatcher died mid-send) is claimed again, so delivery is at-least-once.
 */
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { TDispatchResult } from '../../contracts/notifications';
import { notificationOutbox } from '../../db/schema';
import type { Deps } from '../context';
import { type Channel, getSender } from './senders';

export const LEASE_MS = 5 * 60_000;

/** Back-off after the n-th failed attempt: 1 min, 5 min, 25 min, 2 h 5 min, … capped at 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 5 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

export interface DispatchOptions {
  batchSize?: number;
  /** The instant to dispatch at (defaults to the deps clock). */
  now?: Date;
}

export async function dispatchOutbox(deps: Deps, opts: DispatchOptions = {}): Promise<TDispatchResult> {
  const now = opts.now ?? deps.clock();
  const batchSize = opts.batchSize ?? 50;
  const claimed = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationOutbox.id })
      .from(notificationOutbox)
      .where(
        or(
          and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)),
          and(eq(notificationOutbox.status, 'sending'), lte(notificationOutbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(notificationOutbox.nextAttemptAt))
      .limit(batchSize)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(notificationOutbox)
      .set({
        status: 'sending',
        lockedUntil: new Date(now.getTime() + LEASE_MS),
        attempts: sql`${notificationOutbox.attempts} + 1`,
      })
      .where(
        inArray(
          notificationOutbox.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
  });

  const result: TDispatchResult = { claimed: claimed.length, sent: 0, retrying: 0, failed: 0 };
  for (const row of claimed) {
    try {
      const address = deps.cipher.decrypt(row.addressEnc);
      const r = await getSender(row.channel as Channel).send({
        id: row.id,
        channel: row.channel as Channel,
        address,
        subject: row.subject,
        body: row.body,
        kind: row.kind,
      });
      await deps.db
        .update(notificationOutbox)
        .set({
          status: 'sent',
          sentAt: now,
          lockedUntil: null,
          lastError: null,
          providerMessageId: r.providerMessageId ?? null,
        })
        .where(and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.status, 'sending')));
      result.sent++;
    } catch (e) {
      const message = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const final = row.attempts >= row.maxAttempts;
      await deps.db
        .update(notificationOutbox)
        .set({
          status: final ? 'failed' : 'pending',
          lockedUntil: null,
          lastError: message,
          nextAttemptAt: final ? row.nextAttemptAt : new Date(now.getTime() + retryDelayMs(row.attempts)),
        })
        .where(and(eq(notificationOutbox.id, row.id), eq(notificationOutbox.status, 'sending')));
      if (final) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}

export interface BackgroundLoop {
  stop(): Promise<void>;
}

/**
 * Runs `tick` every `intervalMs` until stopped; a tick never overlaps the previous one, and its errors are
 * reported to `onError` rather than crashing the process.
 */
export function startLoop(
  tick: () => Promise<unknown>,
  intervalMs: number,
  onError: (e: unknown) => void,
): BackgroundLoop {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = tick()
      .catch(onError)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref?.();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
