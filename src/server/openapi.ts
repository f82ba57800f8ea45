/**
 * Finishes the OpenAPI 3.1 document generated from the routes' Zod schemas, so that a generated client can use it:
 *
 * - every operation has a stable `operationId` derived from its method and path (`postLoansByIdRepayments`);
 * - the contracts' object schemas are named components (`src/contracts/schema-names.ts`), unused ones dropped;
 * - every operation documents the error envelope (`components.schemas.Error`) for the 4xx it can answer and as its
 *   `default` answer;
 * - the session cookie, the CSRF header and the bank systems' bearer token are security schemes, and every
 *   operation says which it needs (`security: []` for the public ones);
 * - the uploads have their multipart/form-data (and raw file) request bodies, the downloads their content types;
 * - every answer has a description;
 * - a collection documented with a trailing slash (`/api/v1/loans/`) is also documented without it, the form to
 *   use; the slash form stays (deprecated) so clients generated from earlier documents keep working.
 *
 * Everything is derived from the routes, so a new route is documented the same way without touching this file;
 * only the public operations and the upload forms are listed here.
 */
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ALLOWED_FILE_TYPES, FILE_TYPE_INFO, ZAttachmentUploadForm } from '../contracts/attachments';
import { ZLoanImportForm } from '../contracts/loans';
import { nameContractSchemas } from '../contracts/schema-names';
import { SESSION_COOKIE } from './plugins/auth';

nameContractSchemas();

