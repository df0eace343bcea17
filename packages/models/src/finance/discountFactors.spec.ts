import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ulpDistance } from '../math/ulpDistance.ts';
import { discountFactors } from './discountFactors.ts';
import { monthlyRate } from './monthlyRate.ts';

describe('discountFactors', () => {
  it('discounts month 12 by one year, month 24 by two', () => {
    const factors = discountFactors(24, 0.1);
    expect(factors).toHaveLength(24);
    expect(ulpDistance(factors[11]!, 1 / 1.1)).toBeLessThanOrEqual(2);
    expect(ulpDistance(factors[23]!, 1 / 1.21)).toBeLessThanOrEqual(2);
  });

  it('is all ones at 0 % and empty for 0 months', () => {
    expect(Array.from(discountFactors(3, 0))).toEqual([1, 1, 1]);
    expect(discountFactors(0, 0.08)).toHaveLength(0);
  });

  it('agrees with repeated division by (1 + monthly rate), without its growing error', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 10, noNaN: true }), (a) => {
        const factors = discountFactors(120, a);
        const growth = 1 + monthlyRate(a);
        let divided = 1;
        for (let m = 1; m <= 120; m++) {
          divided /= growth;
          expect(Math.abs(factors[m - 1]! - divided)).toBeLessThanOrEqual(1e-12 * divided);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('decreases month by month at a positive rate', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 10, noNaN: true }), (a) => {
        const factors = discountFactors(60, a);
        for (let m = 1; m < 60; m++) expect(factors[m]!).toBeLessThan(factors[m - 1]!);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects a month count that is not a whole number ≥ 0', () => {
    expect(() => discountFactors(-1, 0.1)).toThrow('months: expected a whole number ≥ 0, got -1');
    expect(() => discountFactors(1.5, 0.1)).toThrow('months: expected a whole number ≥ 0, got 1.5');
  });
});
