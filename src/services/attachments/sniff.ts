/**
 * File type by content, never by name. Allowed: PDF (%PDF-), JPG (FF D8 FF), PNG (89 50 4E 47 0D 0A 1A 0A), and three
 * ZIP-based formats told apart by the entry names in the ZIP central directory:
 *   XLSX  [Content_Types].xml + xl/workbook.xml
 *   DOCX  [Content_Types].xml + word/document.xml
 *   OFD   OFD.xml at the root (GB/T 33190-2016)
 * Anything else is refused with the detected kind named (an executable, a legacy Office file, a plain ZIP, …).
 */
import type { AllowedFileType } from '../../contracts/attachments';

export type SniffResult =
  | { ok: true; type: AllowedFileType }
  | { ok: false; detected: string; detectedEn: string; hint?: string };

function startsWith(buf: Buffer, bytes: readonly number[], offset = 0): boolean {
  if (buf.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[offset + i] !== bytes[i]) return false;
  return true;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CEN_SIG = 0x02014b50;

/**
 * Names of the entries in a ZIP's central directory, or null when the archive is malformed. Reads the End Of
 * Central Directory record (searching back over a comment of up to 64 KiB), follows a ZIP64 locator when the
 * classic fields overflow, then walks the central directory headers. At most `maxEntries` names are read.
 */
export function zipEntryNames(buf: Buffer, maxEntries = 20_000): string[] | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  let eocd = -1;
  const stop = Math.max(0, buf.length - minEocd - 0xffff);
  for (let i = buf.length - minEocd; i >= stop; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let entries = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG) return null;
    const z64 = Number(buf.readBigUInt64LE(loc + 8));
    if (z64 < 0 || z64 + 56 > buf.length || buf.readUInt32LE(z64) !== ZIP64_EOCD_SIG) return null;
    entries = Number(buf.readBigUInt64LE(z64 + 32));
    cdSize = Number(buf.readBigUInt64LE(z64 + 40));
    cdOffset = Number(buf.readBigUInt64LE(z64 + 48));
  }
  if (cdOffset + cdSize > buf.length) return null;
  const names: string[] = [];
  let p = cdOffset;
  for (let n = 0; n < entries && n < maxEntries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) return null;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    if (p + 46 + nameLen > buf.length) return null;
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function refuse(detected: string, detectedEn: string, hint?: string): SniffResult {
  return hint ? { ok: false, detected, detectedEn, hint } : { ok: false, detected, detectedEn };
}

export function sniffFileType(buf: Buffer): SniffResult {
  if (buf.length === 0) return refuse('空文件', 'an empty file');
  if (startsWith(buf, ascii('%PDF-'))) return { ok: true, type: 'pdf' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { ok: true, type: 'jpg' };
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, type: 'png' };
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buf, [0x50, 0x4b, 0x05, 0x06])) {
    const names = zipEntryNames(buf);
    if (!names) return refuse('损坏或不完整的 ZIP 压缩包', 'a damaged or truncated ZIP archive');
    const set = new Set(names);
    const ooxml = set.has('[Content_Types].xml');
    if (ooxml && set.has('xl/workbook.xml')) return { ok: true, type: 'xlsx' };
    if (ooxml && set.has('word/document.xml')) return { ok: true, type: 'docx' };
    if (set.has('OFD.xml')) return { ok: true, type: 'ofd' };
    if (ooxml && set.has('ppt/presentation.xml')) {
      return refuse('PowerPoint 演示文稿（PPTX）', 'a PowerPoint presentation (PPTX)', '请另存为 PDF 后上传');
    }
    if (set.has('mimetype') && names.some((n) => n === 'content.xml')) {
      return refuse('OpenDocument 文档（ODT/ODS）', 'an OpenDocument file', '请另存为 DOCX、XLSX 或 PDF 后上传');
    }
    return refuse(
      '普通 ZIP 压缩包（不是 XLSX、DOCX 或 OFD）',
      'a ZIP archive that is not XLSX, DOCX or OFD',
      '请解压后分别上传',
    );
  }
  if (startsWith(buf, ascii('MZ'))) return refuse('Windows 可执行程序（EXE/DLL）', 'a Windows executable (EXE/DLL)');
  if (startsWith(buf, [0x7f, 0x45, 0x4c, 0x46])) return refuse('Linux 可执行程序（ELF）', 'a Linux executable (ELF)');
  if (startsWith(buf, [0xca, 0xfe, 0xba, 0xbe]) || startsWith(buf, [0xcf, 0xfa, 0xed, 0xfe])) {
    return refuse('macOS 可执行程序或 Java 类文件', 'a macOS executable or Java class file');
  }
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return refuse('旧版 Office 文件（DOC/XLS）', 'a legacy Office file (DOC/XLS)', '请另存为 DOCX/XLSX 或 PDF 后上传');
  }
  if (startsWith(buf, ascii('Rar!'))) return refuse('RAR 压缩包', 'a RAR archive', '请解压后分别上传');
  if (startsWith(buf, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]))
    return refuse('7z 压缩包', 'a 7z archive', '请解压后分别上传');
  if (startsWith(buf, [0x1f, 0x8b])) return refuse('GZIP 压缩文件', 'a gzip file');
  if (startsWith(buf, ascii('GIF8'))) return refuse('GIF 图片', 'a GIF image', '请转换为 JPG 或 PNG 后上传');
  if (startsWith(buf, ascii('BM'))) return refuse('BMP 图片', 'a BMP image', '请转换为 JPG 或 PNG 后上传');
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) {
    return refuse('WebP 图片', 'a WebP image', '请转换为 JPG 或 PNG 后上传');
  }
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) {
    return refuse('TIFF 图片', 'a TIFF image', '请转换为 JPG、PNG 或 PDF 后上传');
  }
  const head = buf.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  if (head.startsWith('#!')) return refuse('脚本文件', 'a script');
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<script')) {
    return refuse('网页（HTML）文件', 'an HTML file');
  }
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return refuse('XML/SVG 文件', 'an XML/SVG file');
  return refuse('无法识别的文件内容', 'content of an unrecognised type');
}
