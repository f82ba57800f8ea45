/**
 * Bulk import of loans and repayments: templates (a real .xlsx with instructions and validation lists, and a
 * CSV), valid files in both formats, row-level errors that leave nothing behind, the same file twice, dry
 * runs, concurrent uploads, and bank systems posting the file with a token.
 */
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, loanImportBatches, loanRepayments, loans } from '../src/db/schema';
import { LOAN_COLUMNS, REPAYMENT_COLUMNS } from '../src/domain/loans/import';
import {
  createWorldPlatform,
  importLoanRow,
  importRepaymentRow,
  makeApiToken,
  postLoanImport,
  type World,
} from './helpers/loans-fixtures';
import { csvOf } from './helpers/multipart';
import { anonymous, loginAs, type Session } from './helpers/session';
import type { TestPlatform } from './helpers/test-app';

let p: TestPlatform;
let w: World;
let bank: Session;

beforeAll(async () => {
  let s: Record<string, Session>;
  ({ p, w, s } = await createWorldPlatform({ signIn: ['bankA'] }));
  bank = s.bankA!;
});
afterAll(async () => p.close());

const upload = (session: Session, name: string, data: Buffer, query = '', headers: Record<string, string> = {}) =>
  postLoanImport(session, { name, data }, { query, headers });

async function counts() {
  const [l] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(loans);
  const [r] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(loanRepayments);
  const [b] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(loanImportBatches);
  const [a] = await p.deps.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return { loans: l!.n, repayments: r!.n, batches: b!.n, audit: a!.n };
}

let contractSeq = 0;
const nextContract = () => `IMP-${Date.now() % 100000}-${++contractSeq}`;

type Row = Record<string, string | number | Date>;

const loanRow = (over: Row = {}): Row => importLoanRow(w, nextContract(), over);
const repaymentRow = importRepaymentRow;

/** Fills the downloaded template, like a bank clerk would (typed values: numbers and dates as cells). */
async function xlsxFromTemplate(loanRows: Row[], repaymentRows: Row[]): Promise<Buffer> {
  const res = await bank.get('/api/v1/loans/import/template?format=xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const fill = (name: string, cols: readonly { key: string }[], rows: Row[]) => {
    const ws = wb.getWorksheet(name)!;
    rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      cols.forEach((c, j) => {
        const v = r[c.key];
        if (v !== undefined && v !== '') row.getCell(j + 1).value = v;
      });
      row.commit();
    });
  };
  fill('贷款', LOAN_COLUMNS, loanRows);
  fill('还款', REPAYMENT_COLUMNS, repaymentRows);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The published header rows of the import templates, written out so that a renamed column fails here. */
const PUBLISHED_LOAN_HEADERS = [
  '借款企业统一社会信用代码',
  '借款企业名称',
  '贷款合同编号',
  '贷款用途',
  '贷款金额（元）',
  '年利率',
  '贷款期限（月）',
  '放款时间',
  '保险/担保机构',
  '入库项目编号',
  '备注',
];
const PUBLISHED_REPAYMENT_HEADERS = [
  '贷款合同编号',
  '期次',
  '应还日期',
  '实还日期',
  '实还本金（元）',
  '实还利息（元）',
];

