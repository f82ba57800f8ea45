/**
 * `huiqi backup --out <文件>` and `huiqi restore --in <文件>`: the whole database to one file and back.
 * PGlite: the data directory (<data dir>/pg) as a gzipped tar, taken while the server is stopped; restore writes into
 * an empty data directory. PostgreSQL (DATABASE_URL): `pg_dump -Fc`; restore with `pg_restore` into an empty database.
 * The data key is not in the backup: keep HUIQI_DATA_KEY (or <data dir>/secret/data.key) separately.
 *
 * Exit codes: 0 done; 1 failed; 2 bad input; 3 the database is in use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from '../../db/backup';
import { type CliIO, EXIT_OK } from './_io';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  return runBackup('backup', args, io, process.env);
}

/** As `run`, with the command and the environment passed in (tests and `huiqi restore`). */
export async function runBackup(
  command: 'backup' | 'restore',
  args: string[],
  io: CliIO,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const config = loadConfig(env);
  const file = option(args, command === 'backup' ? '--out' : '--in');
  if (!file) {
    io.err(
      command === 'backup'
        ? '输入有误：请用 --out <文件> 指定备份文件。用法：huiqi backup --out <文件>'
        : '输入有误：请用 --in <文件> 指定备份文件。用法：huiqi restore --in <文件>',
    );
    return 2;
  }
  const dir = path.join(config.dataDir, 'pg');
  try {
    if (config.databaseUrl) {
      if (command === 'backup') await backupPostgres(config.databaseUrl, file);
      else await restorePostgres(file, config.databaseUrl);
    } else if (command === 'backup') {
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
        io.err(`未找到内嵌数据库（${dir}）：请用 HUIQI_DATA_DIR 指定数据目录，或用 DATABASE_URL 指定 PostgreSQL。`);
        return 2;
      }
      if (fs.existsSync(path.join(dir, 'postmaster.pid'))) {
        io.err(`内嵌数据库（${dir}）正被惠企服务使用：请先停止服务再备份。`);
        return 3;
      }
      await backupPglite(dir, file);
    } else {
      await restorePglite(file, dir);
    }
  } catch (e) {
    io.err(`${command === 'backup' ? '备份' : '恢复'}失败：${(e as Error).message}`);
    return 1;
  }
  io.out(command === 'backup' ? `备份完成：${file}` : `恢复完成：${file} → ${config.databaseUrl ? 'PostgreSQL' : dir}`);
  return EXIT_OK;
}
