/**
 * Required-ness from the shared Zod contracts, so a form's asterisk (`required` of an antd rule) follows the schema
 * the API checks instead of a hand-written `required: true`.
 */
import type { ZodType } from 'zod';

/** Whether a field's own schema refuses an absent value (`z.string().min(1)` does; `.optional()` does not). */
export function requiredOf(schema: ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

function without(value: unknown, path: readonly string[]): unknown {
  if (!path.length || !value || typeof value !== 'object') return value;
  const [head, ...tail] = path as [string, ...string[]];
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (tail.length) copy[head] = without(copy[head], tail);
  else delete copy[head];
  return copy;
}

/**
 * Whether a whole request's schema refuses the request when the field at `path` (dotted, "loan.amount") is absent,
 * the other fields being `request`. Unlike `requiredOf` this also sees the cross-field rules (`superRefine`) that make
 * a field required only for some values of the others, such as a reason that is needed only to refuse.
 */
export function requiredIn(schema: ZodType, path: string, request: Record<string, unknown>): boolean {
  const r = schema.safeParse(without(request, path.split('.')));
  return !r.success && r.error.issues.some((i) => i.path.join('.') === path);
}