describe('templates', () => {
  it('downloads a real .xlsx: instructions sheet, Chinese headers, validation lists of purposes and institutions', async () => {
    const res = await bank.get('/api/v1/loans/import/template?format=xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('政银保贷款导入模板.xlsx'));
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['填写说明', '机构列表', '贷款', '还款']);
    expect(wb.getWorksheet('机构列表')!.state).toBe('hidden');
    const loanSheet = wb.getWorksheet('贷款')!;
    expect((loanSheet.getRow(1).values as unknown[]).slice(1)).toEqual(PUBLISHED_LOAN_HEADERS);
    const repSheet = wb.getWorksheet('还款')!;
    expect((repSheet.getRow(1).values as unknown[]).slice(1)).toEqual(PUBLISHED_REPAYMENT_HEADERS);
    // Validation: purpose (column D) and cover institution (column I) pick from lists on the hidden sheet.
    const dv = (
      loanSheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    const d5 = dv.D5 ?? Object.entries(dv).find(([k]) => k.startsWith('D2'))?.[1];
    expect(d5?.type).toBe('list');
    expect(String(d5?.formulae[0])).toContain('机构列表');
    const i5 = dv.I5 ?? Object.entries(dv).find(([k]) => k.startsWith('I2'))?.[1];
    expect(i5?.type).toBe('list');
    const names = wb.getWorksheet('机构列表')!.getColumn(1).values.slice(2).filter(Boolean);
    expect(names).toContain(w.insurer.name);
    expect(names).toContain(w.guarantor.name);
    expect(names).not.toContain(w.bankA.name);
    const help = wb.getWorksheet('填写说明')!;
    const text = help
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    expect(text).toContain('全部无误才导入');
    expect(text).toContain('贷款金额（元）');
    // printed: A4 landscape, one page wide; dates validated as dates as they are typed
    for (const ws of [help, loanSheet, repSheet]) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    }
    expect(loanSheet.pageSetup.printTitlesRow).toBe('1:1');
    const at = (ws: typeof loanSheet, header: string) => {
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      const letter = String.fromCharCode(64 + col);
      const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations
        .model;
      return Object.entries(model).find(([k]) => k.startsWith(`${letter}2`) || k === `${letter}5`)?.[1];
    };
    expect(at(loanSheet, '放款时间')?.type).toBe('date');
    expect(at(repSheet, '应还日期')?.type).toBe('date');
    expect(at(repSheet, '实还日期')?.type).toBe('date');
  });

  it('downloads CSV templates (UTF-8 with BOM) for loans and for repayments', async () => {
    const res = await bank.get('/api/v1/loans/import/template?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\uFEFF/, '').trim()).toBe(PUBLISHED_LOAN_HEADERS.join(','));
    const rep = await bank.get('/api/v1/loans/import/template?format=csv&kind=repayments');
    expect(rep.body.replace(/^\uFEFF/, '').trim()).toBe(PUBLISHED_REPAYMENT_HEADERS.join(','));
    expect((await bank.get('/api/v1/loans/import/template?format=pdf')).statusCode).toBe(400);
  });
});

describe('importing a valid file', () => {
  it('imports loans and repayments from an .xlsx filled in Excel (dates and numbers as typed cells)', async () => {
    const before = await counts();
    const a = loanRow({
      amount: 3000000,
      annualRate: 0.0365,
      termMonths: 36,
      disbursedAt: new Date('2026-04-01T09:30:00Z'),
    });
    const b = loanRow({
      purpose: '流动资金贷款',
      termMonths: '24',
      coverInstitution: w.guarantor.name,
      annualRate: '3.2%',
    });
    const reps = [
      repaymentRow(String(a.contractNo), 1, {
        dueDate: new Date('2026-05-01T00:00:00Z'),
        paidDate: new Date('2026-05-01T00:00:00Z'),
        interestPaid: 9125,
      }),
      repaymentRow(String(a.contractNo), 2),
      repaymentRow(String(b.contractNo), 1, { interestPaid: '8000.00', principalPaid: '100000.00' }),
    ];
    const file = await xlsxFromTemplate([a, b], reps);
    const res = await upload(bank, '四月放款.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'imported',
      format: 'xlsx',
      fileName: '四月放款.xlsx',
      loansCreated: 2,
      loansUnchanged: 0,
      repaymentsCreated: 3,
      repaymentsUnchanged: 0,
      errors: [],
    });
    const after = await counts();
    expect(after.loans - before.loans).toBe(2);
    expect(after.repayments - before.repayments).toBe(3);
    expect(after.batches - before.batches).toBe(1);
    // One audit event for the batch, with its counts, and one per imported loan and repayment.
    expect(after.audit - before.audit).toBe(1 + 2 + 3);
    const [event] = await p.deps.db.select().from(auditEvents).where(eq(auditEvents.objectId, res.json().batchId));
    expect(event!.action).toBe('loan.import_completed');
    expect(event!.after).toMatchObject({ loansCreated: 2, repaymentsCreated: 3 });

    const list = await bank.get(`/api/v1/loans?contractNo=${encodeURIComponent(String(a.contractNo))}`);
    const loan = list.json().items[0];
    expect(loan).toMatchObject({
      amount: '3000000.00',
      annualRate: '0.0365',
      disbursedAt: '2026-04-01T09:30:00+08:00',
      interestPaid: '18250.00',
      source: 'import',
      cover: { id: w.insurer.id },
    });
    const other = (await bank.get(`/api/v1/loans?contractNo=${encodeURIComponent(String(b.contractNo))}`)).json()
      .items[0];
    expect(other).toMatchObject({ purpose: 'working_capital', annualRate: '0.032', cover: { kind: 'guarantor' } });
  });

  it('imports loans from one CSV and their repayments from another (UTF-8 with BOM)', async () => {
    const a = loanRow();
    const loansCsv = csvOf(LOAN_COLUMNS, [a]);
    const r1 = await upload(bank, 'loans.csv', loansCsv);
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json()).toMatchObject({ status: 'imported', format: 'csv', loansCreated: 1, repaymentsCreated: 0 });
    const repCsv = csvOf(REPAYMENT_COLUMNS, [
      repaymentRow(String(a.contractNo), 1),
      repaymentRow(String(a.contractNo), 2),
    ]);
    const r2 = await upload(bank, 'repayments.csv', repCsv);
    expect(r2.statusCode, r2.body).toBe(200);
    expect(r2.json()).toMatchObject({ status: 'imported', loansCreated: 0, repaymentsCreated: 2 });
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030)', async () => {
    const a = loanRow({ remarks: '技改设备' });
    const text = csvOf(LOAN_COLUMNS, [a])
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const encoded = encodeGb18030(text);
    const res = await upload(bank, 'gbk.csv', encoded);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().loansCreated).toBe(1);
  });
});

