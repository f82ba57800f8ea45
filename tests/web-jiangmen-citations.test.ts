/**
 * The forms of the Jiangmen interest-subsidy programme (loans, declarations, applications) cite Jiangmen's own texts
 * (000/001): a hint a bank officer reads next to 贷款用途 must not send them to Zhuhai's plan (002), which is not the
 * programme's rule.
 */
import { describe, expect, it } from 'vitest';
import { loansEn, loansZh } from '../web/src/features/loans/messages';
import { projectsZh } from '../web/src/features/projects/messages';
import { subsidyZh } from '../web/src/features/subsidy/messages';

describe('hints on the Jiangmen forms', () => {
  it('the 贷款用途 / term hint cites Jiangmen’s rules, not Zhuhai’s plan', () => {
    const hint = loansZh['loans.field.termCapHint'];
    expect(hint).not.toMatch(/珠海/);
    expect(hint).toContain('江工信工业互联网〔2023〕33号');
    expect(loansEn['loans.field.termCapHint']).not.toMatch(/Zhuhai/i);
  });

  it('no text of the loan, project or subsidy forms cites Zhuhai', () => {
    const texts = { ...loansZh, ...projectsZh, ...subsidyZh } as Record<string, string>;
    const offenders = Object.entries(texts).filter(([, v]) => /珠海/.test(v));
    expect(offenders).toEqual([]);
  });
});
