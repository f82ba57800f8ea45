/**
 * Ant Design form validation from the shared Zod contracts: a field is checked in the browser by the same schema
 * the API uses, and the message is the same Chinese (or English) sentence the API would answer with.
 */
import type { FormInstance, FormRule } from 'antd';
import { type ZodType, z } from 'zod';
import { describeIssues, type IssueLike } from '../../../src/contracts/validation';
import { namePathOf } from '../api/client';

function nest(path: readonly string[], leaf: ZodType): ZodType {
  return path.reduceRight<ZodType>((inner, key) => z.object({ [key]: inner }), leaf);
}

function blankToUndefined(raw: unknown): unknown {
  return raw === '' || raw === null ? undefined : raw;
}

/** A rule checking one field with its schema; `path` is the field's dotted path in the request ("account.username"). */
export function zodRule(schema: ZodType, path: string, lang: 'zh' | 'en'): FormRule {
  const segments = path.split('.');
  const root = nest(segments, schema);
  return {
    // Marks the field as required (the asterisk) when the schema refuses an absent value; the message still comes from Zod.
    required: !schema.safeParse(undefined).success,
    validator: async (_rule, raw: unknown) => {
      const value = blankToUndefined(raw);
      const r = schema.safeParse(value);
      if (r.success) return;
      const issues: IssueLike[] = r.error.issues.map((i) => ({
        ...(i as unknown as IssueLike),
        path: [...segments, ...i.path],
        input: value,
      }));
      const [first] = describeIssues(issues, root, lang);
      throw new Error(first?.message ?? r.error.message);
    },
  };
}

/** Drops empty strings (optional fields left blank) so they are sent as absent, recursively. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === '' || v === undefined) continue;
      out[k] = compact(v);
    }
    return out as T;
  }
  return value;
}

/**
 * Checks the whole request with its schema (including cross-field rules) and puts every message under its field.
 * Returns true when valid.
 */
export function validateAll(form: FormInstance, schema: ZodType, values: unknown, lang: 'zh' | 'en'): boolean {
  const r = schema.safeParse(values);
  if (r.success) return true;
  const fields = describeIssues(r.error.issues as unknown as IssueLike[], schema, lang);
  const byField = new Map<string, string[]>();
  for (const f of fields) byField.set(f.path, [...(byField.get(f.path) ?? []), f.message]);
  form.setFields([...byField].map(([p, errors]) => ({ name: namePathOf(p), errors })));
  return false;
}

/**
 * `form.validateFields()` without the rejection: the field messages are already shown by the form, so an invalid
 * form resolves to null instead of leaving an unhandled promise rejection behind.
 */
export async function validFields<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (e) {
    if (e && typeof e === 'object' && 'errorFields' in e) return null;
    throw e;
  }
}

/**
 * The longest text a field's schema accepts (`z.string().max(n)`), looking through optional, nullable, default,
 * transform and preprocess wrappers; undefined when the schema sets no maximum. Inputs use it as their maxLength,
 * so the length lives in the contract only.
 */
export function maxLengthOf(schema: ZodType): number | undefined {
  const seen = new Set<unknown>();
  let s: unknown = schema;
  while (s && !seen.has(s)) {
    seen.add(s);
    const max = (s as { maxLength?: number | null }).maxLength;
    if (typeof max === 'number' && Number.isFinite(max)) return max;
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return undefined;
    // optional / nullable / default / catch / readonly wrap innerType; pipes and preprocess read their input or output.
    s =
      def.innerType ??
      (def.type === 'pipe'
        ? (def.out as { _zod?: { def?: { type?: string } } })?._zod?.def?.type === 'transform'
          ? def.in
          : def.out
        : undefined);
  }
  return undefined;
}

/**
 * Whether a field's own schema refuses an absent value (`z.string().min(1)` does; `.optional()` does not), so a
 * form's asterisk (an antd rule's `required`) follows the contract instead of a hand-written `required: true`. For a
 * field whose value is not yet the request's value (a date picker's Dayjs) and so cannot be checked by `zodRule`.
 */
export function requiredOf(schema: ZodType): boolean {
  return !schema.safeParse(undefined).success;
}

/** A date picker's rule: required as the contract says, with the form's own message. */
export function requiredRule(schema: ZodType, message: string): FormRule {
  return { required: requiredOf(schema), message };
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
