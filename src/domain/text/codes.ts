/**
 * Codes written once, with their Chinese names: the names are typed by code, and the codes are read back from
 * them in the order written (what an enum, a list or a select offers), so a code cannot be listed without a name.
 *
 * ```ts
 * export const PURPOSE_ZH = zhNames({ equipment: '购置设备', other: '其他' });
 * export const PURPOSES = codesOf(PURPOSE_ZH); // ['equipment', 'other']
 * export type Purpose = (typeof PURPOSES)[number];
 * ```
 */

/** The Chinese name of each code (codes are words, never numbers: their order is the order written). */
export function zhNames<K extends string>(names: Record<K, string>): Readonly<Record<K, string>> {
  return names;
}

/** A name in Chinese and in English. */
interface ZhEn {
  zh: string;
  en: string;
}

/** The Chinese and English name of each code (in the order written, as for `zhNames`). */
export function zhEnNames<K extends string>(names: Record<K, ZhEn>): Readonly<Record<K, ZhEn>> {
  return names;
}

/** The codes of a table of names, in the order written. */
export function codesOf<K extends string>(names: Readonly<Record<K, unknown>>): readonly [K, ...K[]] {
  return Object.keys(names) as [K, ...K[]];
}
