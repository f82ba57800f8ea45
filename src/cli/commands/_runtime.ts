/**
 * What the operations commands (`sweep`, `outbox dispatch`) share: opening the configured database the way the
 * server does (migrations included), the dependencies the use cases receive, and the argument check that refuses
 * unknown flags and stray words with a Chinese message (exit code 2).
 */
import { type Config, loadConfig } from '../../config';
import { runMigrations } from '../../db/client';
import type { Deps } from '../../services/context';
import { createDataCipher, loadDataKey } from '../../services/crypto';
import { registerModules } from '../../services/modules';
import { LocalFileStorage } from '../../services/storage';
import { badInput, type CliIO, printJson, reportBadInput } from './_io';
import { describeDbError, EXIT_DATABASE_UNAVAILABLE, openForCli } from './audit';

export interface CliRuntime {
  deps: Deps;
  label: string;
  close(): Promise<void>;
}

/** Opens the database named by the environment (PGlite data directory or DATABASE_URL) and migrates it. */
export async function openRuntime(
  env: NodeJS.ProcessEnv,
  force: boolean,
): Promise<{ ok: true; runtime: CliRuntime } | { ok: false; code: string; message: string }> {
  const config: Config = loadConfig(env);
  const opened = await openForCli(config, force);
  if (!opened.ok) return { ok: false, code: opened.code, message: opened.message };
  const { database, label } = opened;
  try {
    await runMigrations(database);
  } catch (e) {
    await database.close().catch(() => {});
    return { ok: false, code: 'DATABASE_UNAVAILABLE', message: describeDbError(e, label) };
  }
  registerModules();
  const deps: Deps = {
    db: database.db,
    readDb: database.db,
    config,
    clock: () => new Date(),
    cipher: createDataCipher(
      loadDataKey(config.dataKey, config.dataDir),
      config.retiredDataKeys.map((k) => Buffer.from(k, 'base64')),
    ),
    storage: new LocalFileStorage(config.filesDir),
  };
  return { ok: true, runtime: { deps, label, close: () => database.close() } };
}

/** Reports that the database could not be opened (exit code 3, as `audit verify`). */
export function reportUnavailable(io: CliIO, json: boolean, code: string, message: string): number {
  io.err(message);
  if (json) printJson(io, { error: { code, message } });
  return EXIT_DATABASE_UNAVAILABLE;
}

/**
 * Checks the arguments against the words and flags a command accepts. Returns null when they are fine, or the
 * exit code after reporting the first problem (naming the argument, with the usage line).
 */
export function checkArgs(
  io: CliIO,
  args: readonly string[],
  spec: { words: readonly string[]; flags: readonly string[]; valueFlags?: readonly string[]; usage: string },
): number | null {
  const json = args.includes('--json');
  const valueFlags = spec.valueFlags ?? [];
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const name = a.slice(2).split('=')[0]!;
      if (valueFlags.includes(name)) {
        if (!a.includes('=')) {
          const next = args[i + 1];
          if (next === undefined || next.startsWith('--'))
            return reportBadInput(io, json, badInput(`输入有误：参数 --${name} 缺少取值。${spec.usage}`, name));
          i++;
        }
        continue;
      }
      if (!spec.flags.includes(name))
        return reportBadInput(io, json, badInput(`输入有误：未知参数“${a}”。${spec.usage}`, name));
      continue;
    }
    words.push(a);
  }
  for (let i = 0; i < Math.max(words.length, spec.words.length); i++) {
    if (words[i] === spec.words[i]) continue;
    const what =
      words[i] === undefined
        ? `缺少子命令“${spec.words[i]}”`
        : spec.words[i] === undefined
          ? `多余的参数“${words[i]}”`
          : `未知子命令“${words[i]}”`;
    return reportBadInput(io, json, badInput(`输入有误：${what}。${spec.usage}`, 'subcommand'));
  }
  return null;
}

/** `--as-of`: a date (taken as 08:00 Beijing time) or an ISO instant with an offset. */
export function parseAsOf(text: string): Date | null {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  if (!dateOnly && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const d = new Date(dateOnly ? `${text}T08:00:00+08:00` : text);
  if (Number.isNaN(d.getTime())) return null;
  if (dateOnly && d.toISOString().slice(0, 10) !== text) return null;
  return d;
}
