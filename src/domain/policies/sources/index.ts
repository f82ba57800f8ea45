/**
 * The public documents the platform administers, kept verbatim beside this file (`<id>_<hash>.txt`), and what
 * we know about each: document number, title, issuer, dates. Citations (`core/citation.ts`) point into these
 * texts by document id; the test suite opens the text and checks every citation lands on a clause that exists.
 */
import type { IsoDate } from '../../calendar/dates';

export type DocId = '000' | '001' | '002' | '003' | '004';

export interface SourceDoc {
  readonly id: DocId;
  /** File name of the verbatim text in this folder. */
  readonly file: string;
  /** Document number (文号) or, for the guide that has none, its short name. */
  readonly number: string;
  readonly title: string;
  readonly issuer: string;
  readonly issuedOn: IsoDate | null;
  /** Validity as the text states it; the policy modules hold it as a cited, dated parameter. */
  readonly validity: { readonly from: IsoDate | null; readonly to: IsoDate | null };
  readonly jurisdiction: string;
}

export const SOURCE_DOCS: Readonly<Record<DocId, SourceDoc>> = {
  '000': {
    id: '000',
    file: '000_b431487b6a673987.txt',
    number: '江工信工业互联网〔2023〕33号',
    title: '江门市“政银保”融资项目促进制造业数字化转型实施细则',
    issuer: '江门市工业和信息化局',
    issuedOn: '2023-12-25',
    validity: { from: '2024-01-25', to: '2026-12-31' },
    jurisdiction: '江门市',
  },
  '001': {
    id: '001',
    file: '001_493db86d845eeeac.txt',
    number: '申报指南',
    title: '江门市“政银保”融资项目促进制造业数字化转型申报指南',
    issuer: '江门市工业和信息化局',
    issuedOn: null,
    validity: { from: '2024-01-25', to: '2026-12-31' },
    jurisdiction: '江门市',
  },
  '002': {
    id: '002',
    file: '002_e53bacea870a8c13.txt',
    number: '珠海市中小企业数字化转型融资服务工作方案',
    title: '珠海市中小企业数字化转型融资服务工作方案',
    issuer: '珠海市工业和信息化局、中国人民银行珠海市分行',
    issuedOn: null,
    validity: { from: null, to: '2027-12-31' },
    jurisdiction: '珠海市',
  },
  '003': {
    id: '003',
    file: '003_feaf6a41846fe068.txt',
    number: '江工信工业互联网〔2021〕4号',
    title: '江门市工业互联网专项资金管理实施细则',
    issuer: '江门市工业和信息化局',
    issuedOn: '2021-05-16',
    validity: { from: '2021-05-16', to: '2024-05-15' },
    jurisdiction: '江门市',
  },
  '004': {
    id: '004',
    file: '004_100b4815695070d5.txt',
    number: '江府〔2023〕11号',
    title: '关于促进制造业高质量发展的若干措施',
    issuer: '江门市人民政府',
    issuedOn: '2023-03-28',
    validity: { from: '2023-04-29', to: '2025-12-31' },
    jurisdiction: '江门市',
  },
};

export const DOC_IDS: readonly DocId[] = ['000', '001', '002', '003', '004'];
