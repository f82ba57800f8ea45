/**
 * Exports audit events (audit administrator only) as a real .xlsx (Chinese headers) or as CSV with a UTF-8 BOM
 * (opens correctly in Excel). Rows are read in keyset batches and streamed, so memory stays flat. Exporting is
 * itself an audit event, written before the file is produced.
 */
import { PassThrough, type Readable } from 'node:stream';
import { and, asc, count, desc, eq, gt, gte, isNotNull, lt, lte, max, min, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AUDIT_OBJECT_LABELS, auditActionLabel, type TAuditExportQuery } from '../../contracts/audit';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { type Actor, ROLE_NAMES, type Role } from '../../domain/access/actor';
import { can } from '../../domain/access/policy';
import { canonicalJson, GENESIS_HASH } from '../../domain/audit/chain';
import { CHAIN_FILE_FORMAT, CHAIN_FILE_VERSION, type ChainFileHeader } from '../../domain/audit/chain-file';
import { type Ctx, inTx } from '../context';
import { Errors } from '../errors';
import { beijingDateCell, bureauSheet, DATE_TIME_FORMAT } from '../spreadsheet';
import { type AuditRow, auditCondition } from './audit-filters';
import { chainAuditEvents } from './chain-audit-events';
import { recordAudit } from './record-audit';
import { toStored } from './verify-audit-chain';

/** An export larger than this must be narrowed by filters (Excel's sheet limit is about 1 million rows). */
export const EXPORT_MAX_ROWS = 200_000;
const BATCH = 2_000;
/** The chain file has no sheet limit; this bounds one request's work (a year of a busy platform fits). */
export const CHAIN_EXPORT_MAX_ROWS = 5_000_000;

export interface AuditExport {
  fileName: string;
  contentType: string;
  rows: number;
  body: Readable;
}

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '序号', key: 'seq', width: 10 },
  { header: '时间（北京时间）', key: 'time', width: 20 },
  { header: '操作', key: 'actionLabel', width: 22 },
  { header: '操作代码', key: 'action', width: 24 },
  { header: '操作人', key: 'actorName', width: 20 },
  { header: '操作人编号', key: 'actorId', width: 38 },
  { header: '操作人角色', key: 'role', width: 18 },
  { header: '操作人范围', key: 'scope', width: 28 },
  { header: '对象类型', key: 'objectType', width: 14 },
  { header: '对象编号', key: 'objectId', width: 38 },
  { header: '变更前', key: 'before', width: 40 },
  { header: '变更后', key: 'after', width: 40 },
  { header: '客户端地址', key: 'clientIp', width: 16 },
  { header: '请求编号', key: 'requestId', width: 38 },
  { header: '哈希（SM3）', key: 'hash', width: 66 },
];

/** Beijing time as "YYYY-MM-DD HH:mm:ss". */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function roleLabel(role: string): string {
  if (role === 'public') return '公众（未登录）';
  return ROLE_NAMES[role as Role]?.zh ?? role;
}

function json(v: unknown): string {
  return v === null || v === undefined ? '' : canonicalJson(v);
}

function record(e: AuditRow): Record<string, string | number> {
  return {
    seq: e.seq,
    time: beijingTime(e.occurredAt),
    actionLabel: auditActionLabel(e.action),
    action: e.action,
    actorName: e.actorName ?? '',
    actorId: e.actorId ?? '',
    role: roleLabel(e.actorRole),
    scope: json(e.scope),
    objectType: AUDIT_OBJECT_LABELS[e.objectType] ?? e.objectType,
    objectId: e.objectId ?? '',
    before: json(e.before),
    after: json(e.after),
    clientIp: e.clientIp ?? '',
    requestId: e.requestId ?? '',
    hash: e.hash ?? '（待入链）',
  };
}

