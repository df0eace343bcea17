import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detLog } from './detLog.ts';
import { ulpDistance } from './ulpDistance.ts';

/*
 * Tolerance against Math.log: 2 ulp. Both detLog and a conforming Math.log are within 1 ulp of
 * the exact logarithm, so they can be at most 2 ulp apart; in relative terms 2 ulp ≤ 2·2^-52
 * ≈ 4.44e-16 of the result, hence the 4.5e-16 relative bound for normal results. (On Node 20 they
 * agree bit for bit: V8 ships the same fdlibm algorithm. Chromium builds may not, which is why
 * detLog exists.)
 */
const MAX_ULPS = 2;
const MAX_RELATIVE = 4.5e-16;

describe('detLog', () => {
  it('handles the special values as Math.log does', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(-Number.MIN_VALUE)).toBeNaN();
    expect(detLog(-Infinity)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(NaN)).toBeNaN();
    expect(Object.is(detLog(1), 0)).toBe(true);
  });

  it('gives the correctly rounded value at known points (mpmath, 200 bits)', () => {
    expect(detLog(2)).toBe(0.6931471805599453); // = Math.LN2
    expect(detLog(10)).toBe(2.302585092994046); // = Math.LN10
    expect(detLog(Math.E)).toBe(1);
    expect(detLog(Number.MAX_VALUE)).toBe(709.782712893384);
    expect(detLog(2 ** -1022)).toBe(-708.3964185322641); // smallest normal
    expect(detLog(Number.MIN_VALUE)).toBe(-744.4400719213812); // smallest subnormal, 2^-1074
  });

  it('stays within 2 ulp of Math.log over all positive doubles, subnormals included', () => {
    fc.assert(
      fc.property(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), (x) => {
        const got = detLog(x);
        const want = Math.log(x);
        expect(ulpDistance(got, want)).toBeLessThanOrEqual(MAX_ULPS);
        if (want !== 0)
          expect(Math.abs(got - want)).toBeLessThanOrEqual(MAX_RELATIVE * Math.abs(want));
      }),
      { numRuns: 20000 },
    );
  });

  it('stays within 2 ulp of Math.log close to 1, where the result is tiny', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.999, max: 1.001, noNaN: true }), (x) => {
        expect(ulpDistance(detLog(x), Math.log(x))).toBeLessThanOrEqual(MAX_ULPS);
      }),
      { numRuns: 20000 },
    );
  });

  it('is the log of the uniform draws an exponential sampler feeds it', () => {
    // u in (0, 1]: the hot-loop use, −ln(u)/rate
    fc.assert(
      fc.property(fc.double({ min: 2 ** -53, max: 1, noNaN: true }), (u) => {
        const got = detLog(u);
        expect(got).toBeLessThanOrEqual(0);
        expect(ulpDistance(got, Math.log(u))).toBeLessThanOrEqual(MAX_ULPS);
      }),
      { numRuns: 20000 },
    );
  });
});
