/**
 * `huiqi users create-admin --username <用户名> --display-name <姓名> [--role security_admin|audit_admin|city_admin]
 * [--json] [--force]`: creates an administrator account from the command line — the way to get the first security
 * administrator on an installation without demo data. Prints a temporary password once. The account creation is an
 * audit event (actor: 命令行).
 *
 * Exit codes: 0 created; 2 bad input (e.g. the username is taken); 3 the database cannot be opened.
 */

import { loadConfig } from '../../config';
import { parseWith } from '../../contracts/calculators';
import { ZCreateUser } from '../../contracts/users';
import { runMigrations } from '../../db/client';
import type { Actor } from '../../domain/access/actor';
import type { Deps } from '../../services/context';
import { AppError } from '../../services/errors';
import { createUser } from '../../services/users';
import {
  badInput,
  type CliIO,
  EXIT_BAD_INPUT,
  EXIT_OK,
  flagValue,
  hasFlag,
  positionals,
  printJson,
  reportBadInput,
} from './_io';
import { describeDbError, EXIT_DATABASE_UNAVAILABLE, openForCli } from './audit';

const ROLES = ['security_admin', 'audit_admin', 'city_admin'] as const;
const USAGE =
  '用法：huiqi users create-admin --username <用户名> --display-name <姓名> [--role security_admin|audit_admin|city_admin] [--json]';

const CLI_ACTOR: Actor = {
  id: 'cli',
  name: '命令行（系统管理）',
  role: 'security_admin',
  via: 'session',
  districtCode: null,
  institutionId: null,
  enterpriseId: null,
  isEnterpriseAdmin: false,
};

export async function run(args: string[], io: CliIO): Promise<number> {
  return runUsers(args, io, process.env);
}

export async function runUsers(args: string[], io: CliIO, env: NodeJS.ProcessEnv): Promise<number> {
  const json = hasFlag(args, 'json');
  const [sub] = positionals(args, ['username', 'display-name', 'role']);
  if (sub !== 'create-admin') {
    const what = sub === undefined ? '缺少子命令' : `未知子命令“${sub}”`;
    return reportBadInput(io, json, badInput(`输入有误：${what}。${USAGE}`, 'subcommand'));
  }
  const role = flagValue(args, 'role') ?? 'security_admin';
  if (!(ROLES as readonly string[]).includes(role)) {
    return reportBadInput(io, json, badInput(`输入有误：角色（--role）应为以下之一：${ROLES.join('、')}`, 'role'));
  }
  const parsed = parseWith(ZCreateUser, {
    username: flagValue(args, 'username'),
    displayName: flagValue(args, 'display-name'),
    role,
  });
  if (!parsed.ok) {
    return reportBadInput(io, json, {
      error: { ...parsed.error.error, message: `${parsed.error.error.message}。${USAGE}` },
    });
  }

  const config = loadConfig(env);
  const opened = await openForCli(config, hasFlag(args, 'force'));
  if (!opened.ok) {
    io.err(opened.message);
    if (json) printJson(io, { error: { code: opened.code, message: opened.message } });
    return EXIT_DATABASE_UNAVAILABLE;
  }
  const { database, label } = opened;
  try {
    await runMigrations(database);
    const deps = { db: database.db, readDb: database.db, config, clock: () => new Date() } as unknown as Deps;
    const result = await createUser(
      { deps, actor: CLI_ACTOR, now: new Date(), clientIp: null, requestId: null, lang: 'zh' },
      parsed.value,
    );
    if (json) printJson(io, result);
    else {
      io.out(`已创建账号“${result.user.username}”（${result.user.displayName}，角色 ${role}），数据库：${label}。`);
      io.out(`临时密码（仅显示这一次，请登录后立即修改）：${result.temporaryPassword}`);
    }
    return EXIT_OK;
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const message = e.messageIn('zh');
      io.err(message);
      if (json) printJson(io, { error: { code: e.code, message, fields: e.fields } });
      return EXIT_BAD_INPUT;
    }
    const message = describeDbError(e, label);
    io.err(message);
    if (json) printJson(io, { error: { code: 'DATABASE_UNAVAILABLE', message } });
    return EXIT_DATABASE_UNAVAILABLE;
  } finally {
    await database.close().catch(() => {});
  }
}
