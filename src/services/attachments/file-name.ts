/** Safe display names for uploaded files, with the extension made to match the detected type. */
import { type AllowedFileType, FILE_TYPE_INFO } from '../../contracts/attachments';
import { sanitizeFileName } from '../../domain/text/file-name';

const EXT_ALIASES: Record<AllowedFileType, readonly string[]> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  jpg: ['jpg', 'jpeg', 'jpe'],
  png: ['png'],
  xlsx: ['xlsx'],
  docx: ['docx'],
};

/** "scan.pdf" holding a PNG becomes "scan.png"; "报告" holding a PDF becomes "报告.pdf". */
export function fileNameForType(raw: string | undefined | null, type: AllowedFileType): string {
  const name = sanitizeFileName(raw) || '附件';
  const m = /^(.*)\.([A-Za-z0-9]{1,5})$/.exec(name);
  const ext = FILE_TYPE_INFO[type].ext;
  if (m && EXT_ALIASES[type].includes(m[2]!.toLowerCase())) return name;
  return `${m?.[1] ? m[1] : name}.${ext}`;
}

/** `content-disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
