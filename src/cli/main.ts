/**
 * The `huiqi` command. A small dispatcher: the first argument names a command, whose module is loaded lazily
 * and exports `run(args, io): Promise<exitCode>`. To add a command, add one line here and one file in
 * ./commands. Exit codes: 0 success, 1 unexpected error, 2 bad input (Chinese message naming the field).
 */
import type { CliIO, CommandModule } from './commands/_io';
import { POLICIES_MATCH_INPUT } from './policies-match-input';

const COMMANDS: Record<string, { readonly summary: string; readonly load: () => Promise<CommandModule> }> = {
  windows: {
    summary: 'windows <年份> [--json]  每月入库申报窗口（含节假日调整）',
    load: () => import('./commands/windows'),
  },
  zyb: {
    summary:
      'zyb subsidy|eligibility|decide [--json] [--db]  “政银保”贴息测算、资格审查、完整决定（--db 按已批准的政策版本）',
    load: () => import('./commands/zyb'),
  },
  fund: {
    summary: 'fund rank [--json]  竞争性评审排名（专家评分 → 最终得分 → 名次，含分数线与有效评分数）',
    load: () => import('./commands/fund'),
  },
  allocate: { summary: 'allocate [--json]  按先到先得原则分配预算', load: () => import('./commands/allocate') },
  'risk-compensation': {
    summary: 'risk-compensation [--json]  不良贷款风险补偿测算（补偿金额、追偿返还、净补偿）',
    load: () => import('./commands/risk-compensation'),
  },
  policies: {
    summary: `policies list [--as-of 日期] [--json]  政策目录；policies match [--json] < 企业情况.json  政策匹配\n      ${POLICIES_MATCH_INPUT}`,
    load: () => import('./commands/policies'),
  },
  audit: {
    summary:
      'audit verify [--json] [--anchor 序号:哈希]  校验审计日志哈希链（篡改、插入、删除）；audit verify-file <文件.jsonl>  离线校验审计导出文件',
    load: () => import('./commands/audit'),
  },
  sweep: {
    summary:
      'sweep [--as-of <日期>] [--json]  执行一次巡检（项目库：逾期失效、窗口开放、核实到期、进展报告提醒；融资对接单逾期标记与提醒）',
    load: () => import('./commands/sweep'),
  },
  outbox: {
    summary: 'outbox dispatch [--json]  立即投递一次到期待发的短信/邮件',
    load: () => import('./commands/outbox'),
  },
  backup: {
    summary: 'backup --out <文件>  备份整个数据库（PGlite 数据目录，须先停止服务；PostgreSQL 用 pg_dump -Fc）',
    load: () => import('./commands/backup'),
  },
  restore: {
    summary: 'restore --in <文件>  把备份恢复到空的数据目录或空的 PostgreSQL 数据库',
    load: () => import('./commands/restore'),
  },
  crypto: {
    summary: 'crypto reencrypt [--json]  把旧格式（AES-256-GCM）或旧密钥的个人信息改用 SM4 当前密钥重新加密',
    load: () => import('./commands/crypto'),
  },
  financing: {
    summary: 'financing parse [--json]  读取一句话融资需求（{"text":"…"}：金额、期限、用途、担保方式）',
    load: () => import('./commands/financing'),
  },
  users: {
    summary: 'users create-admin --username <用户名> --display-name <姓名>  创建管理员账号（首个安全管理员）',
    load: () => import('./commands/users'),
  },
};

function help(io: CliIO): number {
  io.out('惠企 huiqi 命令行。用法：huiqi <命令> [参数]；需要输入的命令从标准输入读取 JSON（或 --input 文件）。');
  io.out('命令：');
  for (const [, c] of Object.entries(COMMANDS)) io.out(`  ${c.summary}`);
  io.out('  help  显示本说明');
  return 0;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return help(io);
  const command = COMMANDS[name];
  if (!command) {
    const message = `输入有误：未知命令“${name}”，可用命令：${Object.keys(COMMANDS).join('、')}、help`;
    io.err(message);
    if (rest.includes('--json'))
      io.out(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message, fields: [{ path: 'command', message }] } }));
    return 2;
  }
  try {
    return await (await command.load()).run(rest, io);
  } catch (e) {
    io.err(`内部错误：${(e as Error).stack ?? String(e)}`);
    return 1;
  }
}

const nodeIO: CliIO = {
  stdinIsTTY: Boolean(process.stdin.isTTY),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

process.exitCode = await main(process.argv.slice(2), nodeIO);
