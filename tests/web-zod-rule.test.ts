/** Form inputs take their maximum length from the contract's schema, wrappers and all. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZCreateUser } from '../src/contracts/users';
import { maxLengthOf } from '../web/src/components/zodRule';

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
