/** The audit trail, for the audit administrator only: search, export (xlsx/csv) and chain verification. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZAuditExportQuery, ZAuditPage, ZAuditQuery, ZAuditVerifyResult } from '../../contracts/audit';
import { exportAuditEvents, searchAuditEvents, verifyAuditTrail } from '../../services/audit';
import { actorCtx, noStore } from '../http-context';

const tags = ['audit'];

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: '检索审计事件（审计管理员；按时间倒序）',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request, reply) => {
      const result = await searchAuditEvents(actorCtx(request), request.query);
      noStore(reply);
      return result;
    },
  );

  app.get(
    '/events/export',
    {
      schema: {
        tags,
        summary: '导出审计事件（xlsx 或带 BOM 的 CSV；导出本身记入审计）',
        querystring: ZAuditExportQuery,
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
        response: { 200: z.any().describe('文件') },
      },
    },
    async (request, reply) => {
      const file = await exportAuditEvents(actorCtx(request), request.query);
      const zhName = `审计日志${file.fileName.slice('audit-events'.length)}`;
      noStore(reply)
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(zhName)}`,
        )
        .header('x-export-rows', String(file.rows));
      return reply.send(file.body);
    },
  );

  app.get(
    '/verify',
    {
      schema: {
        tags,
        summary: '校验审计日志哈希链完整性（SM3；发现篡改、插入、删除）',
        response: { 200: ZAuditVerifyResult },
      },
    },
    async (request, reply) => {
      const result = await verifyAuditTrail(actorCtx(request));
      noStore(reply);
      return result;
    },
  );
}
