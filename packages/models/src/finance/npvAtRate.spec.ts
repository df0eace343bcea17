import { describe, expect, it } from 'vitest';
import { npvAtRate } from './npvAtRate.ts';

/*
 * Worked spreadsheet examples. Exact values (to 15+ digits) computed with mpmath at 40 digits, so
 * the tests check more than the 2 decimals the documentation prints.
 */
describe('npvAtRate (Excel NPV convention: first value discounted one period)', () => {
  it("matches Microsoft's Excel NPV example 1: 10 %, −10,000 then 3,000, 4,200, 6,800 → 1,188.44", () => {
    // Microsoft Support, "NPV function" (Excel), example 1: =NPV(A2, A3, A4, A5, A6).
    const result = npvAtRate(0.1, [-10000, 3000, 4200, 6800]);
    expect(result).toBeCloseTo(1188.44, 2);
    expect(result).toBeCloseTo(1188.443412335223, 9); // mpmath
  });

  it("matches Microsoft's Excel NPV example 2: 8 %, 40,000 up front → 1,922.06 and −3,749.47", () => {
    // Microsoft Support, "NPV function" (Excel), example 2: the initial cost is paid at the start
    // of the first period, so it is added outside NPV: =NPV(A2, A4:A8) + A3, and with a loss of
    // 9,000 in the sixth year =NPV(A2, A4:A8, -9000) + A3.
    const returns = [8000, 9200, 10000, 12000, 14500];
    const result = npvAtRate(0.08, returns) - 40000;
    expect(result).toBeCloseTo(1922.06, 2);
    expect(result).toBeCloseTo(1922.061554932372, 9); // mpmath
    const withLoss = npvAtRate(0.08, [...returns, -9000]) - 40000;
    expect(withLoss).toBeCloseTo(-3749.47, 2);
    expect(withLoss).toBeCloseTo(-3749.465087015571, 9); // mpmath
  });

  it("matches Adobe FormCalc's NPV examples, one of them monthly", () => {
    // Adobe LiveCycle Designer, FormCalc reference, "NPV": NPV(0.10, 500, 1500, 4000, 10000)
    // = 11529.60863329007 and NPV(0.0275 / 12, 50, 60, 40, 100, 25) = 273.14193838457.
    expect(npvAtRate(0.1, [500, 1500, 4000, 10000])).toBeCloseTo(11529.60863329007, 9);
    expect(npvAtRate(0.0275 / 12, [50, 60, 40, 100, 25])).toBeCloseTo(273.14193838457, 9);
  });

  it('is the plain sum at a zero rate, and 0 for no flows', () => {
    expect(npvAtRate(0, [1, 2, 3])).toBe(6);
    expect(npvAtRate(0.05, [])).toBe(0);
  });

  it('rejects a rate of −100 % or below, and flows that are not finite', () => {
    expect(() => npvAtRate(-1, [1])).toThrow('rate: expected a finite number > -1, got -1');
    expect(() => npvAtRate(NaN, [1])).toThrow('rate: expected a finite number > -1, got NaN');
    expect(() => npvAtRate(0.1, [1, Infinity])).toThrow(
      'values[1]: expected a finite number, got Infinity',
    );
  });
});
