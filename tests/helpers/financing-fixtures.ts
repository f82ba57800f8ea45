/** Bodies for the financing tests: a bank's loan product and an enterprise's financing need, as the API takes them. */

/** A ¥500,000–10,000,000 equipment loan product for SMEs, 12–60 months, valid from 2026-01-01 (`over` applied). */
export const productBody = (over: Record<string, unknown> = {}) => ({
  name: '智造设备贷',
  type: 'equipment_loan',
  amountMin: '500000.00',
  amountMax: '10000000.00',
  termMinMonths: 12,
  termMaxMonths: 60,
  rateMin: '0.0320',
  rateMax: '0.0450',
  guarantees: ['mortgage', 'credit'],
  districts: [],
  industries: [],
  size: 'sme',
  minYearsInBusiness: 2,
  minDigitalLevel: null,
  poolOnly: false,
  materials: ['营业执照', '设备采购合同'],
  promisedDecisionDays: 5,
  validFrom: '2026-01-01',
  validTo: null,
  contactName: '王经理',
  contactPhone: '0750-3000000',
  description: '支持购置智能产线',
  ...over,
});

/** A need for ¥5,000,000 over 36 months to buy equipment against a mortgage, shown to no bank (`over` applied). */
export const needBody = (over: Record<string, unknown> = {}) => ({
  amountMin: '5000000.00',
  amountMax: '5000000.00',
  termMinMonths: 36,
  termMaxMonths: 36,
  purpose: 'equipment',
  guarantee: 'mortgage',
  wantedBy: null,
  projectId: null,
  description: '购置两条智能产线',
  sourceText: '计划购置两条智能产线，需要贷款500万元，期限3年，可以用厂房抵押',
  exclusive: false,
  consent: { scope: 'none', banks: [] },
  ...over,
});
