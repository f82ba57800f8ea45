/** Request bodies the upload routes read: multipart/form-data and the CSV a bank system sends. */
import type { Session } from './session';

export interface FilePart {
  name: string;
  data: Buffer;
  /** The part's Content-Type (application/octet-stream unless told). */
  type?: string;
}

/** A multipart/form-data body: the fields, then (when given) one file part named `file`. */
export function multipart(fields: Record<string, string>, file?: FilePart) {
  const boundary = `----huiqi${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A UTF-8 CSV with a BOM and CRLF lines: the columns' headers, then one line per row (quoted where needed). */
export function csvOf(columns: readonly { key: string; header: string }[], rows: Record<string, unknown>[]): Buffer {
  const esc = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => String(r[c.key] ?? '')))];
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(esc).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** A minimal PDF (the upload routes check the file's signature). */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** POSTs a multipart body (the fields, then the file when given) to the attachments route; the raw answer. */
export function postAttachment(s: Session, fields: Record<string, string>, file?: FilePart) {
  const m = multipart(fields, file);
  return s.request({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers });
}

/** A PDF file part with the given name (the bytes of `PDF` unless told). */
export const pdfPart = (name: string, data: Buffer = PDF): FilePart => ({ name, data, type: 'application/pdf' });

/** Uploads one PDF attachment for an owner; its id. */
export async function uploadAttachment(s: Session, ownerType: string, ownerId: string, kind: string, data = PDF) {
  const res = await postAttachment(s, { ownerType, ownerId, kind }, pdfPart(`${kind}.pdf`, data));
  if (res.statusCode !== 201 && res.statusCode !== 200)
    throw new Error(`upload ${kind}: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
