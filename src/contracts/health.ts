/** The health check's answer. */
import { z } from 'zod';

export const ZHealth = z.object({ status: z.literal('ok'), database: z.string(), time: z.string() });
export type THealth = z.infer<typeof ZHealth>;
