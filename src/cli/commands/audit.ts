/**
 * `huiqi audit verify [--json] [--anchor <seq>:<hash>] [--batch-size <n>] [--force]`: verifies the SM3 hash chain
 * of the audit trail in batches and reports every altered, inserted or deleted event.
 *
 * Works on the embedded PGlite database (HUIQI_DATA_DIR, default ./data) or on PostgreSQL (DATABASE_URL). The
 * embedded database serves one process at a time: while the server runs, verify through the API instead
 * (GET /api/v1/audit/verify, audit administrator).
 *
 * `huiqi audit verify-file <file.jsonl> [--json] [--anchor <seq>:<hash>]`: verifies an offline-verifiable export
 * (the audit administrator's jsonl export of a period) without any database: recomputes every SM3 link and reports
 * altered, inserted, removed or cut-off events.
 *
 * Exit codes: 0 intact; 1 problems found; 2 bad input; 3 the database cannot be opened.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { type Config, loadConfig } from '../../config';
import type { TAuditVerifyResult } from '../../contracts/audit';
import { type Database, openDatabase } from '../../db/client';
import { chainFileVerifier, describeChainFileProblem } from '../../domain/audit/chain-file';
import { chainAuditEvents, VERIFY_BATCH_SIZE, verifyAuditChain } from '../../services/audit';
import { sm3Hex } from '../../services/crypto';
import { badInput, type CliIO, EXIT_OK, flagValue, hasFlag, positionals, printJson, reportBadInput } from './_io';

export const EXIT_PROBLEMS = 1;
export const EXIT_DATABASE_UNAVAILABLE = 3;

const USAGE =
  '用法：huiqi audit verify [--json] [--anchor <序号>:<哈希>] [--batch-size <条数>] [--force]；' +
  '或 huiqi audit verify-file <导出的 jsonl 文件> [--json] [--anchor <序号>:<哈希>]';

export async function run(args: string[], io: CliIO): Promise<number> {
  return runAudit(args, io, process.env);
}

/** As `run`, with the environment passed in (tests). */
export async function runAudit(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = hasFlag(args, 'json');
  const [sub, file] = positionals(args, ['anchor', 'batch-size']);
  if (sub === 'verify-file') return verifyFile(file, args, io, json);
  if (sub !== 'verify') {
    const what = sub === undefined ? '缺少子命令' : `未知子命令“${sub}”`;
    return reportBadInput(io, json, badInput(`输入有误：${what}。${USAGE}`, 'subcommand'));
  }

  const batchText = flagValue(args, 'batch-size');
  const batchSize = batchText === undefined ? VERIFY_BATCH_SIZE : Number(batchText);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    return reportBadInput(io, json, badInput('输入有误：每批条数（--batch-size）应为 1～100000 的整数', 'batch-size'));
  }
  const anchor = parseAnchor(flagValue(args, 'anchor'));
  if (anchor === null) {
    return reportBadInput(io, json, badAnchor());
  }

  const config = loadConfig(env);
  const opened = await openForCli(config, hasFlag(args, 'force'));
  if (!opened.ok) {
    io.err(opened.message);
    if (json) printJson(io, { error: { code: opened.code, message: opened.message } });
    return EXIT_DATABASE_UNAVAILABLE;
  }
  const { database, label } = opened;
  let result: TAuditVerifyResult;
  try {
    result = await verifyAuditChain(database.db, {
      batchSize,
      ...(anchor ? { anchor } : {}),
      onProgress: (checked) => {
        if (!json && checked % (batchSize * 10) === 0) io.err(`已校验 ${checked} 条……`);
      },
    });
  } catch (e) {
    const message = describeDbError(e, label);
    io.err(message);
    if (json) printJson(io, { error: { code: 'DATABASE_UNAVAILABLE', message } });
    return EXIT_DATABASE_UNAVAILABLE;
  } finally {
    await database.close().catch(() => {});
  }

  if (json) printJson(io, { database: database.kind, ...result });
  else printSummary(io, result, label);
  return result.intact ? EXIT_OK : EXIT_PROBLEMS;
}

const badAnchor = () => badInput('输入有误：锚点（--anchor）应为“序号:64 位十六进制哈希”，如 1024:ab12…', 'anchor');

