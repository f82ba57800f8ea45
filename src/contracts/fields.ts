/**
 * Building blocks the contracts share: the fields a person types (with their limits said in Chinese), record
 * numbers, the answers of lists, and the "this field is required when …" rule of a form. Each call makes a new
 * schema, so a field keeps the description given to it where it is used.
 */
import { z } from 'zod';

/** A trimmed, non-empty text of at most `max` characters. */
export const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, { error: '不能为空' })
    .max(max, { error: `不超过${max}个字` })
    .describe(label);

/** A trimmed text of at most `max` characters that may be left empty. */
export const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `不超过${max}个字` })
    .describe(label);

/** A record's number (UUID), named in its message. */
export const ZUuid = (label: string) => z.uuid({ message: `${label}应为 UUID` }).describe(label);

/** One page of a list: the items, how many there are in all, and which page of what size this is. */
export const pagedList = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** A whole list with its count. */
export const countedList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** A whole list. */
export const itemList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/**
 * Says that `field` is required in this case, under the field (the web shows it there): the Chinese message, and
 * the English one for an English request.
 */
export function requireField(ctx: z.RefinementCtx, field: string, zh: string, en: string): void {
  ctx.addIssue({ code: 'custom', path: [field], message: zh, params: { en } });
}
