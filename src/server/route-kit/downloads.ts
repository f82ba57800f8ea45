/** How a route answers with a file: its type and a download name (ASCII for old clients, UTF-8 for the rest). */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OpenAPI description of an Excel download (a route spec spreads it). */
export const xlsxDownload = () => ({ produces: [XLSX_TYPE], ok: z.any().describe('Excel 文件') });

export interface Download {
  /** The name sent as `filename` (ASCII). */
  ascii: string;
  /** The name a person reads (`filename*`, UTF-8). */
  name: string;
  body: Buffer | string | Readable;
  /** Excel unless said otherwise. */
  type?: string;
}

export function contentDispositionOf(ascii: string, name: string): string {
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sends `file` as an attachment download. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  return reply
    .header('content-type', file.type ?? XLSX_TYPE)
    .header('content-disposition', contentDispositionOf(file.ascii, file.name))
    .send(file.body);
}

/** An Excel file as the use cases make it: named for a person, either `{ name, body }` or `{ fileName, buffer }`. */
type MadeFile = { name: string; body: Buffer } | { fileName: string; buffer: Buffer };

/** Sends the Excel file a use case makes as a download named `ascii` for old clients. */
export async function sendExcel(reply: FastifyReply, ascii: string, making: Promise<MadeFile>): Promise<FastifyReply> {
  const file = await making;
  return 'buffer' in file
    ? sendDownload(reply, { ascii, name: file.fileName, body: file.buffer })
    : sendDownload(reply, { ascii, name: file.name, body: file.body });
}
