/**
 * `huiqi outbox dispatch [--json] [--force]`: delivers the SMS / e-mail messages that are due, once — the same
 * dispatch a listening server runs every 30 seconds (rows are claimed with SKIP LOCKED, so running it beside
 * servers never sends a message twice). Without a registered gateway the logging sender records each message;
 * its lines go to standard error so that standard output stays the summary (or the JSON).
 *
 * Exit codes: 0 done (even when some messages failed and will be retried); 1 unexpected error; 2 bad input;
 * 3 the database cannot be opened.
 */
import { dispatchOutbox, getSender, LoggingSender, type Sender, setSender } from '../../services/notifications';
import { type CliIO, EXIT_OK, hasFlag, printJson } from './_io';
import { checkArgs, openRuntime, reportUnavailable } from './_runtime';

const USAGE = '用法：huiqi outbox dispatch [--json] [--force]';

export async function run(args: string[], io: CliIO): Promise<number> {
  return runOutbox(args, io, process.env);
}

/** As `run`, with the environment passed in (tests). */
export async function runOutbox(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = hasFlag(args, 'json');
  const bad = checkArgs(io, args, { words: ['dispatch'], flags: ['json', 'force'], usage: USAGE });
  if (bad !== null) return bad;

  const opened = await openRuntime(env, hasFlag(args, 'force'));
  if (!opened.ok) return reportUnavailable(io, json, opened.code, opened.message);
  const { deps, label } = opened.runtime;
  // The default logging senders print to standard output; here they write to standard error instead.
  const replaced: Sender[] = [];
  for (const channel of ['sms', 'email'] as const) {
    const current = getSender(channel);
    if (current instanceof LoggingSender) {
      setSender(new LoggingSender(channel, (line) => io.err(line)));
      replaced.push(current);
    }
  }
  try {
    const r = await dispatchOutbox(deps);
    if (json) printJson(io, { database: label, ...r });
    else
      io.out(
        r.claimed === 0
          ? `发件箱投递完成：没有到期待发的短信/邮件（数据库：${label}）。`
          : `发件箱投递完成：本次取出 ${r.claimed} 条，已发送 ${r.sent} 条，稍后重试 ${r.retrying} 条，最终失败 ${r.failed} 条（数据库：${label}）。`,
      );
    return EXIT_OK;
  } finally {
    for (const s of replaced) setSender(s);
    await opened.runtime.close().catch(() => {});
  }
}
