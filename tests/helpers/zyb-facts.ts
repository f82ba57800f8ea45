/**
 * Facts of a 政银保 applicant that meets every condition — a Jiangmen manufacturer and SME in good credit, its
 * project in scope and under way, declaring in the March 2024 window — for tests to vary one fact at a time.
 */

import { yuanToFen } from '../../src/domain/money';
import type { ZybApplicationFacts } from '../../src/domain/policies/zyb';

/** An eligible 政银保 applicant's enterprise and project facts (the loan and dates are each test's own). */
export const ELIGIBLE_MANUFACTURER = {
  applicantType: 'manufacturer',
  registeredInJiangmen: true,
  operatingInJiangmen: true,
  isSme: true,
  creditGood: true,
  inResourcePool: false,
  projectInScope: true,
  projectLocationInJiangmen: true,
  projectStatus: 'in_progress',
} as const;

export const ZYB_ELIGIBLE = {
  ...ELIGIBLE_MANUFACTURER,
  projectStartOn: '2024-01-15',
  projectEndOn: '2027-12-31',
  declaredOn: '2024-03-12',
  loanDisbursedOn: '2024-02-01',
} as const;

/** A whole application as the API takes it (money in yuan strings): 50,000 interest in the second year, C = 1. */
export function zybApplicationJson(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...ZYB_ELIGIBLE,
    interestPaid: '50000.00',
    yearIndex: 2,
    digitalInvestment: '5000000.00',
    loanAmount: '5000000.00',
    ...over,
  };
}

/** A whole application as the engine takes it: 50,000 interest in the first year, C = 0.6 → ¥27,000 under 000. */
export const ZYB_APPLICATION: ZybApplicationFacts = {
  ...ZYB_ELIGIBLE,
  inResourcePool: null,
  projectStartOn: '2023-06-01',
  projectEndOn: '2026-06-30',
  declaredOn: '2024-02-22',
  loanDisbursedOn: '2024-01-15',
  interestPaid: yuanToFen('50000.00'),
  yearIndex: 1,
  digitalInvestment: yuanToFen('3000000.00'),
  loanAmount: yuanToFen('5000000.00'),
  receivedSoFar: 0n,
};
