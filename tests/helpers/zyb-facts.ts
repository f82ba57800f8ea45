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
