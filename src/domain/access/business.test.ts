import { describe, expect, it } from 'vitest';
import type { Role } from './actor';
import { BUSINESS_ACTIONS, type BusinessAction, type BusinessActor, mayDo } from './business';

const actor = (role: Role): BusinessActor => ({
  role,
  districtCode: role === 'district_reviewer' ? '440703' : null,
  institutionId: ['bank_officer', 'insurer_officer', 'fund_operator', 'external_auditor'].includes(role)
    ? 'inst-1'
    : null,
  enterpriseId: role === 'enterprise' ? 'ent-1' : null,
  isEnterpriseAdmin: role === 'enterprise',
});

// Columns: enterprise, district_reviewer, city_reviewer, city_admin, security_admin, audit_admin, bank_officer,
// insurer_officer, fund_operator, expert, external_auditor. Written out by hand: the expected answers, not read from the table.
const COLS: Role[] = [
  'enterprise',
  'district_reviewer',
  'city_reviewer',
  'city_admin',
  'security_admin',
  'audit_admin',
  'bank_officer',
  'insurer_officer',
  'fund_operator',
  'expert',
  'external_auditor',
];
const EXPECTED: Record<BusinessAction, string> = {
  'subsidy.campaign.create': '   .  .  .  Y  .  .  .  .  .  .  .',
  'subsidy.allocation.run': '    .  .  .  Y  .  .  .  .  .  .  .',
  'subsidy.allocation.read': '   .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.dashboard.read': '    .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.funding_plan.issue': '.  .  .  Y  .  .  .  .  .  .  .',
  'subsidy.notice.publish': '    .  .  .  Y  .  .  .  .  .  .  .',
  'subsidy.objection.handle': '  .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.campaign.read': '     Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'subsidy.notice.read': '       Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'subsidy.funding_plan.read': ' Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'subsidy.application.read': '  Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'subsidy.application.submit': 'Y  .  .  .  .  .  .  .  .  .  .',
  'subsidy.application.resubmit': '         Y  .  .  .  .  .  .  .  .  .  .',
  'subsidy.application.district_pass': '   .  Y  .  .  .  .  .  .  .  .  .',
  'subsidy.application.district_return': ' .  Y  .  .  .  .  .  .  .  .  .',
  'subsidy.application.city_verify': '     .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.application.city_return': '     .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.award.read_own': '    Y  .  .  .  .  .  .  .  .  .  .',
  'subsidy.attachment.add': '    Y  .  .  .  .  .  .  .  .  .  .',
  'project.declare': '           Y  .  .  .  .  .  .  .  .  .  .',
  'project.declaration.read': '  Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'project.read': '              Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'project.report.write': '      Y  .  .  .  .  .  .  .  .  .  .',
  'project.review_queue.district': '.  Y  .  .  .  .  .  .  .  .  .',
  'project.review_queue.city': '  .  .  Y  Y  .  .  .  .  .  .  .',
  'project.review.district': '   .  Y  .  .  .  .  .  .  .  .  .',
  'project.review.city': '       .  .  Y  .  .  .  .  .  .  .  .',
  'project.spot_check': '        .  Y  .  .  .  .  .  .  .  .  .',
  'project.report.read_draft': ' Y  .  .  .  .  .  .  .  .  .  .',
  'project.attachment.add': '    Y  .  .  .  .  .  .  .  .  .  .',
  'project.attachment.delete': ' Y  .  .  .  .  .  .  .  .  .  .',
  'enterprise.list': '           Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'enterprise.read': '           Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'enterprise.read_own': '       Y  .  .  .  .  .  .  .  .  .  .',
  'enterprise.update': '         Y  .  .  .  .  .  .  .  .  .  .',
  'enterprise.credit_standing.set': '.  .  .  Y  .  .  .  .  .  .  .',
  'enterprise.resource_pool.set': '.  .  .  Y  .  .  .  .  .  .  .',
  'enterprise.attachment.add': ' Y  .  .  .  .  .  .  .  .  .  .',
  'loan.record': '               .  .  .  .  .  .  Y  .  .  .  .',
  'loan.read': '                 Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'loan.import': '               .  .  .  .  .  .  Y  .  .  .  .',
  'loan.repay': '                .  .  .  .  .  .  Y  .  .  .  .',
  'loan.correct': '              .  .  .  .  .  .  Y  .  .  .  .',
  'loan.cancel': '               .  .  .  .  .  .  Y  .  .  .  .',
  'loan.extend': '               .  .  .  .  .  .  Y  .  .  .  .',
  'attachment.read': '           Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'attachment.add': '            Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'attachment.delete': '         Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'notification.outbox.read': '  .  .  .  Y  .  .  .  .  .  .  .',
  'notification.outbox.dispatch': '.  .  .  Y  .  .  .  .  .  .  .',
  'calendar.maintain': '         .  .  .  Y  .  .  .  .  .  .  .',
  'policy.version.draft': '      .  .  .  Y  .  .  .  .  .  .  .',
  'policy.version.update': '     .  .  .  Y  .  .  .  .  .  .  .',
  'policy.version.approve': '    .  .  Y  Y  .  .  .  .  .  .  .',
  'policy.version.read_drafts': '.  .  Y  Y  .  .  .  .  .  .  .',
  'fund.call.create': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.call.approve': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.call.close': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.call.commission_audit': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.call.read': 'Y  .  Y  Y  .  .  .  .  Y  .  Y',
  'fund.application.submit': 'Y  .  .  .  .  .  .  .  .  .  .',
  'fund.application.read': 'Y  .  Y  Y  .  .  .  .  Y  .  Y',
  'fund.application.formal_review': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.expert.manage': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.expert.draw': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.review.score': '.  .  .  .  .  .  .  .  .  Y  .',
  'fund.ranking.read': '.  .  Y  Y  .  .  .  .  Y  .  Y',
  'fund.proposal.make': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.deliberation.record': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.notice.publish': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.objection.handle': '.  .  Y  Y  .  .  .  .  .  .  .',
  'fund.plan.issue': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.plan.file': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.acceptance.record': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.spot_check.run': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.clawback.manage': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.records.export': '.  .  .  Y  .  .  .  .  .  .  Y',
  'fund.dashboard.read': '.  .  Y  Y  .  .  .  .  Y  .  Y',
  'fund.training.record': '.  .  .  .  .  .  .  .  Y  .  .',
  'fund.training.read': '.  .  Y  Y  .  .  .  .  Y  .  .',
  'fund.policy.renew': '.  .  .  Y  .  .  .  .  .  .  .',
  'fund.policy.approve_renewal': '.  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.fee.read': '          Y  Y  Y  Y  .  .  Y  Y  .  .  .',
  'guarantee.fee.claim': '         Y  .  .  .  .  .  .  Y  .  .  .',
  'guarantee.fee.district_check': '.  Y  .  .  .  .  .  .  .  .  .',
  'guarantee.fee.city_verify': '   .  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.fee.year.manage': '   .  .  .  Y  .  .  .  .  .  .  .',
  'guarantee.risk.read': '         .  Y  Y  Y  .  .  Y  Y  .  .  .',
  'guarantee.risk.claim': '        .  .  .  .  .  .  Y  Y  .  .  .',
  'guarantee.risk.district_check': '.  Y  .  .  .  .  .  .  .  .  .',
  'guarantee.risk.city_approve': ' .  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.risk.second_approve': '.  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.risk.pay': '          .  .  .  Y  .  .  .  .  .  .  .',
  'guarantee.risk.close': '        .  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.risk.recovery.report': '.  .  .  .  .  .  Y  Y  .  .  .',
  'guarantee.pool.read': '         .  .  Y  Y  .  .  .  .  .  .  .',
  'guarantee.pool.manage': '       .  .  .  Y  .  .  .  .  .  .  .',
  'guarantee.enhancement.register': '.  .  .  .  .  .  Y  .  .  .  .',
  'guarantee.fee.resubmit': '      Y  .  .  .  .  .  .  Y  .  .  .',
  'guarantee.risk.resubmit': '     .  .  .  .  .  .  Y  Y  .  .  .',
  'guarantee.fee.attachment.add': 'Y  .  .  .  .  .  .  Y  .  .  .',
  'guarantee.risk.attachment.add': '.  .  .  .  .  .  Y  Y  .  .  .',
  'guarantee.fee.plan.issue': '    .  .  .  Y  .  .  .  .  .  .  .',
  'policy.ruling.record': '       .  .  .  Y  .  .  .  .  .  .  .',
  'policy.ruling.approve': '      .  .  Y  Y  .  .  .  .  .  .  .',
  'policy.ruling.read_drafts': '  .  .  Y  Y  .  .  .  .  .  .  .',
  'subsidy.sandbox.run': '        .  .  .  Y  .  .  .  .  .  .  .',
  'financing.product.manage': '  .  .  .  .  .  .  Y  .  .  .  .',
  'financing.product.update': '  .  .  .  .  .  .  Y  .  .  .  .',
  'financing.product.review': '  .  .  Y  Y  .  .  .  .  .  .  .',
  'financing.need.post': '       Y  .  .  .  .  .  .  .  .  .  .',
  'financing.need.read': '       Y  .  Y  Y  .  .  Y  .  .  .  .',
  'financing.need.consent': '    Y  .  .  .  .  .  .  .  .  .  .',
  'financing.need.green_channel': '.  .  Y  Y  .  .  .  .  .  .  .',
  'financing.need.take': '       .  .  .  .  .  .  Y  .  .  .  .',
  'financing.order.apply': '     Y  .  .  .  .  .  .  .  .  .  .',
  'financing.order.read': '      Y  .  Y  Y  .  .  Y  .  .  .  .',
  'financing.order.answer': '    .  .  .  .  .  .  Y  .  .  .  .',
  'financing.order.rate': '      Y  .  .  .  .  .  .  .  .  .  .',
  'financing.oversight.read': '  .  .  Y  Y  .  .  .  .  .  .  .',
  'financing.oversight.sweep': ' .  .  .  Y  .  .  .  .  .  .  .',
  'financing.order.register_loan': '.  .  .  .  .  .  Y  .  .  .  .',
  'financing.answer_times.read': '.  .  Y  Y  .  .  .  .  .  .  .',
  'financing.answer_times.set': ' .  .  .  Y  .  .  .  .  .  .  .',
  'credit.profile.read': '       Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'credit.profile.views': '      Y  .  Y  Y  .  .  .  .  .  .  .',
  'credit.digital_level.record': '.  .  .  Y  .  .  .  .  .  .  .',
  'credit.warning.read': '       Y  Y  Y  Y  .  .  Y  .  .  .  .',
  'credit.warning.acknowledge': ' .  Y  .  .  .  .  Y  .  .  .  .',
  'credit.warning.sweep': '      .  .  .  Y  .  .  .  .  .  .  .',
  'outreach.whitelist.manage': '  .  .  .  Y  .  .  .  .  .  .  .',
  'outreach.whitelist.read': '    .  .  Y  Y  .  .  Y  .  .  .  .',
  'outreach.visit.record': '      .  .  .  .  .  .  Y  .  .  .  .',
  'outreach.event.manage': '      .  .  .  Y  .  .  .  .  .  .  .',
  'outreach.event.checkin': '     .  .  Y  Y  .  .  .  .  .  .  .',
  'outreach.event.read': '        Y  .  Y  Y  .  .  Y  Y  .  .  .',
  'outreach.event.register': '    Y  .  .  .  .  .  Y  Y  .  .  .',
  'outreach.meeting.outcome': '   .  .  .  .  .  .  Y  Y  .  .  .',
  'outreach.statistics.read': '   .  .  Y  Y  .  .  .  .  .  .  .',
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
    ['loan.import', { ...actor('bank_officer'), institutionId: null }],
    ['loan.repay', { ...actor('bank_officer'), institutionId: null }],
    ['loan.correct', { ...actor('bank_officer'), institutionId: null }],
    ['loan.cancel', { ...actor('bank_officer'), institutionId: null }],
    ['loan.extend', { ...actor('bank_officer'), institutionId: null }],
    ['project.report.write', { ...actor('enterprise'), enterpriseId: null }],
  ] as const)('%s: a misconfigured account is refused', (action, a) => {
    expect(mayDo(a, action)).toBe(false);
  });

  it.each([
    // action, target enterprise, editable, expected
    ['enterprise.update', 'ent-1', undefined, true],
    ['enterprise.update', 'ent-2', undefined, false],
    ['enterprise.attachment.add', 'ent-1', undefined, true],
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

  it("only the enterprise's administrator updates its enterprise (the route lets every enterprise user through)", () => {
    const colleague = { ...actor('enterprise'), isEnterpriseAdmin: false };
    expect(mayDo(colleague, 'enterprise.update')).toBe(true);
    expect(mayDo(colleague, 'enterprise.update', { enterpriseId: 'ent-1' })).toBe(false);
    expect(mayDo(colleague, 'enterprise.attachment.add', { enterpriseId: 'ent-1' })).toBe(true);
  });

  it.each([
    // action, the loan's bank, expected for an officer of inst-1
    ['loan.repay', 'inst-1', true],
    ['loan.repay', 'inst-2', false],
    ['loan.correct', 'inst-1', true],
    ['loan.correct', 'inst-2', false],
    ['loan.cancel', 'inst-1', true],
    ['loan.cancel', 'inst-2', false],
    ['loan.extend', 'inst-1', true],
    ['loan.extend', 'inst-2', false],
    ['loan.extend', null, false],
  ] as const)("%s on a loan of bank %s: only the lending bank's officer → %s", (action, institutionId, expected) => {
    expect(mayDo(actor('bank_officer'), action, { enterpriseId: 'ent-1', institutionId })).toBe(expected);
  });

  it('an insurer covering the loan, or the borrowing enterprise, never writes it', () => {
    const loan = { enterpriseId: 'ent-1', institutionId: 'inst-1' };
    expect(mayDo(actor('insurer_officer'), 'loan.repay', loan)).toBe(false);
    expect(mayDo(actor('enterprise'), 'loan.correct', loan)).toBe(false);
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