/** A CSV cell; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function* batches(db: Db, where: SQL | undefined, upTo: number): AsyncGenerator<AuditRow[]> {
  let below = upTo + 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(where, lt(auditEvents.seq, below)))
      .orderBy(desc(auditEvents.seq))
      .limit(BATCH);
    if (!rows.length) return;
    yield rows;
    below = rows[rows.length - 1]!.seq;
    if (rows.length < BATCH) return;
  }
}

async function writeCsv(out: PassThrough, source: AsyncGenerator<AuditRow[]>): Promise<void> {
  out.write(`\uFEFF${COLUMNS.map((c) => csvCell(c.header)).join(',')}\r\n`);
  for await (const rows of source) {
    const text = rows.map((e) => {
      const r = record(e);
      return `${COLUMNS.map((c) => csvCell(r[c.key] ?? '')).join(',')}\r\n`;
    });
    if (!out.write(text.join(''))) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

async function writeXlsx(out: PassThrough, source: AsyncGenerator<AuditRow[]>, title: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '惠企 Huiqi';
  wb.created = new Date();
  const ws = wb.addWorksheet('审计日志', bureauSheet(1));
  ws.columns = COLUMNS;
  ws.getColumn('time').numFmt = DATE_TIME_FORMAT;
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const rows of source) {
    for (const e of rows) ws.addRow({ ...record(e), time: beijingDateCell(e.occurredAt) }).commit();
  }
  ws.commit();
  wb.title = title;
  await wb.commit();
}

async function* ascendingBatches(db: Db, fromSeq: number, toSeq: number): AsyncGenerator<AuditRow[]> {
  let after = fromSeq - 1;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, after), lte(auditEvents.seq, toSeq), isNotNull(auditEvents.hash)))
      .orderBy(asc(auditEvents.seq))
      .limit(BATCH);
    if (!rows.length) return;
    yield rows;
    after = Number(rows[rows.length - 1]!.seq);
    if (rows.length < BATCH) return;
  }
}

async function writeChainFile(out: PassThrough, header: ChainFileHeader, source: AsyncGenerator<AuditRow[]>) {
  out.write(`${JSON.stringify(header)}\n`);
  for await (const rows of source) {
    const text = rows.map((e) => `${canonicalJson(toStored(e))}\n`).join('');
    if (!out.write(text)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

/**
 * The offline-verifiable export of a period: every linked event from the first to the last one in the period,
 * with no other filter (any filter would leave holes in the chain), in seq order with its hashes. Events still
 * waiting for the chaining step (a moment after commit) go into the next export.
 */
