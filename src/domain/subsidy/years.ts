/**
 * The subsidy year of a loan, for R (第五条: 第一年 90%, 每年递减10%). Reading: year one is the first campaign
 * year in which this loan received this subsidy (a committed award above zero); a loan never subsidised before
 * is in year one now. Later years count calendar years from there, so a year without a claim still counts
 * (the ratio falls each year, not each claim). See docs/adr/0008.
 */
export function subsidyYearIndex(campaignYear: number, firstAwardYear: number | null | undefined): number {
  if (firstAwardYear === null || firstAwardYear === undefined || firstAwardYear >= campaignYear) return 1;
  return campaignYear - firstAwardYear + 1;
}

/**
 * The interest a claim is computed on: what the bank recorded as paid in the period, never more than the
 * enterprise claimed. Returns the amount used and the difference claimed − recorded for the reviewers.
 */
export function interestForClaim(claimed: bigint, recorded: bigint): { used: bigint; difference: bigint } {
  return { used: claimed < recorded ? claimed : recorded, difference: claimed - recorded };
}
