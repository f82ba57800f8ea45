/** Jiangmen's county-level divisions (GB/T 2260), as reference data the web form and the API both use. Pure. */

export const CITY_DIVISION_CODE = '440700';

export const DISTRICTS = [
  { code: '440703', name: '蓬江区' },
  { code: '440704', name: '江海区' },
  { code: '440705', name: '新会区' },
  { code: '440781', name: '台山市' },
  { code: '440783', name: '开平市' },
  { code: '440784', name: '鹤山市' },
  { code: '440785', name: '恩平市' },
] as const;

export type DistrictCode = (typeof DISTRICTS)[number]['code'];
export const DISTRICT_CODES = DISTRICTS.map((d) => d.code) as unknown as readonly [DistrictCode, ...DistrictCode[]];

/** Chosen at registration by an enterprise registered outside the city. */
export const OUTSIDE_CITY = 'outside';

export function districtName(code: string | null): string | null {
  if (code === null) return null;
  return DISTRICTS.find((d) => d.code === code)?.name ?? null;
}

export function isCityDistrict(code: string): code is DistrictCode {
  return DISTRICTS.some((d) => d.code === code);
}
