import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detLog1p } from './detLog1p.ts';
import { ulpDistance } from './ulpDistance.ts';

/* Tolerance against Math.log1p: 2 ulp (each within 1 ulp of exact), 4.5e-16 relative. */
const MAX_ULPS = 2;
const MAX_RELATIVE = 4.5e-16;

describe('detLog1p', () => {
  it('handles the special values as Math.log1p does', () => {
    expect(detLog1p(-1)).toBe(-Infinity);
    expect(detLog1p(-1.5)).toBeNaN();
    expect(detLog1p(-Infinity)).toBeNaN();
    expect(detLog1p(Infinity)).toBe(Infinity);
    expect(detLog1p(NaN)).toBeNaN();
    expect(Object.is(detLog1p(0), 0)).toBe(true);
    expect(Object.is(detLog1p(-0), -0)).toBe(true);
    expect(detLog1p(Number.MIN_VALUE)).toBe(Number.MIN_VALUE); // subnormal: log1p(x) = x
    expect(detLog1p(1e-20)).toBe(1e-20);
  });

  it('gives the correctly rounded value at known points (mpmath, 200 bits)', () => {
    expect(detLog1p(1e-10)).toBe(9.999999999500001e-11); // where log(1 + x) would lose digits
    expect(detLog1p(-0.5)).toBe(-0.6931471805599453);
    expect(detLog1p(1)).toBe(0.6931471805599453);
    expect(detLog1p(0.1)).toBe(0.09531017980432487); // ln 1.1: a 10 % annual rate
  });

  it('stays within 2 ulp of Math.log1p on (-1, MAX_VALUE]', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: Number.MAX_VALUE, minExcluded: true, noNaN: true }),
        (x) => {
          const got = detLog1p(x);
          const want = Math.log1p(x);
          expect(ulpDistance(got, want)).toBeLessThanOrEqual(MAX_ULPS);
          if (Math.abs(want) >= 2 ** -1022) {
            expect(Math.abs(got - want)).toBeLessThanOrEqual(MAX_RELATIVE * Math.abs(want));
          }
        },
      ),
      { numRuns: 20000 },
    );
  });

  it('stays within 2 ulp of Math.log1p for the rates finance uses, (-0.99, 10]', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 10, noNaN: true }), (x) => {
        expect(ulpDistance(detLog1p(x), Math.log1p(x))).toBeLessThanOrEqual(MAX_ULPS);
      }),
      { numRuns: 20000 },
    );
  });
});
