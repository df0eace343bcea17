import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detExpm1 } from './detExpm1.ts';
import { detLog1p } from './detLog1p.ts';
import { ulpDistance } from './ulpDistance.ts';

/* Tolerance against Math.expm1: 2 ulp (each within 1 ulp of exact), 4.5e-16 relative. */
const MAX_ULPS = 2;
const MAX_RELATIVE = 4.5e-16;

describe('detExpm1', () => {
  it('handles the special values as Math.expm1 does', () => {
    expect(detExpm1(NaN)).toBeNaN();
    expect(detExpm1(Infinity)).toBe(Infinity);
    expect(detExpm1(-Infinity)).toBe(-1);
    expect(Object.is(detExpm1(0), 0)).toBe(true);
    expect(Object.is(detExpm1(-0), -0)).toBe(true);
    expect(detExpm1(710)).toBe(Infinity);
    expect(detExpm1(-40)).toBe(-1); // below −56·ln 2 ≈ −38.8: e^x vanishes next to 1
    expect(detExpm1(Number.MIN_VALUE)).toBe(Number.MIN_VALUE);
    expect(detExpm1(1e-20)).toBe(1e-20);
  });

  it('gives known values (correctly rounded per mpmath, 200 bits, unless noted)', () => {
    expect(detExpm1(1e-10)).toBe(1.00000000005e-10); // where exp(x) − 1 would lose digits
    expect(detExpm1(-1)).toBe(-0.6321205588285577);
    // e − 1: the nearest double is 1.7182818284590453; fdlibm gives the one below, 1 ulp away,
    // within its bound. Recorded so that any change of algorithm shows.
    expect(detExpm1(1)).toBe(1.718281828459045);
  });

  it('stays within 2 ulp of Math.expm1 over the whole finite range', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 710, noNaN: true }), (x) => {
        const got = detExpm1(x);
        const want = Math.expm1(x);
        expect(ulpDistance(got, want)).toBeLessThanOrEqual(MAX_ULPS);
        if (Math.abs(want) >= 2 ** -1022 && want < Infinity) {
          expect(Math.abs(got - want)).toBeLessThanOrEqual(MAX_RELATIVE * Math.abs(want));
        }
      }),
      { numRuns: 20000 },
    );
  });

  it('stays within 2 ulp of Math.expm1 for small arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        expect(ulpDistance(detExpm1(x), Math.expm1(x))).toBeLessThanOrEqual(MAX_ULPS);
      }),
      { numRuns: 20000 },
    );
  });

  it('inverts detLog1p: expm1(log1p(r)) = r to within a few ulp on the rates finance uses', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.99, max: 10, noNaN: true }), (r) => {
        expect(ulpDistance(detExpm1(detLog1p(r)), r)).toBeLessThanOrEqual(4);
      }),
      { numRuns: 20000 },
    );
  });
});
