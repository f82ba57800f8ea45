/**
 * Turns Zod issues into field errors that name the field, in Chinese (default) or English.
 * Field labels come from the schema's `.describe('中文名')` / `.meta({ title })`, so each schema
 * is the one place a field's name is written; the API, the CLI and the web forms all use this.
 */
import { type ZodType, z } from 'zod';

export type Lang = 'zh' | 'en';

export interface FieldError {
  /** Dotted path of the field, e.g. "loans.0.amount". */
  path: string;
  /** The field's Chinese name when the schema gives one. */
  label?: string;
  message: string;
}

/** The subset of a Zod issue we read (also what fastify-type-provider-zod hands back). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  [k: string]: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: walking Zod's internal definition tree
type AnyDef = any;

function unwrap(schema: ZodType | undefined): ZodType | undefined {
  let s: AnyDef = schema;
  for (let i = 0; i < 10 && s; i++) {
    const def = s._zod?.def;
    if (!def) return s;
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)) {
      s = def.innerType;
    } else if (def.type === 'pipe') {
      s = def.in;
    } else if (def.type === 'lazy') {
      s = def.getter();
    } else return s;
  }
  return s;
}

/**
 * A field's name as a person reads it: a schema's description may carry notes for API readers in parentheses or
 * after a "；" ("所在县（市、区）；江门市外注册的企业选 outside", "是否入池（true/false）"); the note is dropped when it
 * names codes, so a message says "所在县（市、区）为必填项".
 */
function personLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const bare = label
    .replace(/（[^（）]*[A-Za-z][^（）]*）/g, '')
    .split('；')[0]!
    .trim();
  return bare || label;
}

function labelOf(schema: ZodType | undefined): string | undefined {
  return personLabel(describedLabel(schema));
}

function describedLabel(schema: ZodType | undefined): string | undefined {
  if (!schema) return undefined;
  const direct = z.globalRegistry.get(schema);
  const title = (direct?.title as string | undefined) ?? schema.description;
  if (title) return title;
  const inner = unwrap(schema);
  if (inner && inner !== schema) {
    const meta = z.globalRegistry.get(inner);
    return (meta?.title as string | undefined) ?? inner.description;
  }
  return undefined;
}

/** Finds the schema at `path` inside `root` (objects, arrays, records, wrappers), if it can. */
export function schemaAt(root: ZodType | undefined, path: readonly PropertyKey[]): ZodType | undefined {
  let s = root;
  for (const seg of path) {
    const u: AnyDef = unwrap(s);
    const def = u?._zod?.def;
    if (!def) return undefined;
    if (def.type === 'object') s = def.shape?.[seg as string];
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'record') s = def.valueType;
    else if (def.type === 'tuple') s = def.items?.[Number(seg)];
    else return undefined;
  }
  return s;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
  bigint: '整数',
};

const FORMAT_ZH: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  datetime: '日期时间（ISO 8601，如 2024-02-01T10:00:00+08:00）',
  uuid: '系统生成的编号',
  email: '电子邮箱',
  regex: '规定格式',
  url: '网址',
};

function sizeMessage(issue: IssueLike, lang: Lang, big: boolean): string {
  const origin = issue.origin as string | undefined;
  const bound = String(big ? issue.maximum : issue.minimum);
  const inclusive = issue.inclusive !== false;
  if (lang === 'en') {
    const rel = big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'greater than';
    if (origin === 'string') return `must be ${rel} ${bound} characters`;
    if (origin === 'array' || origin === 'set') return `must have ${rel} ${bound} items`;
    return `must be ${rel} ${bound}`;
  }
  if (origin === 'string')
    return big ? `不能超过 ${bound} 个字符` : bound === '1' ? '不能为空' : `至少 ${bound} 个字符`;
  if (origin === 'array' || origin === 'set') return big ? `不能超过 ${bound} 项` : `至少需要 ${bound} 项`;
  const rel = big ? (inclusive ? '不能大于' : '必须小于') : inclusive ? '不能小于' : '必须大于';
  return `${rel} ${bound}`;
}

