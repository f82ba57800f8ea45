/**
 * Law beside code, enforced: every rule and every parameter of every policy cites a clause, and every citation
 * resolves to an article/clause that exists in the committed source text and contains the quoted words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_ORDER_CITATION, ALLOCATION_PRINCIPLE_CITATION } from '../allocation/allocate';
import { FINANCING_PARAMS } from '../financing/params';
import { CATALOGUE } from './catalogue';
import { type Citation, citationLabel, isHeading, locateCitation } from './core/citation';
import type { Param } from './core/param';
import { listInterpretations } from './interpretations';
import { DOC_IDS, SOURCE_DOCS } from './sources/index';
import { decideZybApplication, NON_STACKING_CITATION, NON_STACKING_GUIDE_CITATION } from './zyb/decide';
import {
  WINDOW_EXTENDED_CITATION,
  WINDOW_HOLIDAY_CITATION,
  WINDOW_NOTICE_CITATION,
  ZYB_RULES,
} from './zyb/eligibility';
import { ZYB_PARAMS } from './zyb/params';
import { FORMULA_CITATION, PRINCIPAL_CITATION } from './zyb/subsidy';

const TEXTS = Object.fromEntries(
  DOC_IDS.map((id) => [id, readFileSync(join(import.meta.dirname, 'sources', SOURCE_DOCS[id].file), 'utf8')]),
) as Record<string, string>;

interface Entry {
  readonly where: string;
  readonly citation: Citation | undefined;
}

function paramEntries(where: string, series: readonly Param<unknown>[]): Entry[] {
  return series.map((p, i) => ({ where: `${where}[${i}]`, citation: p.citation }));
}

const ENTRIES: Entry[] = [
  ...CATALOGUE.flatMap((p) => [
    { where: `${p.id} basis`, citation: p.basis },
    ...paramEntries(`${p.id} validity`, p.validity),
    ...p.params.flatMap((info) => paramEntries(`${p.id} param ${info.key}`, info.series)),
    ...p.rules.map((r) => ({ where: `${p.id} rule ${r.code}`, citation: r.citation })),
  ]),
  ...Object.entries(ZYB_PARAMS).flatMap(([k, series]) => paramEntries(`ZYB_PARAMS.${k}`, series)),
  ...Object.entries(FINANCING_PARAMS).flatMap(([k, series]) => paramEntries(`FINANCING_PARAMS.${k}`, series)),
  ...Object.entries(ZYB_RULES).map(([code, r]) => ({ where: `ZYB_RULES.${code}`, citation: r.citation })),
  { where: 'window moved by holidays', citation: WINDOW_HOLIDAY_CITATION },
  { where: 'window fixed by notice', citation: WINDOW_NOTICE_CITATION },
  { where: 'window extended for a partial overlap', citation: WINDOW_EXTENDED_CITATION },
  { where: 'non-stacking 第十四条', citation: NON_STACKING_CITATION },
  { where: 'non-stacking guide', citation: NON_STACKING_GUIDE_CITATION },
  { where: 'formula', citation: FORMULA_CITATION },
  { where: 'loan principal', citation: PRINCIPAL_CITATION },
  { where: 'allocation order', citation: ALLOCATION_ORDER_CITATION },
  { where: 'allocation principle', citation: ALLOCATION_PRINCIPLE_CITATION },
  ...listInterpretations().map((i) => ({ where: `interpretation ${i.id}`, citation: i.citation })),
];

describe('source texts', () => {
  it.each(DOC_IDS)('document %s is committed verbatim and named in the index', (id) => {
    expect(TEXTS[id]!.length).toBeGreaterThan(2000);
    expect(SOURCE_DOCS[id].file.startsWith(`${id}_`)).toBe(true);
  });

  it.each(DOC_IDS.filter((id) => id !== '001').map((id) => [id, SOURCE_DOCS[id].number.replace(/〔.*/, '')] as const))(
    'document %s contains its own number',
    (id, prefix) => expect(TEXTS[id]).toContain(prefix),
  );
});

