import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditEvents } from '../src/db/schema';
import { sniffFileType, zipEntryNames } from '../src/services/attachments/sniff';
import { makeEnterprise, makeUser } from './helpers/factories';
import { type FilePart, multipart, PDF } from './helpers/multipart';
import { loginAs, type Session } from './helpers/session';
import { createTestPlatform, type TestPlatform } from './helpers/test-app';

/** A ZIP (stored, no compression) with the given entries: enough for XLSX/DOCX/OFD detection. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBuf = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR....')]);
const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0 body')]);
const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>', '_rels/.rels': '<r/>' });
const OFD = zip({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' });
const EXE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(200, 0x90),
  Buffer.from('This program cannot be run in DOS mode'),
]);

async function realXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('贷款清单').addRow(['企业名称', '金额']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(s: Session, fields: Record<string, string>, file?: FilePart) {
  const m = multipart(fields, file);
  return s.request({ method: 'POST', url: '/api/v1/attachments', payload: m.payload, headers: m.headers });
}

let p: TestPlatform;
let ent: Awaited<ReturnType<typeof makeEnterprise>>;
let owner: Session;
beforeAll(async () => {
  p = await createTestPlatform();
  ent = await makeEnterprise(p.deps);
  const u = await makeUser(p.deps, 'enterprise', { enterpriseId: ent.id, isEnterpriseAdmin: true });
  owner = await loginAs(p.app, u.username, u.password);
});
afterAll(async () => p.close());

const fieldsFor = (ownerId: string, kind = 'business_licence') => ({ ownerType: 'enterprise', ownerId, kind });

describe('content sniffing (pure)', () => {
  it.each([
    ['pdf', PDF],
    ['png', PNG],
    ['jpg', JPG],
    ['docx', DOCX],
    ['ofd', OFD],
  ])('recognises %s by its bytes', (type, bytes) => {
    expect(sniffFileType(bytes)).toEqual({ ok: true, type });
  });

  it.each([
    ['an executable', EXE, 'Windows 可执行程序'],
    ['a plain ZIP', zip({ 'readme.txt': 'hi' }), '普通 ZIP 压缩包'],
    ['a ZIP with only [Content_Types].xml', zip({ '[Content_Types].xml': '<Types/>' }), '普通 ZIP 压缩包'],
    ['OFD.xml not at the root', zip({ 'sub/OFD.xml': '<x/>' }), '普通 ZIP 压缩包'],
    ['a truncated ZIP', DOCX.subarray(0, DOCX.length - 30), '损坏'],
    ['a legacy DOC', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '旧版 Office'],
    ['a GIF', Buffer.from('GIF89a....'), 'GIF'],
    ['HTML', Buffer.from('<!DOCTYPE html><script>alert(1)</script>'), 'HTML'],
    ['an empty file', Buffer.alloc(0), '空文件'],
    ['text', Buffer.from('hello world'), '无法识别'],
  ])('refuses %s, naming it', (_name, bytes, detected) => {
    const r = sniffFileType(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.detected).toContain(detected);
  });

  it('reads central directory entry names, also after a ZIP comment', () => {
    const withComment = Buffer.concat([DOCX.subarray(0, DOCX.length - 2), Buffer.from([5, 0]), Buffer.from('hello')]);
    expect(zipEntryNames(withComment)).toEqual(['[Content_Types].xml', 'word/document.xml', '_rels/.rels']);
  });
});

describe('upload and download', () => {
  it.each([
    ['a PDF', '营业执照.pdf', PDF, 'application/pdf', '营业执照.pdf'],
    ['a PNG', 'scan.png', PNG, 'image/png', 'scan.png'],
    ['a JPG', 'photo.jpeg', JPG, 'image/jpeg', 'photo.jpeg'],
    [
      'a DOCX',
      '报告.docx',
      DOCX,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      '报告.docx',
    ],
    ['an OFD', '电子证照.ofd', OFD, 'application/ofd', '电子证照.ofd'],
    ['a PNG named .pdf (stored as PNG)', '扫描件.pdf', PNG, 'image/png', '扫描件.png'],
    ['a PDF without extension', '说明', PDF, 'application/pdf', '说明.pdf'],
  ])('accepts %s by content and serves it back', async (_label, name, data, contentType, storedName) => {
    const res = await upload(owner, fieldsFor(ent.id), { name, data });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ contentType, fileName: storedName, sizeBytes: data.length, kind: 'business_licence' });
    expect(a.sha256).toBe(createHash('sha256').update(data).digest('hex'));

    const dl = await owner.get(`/api/v1/attachments/${a.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe(contentType);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(storedName)}`);
    expect(dl.rawPayload.equals(data)).toBe(true);
  });

  it('accepts a real XLSX written by ExcelJS', async () => {
    const res = await upload(owner, fieldsFor(ent.id, 'other'), { name: '清单.xlsx', data: await realXlsx() });
    expect(res.statusCode).toBe(201);
    expect(res.json().contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('refuses an executable renamed .pdf with 415, naming what it is, and stores nothing', async () => {
    const before = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(attachments);
    const res = await upload(owner, fieldsFor(ent.id), { name: '营业执照.pdf', data: EXE, type: 'application/pdf' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');
    expect(res.json().error.message).toContain('Windows 可执行程序');
    expect(res.json().error.message).toContain('营业执照.pdf');
    const after = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(attachments);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await p.deps.storage.exists(createHash('sha256').update(EXE).digest('hex'))).toBe(false);
  });

  it('refuses a file over the limit with 413 in Chinese and leaves no row or file behind', async () => {
    const limit = p.deps.config.maxUploadBytes;
    expect(limit).toBe(20 * 1024 * 1024);
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(limit - 8, 0x20)]);
    expect(big.length).toBe(limit + 1);
    const before = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(attachments);
    const res = await upload(owner, fieldsFor(ent.id), { name: 'big.pdf', data: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('FILE_TOO_LARGE');
    expect(res.json().error.message).toContain('文件超过大小上限 20 MB');
    const after = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(attachments);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await p.deps.storage.exists(createHash('sha256').update(big).digest('hex'))).toBe(false);
    // A file of exactly the limit is accepted.
    const exact = big.subarray(0, limit);
    const ok = await upload(owner, fieldsFor(ent.id), { name: 'exact.pdf', data: exact });
    expect(ok.statusCode).toBe(201);
  });

  it('names bad form fields in Chinese and requires a file', async () => {
    const badType = await upload(
      owner,
      { ownerType: 'spaceship', ownerId: ent.id, kind: 'other' },
      { name: 'a.pdf', data: PDF },
    );
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message).toContain('所属对象类型“spaceship”不存在');
    const badKind = await upload(owner, fieldsFor(ent.id, 'selfie'), { name: 'a.pdf', data: PDF });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.message).toContain('材料类别不正确，应为 营业执照、信用报告、资质证明、其他材料 之一');
    const badId = await upload(
      owner,
      { ownerType: 'enterprise', ownerId: 'nope', kind: 'other' },
      { name: 'a.pdf', data: PDF },
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('所属对象编号');
    const noFile = await upload(owner, fieldsFor(ent.id));
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('NO_FILE');
    const json = await owner.post('/api/v1/attachments', { ownerType: 'enterprise' });
    expect(json.statusCode).toBe(415);
  });

  it('lists an owner’s files; upload and delete are audited; only the uploader deletes', async () => {
    const res = await upload(owner, fieldsFor(ent.id, 'credit_report'), { name: '信用报告.pdf', data: PDF });
    const id = res.json().id;
    const list = await owner.get(`/api/v1/attachments?ownerType=enterprise&ownerId=${ent.id}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.find((x: { id: string }) => x.id === id)).toMatchObject({ kindName: '信用报告' });

    const colleague = await makeUser(p.deps, 'enterprise', { enterpriseId: ent.id });
    const cs = await loginAs(p.app, colleague.username, colleague.password);
    expect((await cs.get(`/api/v1/attachments/${id}/download`)).statusCode).toBe(200);
    const notMine = await cs.delete(`/api/v1/attachments/${id}`);
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.message).toContain('只有上传人');

    const del = await owner.delete(`/api/v1/attachments/${id}`);
    expect(del.statusCode).toBe(200);
    expect((await owner.get(`/api/v1/attachments/${id}/download`)).statusCode).toBe(404);
    const events = await p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.objectType} = 'attachment' and ${auditEvents.objectId} = ${id}`)
      .orderBy(auditEvents.seq);
    expect(events.map((e) => e.action)).toEqual(['attachment.uploaded', 'attachment.downloaded', 'attachment.deleted']);
    expect(events[2]!.before).toMatchObject({ fileName: '信用报告.pdf', sha256: res.json().sha256 });
    const [gone] = await p.deps.db.select().from(attachments).where(eq(attachments.id, id));
    expect(gone).toBeUndefined();
  });
});

describe('download auditing', () => {
  const downloadEvents = (id: string) =>
    p.deps.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.action} = 'attachment.downloaded' and ${auditEvents.objectId} = ${id}`)
      .orderBy(auditEvents.seq);

  it('records each successful download once: who, the file, its SHA-256 and name, and the owning record', async () => {
    const res = await upload(owner, fieldsFor(ent.id, 'credit_report'), { name: '法人身份证.pdf', data: PDF });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(await downloadEvents(a.id)).toHaveLength(0);

    const dl = await owner.get(`/api/v1/attachments/${a.id}/download`);
    expect(dl.statusCode).toBe(200);
    const events = await downloadEvents(a.id);
    expect(events).toHaveLength(1);
    const [ev] = events;
    expect(ev!.actorId).toBe((await owner.get('/api/v1/auth/me')).json().id);
    expect(ev!.objectType).toBe('attachment');
    expect(ev!.after).toMatchObject({
      sha256: a.sha256,
      fileName: '法人身份证.pdf',
      ownerType: 'enterprise',
      ownerId: ent.id,
      enterpriseId: ent.id,
    });
    await owner.get(`/api/v1/attachments/${a.id}/download`);
    expect(await downloadEvents(a.id)).toHaveLength(2);
  });

  it('writes nothing for a refused download (another enterprise’s file answers 404)', async () => {
    const res = await upload(owner, fieldsFor(ent.id), { name: '营业执照.pdf', data: PDF });
    const a = res.json();
    const other = await makeEnterprise(p.deps);
    const stranger = await makeUser(p.deps, 'enterprise', { enterpriseId: other.id });
    const s = await loginAs(p.app, stranger.username, stranger.password);
    const [before] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    const refused = await s.get(`/api/v1/attachments/${a.id}/download`);
    expect(refused.statusCode).toBe(404);
    expect(await downloadEvents(a.id)).toHaveLength(0);
    const [after] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    // The refused download adds no event of any kind.
    expect(after!.n).toBe(before!.n);
  });
});

describe('hostile names and bodies', () => {
  it.each([
    ['a right-to-left override', 'invoice\u202Efdp.exe.pdf', 'invoicefdp.exe.pdf'],
    ['control, C1 and zero-width characters', 'a\u0001b\u0085c\u200Bd\uFEFF.pdf', 'abcd.pdf'],
    ['a NUL and half a surrogate pair', '报\u0000告\uD800.pdf', '报告.pdf'],
    ['a path', '..\\..\\windows\\营业执照.pdf', '营业执照.pdf'],
    ['decomposed Unicode (stored as NFC)', 'Cafe\u0301.pdf', 'Caf\u00e9.pdf'],
  ])('stores a name with %s once, cleaned', async (_label, name, stored) => {
    const res = await upload(owner, fieldsFor(ent.id), { name, data: PDF });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe(stored);
    const listed = await owner.get(`/api/v1/attachments?ownerType=enterprise&ownerId=${ent.id}`);
    expect(listed.json().items.map((a: { fileName: string }) => a.fileName)).toContain(stored);
  });

  it('a name sent RFC 5987-encoded (filename*) is decoded once, not stored percent-encoded', async () => {
    const boundary = 'huiqiRfc5987';
    const payload = Buffer.concat([
      ...Object.entries(fieldsFor(ent.id)).map(([k, v]) =>
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      ),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${encodeURIComponent('授权书.pdf')}\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await owner.request({
      method: 'POST',
      url: '/api/v1/attachments',
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().fileName).toBe('授权书.pdf');
  });

  it.each([
    ['cut after the boundary', '--b\r\n\r\n'],
    ['cut inside the file', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.'],
    ['with no boundary at all', 'garbage'],
  ])('a multipart body %s is a 400 with a Chinese message, and nothing is stored', async (_label, body) => {
    const [before] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    for (const url of ['/api/v1/attachments/']) {
      const res = await owner.request({
        method: 'POST',
        url,
        payload: body,
        headers: { 'content-type': 'multipart/form-data; boundary=b' },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/上传的表单不完整|为必填项/);
    }
    const [after] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after!.n).toBe(before!.n);
  });
});
