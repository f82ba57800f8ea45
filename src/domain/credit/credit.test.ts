import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { citationLabel, locateCitation } from '../policies/core/citation';
import { SOURCE_DOCS } from '../policies/sources/index';
import { CREDIT_SCORE_PARAMS, CREDIT_WARNING_PARAMS } from './params';
import { creditScore, type ScoreFacts, wholeYears } from './score';
import { isExpired, isLate, isRepaymentMissing, warningDraft } from './warnings';

const TEXT = readFileSync(join(import.meta.dirname, '../policies/sources', SOURCE_DOCS['002'].file), 'utf8');

const facts = (over: Partial<ScoreFacts> = {}): ScoreFacts => ({
  creditStatus: 'good',
  yearsInBusiness: 0,
  inResourcePool: false,
  libraryProjects: 0,
  spotChecksFailed: 0,
  repaymentsOnTime: 0,
  repaymentsLate: 0,
  loanExtensions: 0,
  grantsReceived: 0,
  clawbacks: 0,
  digitalLevel: null,
  ordersApproved: 0,
  ...over,
});

describe('every score and warning parameter cites a clause of 002 that contains its quote', () => {
  const entries = [...Object.entries(CREDIT_SCORE_PARAMS), ...Object.entries(CREDIT_WARNING_PARAMS)];
  it.each(entries)('%s', (_k, series) => {
    for (const v of series) {
      const located = locateCitation(TEXT, v.citation);
      expect(located.ok ? 'ok' : `${citationLabel(v.citation)}: ${JSON.stringify(located)}`).toBe('ok');
      expect(v.citation.note).toBe('平台解读');
    }
  });
});

describe('score', () => {
  it('a new enterprise in good standing scores the base plus 10', () => {
    const s = creditScore(facts(), '2026-09-30');
    expect(s.score).toBe(70);
    expect(s.lines.map((l) => [l.rule, l.points])).toEqual([
      ['base', 60],
      ['credit_good', 10],
    ]);
  });

  it('each rule stops at its cap, and the total stays within 0–100', () => {
    const s = creditScore(facts({ repaymentsLate: 9, creditStatus: 'dishonest', clawbacks: 3 }), '2026-09-30');
    const by = Object.fromEntries(s.lines.map((l) => [l.rule, l.points]));
    expect(by.repayment_late).toBe(-20);
    expect(by.grant_clawed_back).toBe(-30);
    expect(by.credit_dishonest).toBe(-40);
    expect(s.score).toBe(0);
    const top = creditScore(
      facts({ yearsInBusiness: 30, inResourcePool: true, libraryProjects: 5, digitalLevel: 4, repaymentsOnTime: 40 }),
      '2026-09-30',
    );
    expect(top.score).toBe(100);
    expect(top.lines.find((l) => l.rule === 'digital_level')!.ruleText).toBe('每级+5分，最多加20分');
  });

  it.each([
    ['2018-01-01', '2026-09-30', 8],
    ['2018-10-01', '2026-09-30', 7],
    ['2018-09-30', '2026-09-30', 8],
  ])('whole years from %s to %s: %i', (from, to, n) => expect(wholeYears(from, to)).toBe(n));
});

describe('warning rules', () => {
  it('late, missing and expired are decided by the dates', () => {
    expect(isLate('2026-02-15', '2026-02-15')).toBe(false);
    expect(isLate('2026-02-15', '2026-02-16')).toBe(true);
    expect(isRepaymentMissing('2026-06-01', 100n, 0n, '2026-06-01')).toBe(false);
    expect(isRepaymentMissing('2026-06-01', 100n, 0n, '2026-06-02')).toBe(true);
    expect(isRepaymentMissing('2026-06-01', 100n, 100n, '2026-06-02')).toBe(false);
    expect(isExpired('2026-08-31', '2026-08-31')).toBe(false);
    expect(isExpired('2026-08-31', '2026-09-01')).toBe(true);
  });

  it('a draft names its level and what closes it, in Chinese', () => {
    const d = warningDraft('loan_extended', 'loan-1', 'loan_extended:loan-1:1', '到期日延后。');
    expect(d.level).toBe('medium');
    expect(d.reason).toBe('贷款展期（中风险）：到期日延后。关闭条件：本金还清或贷款作废。');
  });
});
