/** Safe display names for uploaded files, with the extension made to match the detected type. */
import { type AllowedFileType, FILE_TYPE_INFO } from '../../contracts/attachments';

const EXT_ALIASES: Record<AllowedFileType, readonly string[]> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  jpg: ['jpg', 'jpeg', 'jpe'],
  png: ['png'],
  xlsx: ['xlsx'],
  docx: ['docx'],
};

/** Strips any path, control and reserved characters; keeps at most 120 characters (extension included). */
export function sanitizeFileName(raw: string | undefined | null): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f && !'<>:"|?*'.includes(c))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return '';
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 8 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 120 - ext.length) + ext;
}

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
