/**
 * Backups of either database. PGlite: its data directory as one (gzipped tar) file, from PGlite's own dump, taken with
 * the database opened by this process only (stop the server first). PostgreSQL: `pg_dump -Fc` (custom format),
 * restored with `pg_restore` into an empty database. The data key (HUIQI_DATA_KEY or <data dir>/secret/data.key) is
 * not in the backup: keep it separately, without it the personal data in a restored copy cannot be read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';

function runTool(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} 失败（退出码 ${code}）：${err}`))));
  });
}

export async function backupPglite(dir: string, file: string): Promise<void> {
  const db = new PGlite(dir);
  try {
    await db.waitReady;
    const dump = await db.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  } finally {
    await db.close();
  }
}

/** Restores into `dir`, which must not hold a database yet. */
export async function restorePglite(file: string, dir: string): Promise<void> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new Error(`目标目录 ${dir} 已有数据：请恢复到空目录（先移走现有数据目录）`);
  }
  const blob = new Blob([fs.readFileSync(file)]);
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const db = new PGlite(dir, { loadDataDir: blob });
  await db.waitReady;
  await db.close();
}

export function backupPostgres(url: string, file: string): Promise<void> {
  return runTool('pg_dump', ['-Fc', '--no-owner', '-f', file, '-d', url]);
}

/** Restores into the database at `url`, which should be empty (freshly created). */
export function restorePostgres(file: string, url: string): Promise<void> {
  return runTool('pg_restore', ['--no-owner', '--exit-on-error', '-d', url, file]);
}
