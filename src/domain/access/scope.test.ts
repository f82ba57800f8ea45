import { describe, expect, it } from 'vitest';
import type { Actor, Role } from './actor';
import { loanScopeOf } from './scope';

const actor = (role: Role, over: Partial<Actor> = {}): Actor => ({
  id: 'u-1',
  name: 'x',
  role,
  via: 'session',
  districtCode: null,
  institutionId: null,
  enterpriseId: null,
  isEnterpriseAdmin: false,
  ...over,
});

describe('which loans an actor sees', () => {
  it.each([
    ['bank_officer', { institutionId: 'bank-1' }, { kind: 'lender', institutionId: 'bank-1' }],
    ['insurer_officer', { institutionId: 'ins-1' }, { kind: 'cover', institutionId: 'ins-1' }],
    ['enterprise', { enterpriseId: 'ent-1' }, { kind: 'enterprise', enterpriseId: 'ent-1' }],
    ['district_reviewer', { districtCode: '440703' }, { kind: 'district', districtCode: '440703' }],
    ['city_reviewer', {}, { kind: 'all' }],
    ['city_admin', {}, { kind: 'all' }],
    ['security_admin', {}, { kind: 'none' }],
    ['bank_officer', {}, { kind: 'none' }],
  ] as const)('%s %o → %o', (role, over, expected) => {
    expect(loanScopeOf(actor(role, over))).toEqual(expected);
  });

  it('the public sees none', () => expect(loanScopeOf(null)).toEqual({ kind: 'none' }));
});