type Json = Record<string, unknown>;
interface Operation extends Json {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: unknown[];
  requestBody?: Json;
  responses?: Record<string, Json>;
  security?: Record<string, string[]>[];
}
type PathItem = Record<string, Operation>;
interface Document extends Json {
  info: Json;
  paths: Record<string, PathItem>;
  components: Json & { schemas?: Record<string, unknown> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Operations anyone may call without signing in (`METHOD path`, a trailing `*` matches the rest). */
export const PUBLIC_OPERATIONS: readonly string[] = [
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/v1/auth/login',
  'GET /api/v1/auth/site',
  'POST /api/v1/enterprises/register',
  'GET /api/v1/filing-windows',
  'POST /api/v1/calculators/*',
  'GET /api/v1/policies',
  'GET /api/v1/policies/*',
  'GET /api/v1/reference/*',
  'GET /api/v1/public/notices*',
  'POST /api/v1/public/notices/{id}/objections',
  'GET /api/v1/calendar/windows/current',
  'GET /api/v1/calendar/years/{year}',
  'GET /api/v1/financing/products',
  'GET /api/v1/financing/products/{id}',
  'POST /api/v1/financing/needs/parse',
  'GET /api/v1/outreach/public/statistics',
  'GET /api/v1/outreach/public/statistics/xlsx',
  'GET /api/v1/fund/public/notices*',
  'POST /api/v1/fund/public/notices/{id}/objections',
];

/** Operations that work with or without a session (signing out without one does nothing). */
const SESSION_OPTIONAL: readonly string[] = ['POST /api/v1/auth/logout'];

/** The multipart/form-data forms of the routes that read their body themselves (documented as their body). */
const UPLOAD_FORMS: Record<string, z.ZodType> = {
  'POST /api/v1/attachments': ZAttachmentUploadForm,
  'POST /api/v1/loans/import': ZLoanImportForm,
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The content types of the downloads whose routes do not list them (`produces`) as the file really is. */
const DOWNLOADS: Record<string, readonly string[]> = {
  'GET /api/v1/attachments/{id}/download': [...new Set(ALLOWED_FILE_TYPES.map((t) => FILE_TYPE_INFO[t].mime))],
  'GET /api/v1/subsidy/funding-plans/{id}/xlsx': [XLSX],
  'GET /api/v1/fund/calls/{id}/plan/xlsx': [XLSX],
  'GET /api/v1/subsidy/campaigns/{id}/sandbox/comparison/xlsx': [XLSX],
  'GET /api/v1/fund/calls/{id}/export': [XLSX],
  'GET /api/v1/outreach/whitelists/{id}/xlsx': [XLSX],
  'GET /api/v1/outreach/statistics/xlsx': [XLSX],
  'GET /api/v1/outreach/public/statistics/xlsx': [XLSX],
};

const BINARY = { type: 'string', format: 'binary' } as const;

/** The `METHOD path` key of an operation: OpenAPI's `{param}`, no trailing slash (`POST /api/v1/loans`). */
function keyOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/(.)\/$/, '$1')}`;
}

export const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '登录会话（POST /api/v1/auth/login 成功后设置的 httpOnly Cookie）',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      '防跨站令牌：使用会话 Cookie 的状态变更请求（POST、PUT、PATCH、DELETE）须在此头中回传登录或 GET /api/v1/auth/me 返回的 csrfToken，否则返回 403 CSRF_REJECTED',
  },
  bankToken: {
    type: 'http',
    scheme: 'bearer',
    description: '合作银行、保险公司系统的接口令牌（由安全管理员签发；使用令牌时无需 Cookie 和 x-csrf-token）',
  },
} as const;

const ERROR_REF = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR_REF } },
});

/** The shared error answers, by status. */
const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': {
    name: 'BadRequest',
    description:
      '请求有误：VALIDATION_FAILED 时 error.fields 逐项列出有误的字段；其他代码如 BAD_MULTIPART、REFERENCE_NOT_FOUND 或业务规则的拒绝',
  },
  '401': {
    name: 'Unauthorized',
    description: '未登录、会话已过期，或接口令牌无效、已过期（UNAUTHENTICATED、INVALID_TOKEN、TOKEN_EXPIRED）',
  },
  '403': {
    name: 'Forbidden',
    description:
      '无权执行（FORBIDDEN）、缺少防跨站令牌（CSRF_REJECTED），或须先修改临时密码、绑定身份验证器（PASSWORD_CHANGE_REQUIRED、TWO_FACTOR_ENROLMENT_REQUIRED）',
  },
  '404': { name: 'NotFound', description: '记录不存在，或不在您的权限范围内（NOT_FOUND）' },
  '409': {
    name: 'Conflict',
    description: '与现有记录冲突：重复提交（DUPLICATE）、版本已过期或并发修改（RETRY 等），可刷新后重试',
  },
  '413': { name: 'PayloadTooLarge', description: '请求内容或文件超过大小上限（PAYLOAD_TOO_LARGE、FILE_TOO_LARGE）' },
  '415': {
    name: 'UnsupportedMediaType',
    description: '不支持的请求内容类型或文件类型（UNSUPPORTED_MEDIA_TYPE、NOT_MULTIPART）',
  },
  '429': { name: 'TooManyRequests', description: '请求过于频繁（RATE_LIMITED），请稍后再试' },
  default: { name: 'UnexpectedError', description: '其他错误（如 500 INTERNAL_ERROR，已记录，附请求编号）' },
};

const SUCCESS_DESCRIPTIONS: Record<string, string> = {
  '200': '成功',
  '201': '已创建',
  '202': '已受理',
  '204': '成功，无返回内容',
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  system: '运行状态',
  auth: '登录、会话、密码与双因素认证',
  policies: '公开的政策、申报窗口与测算器',
  enterprises: '企业注册、档案与信用',
  attachments: '附件上传与下载',
  reference: '公开的参考数据（区县、合作机构）',
  users: '账号管理',
  'api-tokens': '合作机构系统接口令牌',
  audit: '审计日志与校验',
  loans: '政银保贷款、还款与批量导入',
  subsidy: '贴息补贴：批次、申请、审核、分配、公示与资金计划',
  'public-notices': '公开的公示与异议',
  dashboard: '统计看板',
  'project-library': '项目库：申报、审核、项目、报告与抽查',
  notifications: '站内通知与外发队列',
  calendar: '工作日历与申报窗口设置',
  'policy-versions': '政策版本：续期与后继政策的登记、复核批准（双人）与公开查询',
  guarantee: '担保费补贴与风险补偿：申请、核查、核实（双人复核）、分配、公示、资金池、追偿返还与奖补增信',
  sandbox: '政策沙盘：按批次真实申请测算模拟方案并与现行结果对比（只读）',
  interpretations: '解释口径：条文多种读法的登记、市工业和信息化局裁定的复核批准（双人）与公开查询',
  outreach: '融资服务白名单与走访对接、融资对接会一对一洽谈排期、融资对接统计与授信目标进度',
  financing: '融资对接专区：融资产品与上架审核、一句话融资需求解析、双向匹配、对接单与答复时限',
  credit:
    '企业画像与风险预警：授权查看的企业画像（来源、日期、透明评分）、查看记录、数字化水平评测、风险预警的发送与确认',
  fund: '竞争性项目（工业互联网专项资金、资源池遴选）：申报通知、申报、形式审查、专家评审、排序、集体审议、公示、项目计划、验收、抽查与追缴',
};

// ---------------------------------------------------------------------------------------------------------------
// Per route: what only the route knows (the fastify-type-provider-zod transform, then a few hints for the object).

const HINT_PRODUCES = 'x-huiqi-produces';
const HINT_CONSUMES = 'x-huiqi-consumes';
const HINT_RATE_LIMITED = 'x-huiqi-rate-limited';

export const openapiTransform: SwaggerTransform = (input) => {
  const original = (input.schema ?? {}) as Json;
  const methods = ([] as string[]).concat(input.route.method);
  const form = methods.map((m) => UPLOAD_FORMS[keyOf(m, input.url)]).find(Boolean);
  // An upload's form is documented as its body (the route reads the body itself, so Fastify never sees it).
  const schema = form && !original.body ? { ...original, body: form } : original;
  const out = jsonSchemaTransform({ ...input, schema } as Parameters<typeof jsonSchemaTransform>[0]);
  const transformed = out.schema as Json;
  if (transformed.hide) return out;
  const hints: Json = {};
  const download = methods.map((m) => DOWNLOADS[keyOf(m, input.url)]).find(Boolean);
  if (download) hints[HINT_PRODUCES] = download;
  else if (Array.isArray(original.produces) && !original.response) hints[HINT_PRODUCES] = original.produces;
  if (Array.isArray(original.consumes)) hints[HINT_CONSUMES] = original.consumes;
  const config = input.route.config as { rateLimit?: unknown } | undefined;
  if (config?.rateLimit) hints[HINT_RATE_LIMITED] = true;
  return { schema: { ...transformed, ...hints }, url: out.url };
};

// ---------------------------------------------------------------------------------------------------------------
// The whole document.

const camel = (s: string) => s.replace(/[-_.]+([a-zA-Z0-9])/g, (_m, c: string) => c.toUpperCase());
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `POST /api/v1/loans/{id}/repayments` → `postLoansByIdRepayments`; `/api/health` → `getHealth`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api(\/v\d+)?/, '')
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      const param = /^\{(.+)\}$/.exec(segment);
      return param ? `By${capital(camel(param[1]!))}` : capital(camel(segment));
    });
  return method.toLowerCase() + words.join('');
}

function matches(patterns: readonly string[], key: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p));
}

function securityOf(method: string, path: string): Record<string, string[]>[] {
  const key = keyOf(method, path);
  if (matches(PUBLIC_OPERATIONS, key)) return [];
  const safe = method === 'get' || method === 'head';
  const session: Record<string, string[]> = safe ? { session: [] } : { session: [], csrf: [] };
  if (matches(SESSION_OPTIONAL, key)) return [session, {}];
  return [session, { bankToken: [] }];
}

/** Uploads: the form for multipart/form-data, the file itself for the raw types (text/csv, xlsx, …). */
function finishRequestBody(op: Operation): void {
  const consumes = op[HINT_CONSUMES] as string[] | undefined;
  delete op[HINT_CONSUMES];
  const content = op.requestBody?.content as Record<string, Json> | undefined;
  if (!consumes) return;
  const media: Record<string, Json> = {};
  for (const type of consumes) {
    media[type] = type.includes('json') || type.startsWith('multipart/') ? (content?.[type] ?? {}) : { schema: BINARY };
  }
  op.requestBody = { ...op.requestBody, required: true, content: media };
}

/** The description of the named schema a response's JSON content refers to. */
function schemaDescription(response: Json, schemas: Record<string, unknown>): string | undefined {
  const content = response.content as Record<string, { schema?: { $ref?: string } }> | undefined;
  const ref = content?.['application/json']?.schema?.$ref;
  if (!ref?.startsWith('#/components/schemas/')) return undefined;
  const target = schemas[ref.slice('#/components/schemas/'.length)] as { description?: unknown } | undefined;
  return typeof target?.description === 'string' ? target.description : undefined;
}

function isEmptySchema(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return true;
  const keys = Object.keys(schema).filter((k) => k !== 'description');
  return keys.length === 0;
}

function finishResponses(
  op: Operation,
  method: string,
  path: string,
  secured: boolean,
  schemas: Record<string, unknown>,
): void {
  const responses: Record<string, Json> = op.responses ?? {};
  const produces = op[HINT_PRODUCES] as string[] | undefined;
  delete op[HINT_PRODUCES];
  const rateLimited = op[HINT_RATE_LIMITED] === true;
  delete op[HINT_RATE_LIMITED];

  // Downloads: the file's content types, as binary.
  if (produces) {
    const ok = responses['200'] ?? {};
    ok.content = Object.fromEntries(produces.map((t) => [t, { schema: BINARY }]));
    responses['200'] = ok;
  }
  for (const response of Object.values(responses)) {
    const content = response.content as Record<string, Json> | undefined;
    for (const [type, media] of Object.entries(content ?? {})) {
      if (!type.includes('json') && isEmptySchema(media.schema)) media.schema = BINARY;
    }
    if (content && Object.keys(content).some((t) => !t.includes('json')) && !response.headers) {
      response.headers = {
        'Content-Disposition': {
          description: '附件文件名（attachment; filename*=UTF-8…）',
          schema: { type: 'string' },
        },
      };
    }
  }

  // A description for every answer: an error's from its schema, a success's from its status.
  for (const [status, response] of Object.entries(responses)) {
    if (response.description && response.description !== 'Default Response') continue;
    const described = Number(status) >= 400 ? schemaDescription(response, schemas) : undefined;
    if (described) {
      response.description = described;
      continue;
    }
    const idempotentReplay = status === '200' && '201' in responses;
    response.description = idempotentReplay
      ? '成功：已有相同内容的记录（重复提交），返回该记录'
      : (SUCCESS_DESCRIPTIONS[status] ?? `HTTP ${status}`);
  }

  // The error envelope for what this operation can answer.
  const statuses: string[] = [];
  const hasInput = (op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined;
  if (hasInput) statuses.push('400');
  if (secured) statuses.push('401', '403');
  if (path.includes('{')) statuses.push('404');
  if (secured && method !== 'get' && method !== 'head') statuses.push('409');
  if (UPLOAD_FORMS[keyOf(method, path)]) statuses.push('413', '415');
  if (rateLimited) statuses.push('429');
  statuses.push('default');
  for (const status of statuses) {
    if (responses[status]) continue;
    responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  }
  op.responses = responses;
}

/** Documents `/x` beside `/x/`, the slash form deprecated. */
function addPathsWithoutTrailingSlash(doc: Document): void {
  const paths: Record<string, PathItem> = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    const canonical = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : null;
    if (!canonical || doc.paths[canonical]) {
      paths[path] = item;
      continue;
    }
    paths[canonical] = structuredClone(item);
    const alias: PathItem = {};
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) {
        alias[method] = op;
        continue;
      }
      alias[method] = {
        ...op,
        operationId: `${operationIdOf(method, canonical)}WithTrailingSlash`,
        deprecated: true,
        description: `与 ${method.toUpperCase()} ${canonical} 相同（带斜杠的旧写法，保留以兼容按早先文档生成的客户端）。${op.description ?? ''}`,
      };
    }
    paths[path] = alias;
  }
  doc.paths = paths;
}

/** Drops the component schemas nothing refers to (the registry holds an input and an output form of each). */
function pruneSchemas(doc: Document): void {
  const schemas = doc.components.schemas ?? {};
  const used = new Set<string>();
  const prefix = '#/components/schemas/';
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v);
      return;
    }
    if (!value || typeof value !== 'object') return;
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith(prefix)) {
        const name = decodeURIComponent(v.slice(prefix.length));
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(v);
    }
  };
  visit({ ...doc, components: { ...doc.components, schemas: {} } });
  doc.components.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function finishDocument(doc: Document): Document {
  doc.info = { ...doc.info, license: { name: 'MIT', identifier: 'MIT' } };
  doc.servers = [{ url: '/', description: '本服务器（网页与接口同源）' }];
  doc.components = {
    ...doc.components,
    securitySchemes: SECURITY_SCHEMES,
    responses: Object.fromEntries(
      Object.values(ERROR_RESPONSES).map(({ name, description }) => [name, errorResponse(description)]),
    ),
  };

  const tags = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      op.operationId ??= operationIdOf(method, path.replace(/(.)\/$/, '$1'));
      op.security = securityOf(method, path);
      finishRequestBody(op);
      finishResponses(op, method, path, op.security.length > 0, doc.components.schemas ?? {});
      for (const tag of (op.tags as string[] | undefined) ?? []) tags.add(tag);
    }
  }
  doc.tags = [...tags].map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  addPathsWithoutTrailingSlash(doc);

  const ids = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method) || !op.operationId) continue;
      const seen = ids.get(op.operationId);
      if (seen)
        throw new Error(`OpenAPI: operationId ${op.operationId} of ${method} ${path} is already used by ${seen}`);
      ids.set(op.operationId, `${method} ${path}`);
    }
  }
  pruneSchemas(doc);
  return doc;
}

export const openapiTransformObject: SwaggerTransformObject = (input) =>
  finishDocument(
    jsonSchemaTransformObject(input) as unknown as Document,
  ) as unknown as ReturnType<SwaggerTransformObject>;
