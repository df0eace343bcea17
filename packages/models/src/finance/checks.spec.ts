import { describe, expect, it } from 'vitest';
import { requireAnnualDiscountRate, requireSeries } from './checks.ts';

describe('finance parameter checks', () => {
  it('accepts annual rates from −99 % to +1,000 %', () => {
    expect(requireAnnualDiscountRate('annualDiscountRate', -0.99)).toBe(-0.99);
    expect(requireAnnualDiscountRate('annualDiscountRate', 10)).toBe(10);
    expect(() => requireAnnualDiscountRate('annualDiscountRate', NaN)).toThrow(
      'annualDiscountRate: expected a number between -0.99 and 10, got NaN',
    );
  });

  it('accepts arrays and typed arrays of finite numbers', () => {
    expect(requireSeries('flows', [1, -2, 0])).toEqual([1, -2, 0]);
    expect(requireSeries('flows', new Float64Array(3), 3)).toHaveLength(3);
  });

  it('names the month that is not a finite number, and the length that does not match', () => {
    expect(() => requireSeries('flows', [1, -Infinity])).toThrow(
      'flows[1]: expected a finite number, got -Infinity',
    );
    expect(() => requireSeries('flows', new Float64Array(2), 3, 'baseline')).toThrow(
      'flows: expected a series of 3 months, as long as baseline, got an array of 2',
    );
    expect(() => requireSeries('flows', undefined as unknown as number[])).toThrow(
      'flows: expected a monthly series (an array of numbers), got nothing',
    );
  });
});
