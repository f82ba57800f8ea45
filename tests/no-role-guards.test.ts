/**
 * No role comparison decides a permission outside src/domain/access: routes name an action (`actorCtx(request,
 * 'loan.repay')`), services and the web ask `mayDo` / `can` / `allows`. This scans the server, the services, the
 * domain and the web for comparisons with a role and fails on any file not listed below, or listed with fewer. The
 * ones listed pick a query's scope, a label, a form's fields or a workflow's step — or are due to move (marked).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const DIRS = ['src/server', 'src/services', 'src/domain', 'web/src'];
const SKIP = /^src\/domain\/access\/|\.test\.tsx?$/;

const ROLE_COMPARISON = [
  /\brole\s*[!=]==/,
  /[!=]==\s*[\w?.]*\brole\b/,
  /\broles?\.includes\(/,
  /\bswitch\s*\(\s*[\w?.]*\brole\s*\)/,
  /\broles\s*=\s*\[/,
];

/** File → how many role comparisons it may hold, and why. */
const ALLOWED: Record<string, { count: number; why: string }> = {
  'src/services/loans/scope.ts': { count: 3, why: 'scope: a bank sees its loans, an insurer the loans it covers' },
  'src/services/subsidy/scope.ts': { count: 1, why: 'scope: of the institutions, only banks see applications' },
  'src/services/projects/access.ts': {
    count: 3,
    why: 'scope (drafts are the enterprise’s), the workflow’s actor kind, the deciding body’s name',
  },
  'src/services/users/create-user.ts': { count: 5, why: 'the new account’s role picks its required fields' },
  'src/services/audit/export-audit-events.ts': { count: 1, why: 'a label for the recorded actor role' },
  'web/src/features/users/UsersPage.tsx': { count: 3, why: 'the form’s fields for the new account’s role' },
  'web/src/features/audit/DiffDrawer.tsx': { count: 2, why: 'a label for the recorded actor role' },
};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
    .filter((f) => !SKIP.test(f));
}

function comparisons(file: string): string[] {
  return readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && ROLE_COMPARISON.some((re) => re.test(line)))
    .map((line) => line.trim());
}

describe('permission decisions go through the access tables', () => {
  it('no file compares roles beyond its listed allowance', () => {
    const over: Record<string, string[]> = {};
    for (const f of DIRS.flatMap(files)) {
      const found = comparisons(f);
      if (found.length > (ALLOWED[f]?.count ?? 0)) over[f] = found;
    }
    expect(over).toEqual({});
  });

  it('the route guard takes an action, never a role list', () => {
    const guard = readFileSync(join(ROOT, 'src/server/http-context.ts'), 'utf8');
    expect(guard).toMatch(/export function actorCtx\(request: FastifyRequest, action\?: GuardAction\)/);
    for (const f of files('src/server')) {
      expect(readFileSync(join(ROOT, f), 'utf8'), f).not.toMatch(/(actorCtx|requireActor)\(request, \[/);
    }
  });
});
