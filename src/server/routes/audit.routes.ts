/** The audit trail, for the audit administrator only: search, export (xlsx/csv) and chain verification. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZAuditExportQuery, ZAuditPage, ZAuditQuery, ZAuditVerifyResult } from '../../contracts/audit';
import { exportAuditEvents, searchAuditEvents, verifyAuditTrail } from '../../services/audit';
import { sendDownload } from '../route-kit/downloads';
import { routeKit } from '../route-kit/route';

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const route = routeKit(fastify, ['audit']);

  route.get(
    '/events',
    {
      guard: 'signed-in',
      summary: '检索审计事件（审计管理员；按时间倒序）',
      query: ZAuditQuery,
      ok: ZAuditPage,
      noStore: true,
    },
    (ctx, request) => searchAuditEvents(ctx, request.query),
  );

  route.get(
    '/events/export',
    {
      guard: 'signed-in',
      summary: '导出审计事件（xlsx 或带 BOM 的 CSV；导出本身记入审计）',
      query: ZAuditExportQuery,
      produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      ok: z.any().describe('文件'),
      noStore: true,
    },
    async (ctx, request, reply) => {
      const file = await exportAuditEvents(ctx, request.query);
      const zhName = `审计日志${file.fileName.slice('audit-events'.length)}`;
      reply.header('x-export-rows', String(file.rows));
      return sendDownload(reply, { type: file.contentType, ascii: file.fileName, name: zhName, body: file.body });
    },
  );

  route.get(
    '/verify',
    {
      guard: 'signed-in',
      summary: '校验审计日志哈希链完整性（SM3；发现篡改、插入、删除）',
      ok: ZAuditVerifyResult,
      noStore: true,
    },
    (ctx) => verifyAuditTrail(ctx),
  );
}
