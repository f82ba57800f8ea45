/** Small answers and queries shared by several modules. */
import { z } from 'zod';

/** A change that answers only that it was done. */
export const ZOk = z.object({ ok: z.literal(true) });

/** How many records a bulk change updated. */
export const ZUpdatedCount = z.object({ updated: z.number().int().describe('更新的条数') });

/** Paging of a public list. */
export const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('页码'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('每页条数'),
});

/** A calendar date (YYYY-MM-DD), named in its message. */
export const ZIsoDate = (label: string) => z.iso.date({ message: `${label}应为日期（YYYY-MM-DD）` }).describe(label);
