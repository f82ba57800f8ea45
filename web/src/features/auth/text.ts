/**
 * The two texts that pages outside this feature (the demo banner, the account menu) still read as {zh, en} pairs
 * through `pick`. They come from the feature's message table; once those pages use `t('auth.demo.banner')` and
 * `t('auth.twoFactor.menu')` this file can go.
 */
import { authEn, authZh } from './messages';

type AuthKey = keyof typeof authZh;
const pair = (key: AuthKey) => ({ zh: authZh[key], en: authEn[key] });

export const A = {
  enrolMenu: pair('auth.twoFactor.menu'),
  demoBanner: pair('auth.demo.banner'),
};
