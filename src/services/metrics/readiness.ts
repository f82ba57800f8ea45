/**
 * Readiness (`/api/health/ready`): the database answers and every committed migration has run on it. A server that
 * is draining for shutdown reports itself not ready before it stops accepting, so a load balancer moves new requests
 * to the other instances first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { TReadiness } from '../../contracts/health';
import { type Db, MIGRATIONS_DIR, rowsOf } from '../../db/client';
import type { Ctx } from '../context';

export interface Readiness {
  ready: boolean;
  database: boolean;
  migrations: { applied: number; expected: number };
}

let expectedMigrations: number | null = null;

/** The number of migrations the release carries (its drizzle-kit journal). */
function expectedMigrationCount(): number {
  if (expectedMigrations === null) {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    expectedMigrations = journal.entries.length;
  }
  return expectedMigrations;
}

export async function checkReadiness(db: Db): Promise<Readiness> {
  const expected = expectedMigrationCount();
  try {
    const [row] = rowsOf<{ n: string | number }>(
      await db.execute(sql`SELECT count(*) AS n FROM drizzle.__drizzle_migrations`),
    );
    const applied = Number(row?.n ?? 0);
    return { ready: applied >= expected, database: true, migrations: { applied, expected } };
  } catch {
    return { ready: false, database: false, migrations: { applied: 0, expected } };
  }
}

/** The readiness answer for a request: not ready while draining, without the database, or before migrations. */
export async function readinessOf(ctx: Ctx): Promise<TReadiness> {
  const draining = ctx.deps.draining?.value ?? false;
  const r = await checkReadiness(ctx.deps.db);
  const zh = ctx.lang !== 'en';
  const reason = draining
    ? zh
      ? '服务正在停机排空，新请求请发往其他实例'
      : 'Draining for shutdown; send new requests to another instance'
    : !r.database
      ? zh
        ? '数据库暂不可用'
        : 'The database does not answer'
      : !r.ready
        ? zh
          ? `数据库迁移尚未完成（已执行 ${r.migrations.applied}／${r.migrations.expected}）`
          : `Migrations not yet run (${r.migrations.applied} of ${r.migrations.expected})`
        : null;
  return { status: reason ? 'not_ready' : 'ready', database: r.database, migrations: r.migrations, draining, reason };
}