async function exportChainFile(ctx: Ctx & { actor: Actor }, query: TAuditExportQuery): Promise<AuditExport> {
  const { format: _, from, to, ...others } = query;
  if (Object.values(others).some((v) => v !== undefined)) {
    throw Errors.badRequest(
      'CHAIN_EXPORT_PERIOD_ONLY',
      '可离线校验的导出（jsonl）只能按时间段导出全部事件：按操作人、操作、对象或关键字筛选会使哈希链不连续，无法校验。请清除这些筛选条件后重试',
      'The verifiable export (jsonl) takes a period only: other filters would break the chain',
    );
  }
  const where = and(auditCondition({ from, to }), isNotNull(auditEvents.hash));
  const db = ctx.deps.db;
  // What committed before the request is linked first, so the file reaches up to now.
  await chainAuditEvents(db, { maxWaitMs: 1_000 });
  const [range] = await db
    .select({ lo: min(auditEvents.seq), hi: max(auditEvents.seq) })
    .from(auditEvents)
    .where(where);
  const fromSeq = Number(range?.lo ?? 0);
  const toSeq = Number(range?.hi ?? 0);
  const [inRange] = fromSeq
    ? await db
        .select({ n: count() })
        .from(auditEvents)
        .where(and(gte(auditEvents.seq, fromSeq), lte(auditEvents.seq, toSeq), isNotNull(auditEvents.hash)))
    : [];
  const rows = inRange?.n ?? 0;
  if (rows > CHAIN_EXPORT_MAX_ROWS) {
    throw Errors.unprocessable(
      'EXPORT_TOO_LARGE',
      `该时间段有 ${rows} 条审计事件，超过单次导出上限 ${CHAIN_EXPORT_MAX_ROWS} 条，请分段导出`,
      `${rows} events in the period; export at most ${CHAIN_EXPORT_MAX_ROWS} at a time`,
      { rows, limit: CHAIN_EXPORT_MAX_ROWS },
    );
  }
  const [first] = fromSeq
    ? await db
        .select({ prevSeq: auditEvents.prevSeq, prevHash: auditEvents.prevHash })
        .from(auditEvents)
        .where(eq(auditEvents.seq, fromSeq))
    : [];
  const [last] = toSeq
    ? await db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, toSeq))
    : [];
  const header: ChainFileHeader = {
    format: CHAIN_FILE_FORMAT,
    version: CHAIN_FILE_VERSION,
    digest: 'SM3',
    period: { from: from ?? null, to: to ?? null },
    fromSeq,
    toSeq,
    events: rows,
    startPrevHash: first?.prevHash ?? GENESIS_HASH,
    ...(first?.prevSeq === null || first?.prevSeq === undefined ? {} : { startPrevSeq: Number(first.prevSeq) }),
    exportedAt: ctx.now.toISOString(),
    exportedBy: ctx.actor.name,
  };
  // The export's own event records the range and the last hash: the anchor that ties the file to the trail.
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'audit.exported',
      objectType: 'audit_events',
      objectId: null,
      after: { format: 'jsonl', filters: { from, to }, rows, fromSeq, toSeq, lastHash: last?.hash ?? null },
    }),
  );
  const stamp = beijingTime(ctx.now).replace(/[-: ]/g, '').slice(0, 14);
  const out = new PassThrough();
  const source = fromSeq ? ascendingBatches(db, fromSeq, toSeq) : (async function* () {})();
  writeChainFile(out, header, source).catch((err: unknown) =>
    out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return {
    fileName: `audit-chain-${stamp}.jsonl`,
    contentType: 'application/x-ndjson; charset=utf-8',
    rows,
    body: out,
  };
}

export async function exportAuditEvents(ctx: Ctx & { actor: Actor }, query: TAuditExportQuery): Promise<AuditExport> {
  if (!can(ctx.actor, 'audit.export')) throw Errors.forbidden();
  if (query.format === 'jsonl') return exportChainFile(ctx, query);
  const { format, ...filters } = query;
  const where = auditCondition(filters);
  const db = ctx.deps.db;
  const [stats] = await db
    .select({ n: count(), maxSeq: max(auditEvents.seq) })
    .from(auditEvents)
    .where(where);
  const rows = stats?.n ?? 0;
  if (rows > EXPORT_MAX_ROWS) {
    throw Errors.unprocessable(
      'EXPORT_TOO_LARGE',
      `符合条件的审计事件有 ${rows} 条，超过单次导出上限 ${EXPORT_MAX_ROWS} 条，请缩小时间范围或增加筛选条件`,
      `${rows} events match; narrow the filters to at most ${EXPORT_MAX_ROWS}`,
      { rows, limit: EXPORT_MAX_ROWS },
    );
  }
  const upTo = Number(stats?.maxSeq ?? 0);
  await inTx(ctx, (tx) =>
    recordAudit(tx, ctx, {
      action: 'audit.exported',
      objectType: 'audit_events',
      objectId: null,
      after: { format, filters, rows, upToSeq: upTo },
    }),
  );

  const stamp = beijingTime(ctx.now).replace(/[-: ]/g, '').slice(0, 14);
  const fileName = `audit-events-${stamp}.${format}`;
  const out = new PassThrough();
  const source = batches(db, where, upTo);
  const done =
    format === 'csv' ? writeCsv(out, source) : writeXlsx(out, source, `惠企审计日志导出（${beijingTime(ctx.now)}）`);
  done.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return {
    fileName,
    contentType:
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    rows,
    body: out,
  };
}
