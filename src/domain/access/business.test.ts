import { describe, expect, it } from 'vitest';
import type { Role } from './actor';
import { BUSINESS_ACTIONS, type BusinessAction, type BusinessActor, mayDo } from './business';

const actor = (role: Role): BusinessActor => ({
  role,
  districtCode: role === 'district_reviewer' ? '440703' : null,
  institutionId: role === 'bank_officer' || role === 'insurer_officer' ? 'inst-1' : null,
  enterpriseId: role === 'enterprise' ? 'ent-1' : null,
});

// Columns: enterprise, district_reviewer, city_reviewer, city_admin, security_admin, audit_admin, bank_officer,
// insurer_officer. Written out by hand: the expected answers, not read from the table.
const COLS: Role[] = [
  'enterprise',
  'district_reviewer',
  'city_reviewer',
  'city_admin',
  'security_admin',
  'audit_admin',
  'bank_officer',
  'insurer_officer',
];
const EXPECTED: Record<BusinessAction, string> = {
  'subsidy.campaign.create': '   .  .  .  Y  .  .  .  .',
  'subsidy.allocation.run': '    .  .  .  Y  .  .  .  .',
  'subsidy.allocation.read': '   .  .  Y  Y  .  .  .  .',
  'subsidy.dashboard.read': '    .  .  Y  Y  .  .  .  .',
  'subsidy.funding_plan.issue': '.  .  .  Y  .  .  .  .',
  'subsidy.notice.publish': '    .  .  .  Y  .  .  .  .',
  'subsidy.objection.handle': '  .  .  Y  Y  .  .  .  .',
  'subsidy.application.read': '  Y  Y  Y  Y  .  .  Y  .',
  'subsidy.application.submit': 'Y  .  .  .  .  .  .  .',
  'subsidy.award.read_own': '    Y  .  .  .  .  .  .  .',
  'subsidy.attachment.add': '    Y  .  .  .  .  .  .  .',
  'project.declare': '           Y  .  .  .  .  .  .  .',
  'project.review_queue.district': '.  Y  .  .  .  .  .  .',
  'project.review_queue.city': '  .  .  Y  Y  .  .  .  .',
  'project.review.district': '   .  Y  .  .  .  .  .  .',
  'project.review.city': '       .  .  Y  .  .  .  .  .',
  'project.spot_check': '        .  Y  .  .  .  .  .  .',
  'project.report.read_draft': ' Y  .  .  .  .  .  .  .',
  'project.attachment.add': '    Y  .  .  .  .  .  .  .',
  'project.attachment.delete': ' Y  .  .  .  .  .  .  .',
  'enterprise.read_own': '       Y  .  .  .  .  .  .  .',
  'enterprise.update': '         Y  .  .  .  .  .  .  .',
  'enterprise.credit_standing.set': '.  .  .  Y  .  .  .  .',
  'enterprise.resource_pool.set': '.  .  .  Y  .  .  .  .',
  'enterprise.attachment.add': ' Y  .  .  .  .  .  .  .',
  'loan.record': '               .  .  .  .  .  .  Y  .',
  'calendar.maintain': '         .  .  .  Y  .  .  .  .',
  'policy.version.draft': '      .  .  .  Y  .  .  .  .',
  'policy.version.update': '     .  .  .  Y  .  .  .  .',
  'policy.version.approve': '    .  .  Y  Y  .  .  .  .',
  'policy.version.read_drafts': '.  .  Y  Y  .  .  .  .',
};

const cases = Object.entries(EXPECTED).flatMap(([action, row]) =>
  row
    .trim()
    .split(/\s+/)
    .map((cell, i) => [action as BusinessAction, COLS[i]!, cell === 'Y'] as const),
);

describe('business permission table (action × role)', () => {
  it('lists every action of the table, and only those', () => {
    expect([...BUSINESS_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases)('%s by %s → %s', (action, role, expected) => {
    expect(mayDo(actor(role), action)).toBe(expected);
  });

  it('refuses the anonymous public everything', () => {
    for (const a of BUSINESS_ACTIONS) expect(mayDo(null, a)).toBe(false);
  });
});

describe('conditions on the account and on the record', () => {
  it.each([
    ['project.declare', { ...actor('enterprise'), enterpriseId: null }],
    ['subsidy.application.submit', { ...actor('enterprise'), enterpriseId: null }],
    ['project.review.district', { ...actor('district_reviewer'), districtCode: null }],
    ['project.spot_check', { ...actor('district_reviewer'), districtCode: null }],
    ['loan.record', { ...actor('bank_officer'), institutionId: null }],
  ] as const)('%s: a misconfigured account is refused', (action, a) => {
    expect(mayDo(a, action)).toBe(false);
  });

  it.each([
    // action, target enterprise, editable, expected
    ['enterprise.update', 'ent-1', undefined, true],
    ['enterprise.update', 'ent-2', undefined, false],
    ['enterprise.attachment.add', 'ent-1', true, true],
    ['enterprise.attachment.add', 'ent-2', true, false],
    ['project.attachment.add', 'ent-1', false, true],
    ['project.attachment.add', 'ent-2', true, false],
    ['project.attachment.delete', 'ent-1', true, true],
    ['project.attachment.delete', 'ent-1', false, false],
    ['project.attachment.delete', 'ent-1', undefined, true],
    ['project.attachment.delete', 'ent-2', true, false],
    ['subsidy.attachment.add', 'ent-1', true, true],
    ['subsidy.attachment.add', 'ent-1', false, false],
    ['subsidy.attachment.add', 'ent-2', true, false],
    ['subsidy.attachment.add', null, true, false],
  ] as const)('%s on %s (editable %s) → %s', (action, enterpriseId, editable, expected) => {
    expect(mayDo(actor('enterprise'), action, { enterpriseId, editable })).toBe(expected);
  });

  it.each([
    // actor, role, target drafted by, still a draft, expected
    ['u-2', 'city_reviewer', 'u-1', true, true],
    ['u-2', 'city_admin', 'u-1', true, true],
    ['u-1', 'city_admin', 'u-1', true, false], // the maker never checks
    ['u-2', 'city_reviewer', 'u-1', false, false], // already approved
    [undefined, 'city_reviewer', 'u-1', true, false],
    ['u-2', 'district_reviewer', 'u-1', true, false],
  ] as const)(
    'policy.version.approve by %s (%s) of a draft by %s (draft %s) → %s',
    (id, role, madeBy, editable, expected) => {
      const a = { ...actor(role), ...(id ? { id } : {}) };
      expect(mayDo(a, 'policy.version.approve', { enterpriseId: null, madeBy, editable })).toBe(expected);
    },
  );

  it.each([
    [true, true],
    [false, false],
  ])('policy.version.update of a record still a draft: %s → %s', (editable, expected) =>
    expect(mayDo(actor('city_admin'), 'policy.version.update', { enterpriseId: null, editable })).toBe(expected),
  );

  it('a city administrator may set credit standing on any record the query returned', () => {
    expect(mayDo(actor('city_admin'), 'enterprise.credit_standing.set', { enterpriseId: 'ent-9' })).toBe(true);
  });
});
