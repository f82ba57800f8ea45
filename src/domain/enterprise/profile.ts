/** Enterprise profile rules that need a date: establishment not in the future, city-programme eligibility. Pure. */

export { chinaDateOf } from '../calendar/china-time';

export interface Problem {
  zh: string;
  en: string;
}

export function checkEstablishedOn(establishedOn: string, today: string): Problem | null {
  if (establishedOn > today) {
    return { zh: `不能晚于今天（${today}）`, en: `must not be after today (${today})` };
  }
  if (establishedOn < '1949-10-01') {
    return { zh: '不能早于 1949-10-01', en: 'must not be before 1949-10-01' };
  }
  return null;
}

/** Dates recorded by administrators (resource pool, credit standing) may not lie in the future. */
export function checkNotFuture(date: string, today: string): Problem | null {
  return date > today ? { zh: `不能晚于今天（${today}）`, en: `must not be after today (${today})` } : null;
}

export interface Eligibility {
  eligible: boolean;
  reason?: Problem;
}

/** Enterprises registered outside Jiangmen may use the platform but cannot apply to city programmes. */
export function cityProgrammeEligibility(e: { outsideCity: boolean }): Eligibility {
  if (e.outsideCity) {
    return {
      eligible: false,
      reason: {
        zh: '注册地不在江门市，不能申报市级扶持项目',
        en: 'Registered outside Jiangmen: not eligible for city programmes',
      },
    };
  }
  return { eligible: true };
}