/** GB18030 bytes of a string (Node can decode GB18030 but not encode it; build it from a reverse table). */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no GB18030 two-byte code for ${ch}`);
      out.push(...bytes);
    }
  }
  const buf = Buffer.from(out);
  expect(() => new TextDecoder('utf-8', { fatal: true }).decode(buf)).toThrow();
  return buf;
}

describe('a file with errors', () => {
  it('is refused as a whole: every error with row, column and a Chinese reason; nothing is written', async () => {
    const before = await counts();
    const good = loanRow();
    const dup = loanRow();
    const rows = [
      good, // row 2: valid
      loanRow({ amount: '-5' }), // row 3
      loanRow({ enterpriseUscc: '91440703MA4UQK5X4A' }), // row 4: bad check character
      loanRow({ coverInstitution: '不存在的保险公司' }), // row 5
      loanRow({ purpose: '消费贷款', annualRate: '0.3' }), // row 6: two errors
      dup, // row 7
      { ...dup }, // row 8: duplicate contract number in the file
      loanRow({ disbursedAt: '2026-04-01' }), // row 9: no time of day
      loanRow({ coverInstitution: w.bankB.name }), // row 10: a bank cannot cover
      loanRow({ enterpriseName: '别的公司' }), // row 11: name does not match the code
      loanRow({ disbursedAt: '2026-13-45' }), // row 12: an impossible date
    ];
    const reps = [
      repaymentRow(String(good.contractNo), 1),
      repaymentRow('NO-SUCH-CONTRACT', 1), // row 3
      repaymentRow(String(good.contractNo), 2, { interestPaid: '999999.00' }), // row 4: above the contract rate
    ];
    const file = await xlsxFromTemplate(rows, reps);
    const res = await upload(bank, 'errors.xlsx', file);
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('IMPORT_REJECTED');
    expect(err.message).toMatch(/^导入文件有 \d+ 处错误，未导入任何数据/);
    const details = err.details;
    expect(details.status).toBe('rejected');
    expect(details.loansCreated).toBe(0);
    const at = (sheet: string, row: number) =>
      details.errors.filter((e: { sheet: string; row: number }) => e.sheet === sheet && e.row === row);
    expect(at('贷款', 2)).toEqual([]);
    expect(at('贷款', 3)[0]).toMatchObject({ column: '贷款金额（元）' });
    expect(at('贷款', 4)[0]).toMatchObject({ column: '借款企业统一社会信用代码' });
    expect(at('贷款', 4)[0].reason).toContain('校验');
    expect(at('贷款', 5)[0]).toMatchObject({ column: '保险/担保机构' });
    expect(at('贷款', 5)[0].reason).toContain('未找到名为“不存在的保险公司”');
    expect(at('贷款', 5)[0].reason).toContain(`请填写平台登记的机构名称：`);
    expect(at('贷款', 5)[0].reason).toContain(w.insurer.name);
    expect(at('贷款', 12)[0]).toMatchObject({ column: '放款时间' });
    expect(at('贷款', 12)[0].reason).toContain('“2026-13-45”的日期不存在');
    expect(
      at('贷款', 6)
        .map((e: { column: string }) => e.column)
        .sort(),
    ).toEqual(['年利率', '贷款用途']);
    expect(at('贷款', 7)).toEqual([]);
    expect(at('贷款', 8)[0].reason).toContain('与第 7 行重复');
    expect(at('贷款', 9)[0].reason).toContain('缺少时刻');
    expect(at('贷款', 10)[0].reason).toContain('不是保险公司或融资性担保公司');
    expect(at('贷款', 11)[0]).toMatchObject({ column: '借款企业名称' });
    expect(at('还款', 2)).toEqual([]);
    expect(at('还款', 3)[0].reason).toContain('本行没有合同编号为“NO-SUCH-CONTRACT”的贷款');
    expect(at('还款', 4)[0]).toMatchObject({ column: '实还利息（元）' });
    expect(details.errorCount).toBe(details.errors.length);
    expect(await counts()).toEqual(before);
  });

  it('refuses a CSV with a missing column, an empty file, an old .xls and garbage, writing nothing', async () => {
    const before = await counts();
    const noAmount = csvOf(
      LOAN_COLUMNS.filter((c) => c.key !== 'amount'),
      [loanRow()],
    );
    const r1 = await upload(bank, 'x.csv', noAmount);
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error.details.errors[0]).toMatchObject({ row: 1, column: '贷款金额（元）' });
    const r2 = await upload(bank, 'empty.csv', csvOf(LOAN_COLUMNS, []));
    expect(r2.statusCode).toBe(422);
    expect(r2.json().error.message).toContain('没有数据行');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const r3 = await upload(bank, 'old.xls', xls);
    expect(r3.statusCode).toBe(422);
    expect(r3.json().error.message).toContain('.xls');
    const r4 = await upload(bank, 'junk.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(r4.statusCode).toBe(422);
    const r5 = await upload(bank, 'hello.csv', Buffer.from('hello,world\r\n1,2\r\n'));
    expect(r5.statusCode).toBe(422);
    expect(r5.json().error.message).toContain('无法识别 CSV 表头');
    expect(await counts()).toEqual(before);
  });

  it('refuses a cell holding a NUL character, naming its row and column, and a NUL in the file name is dropped', async () => {
    const before = await counts();
    const res = await upload(
      bank,
      'lo\u0000ans\u202e.csv',
      csvOf(LOAN_COLUMNS, [loanRow({ enterpriseName: `${w.e1.name}\u0000` })]),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().error.details.fileName).toBe('loans.csv');
    expect(res.json().error.details.errors[0]).toMatchObject({ row: 2, column: '借款企业名称' });
    expect(res.json().error.details.errors[0].reason).toContain('无法保存的字符');
    expect(await counts()).toEqual(before);
  });

  it('refuses a loan row that changes an existing loan, and a period that differs from the recorded one', async () => {
    const a = loanRow();
    expect((await upload(bank, 'a.csv', csvOf(LOAN_COLUMNS, [a]))).statusCode).toBe(200);
    expect(
      (await upload(bank, 'r.csv', csvOf(REPAYMENT_COLUMNS, [repaymentRow(String(a.contractNo), 1)]))).statusCode,
    ).toBe(200);
    const before = await counts();
    const changed = await upload(bank, 'a2.csv', csvOf(LOAN_COLUMNS, [{ ...a, amount: '3100000.00' }]));
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.details.errors[0].reason).toContain('内容与本行数据不一致');
    const changedRep = await upload(
      bank,
      'r2.csv',
      csvOf(REPAYMENT_COLUMNS, [repaymentRow(String(a.contractNo), 1, { interestPaid: '1.00' })]),
    );
    expect(changedRep.statusCode).toBe(422);
    expect(changedRep.json().error.details.errors[0]).toMatchObject({ sheet: '还款', row: 2, column: '期次' });
    expect(await counts()).toEqual(before);
  });

  it('rolls back everything when a write fails half way (one transaction)', async () => {
    const before = await counts();
    const rows = [loanRow(), loanRow(), loanRow()];
    // A trigger makes the third loan's insert fail after the batch row and the first loans were written.
    await p.deps.db.execute(
      sql.raw(`create or replace function huiqi_test_fail() returns trigger language plpgsql as $$
        begin if new.contract_no = '${rows[2]!.contractNo}' then raise exception 'simulated failure'; end if; return new; end $$;`),
    );
    await p.deps.db.execute(
      sql.raw('create trigger huiqi_test_fail before insert on loans for each row execute function huiqi_test_fail()'),
    );
    try {
      const res = await upload(bank, 'half.csv', csvOf(LOAN_COLUMNS, rows));
      expect(res.statusCode).toBe(500);
    } finally {
      await p.deps.db.execute(sql.raw('drop trigger huiqi_test_fail on loans'));
      await p.deps.db.execute(sql.raw('drop function huiqi_test_fail()'));
    }
    expect(await counts()).toEqual(before);
    // The same file imports cleanly once the fault is gone (no batch was left behind claiming it).
    const again = await upload(bank, 'half.csv', csvOf(LOAN_COLUMNS, rows));
    expect(again.json().status).toBe('imported');
  });
});

describe('idempotence', () => {
  it('the same file twice changes nothing the second time', async () => {
    const a = loanRow();
    const file = await xlsxFromTemplate([a], [repaymentRow(String(a.contractNo), 1)]);
    const first = await upload(bank, 'same.xlsx', file);
    expect(first.json()).toMatchObject({ status: 'imported', loansCreated: 1, repaymentsCreated: 1 });
    const before = await counts();
    const second = await upload(bank, 'same-renamed.xlsx', file);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({
      status: 'already_imported',
      batchId: first.json().batchId,
      loansCreated: 0,
      repaymentsCreated: 0,
      loansUnchanged: 1,
      repaymentsUnchanged: 1,
    });
    expect(await counts()).toEqual(before);
  });

  it('a different file holding rows already imported skips them as unchanged (natural keys)', async () => {
    const a = loanRow();
    const r = repaymentRow(String(a.contractNo), 1);
    await upload(bank, 'x.xlsx', await xlsxFromTemplate([a], [r]));
    const before = await counts();
    const b = loanRow();
    const res = await upload(bank, 'x-and-more.csv', csvOf(LOAN_COLUMNS, [a, b]));
    expect(res.json()).toMatchObject({ status: 'imported', loansCreated: 1, loansUnchanged: 1 });
    const after = await counts();
    expect(after.loans - before.loans).toBe(1);
  });

  it('a dry run checks the file and writes nothing', async () => {
    const before = await counts();
    const a = loanRow();
    const file = csvOf(LOAN_COLUMNS, [a]);
    const dry = await upload(bank, 'dry.csv', file, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ status: 'checked', loansCreated: 1, batchId: null });
    expect(await counts()).toEqual(before);
    const real = await upload(bank, 'dry.csv', file, '?dryRun=false');
    expect(real.json()).toMatchObject({ status: 'imported', loansCreated: 1 });
  });

  it('concurrent uploads of the same file import it once', async () => {
    const before = await counts();
    const rowsA = [loanRow(), loanRow(), loanRow()];
    const file = await xlsxFromTemplate(rowsA, [repaymentRow(String(rowsA[0]!.contractNo), 1)]);
    const results = await Promise.all([1, 2, 3, 4].map(() => upload(bank, 'race.xlsx', file)));
    const statuses = results.map((r) => r.json().status).sort();
    expect(statuses).toEqual(['already_imported', 'already_imported', 'already_imported', 'imported']);
    const after = await counts();
    expect(after.loans - before.loans).toBe(3);
    expect(after.repayments - before.repayments).toBe(1);
    expect(after.batches - before.batches).toBe(1);
  });

  it('concurrent different files with the same loans create each loan once', async () => {
    const before = await counts();
    const rows = [loanRow(), loanRow()];
    const csv = csvOf(LOAN_COLUMNS, rows);
    const xlsx = await xlsxFromTemplate(rows, []);
    const [r1, r2] = await Promise.all([upload(bank, 'a.csv', csv), upload(bank, 'b.xlsx', xlsx)]);
    expect([r1.statusCode, r2.statusCode]).toEqual([200, 200]);
    expect(r1.json().loansCreated + r2.json().loansCreated).toBe(2);
    expect(r1.json().loansUnchanged + r2.json().loansUnchanged).toBe(2);
    const after = await counts();
    expect(after.loans - before.loans).toBe(2);
  });
});

describe('bank systems and roles', () => {
  it('a bank system posts the file with its token, as multipart or as the raw body', async () => {
    const token = await makeApiToken(p.deps, w.bankA.id);
    const api = anonymous(p.app);
    const auth = { authorization: `Bearer ${token}` };
    const a = loanRow();
    const res = await upload(api, 'sys.csv', csvOf(LOAN_COLUMNS, [a]), '', auth);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('imported');
    const raw = await api.request({
      method: 'POST',
      url: '/api/v1/loans/import?fileName=repayments.csv',
      payload: csvOf(REPAYMENT_COLUMNS, [repaymentRow(String(a.contractNo), 1)]),
      headers: { ...auth, 'content-type': 'text/csv' },
    });
    expect(raw.statusCode, raw.body).toBe(200);
    expect(raw.json()).toMatchObject({ status: 'imported', fileName: 'repayments.csv', repaymentsCreated: 1 });
    const [batch] = await p.deps.db
      .select()
      .from(loanImportBatches)
      .where(eq(loanImportBatches.id, raw.json().batchId));
    expect(batch!.createdVia).toBe('api_token');
  });

  it('only bank officers import; an upload without a file is a 400 naming the field', async () => {
    for (const who of ['insurer', 'e1', 'cityAdmin']) {
      const u = w.users[who]!;
      const session = await loginAs(p.app, u.username, u.password);
      expect((await upload(session, 'x.csv', csvOf(LOAN_COLUMNS, [loanRow()]))).statusCode, who).toBe(403);
    }
    const noFile = await bank.request({
      method: 'POST',
      url: '/api/v1/loans/import',
      payload: '--b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n--b--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=b' },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toContain('请选择要导入的文件');
  });
});

beforeEach(() => {
  p.clock.set('2026-11-21T02:00:00Z');
});
