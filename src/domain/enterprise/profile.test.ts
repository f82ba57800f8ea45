import { describe, expect, it } from 'vitest';
import { checkEstablishedOn, chinaDateOf, cityProgrammeEligibility } from './profile';

describe('enterprise profile rules', () => {
  it('takes today in China (UTC+8)', () => {
    expect(chinaDateOf(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
    expect(chinaDateOf(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });
  it('refuses an establishment date after today', () => {
    expect(checkEstablishedOn('2026-11-21', '2026-11-21')).toBeNull();
    expect(checkEstablishedOn('2026-11-22', '2026-11-21')?.zh).toBe('不能晚于今天（2026-11-21）');
  });
  it('marks enterprises outside the city ineligible', () => {
    expect(cityProgrammeEligibility({ outsideCity: false })).toEqual({ eligible: true });
    expect(cityProgrammeEligibility({ outsideCity: true }).eligible).toBe(false);
  });
});