describe('every rule and parameter carries a citation that resolves in the source text', () => {
  it('covers the whole catalogue', () => {
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(35);
    expect(ENTRIES.length).toBeGreaterThan(150);
  });

  it.each(ENTRIES.map((e) => [e.where, e] as const))('%s', (_where, e) => {
    expect(e.citation, 'missing citation').toBeDefined();
    const c = e.citation!;
    expect(DOC_IDS).toContain(c.doc);
    for (const seg of c.ref) expect(isHeading(seg), `heading ${seg}`).toBe(true);
    expect(c.quote, 'a citation must quote the clause it relies on').toBeTruthy();
    const located = locateCitation(TEXTS[c.doc]!, c);
    expect(located.ok ? 'ok' : `${citationLabel(c)}: ${located.reason}`).toBe('ok');
  });

  it('every condition and trace step of a real decision cites a resolvable clause', () => {
    const d = decideZybApplication(
      {
        applicantType: 'service_provider',
        registeredInJiangmen: true,
        operatingInJiangmen: true,
        isSme: true,
        creditGood: true,
        inResourcePool: true,
        projectInScope: true,
        projectLocationInJiangmen: true,
        projectStatus: 'in_progress',
        projectStartOn: '2023-06-01',
        projectEndOn: '2026-06-30',
        declaredOn: '2024-02-22',
        loanDisbursedOn: '2024-08-22',
        interestPaid: 5_000_000n,
        yearIndex: 2,
        digitalInvestment: 100_000_000n,
        loanAmount: 300_000_000n,
        receivedSoFar: 0n,
        competing: { ipPledgeLoan: true, zjtxEnterprise: true, commercialCreditLoan: false },
      },
      { asOf: '2025-03-01' },
    );
    const cited: Citation[] = [
      ...d.eligibility.conditions.map((c) => c.citation),
      ...d.trace.steps.flatMap((s) => (s.citation ? [s.citation] : [])),
      ...d.trace.params.map((p) => p.read.citation),
      ...(d.trace.alternatives ?? []).flatMap((t) => t.params.map((p) => p.read.citation)),
    ];
    expect(cited.length).toBeGreaterThan(25);
    for (const c of cited) expect(locateCitation(TEXTS[c.doc]!, c).ok, citationLabel(c)).toBe(true);
  });
});

describe('the citation check can fail', () => {
  it.each([
    ['an article the document lacks', { doc: '000', ref: ['第十六条'] }],
    ['a clause the article lacks', { doc: '000', ref: ['第五条', '（一）'] }],
    ['a number the clause does not state', { doc: '000', ref: ['第五条'], quote: '不超过200万元' }],
    ['words of another article', { doc: '000', ref: ['第五条'], quote: '每月10-15日' }],
    [
      'the window rule under the wrong section (四、 is investment, not windows)',
      { doc: '001', ref: ['四、', '（四）'], quote: '完全重复' },
    ],
    ['a measure number that does not exist', { doc: '004', ref: ['四、', '19.'] }],
    ['an unrecognised heading', { doc: '003', ref: ['Article 8'] }],
  ] as const)('rejects %s', (_what, c) => expect(locateCitation(TEXTS[c.doc]!, c as Citation).ok).toBe(false));

  it.each([
    [{ doc: '000', ref: ['第七条', '（一）'], quote: '每月 10-15 日' }, '江工信工业互联网〔2023〕33号 第七条（一）'],
    [{ doc: '001', ref: ['三、', '（四）'], quote: '顺延至节后第三个工作日开始' }, '申报指南 三（四）'],
    [{ doc: '001', ref: ['六、', '（二）'], quote: 'C的上限为1' }, '申报指南 六（二）'],
    [
      { doc: '003', ref: ['第八条', '（三）'], quote: '每家企业补贴金额不超过 50 万元' },
      '江工信工业互联网〔2021〕4号 第八条（三）',
    ],
    [{ doc: '004', ref: ['四、', '13.'], quote: '支持额度不低于100万元' }, '江府〔2023〕11号 第13条'],
    [
      { doc: '000', ref: ['第四条', '（二）', '1.', '（2）'], quote: '资源池' },
      '江工信工业互联网〔2023〕33号 第四条（二）1（2）',
    ],
  ] as const)('resolves and labels %j', (c, label) => {
    expect(locateCitation(TEXTS[c.doc]!, c as Citation).ok).toBe(true);
    expect(citationLabel(c as Citation)).toBe(label);
  });
});