function issueMessage(issue: IssueLike, lang: Lang): string {
  const en = lang === 'en';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = String(issue.expected ?? '');
      const missing = issue.input === undefined || /received undefined/.test(issue.message);
      if (missing) return en ? 'is required' : '为必填项';
      return en ? `must be of type ${expected}` : `应为${TYPE_ZH[expected] ?? expected}`;
    }
    case 'too_small':
      return sizeMessage(issue, lang, false);
    case 'too_big':
      return sizeMessage(issue, lang, true);
    case 'invalid_format': {
      const fmt = String(issue.format ?? '');
      if (fmt === 'regex' && issue.message && !/^Invalid/.test(issue.message)) return issue.message;
      return en ? `has an invalid format (${fmt})` : `格式不正确，应为${FORMAT_ZH[fmt] ?? fmt}`;
    }
    case 'invalid_value': {
      // the allowed values are machine codes (district codes, roles, states): a person is told to pick from the list
      const values = (issue.values as unknown[] | undefined)?.map(String) ?? [];
      if (values.length > 0 && values.every((v) => CJK.test(v))) {
        return en ? `must be one of: ${values.join(', ')}` : `应为以下之一：${values.join('、')}`;
      }
      return en ? 'is not one of the choices offered; pick one from the list' : '不是可选的值，请从列表中选择';
    }
    case 'unrecognized_keys':
      return en ? 'contains fields that are not part of this form' : '包含无法识别的内容，请只填写表单中的项目';
    case 'not_multiple_of':
      return en ? `must be a multiple of ${issue.divisor}` : `应为 ${issue.divisor} 的整数倍`;
    case 'invalid_union':
      return en ? 'has an invalid value' : '取值不正确';
    case 'unstorable_text':
      return en
        ? 'contains a character that cannot be stored (a NUL character or a broken character code); remove it and try again'
        : '含有无法保存的字符（空字符或残缺的字符编码，多见于从其他系统复制的文字），请删除后重试';
    default: {
      // custom refinements carry their own Chinese message; an English one may ride in params.en
      const params = issue.params as { en?: string } | undefined;
      if (en && params?.en) return params.en;
      return issue.message;
    }
  }
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The name a person reads for the field at `path`: its own label, else the nearest labelled enclosing field, with
 * the row number when the field sits in a list ("第 2 行计划投资金额"). Never the machine path (that stays in
 * `FieldError.path`); a field nothing names is "提交的内容".
 */
function personName(root: ZodType | undefined, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const label = labelOf(schemaAt(root, path.slice(0, n)));
    if (!label) continue;
    const rows = path.filter((seg) => /^\d+$/.test(String(seg)));
    return rows.length > 0 ? `第 ${Number(rows[rows.length - 1]) + 1} 行${label}` : label;
  }
  return undefined;
}

export function describeIssues(issues: readonly IssueLike[], root: ZodType | undefined, lang: Lang): FieldError[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const label = labelOf(schemaAt(root, issue.path));
    const msg = issueMessage(issue, lang);
    if (lang === 'en') {
      // the labels are Chinese; English readers get the field's path, which is its English name in the API
      const name = path || 'the request';
      return { path, ...(label ? { label } : {}), message: `${name} ${msg}` };
    }
    const name = personName(root, issue.path) ?? '提交的内容';
    return { path, ...(label ? { label } : {}), message: `${name}${msg}` };
  });
}

/** One sentence for all field errors, e.g. for the CLI or a toast. */
export function summarize(fields: readonly FieldError[], lang: Lang): string {
  const head = lang === 'en' ? 'Invalid input: ' : '输入有误：';
  return head + fields.map((f) => f.message).join(lang === 'en' ? '; ' : '；');
}
