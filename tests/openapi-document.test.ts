/**
 * The API document is one a generated client can use: @redocly/cli finds no error in it (redocly.yaml), and the
 * types openapi-typescript generates from it compile with the project's tsc in a small typed client that signs in
 * and reads the VALIDATION_FAILED envelope. Beside the linter: every operation has an id, a summary, the error
 * envelope and the security it really needs (checked against the server's answers without credentials).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZError } from '../src/contracts/errors';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

interface Operation {
  operationId?: string;
  summary?: string;
  deprecated?: boolean;
  security?: Record<string, string[]>[];
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses: Record<string, { description?: string; $ref?: string; content?: Record<string, unknown> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, unknown>;
    responses: Record<string, { description: string }>;
    securitySchemes: Record<string, unknown>;
  };
}

let p: TestPlatform;
let doc: Document;
let dir: string;
let docFile: string;

beforeAll(async () => {
  p = await createTestPlatform();
  const res = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  dir = await mkdtemp(path.join(os.tmpdir(), 'huiqi-openapi-'));
  docFile = path.join(dir, 'openapi.json');
  await writeFile(docFile, res.body);
});

afterAll(async () => {
  await p?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function operations(): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

describe('the OpenAPI document', () => {
  it('passes @redocly/cli lint with no error', async () => {
    const cli = path.join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    const out = await run(
      process.execPath,
      [cli, 'lint', docFile, '--config', path.join(ROOT, 'redocly.yaml'), '--format', 'json', '--max-problems', '1000'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, REDOCLY_TELEMETRY: 'off', NO_COLOR: '1' } },
    ).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const report = JSON.parse(out.stdout) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((x) => x.severity === 'error')
      .map((x) => `${x.ruleId} ${x.location[0]?.pointer}: ${x.message}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    // The warnings left: the deprecated trailing-slash twins, and public reads that cannot answer a 4xx.
    const warned = [...new Set(report.problems.map((x) => x.ruleId))];
    expect(warned.filter((r) => !['no-path-trailing-slash', 'operation-4xx-response'].includes(r))).toEqual([]);
  }, 120_000);

  it('gives every operation a unique readable id, a summary, described answers and the error envelope', () => {
    const ids = new Set<string>();
    for (const { method, path, op } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toMatch(/^(get|post|put|patch|delete)[A-Z][A-Za-z0-9]*$/);
      expect(ids.has(op.operationId!), where).toBe(false);
      ids.add(op.operationId!);
      expect(op.summary, where).toMatch(/[\u4e00-\u9fff]/);
      expect(op.responses.default, where).toEqual({ $ref: '#/components/responses/UnexpectedError' });
      for (const [status, response] of Object.entries(op.responses)) {
        if (response.$ref) continue;
        expect(response.description, `${where} ${status}`).toBeTruthy();
        expect(response.description, `${where} ${status}`).not.toBe('Default Response');
      }
      const statuses = Object.keys(op.responses);
      if (op.parameters?.length || op.requestBody) expect(statuses, where).toContain('400');
      if (op.security?.length) expect(statuses, where).toEqual(expect.arrayContaining(['401', '403']));
      if (path.includes('{')) expect(statuses, where).toContain('404');
    }
    expect(ids.size).toBeGreaterThan(100);
    expect(doc.paths['/api/v1/auth/login']?.post?.operationId).toBe('postAuthLogin');
    expect(doc.paths['/api/v1/loans/{id}/repayments']?.post?.operationId).toBe('postLoansByIdRepayments');
  });

  it('names the shared shapes once, in components, and the error answers refer to the Error envelope', async () => {
    const schemas = doc.components.schemas;
    for (const name of ['Error', 'FieldError', 'Loan', 'LoanDetail', 'LoginInput', 'Me', 'Attachment', 'Enterprise']) {
      expect(schemas[name], name).toBeTruthy();
    }
    expect(schemas.Error).toMatchObject({
      type: 'object',
      properties: { error: { required: expect.arrayContaining(['code', 'message', 'requestId']) } },
    });
    for (const [name, response] of Object.entries(doc.components.responses)) {
      expect(response, name).toMatchObject({
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      });
    }
    // The envelope documented is the one the server sends.
    const refused = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: {} });
    expect(refused.statusCode).toBe(400);
    expect(ZError.strict().parse(refused.json()).error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(refused.json().error.fields.length).toBeGreaterThan(0);
    // A shape used by several operations is a reference, not a copy.
    const list = doc.paths['/api/v1/loans']?.get?.responses['200']?.content?.['application/json'];
    expect(list).toEqual({ schema: { $ref: '#/components/schemas/LoanList' } });
    // Every named schema is used.
    const text = JSON.stringify({ ...doc, components: { ...doc.components, schemas: {} } });
    const all = JSON.stringify(doc.components.schemas);
    for (const name of Object.keys(schemas)) {
      const ref = `"#/components/schemas/${name}"`;
      expect(text.includes(ref) || all.includes(ref), name).toBe(true);
    }
  });

  it('declares the session cookie, the CSRF header and the bank token, and what each operation needs', async () => {
    expect(doc.components.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'huiqi_session' },
      csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
      bankToken: { type: 'http', scheme: 'bearer' },
    });
    const wrong: string[] = [];
    for (const { method, path, op } of operations()) {
      expect(op.security, `${method} ${path}`).toBeDefined();
      const url = path
        .replace('{year}', '2026')
        .replace('{month}', '2026-05')
        .replace('{doc}', '000')
        .replace(/\{[^}]+\}/g, randomUUID());
      const res = await p.app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        remoteAddress: '10.99.0.1',
        ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
      });
      const isPublic = op.security!.length === 0;
      const optional = op.security!.some((s) => Object.keys(s).length === 0);
      if (isPublic && res.statusCode === 401) wrong.push(`${method} ${path}: documented public, answers 401`);
      if (!isPublic && !optional && res.statusCode < 300) {
        wrong.push(`${method} ${path}: documented as signed-in, answers ${res.statusCode} without credentials`);
      }
      if (!isPublic && method !== 'get') {
        expect(op.security, `${method} ${path}`).toContainEqual({ session: [], csrf: [] });
      }
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('documents the uploads as forms (and raw files) and the downloads with their content types', () => {
    const upload = doc.paths['/api/v1/attachments']?.post?.requestBody?.content;
    expect(Object.keys(upload ?? {})).toEqual(['multipart/form-data']);
    const form = doc.components.schemas.AttachmentUploadFormInput as { properties: Record<string, unknown> };
    expect(Object.keys(form.properties).sort()).toEqual(['file', 'kind', 'ownerId', 'ownerType']);
    const loanImport = doc.paths['/api/v1/loans/import']?.post?.requestBody?.content ?? {};
    expect(Object.keys(loanImport)).toEqual(expect.arrayContaining(['multipart/form-data', 'text/csv']));
    expect(loanImport['text/csv']).toEqual({ schema: { type: 'string', format: 'binary' } });
    const download = doc.paths['/api/v1/attachments/{id}/download']?.get?.responses['200']?.content ?? {};
    expect(Object.keys(download)).toEqual(expect.arrayContaining(['application/pdf', 'image/png']));
    const xlsx = doc.paths['/api/v1/subsidy/funding-plans/{id}/xlsx']?.get?.responses['200']?.content ?? {};
    expect(Object.keys(xlsx)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  });

  it('documents each collection without its trailing slash and keeps the slash form as a deprecated twin', async () => {
    const slashed = Object.keys(doc.paths).filter((x) => x.length > 1 && x.endsWith('/'));
    expect(slashed).toEqual(expect.arrayContaining(['/api/v1/loans/', '/api/v1/attachments/', '/api/v1/enterprises/']));
    for (const alias of slashed) {
      const canonical = doc.paths[alias.slice(0, -1)];
      expect(canonical, alias).toBeTruthy();
      for (const [method, op] of Object.entries(doc.paths[alias]!)) {
        expect(op.deprecated, `${method} ${alias}`).toBe(true);
        expect(canonical![method]?.deprecated, `${method} ${alias}`).toBeUndefined();
        expect(op.operationId).toBe(`${canonical![method]?.operationId}WithTrailingSlash`);
      }
    }
    // Both forms answer.
    for (const url of ['/api/v1/public/notices', '/api/v1/public/notices/']) {
      expect((await p.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
  });

  it('generates a client with openapi-typescript that compiles with the project tsc, typing the login and its errors', async () => {
    const require = createRequire(path.join(ROOT, 'packages/openapi-client/package.json'));
    const generator = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin/cli.js');
    await run(process.execPath, [generator, docFile, '--output', path.join(dir, 'schema.d.ts')], { cwd: dir });
    await writeFile(path.join(dir, 'client.ts'), TYPED_CLIENT);
    await writeFile(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module: 'ESNext',
          moduleResolution: 'Bundler',
          types: [],
          skipLibCheck: false,
        },
        files: ['client.ts', 'schema.d.ts'],
      }),
    );
    const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '--noEmit', '-p', path.join(dir, 'tsconfig.json')], {
      cwd: dir,
    }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: `${err.stdout}${err.stderr}` }));
    expect(result.stdout).toBe('');
  }, 180_000);
});

/** A small client typed by the generated `paths`; each `@ts-expect-error` fails the compile if the types were loose. */
const TYPED_CLIENT = `
import type { components, operations, paths } from './schema';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P][M] extends { responses: unknown } ? P : never }[keyof paths];
type JsonBody<O> = O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type Failure<O> = O extends { responses: infer R } ? JsonOf<R[Exclude<keyof R, 200 | 201>]> : never;

export type ApiError = components['schemas']['Error'];
export type Result<O> = { ok: true; data: Ok<O> } | { ok: false; status: number; error: Failure<O> };

let csrfToken = '';

export async function post<P extends PathsWith<'post'>>(
  path: P,
  body: JsonBody<paths[P]['post']>,
): Promise<Result<paths[P]['post']>> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  return res.ok ? { ok: true, data: json } : { ok: false, status: res.status, error: json };
}

type LoginBody = JsonBody<operations['postAuthLogin']>;
type LoginFailure = JsonOf<paths['/api/v1/auth/login']['post']['responses'][400]>;

export async function signIn(username: string, password: string): Promise<string[]> {
  const body: LoginBody = { username, password };
  const r = await post('/api/v1/auth/login', body);
  if (r.ok) {
    csrfToken = r.data.csrfToken;
    const role: string = r.data.role;
    return [role];
  }
  const failure: LoginFailure = r.error;
  if (failure.error.code === 'VALIDATION_FAILED') {
    return (failure.error.fields ?? []).map((f) => f.path + ': ' + f.message + (f.label ?? ''));
  }
  return [failure.error.message, failure.error.requestId];
}

export const invalid: ApiError = {
  error: {
    code: 'VALIDATION_FAILED',
    message: '输入有误：用户名为必填项',
    fields: [{ path: 'username', label: '用户名', message: '用户名为必填项' }],
    requestId: 'r-1',
  },
};

// @ts-expect-error the password is required
export const noPassword: LoginBody = { username: 'city_admin' };
// @ts-expect-error an error always carries its request id
export const noRequestId: ApiError = { error: { code: 'X', message: 'm' } };
// @ts-expect-error a field error has a path and a message
export const badField: components['schemas']['FieldError'] = { label: '用户名' };
// @ts-expect-error not an operation of the API
export type Missing = operations['postNothing'];
// @ts-expect-error the login body is not a loan
export const wrongBody = () => post('/api/v1/auth/login', { contractNo: 'x', principal: '1.00' });

type ImportForm = NonNullable<paths['/api/v1/loans/import']['post']['requestBody']>['content']['multipart/form-data'];
export const upload: ImportForm = { file: 'bytes' };
type Download = paths['/api/v1/attachments/{id}/download']['get']['responses'][200]['content'];
export const pdf: keyof Download = 'application/pdf';
export const loanList: operations['getLoans']['responses'][200]['content']['application/json'] = { items: [], total: 0, page: 1, pageSize: 50 };
`;