function parseAnchor(text: string | undefined): { seq: number; hash: string } | null | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+):([0-9a-fA-F]{64})$/.exec(text.trim());
  return m ? { seq: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

async function verifyFile(file: string | undefined, args: string[], io: CliIO, json: boolean): Promise<number> {
  if (!file) return reportBadInput(io, json, badInput(`输入有误：缺少要校验的文件。${USAGE}`, 'file'));
  const anchor = parseAnchor(flagValue(args, 'anchor'));
  if (anchor === null) {
    return reportBadInput(io, json, badAnchor());
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return reportBadInput(io, json, badInput(`输入有误：找不到文件 ${file}`, 'file'));
  }
  const verifier = chainFileVerifier(sm3Hex, anchor);
  const lines = readline.createInterface({
    input: fs.createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) verifier.line(line);
  const r = verifier.finish();
  const messages = r.problems.map(describeChainFileProblem);
  const intact = r.problems.length === 0;
  if (json) {
    printJson(io, {
      intact,
      checked: r.checked,
      lastSeq: r.lastSeq,
      lastHash: r.lastHash,
      header: r.header,
      problems: messages,
    });
  } else {
    io.out('审计导出文件校验（SM3 哈希链，离线）');
    if (r.header) {
      const p = r.header.period;
      io.out(
        `导出范围：${p.from ?? '最早'} 至 ${p.to ?? '最新'}，第 ${r.header.fromSeq}～${r.header.toSeq} 条，共 ${r.header.events} 条；导出时间 ${r.header.exportedAt}，导出人 ${r.header.exportedBy}`,
      );
    }
    io.out(`已校验 ${r.checked} 条事件。最后一条：第 ${r.lastSeq} 条，哈希 ${r.lastHash || '（无）'}`);
    io.out('可将该哈希与导出时平台记录的“导出审计日志”事件（lastHash）或另行保存的锚点比对。');
    if (intact) io.out('结论：完整，未发现篡改、插入、删除或截断。');
    else {
      io.out(`结论：发现 ${messages.length} 处问题：`);
      for (const m of messages.slice(0, 1000)) io.out(`  - ${m}`);
    }
  }
  return intact ? EXIT_OK : EXIT_PROBLEMS;
}

function printSummary(io: CliIO, r: TAuditVerifyResult, label: string): void {
  io.out('审计日志完整性校验（SM3 哈希链）');
  io.out(`数据库：${label}`);
  io.out(
    r.checked === 0
      ? '审计日志为空，没有可校验的事件。'
      : `已校验 ${r.checked} 条事件（至第 ${r.lastSeq} 条），用时 ${(r.durationMs / 1000).toFixed(1)} 秒。`,
  );
  if (r.checked > 0) io.out(`最后一条：第 ${r.lastSeq} 条，哈希 ${r.lastHash}（可记录为下次校验的 --anchor 锚点）`);
  if (r.pending.events > 0) io.out(pendingLine(r.pending));
  if (r.intact) {
    io.out('结论：完整，未发现篡改、插入或删除。');
    return;
  }
  io.out(`结论：发现 ${r.problemCount} 处问题，审计日志已被改动：`);
  for (const p of r.problems) io.out(`  - ${p.message}`);
  if (r.problemCount > r.problems.length)
    io.out(`  ……另有 ${r.problemCount - r.problems.length} 处未列出（可用 --json 获取）`);
}

/** Events committed but not linked yet: normal for a moment after commit, a fault when many or old. */
function pendingLine(p: TAuditVerifyResult['pending']): string {
  return `另有 ${p.events} 条事件待入链（最早第 ${p.oldestSeq} 条，已等待 ${p.oldestAgeSeconds} 秒）：入链步骤在提交后片刻运行；数量持续增加或等待很久说明入链步骤未运行。`;
}

export type Opened =
  | { ok: true; database: Database; label: string }
  | { ok: false; code: 'DATABASE_IN_USE' | 'DATABASE_NOT_FOUND' | 'DATABASE_UNAVAILABLE'; message: string };

/**
 * A command's database: closing it first links what the command wrote into the audit chain (nothing else may
 * run on an embedded data directory meanwhile to do it).
 */
function chainingOnClose(database: Database): Database {
  return {
    ...database,
    async close() {
      await chainAuditEvents(database.db, { maxWaitMs: 2_000 }).catch(() => {});
      await database.close();
    },
  };
}

/** Opens the configured database for a command, refusing a PGlite data directory another process holds. */
export async function openForCli(config: Config, force: boolean): Promise<Opened> {
  if (config.databaseUrl) {
    try {
      const database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
      return { ok: true, database: chainingOnClose(database), label: 'PostgreSQL（DATABASE_URL）' };
    } catch (e) {
      return { ok: false, code: 'DATABASE_UNAVAILABLE', message: describeDbError(e, 'PostgreSQL（DATABASE_URL）') };
    }
  }
  const dir = path.join(config.dataDir, 'pg');
  const label = `内嵌 PGlite（${dir}）`;
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    return {
      ok: false,
      code: 'DATABASE_NOT_FOUND',
      message: `未找到内嵌数据库（${dir}）。请先运行 npm start 初始化，或用 HUIQI_DATA_DIR 指定数据目录、用 DATABASE_URL 指定 PostgreSQL。`,
    };
  }
  // PGlite keeps this file while a process has the data directory open (and leaves it after a crash).
  if (fs.existsSync(path.join(dir, 'postmaster.pid')) && !force) {
    const serving = await serverAnswers(config.port);
    return {
      ok: false,
      code: 'DATABASE_IN_USE',
      message: serving
        ? `惠企服务正在运行（端口 ${config.port}）并独占内嵌数据库（${dir}），命令行无法同时打开。` +
          '请先停止服务后再运行本命令，或由审计管理员通过接口 GET /api/v1/audit/verify 在线校验。'
        : `内嵌数据库（${dir}）正被另一个进程使用，或上次未正常关闭。` +
          '请先停止惠企服务和其他 huiqi 命令；如确认没有进程在使用，可加 --force 继续。',
    };
  }
  try {
    const database = await openDatabase({ pgliteDir: dir });
    return { ok: true, database: chainingOnClose(database), label };
  } catch (e) {
    return { ok: false, code: 'DATABASE_UNAVAILABLE', message: describeDbError(e, label) };
  }
}

async function serverAnswers(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

export function describeDbError(e: unknown, label: string): string {
  const err = e as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? err.code;
  if (code === '42P01') return `数据库（${label}）尚未初始化（没有审计日志表），请先运行 npm start 完成迁移。`;
  return `无法读取数据库（${label}）：${err.cause?.message ?? err.message ?? String(e)}`;
}
