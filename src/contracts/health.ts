/** The health checks' answers. */
import { z } from 'zod';

export const ZHealth = z.object({ status: z.literal('ok'), database: z.string(), time: z.string() });
export type THealth = z.infer<typeof ZHealth>;

/** Liveness: the process is up and answering (no database involved). */
export const ZLiveness = z.object({ status: z.literal('ok') });

/** Readiness: the database answers, every migration ran, and the server is not draining for shutdown. */
export const ZReadiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.boolean(),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int() }),
  draining: z.boolean(),
  /** Why not ready, in the reader's language. */
  reason: z.string().nullable(),
});
export type TReadiness = z.infer<typeof ZReadiness>;
