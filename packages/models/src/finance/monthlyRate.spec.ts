import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detPow } from '../math/detPow.ts';
import { ulpDistance } from '../math/ulpDistance.ts';
import { monthlyRate } from './monthlyRate.ts';

describe('monthlyRate', () => {
  it('is (1 + a)^(1/12) − 1', () => {
    // 1.1^(1/12) − 1 = 0.0079741404289037410660… (mpmath, 40 digits): within 2 ulp
    expect(ulpDistance(monthlyRate(0.1), 0.00797414042890374107)).toBeLessThanOrEqual(2);
    expect(monthlyRate(0)).toBe(0);
    // (1 − 0.99)^(1/12) − 1 = −0.31870793094203866407… (mpmath, for the double nearest −0.99)
    expect(ulpDistance(monthlyRate(-0.99), -0.318707930942038664)).toBeLessThanOrEqual(2);
  });

  it('compounds back to the annual rate over 12 months', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 10, noNaN: true }), (a) => {
        const back = detPow(1 + monthlyRate(a), 12) - 1;
        expect(Math.abs(back - a)).toBeLessThanOrEqual(1e-14 * (1 + Math.abs(a)));
      }),
      { numRuns: 5000 },
    );
  });

  it('rejects rates outside [−0.99, 10] in the one error format', () => {
    expect(() => monthlyRate(NaN)).toThrow(
      'annualDiscountRate: expected a number between -0.99 and 10, got NaN',
    );
    expect(() => monthlyRate(-1)).toThrow(
      'annualDiscountRate: expected a number between -0.99 and 10, got -1',
    );
    expect(() => monthlyRate(11)).toThrow('annualDiscountRate: expected a number between');
  });
});
