import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detExp } from './detExp.ts';
import { detLog } from './detLog.ts';
import { ulpDistance } from './ulpDistance.ts';

/*
 * Tolerance against Math.exp: 2 ulp (each is within 1 ulp of the exact value), i.e. a relative
 * 4.5e-16 ≥ 2·2^-52 for normal results. Subnormal results are compared in ulps only: there an ulp
 * is a fixed 2^-1074, not a fraction of the result.
 */
const MAX_ULPS = 2;
const MAX_RELATIVE = 4.5e-16;

describe('detExp', () => {
  it('handles the special values as Math.exp does', () => {
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(Infinity)).toBe(Infinity);
    expect(Object.is(detExp(-Infinity), 0)).toBe(true);
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(detExp(710)).toBe(Infinity); // overflow
    expect(detExp(709.782712893384)).toBe(1.7976931348622732e308); // largest x that does not overflow
    expect(detExp(709.7827128933841)).toBe(Infinity);
    expect(detExp(-746)).toBe(0); // underflow
    expect(detExp(-745.1332191019411)).toBe(Number.MIN_VALUE); // smallest subnormal
    expect(detExp(-745.1332191019412)).toBe(0);
    expect(detExp(1e-300)).toBe(1);
  });

  it('gives known values (correctly rounded per mpmath, 200 bits, unless noted)', () => {
    expect(detExp(0.5)).toBe(1.6487212707001282);
    expect(detExp(-1)).toBe(0.36787944117144233);
    expect(detExp(709)).toBe(8.218407461554972e307);
    expect(detExp(0.6931471805599453)).toBe(2); // e^(ln 2)
    // e^1: the nearest double is 2.718281828459045 (Math.E); fdlibm gives the next one up, 1 ulp
    // away, within its bound. Recorded so that any change of algorithm shows.
    expect(detExp(1)).toBe(2.7182818284590455);
  });

  it('stays within 2 ulp of Math.exp over the whole finite range', () => {
    fc.assert(
      fc.property(fc.double({ min: -750, max: 710, noNaN: true }), (x) => {
        const got = detExp(x);
        const want = Math.exp(x);
        expect(ulpDistance(got, want)).toBeLessThanOrEqual(MAX_ULPS);
        if (want >= 2 ** -1022 && want < Infinity) {
          expect(Math.abs(got - want)).toBeLessThanOrEqual(MAX_RELATIVE * want);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it('stays within 2 ulp of Math.exp for small arguments', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), (x) => {
        expect(ulpDistance(detExp(x), Math.exp(x))).toBeLessThanOrEqual(MAX_ULPS);
      }),
      { numRuns: 20000 },
    );
  });

  it('inverts detLog to within a few ulp', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        // exp(log x) = x·(1 + δ) with |δ| ≲ |log x|·2^-53 from the rounding of log x
        const back = detExp(detLog(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(x * 2 ** -52 * (2 + Math.abs(detLog(x))));
      }),
      { numRuns: 5000 },
    );
  });
});
