import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Citation, locateCitation } from '../policies/core/citation';
import { SOURCE_DOCS } from '../policies/sources/index';
import { drawExperts, drawSample } from './draw';
import { NOTICE_MIN_DAYS, noticeDaysProblem } from './notice';
import { ACCEPTANCE, DIRECTION_BASIS } from './standards';
import { applicationTransition, callTransition } from './workflow';

const text = (doc: '001' | '003') =>
  readFileSync(join(import.meta.dirname, '..', 'policies', 'sources', SOURCE_DOCS[doc].file), 'utf8');

describe('competitive-programme rules', () => {
  it.each<[string, Citation]>([
    ...Object.entries(DIRECTION_BASIS),
    ['acceptance', ACCEPTANCE],
    ['notice minimum', NOTICE_MIN_DAYS[0].citation],
  ])('%s cites a clause that exists', (_w, c) => {
    expect(locateCitation(text(c.doc as '001' | '003'), c).ok).toBe(true);
  });

  it('a notice shorter than 7 days is refused, citing 第十一条', () => {
    expect(noticeDaysProblem(7)).toBeNull();
    expect(noticeDaysProblem(6)).toBe('公示期不少于7日，所填6日不足（依据江工信工业互联网〔2021〕4号 第十一条）');
  });

  it('call and application stages', () => {
    expect(callTransition('draft', 'approve')).toEqual({ ok: true, to: 'approved' });
    const bad = callTransition('notice', 'propose');
    expect(bad.ok).toBe(false);
    expect(applicationTransition('returned', 'resubmit')).toEqual({ ok: true, to: 'submitted' });
    expect(applicationTransition('formal_passed', 'return').ok).toBe(false);
  });

  const pool = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'].map((id, i) => ({
    id,
    employerCreditCode: `91440700MA0000000${i}`,
    active: true,
  }));

  it('a draw replays with its seed and excludes conflicts', () => {
    const input = {
      pool,
      applicantCreditCode: '91440700MA00000000',
      counterpartyCreditCodes: ['91440700MA00000001'],
      namedByApplicant: ['E3'],
      alreadyDrawn: [],
      seats: 3,
      seed: 'call-1/app-1/1',
    };
    const a = drawExperts(input);
    expect(drawExperts({ ...input, pool: [...pool].reverse() }).drawn).toEqual(a.drawn);
    expect(a.drawn).toHaveLength(3);
    expect(a.drawn).not.toContain('E1');
    expect(a.drawn).not.toContain('E2');
    expect(a.drawn).not.toContain('E3');
    expect(a.excluded.map((e) => e.reason).sort()).toEqual([
      'employer_is_applicant',
      'employer_is_counterparty',
      'named_by_applicant',
    ]);
    const again = drawExperts({ ...input, alreadyDrawn: a.drawn, seats: 1 });
    expect(again.drawn).toEqual([]);
    expect(again.unfilled).toBe(1);
  });

  it('a spot-check sample is replayable', () => {
    expect(drawSample(['a', 'b', 'c', 'd'], 2, 's')).toEqual(drawSample(['d', 'c', 'b', 'a'], 2, 's'));
  });
});
