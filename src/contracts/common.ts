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

/**
 * A yuan amount typed by a person ("27000.00"): not negative, at most two decimals, at most 13 digits of yuan, no
 * exponent. Each problem is said in the person's terms (a negative amount is not told about decimals).
 */
export const ZYuanAmount = (label: string) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const problem = yuanProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem.zh, params: { en: problem.en } });
    })
    .describe(label);

function yuanProblem(v: string): { zh: string; en: string } | null {
  if (/^\d{1,13}(\.\d{1,2})?$/.test(v)) return null;
  if (/^-\s*\d/.test(v)) return { zh: '必须大于 0，不能为负数', en: 'must be greater than 0, not negative' };
  if (/^[\d.]+e[+-]?\d+$/i.test(v) || /^\d{14,}(\.\d*)?$/.test(v))
    return { zh: '金额过大，最多 13 位整数（元）', en: 'is too large (at most 13 digits of yuan)' };
  if (/^\d+\.\d{3,}$/.test(v)) return { zh: '最多两位小数（精确到分）', en: 'must have at most two decimals' };
  return { zh: '应为金额（元），如 27000.00', en: 'must be an amount in yuan, e.g. 27000.00' };
}

/**
 * A reason a person writes must say something: at least one letter or digit, not only emoji, punctuation or spaces
 * ("👍", "。。。" and "   " are refused). Empty text is left to the field's own length rule.
 */
export const SAYS_SOMETHING = [
  (v: string) => v.length === 0 || /[\p{L}\p{N}]/u.test(v),
  {
    message: '须用文字写明，不能只有表情、标点或空格',
    params: { en: 'must say something in words, not only emoji, punctuation or spaces' },
  },
] as const;
