/**
 * `huiqi crypto reencrypt [--json] [--force]`: rewrites the personal data still in AES-256-GCM (or under a retired
 * data key, HUIQI_DATA_KEYS_RETIRED) in SM4-CBC + HMAC-SM3 under the current key. Safe to repeat.
 *
 * Exit codes: 0 done; 1 unexpected error; 2 bad input; 3 the database cannot be opened.
 */
import { systemCtx } from '../../services/context';
import { reencryptPersonalData } from '../../services/maintenance';
import { type CliIO, EXIT_OK, hasFlag, printJson } from './_io';
import { checkArgs, openRuntime, reportUnavailable } from './_runtime';

const USAGE = '用法：huiqi crypto reencrypt [--json] [--force]';

export async function run(args: string[], io: CliIO): Promise<number> {
  return runCrypto(args, io, process.env);
}

/** As `run`, with the environment passed in (tests). */
export async function runCrypto(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = hasFlag(args, 'json');
  const bad = checkArgs(io, args, { words: ['reencrypt'], flags: ['json', 'force'], usage: USAGE });
  if (bad !== null) return bad;
  const opened = await openRuntime(env, hasFlag(args, 'force'));
  if (!opened.ok) return reportUnavailable(io, json, opened.code, opened.message);
  const { deps, label } = opened.runtime;
  try {
    const r = await reencryptPersonalData(systemCtx(deps, 'huiqi crypto reencrypt'));
    if (json) printJson(io, { database: label, ...r });
    else
      io.out(
        `重新加密完成：检查 ${r.scanned} 个加密值，改用 SM4 当前密钥重新加密 ${r.reencrypted} 个（数据库：${label}）。`,
      );
    return EXIT_OK;
  } finally {
    await opened.runtime.close().catch(() => {});
  }
}
