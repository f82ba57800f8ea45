import { FILE_TYPE_INFO } from '../../contracts/attachments';
import { AppError, Errors } from '../errors';
import { attachmentOwnerTypes } from './owner-registry';
import type { SniffResult } from './sniff';

const ALLOWED_ZH = 'PDF、OFD、JPG、PNG、XLSX、DOCX';

export const attachmentErrors = {
  notFound: () => Errors.notFound({ zh: '附件', en: 'Attachment' }),
  unknownOwnerType: (ownerType: string) =>
    new AppError(
      'VALIDATION_FAILED',
      400,
      {
        zh: `所属对象类型“${ownerType}”不存在，请从页面上传材料`,
        en: `ownerType "${ownerType}" is unknown; expected one of ${attachmentOwnerTypes().join(', ')}`,
      },
      [{ path: 'ownerType', label: '所属对象类型', message: `所属对象类型“${ownerType}”不存在` }],
    ),
  unknownKind: (kind: string, kinds: Readonly<Record<string, string>>) => {
    const list = Object.entries(kinds)
      .map(([, v]) => v)
      .join('、');
    return new AppError(
      'VALIDATION_FAILED',
      400,
      {
        zh: `材料类别不正确，应为 ${list} 之一`,
        en: `kind "${kind}" is not one of ${Object.keys(kinds).join(', ')}`,
      },
      [{ path: 'kind', label: '材料类别', message: `材料类别不正确，应为 ${list} 之一` }],
    );
  },
  noFile: () =>
    new AppError('NO_FILE', 400, { zh: '请选择要上传的文件', en: 'No file was sent (field "file")' }, [
      { path: 'file', label: '文件', message: '请选择要上传的文件' },
    ]),
  tooLarge: (limitBytes: number) =>
    new AppError('FILE_TOO_LARGE', 413, {
      zh: `文件超过大小上限 ${formatSize(limitBytes)}，请压缩或拆分后再上传`,
      en: `The file exceeds the ${formatSize(limitBytes)} limit`,
    }),
  unsupportedType: (fileName: string, sniff: Extract<SniffResult, { ok: false }>) =>
    new AppError(
      'UNSUPPORTED_FILE_TYPE',
      415,
      {
        zh: `不支持的文件类型：文件“${fileName}”的内容是${sniff.detected}。仅接受 ${ALLOWED_ZH}（按文件内容识别，与扩展名无关）${sniff.hint ? `；${sniff.hint}` : ''}`,
        en: `Unsupported file: "${fileName}" contains ${sniff.detectedEn}. Accepted (by content, not extension): ${Object.keys(FILE_TYPE_INFO).join(', ').toUpperCase()}`,
      },
      [],
      { detected: sniff.detectedEn },
    ),
  fileMissing: () =>
    new AppError('FILE_MISSING', 500, {
      zh: '附件内容在存储中缺失，请联系系统管理员',
      en: 'The file content is missing from storage',
    }),
};

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}
