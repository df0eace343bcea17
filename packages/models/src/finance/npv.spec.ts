import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npv } from './npv.ts';
import { npvAtRate } from './npvAtRate.ts';
import { monthlyRate } from './monthlyRate.ts';

describe('npv (monthly flows, annual rate, end of month)', () => {
  it('discounts a flow at the end of month 12 by one year', () => {
    const monthlyFlows = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 110];
    expect(npv({ monthlyFlows, annualDiscountRate: 0.1 })).toBeCloseTo(100, 12);
  });

  it('is the plain sum at 0 %', () => {
    expect(npv({ monthlyFlows: [-1000, 250, 250, 250, 250], annualDiscountRate: 0 })).toBe(0);
  });

  it('equals npvAtRate at the equivalent monthly rate', () => {
    const monthlyFlows = [-10000, 3000, 4200, 6800];
    const byMonth = npvAtRate(monthlyRate(0.12), monthlyFlows);
    expect(npv({ monthlyFlows, annualDiscountRate: 0.12 })).toBeCloseTo(byMonth, 9);
  });

  it('a higher discount rate never raises the NPV of non-negative flows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { maxLength: 120 }),
        fc.double({ min: -0.99, max: 9, noNaN: true }),
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        (monthlyFlows, lower, step) => {
          const higher = Math.min(10, lower + step);
          const atLower = npv({ monthlyFlows, annualDiscountRate: lower });
          const atHigher = npv({ monthlyFlows, annualDiscountRate: higher });
          expect(atHigher).toBeLessThanOrEqual(atLower);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the month of a flow that is not a finite number', () => {
    expect(() => npv({ monthlyFlows: [1, 2, NaN], annualDiscountRate: 0.1 })).toThrow(
      'monthlyFlows[2]: expected a finite number, got NaN',
    );
    expect(() => npv({ monthlyFlows: [1], annualDiscountRate: NaN })).toThrow(
      'annualDiscountRate: expected a number between -0.99 and 10, got NaN',
    );
  });
});
