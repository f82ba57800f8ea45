/** Form inputs take their maximum length and whether they are required from the contract's schema, wrappers and all. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZCityReview, ZDistrictReview } from '../src/contracts/projects';
import { ZCreateUser } from '../src/contracts/users';
import { maxLengthOf, requiredIn, requiredOf } from '../web/src/components/zodRule';

describe('maxLengthOf', () => {
  it('reads z.string().max(n) through optional, nullable, default and transform wrappers', () => {
    expect(maxLengthOf(z.string().max(12))).toBe(12);
    expect(maxLengthOf(z.string().trim().max(12).optional())).toBe(12);
    expect(maxLengthOf(z.string().max(12).nullable().optional())).toBe(12);
    expect(maxLengthOf(z.string().max(12).default(''))).toBe(12);
    expect(
      maxLengthOf(
        z
          .string()
          .max(12)
          .transform((s) => s.toUpperCase()),
      ),
    ).toBe(12);
  });

  it('is undefined when the schema sets no maximum', () => {
    expect(maxLengthOf(z.string())).toBeUndefined();
    expect(maxLengthOf(z.number().max(5))).toBeUndefined();
  });

  it('gives the contract lengths the user forms show', () => {
    expect(maxLengthOf(ZCreateUser.shape.username)).toBe(32);
    expect(maxLengthOf(ZCreateUser.shape.displayName)).toBe(50);
  });
});

describe('requiredOf', () => {
  it('is true when the schema refuses an absent value, false through optional and default', () => {
    expect(requiredOf(z.string())).toBe(true);
    expect(requiredOf(z.string().min(1).nullable())).toBe(true);
    expect(requiredOf(z.string().optional())).toBe(false);
    expect(requiredOf(z.string().nullish())).toBe(false);
    expect(requiredOf(z.string().default(''))).toBe(false);
  });

  it('follows the contract: a new account needs a username and a name; its role and district only in some cases', () => {
    expect(requiredOf(ZCreateUser.shape.username)).toBe(true);
    expect(requiredOf(ZCreateUser.shape.displayName)).toBe(true);
    expect(requiredOf(ZCreateUser.shape.role)).toBe(false);
    expect(requiredOf(ZCreateUser.shape.districtCode)).toBe(false);
  });
});

describe('requiredIn', () => {
  const ids = ['d-1'];

  it('sees the cross-field rules: a reason and a deadline only to return, a reason only to reject', () => {
    expect(requiredIn(ZDistrictReview, 'reason', { ids, decision: 'return' })).toBe(true);
    expect(requiredIn(ZDistrictReview, 'returnDeadline', { ids, decision: 'return' })).toBe(true);
    expect(requiredIn(ZDistrictReview, 'reason', { ids, decision: 'verify' })).toBe(false);
    expect(requiredIn(ZDistrictReview, 'returnDeadline', { ids, decision: 'verify' })).toBe(false);
    expect(requiredIn(ZCityReview, 'reason', { ids, decision: 'reject' })).toBe(true);
    expect(requiredIn(ZCityReview, 'reason', { ids, decision: 'approve' })).toBe(false);
  });

  it('counts only the field itself: another field missing does not make it required', () => {
    expect(requiredIn(ZCityReview, 'reason', { decision: 'approve' })).toBe(false);
    expect(requiredIn(ZCityReview, 'ids', { decision: 'approve' })).toBe(true);
  });
});
