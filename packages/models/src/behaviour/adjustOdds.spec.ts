import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adjustOdds } from './adjustOdds.ts';

const odds = (p: number) => p / (1 - p);

/** The next double above x (x finite, ≥ 0). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

const probability = fc.double({ min: 0, max: 1, noNaN: true });
/** Shifts of every size: the models' (a few log-odds), extreme ones and the ±700 cut-offs. */
const shift = fc.oneof(
  fc.double({ min: -10, max: 10, noNaN: true }),
  fc.double({ min: -800, max: 800, noNaN: true }),
  fc.constantFrom(0, -0, 700, -700, 1e-300, -1e-300, Infinity, -Infinity),
);

describe('adjustOdds: worked values', () => {
  it('multiplies the odds by e^x (the doc example)', () => {
    // p = 0.2: odds 0.2 / 0.8 = 0.25; × 1.5 = 0.375; back to a probability 0.375 / 1.375 = 3/11.
    expect(adjustOdds(0.2, Math.log(1.5))).toBeCloseTo(3 / 11, 15); // 0.272727…
    // p = 0.5: odds 1; × 3 = 3 → 3/4.
    expect(adjustOdds(0.5, Math.log(3))).toBeCloseTo(0.75, 15);
    // p = 0.01, odds ratio 1/1.35 (one satisfaction point at a churn sensitivity of 0.3):
    // odds 0.0101010… × e^−0.3 = 0.00748301… → p = 0.00748301 / 1.00748301 = 0.00742743…
    expect(adjustOdds(0.01, -0.3)).toBeCloseTo(0.00742743, 8);
  });

  it('leaves p unchanged, to the bit, for a zero shift', () => {
    for (const p of [0.01, 0.2, 1 / 3, 0.999]) {
      expect(adjustOdds(p, 0)).toBe(p);
      expect(adjustOdds(p, -0)).toBe(p);
    }
  });

  it('keeps p = 0 at 0 and p = 1 at 1 whatever the shift', () => {
    for (const x of [-1e6, -5, 0, 5, 1e6, Infinity, -Infinity]) {
      expect(adjustOdds(0, x)).toBe(0);
      expect(adjustOdds(1, x)).toBe(1);
    }
  });

  it('goes to 1 or 0 for huge shifts, and exactly 0 for the "never" shift −745', () => {
    expect(adjustOdds(0.01, 1e6)).toBe(1);
    expect(adjustOdds(0.99, -1e6)).toBe(0);
    expect(adjustOdds(0.5, 701)).toBe(1);
    expect(adjustOdds(0.5, -701)).toBe(0);
    // churn.ts uses −745 for an open-issue multiplier of 0: never churn, even from a 99 % base.
    expect(adjustOdds(0.99, -745)).toBe(0);
    expect(adjustOdds(0.5, Infinity)).toBe(1);
    expect(adjustOdds(0.5, -Infinity)).toBe(0);
  });

  it('does not turn a large shift of a small probability into a certainty', () => {
    // p = 1e-6, x = 10: odds 1.000001e-6 × e^10 (22026.47) = 0.0220265 → p = 0.0215518.
    expect(adjustOdds(1e-6, 10)).toBeCloseTo(0.0215518, 6);
  });
});

describe('adjustOdds: checks', () => {
  it('names a probability outside [0, 1] or a NaN shift, instead of returning NaN', () => {
    expect(() => adjustOdds(NaN, 1)).toThrow(
      'probability: expected a probability between 0 and 1, got NaN',
    );
    expect(() => adjustOdds(1.2, 0)).toThrow(
      'probability: expected a probability between 0 and 1, got 1.2',
    );
    expect(() => adjustOdds(-0.1, 0)).toThrow('probability: expected a probability');
    expect(() => adjustOdds(0.2, NaN)).toThrow(
      'logOddsShift: expected a number (±Infinity allowed), got NaN',
    );
  });
});

describe('adjustOdds: properties', () => {
  it('stays inside [0, 1]', () => {
    fc.assert(
      fc.property(probability, shift, (p, x) => {
        const q = adjustOdds(p, x);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
      }),
      { numRuns: 5000 },
    );
  });

  it('is monotone in the probability', () => {
    fc.assert(
      fc.property(probability, probability, shift, (a, b, x) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(adjustOdds(lo, x)).toBeLessThanOrEqual(adjustOdds(hi, x));
      }),
      { numRuns: 5000 },
    );
  });

  it('is monotone in the shift', () => {
    fc.assert(
      fc.property(probability, shift, shift, (p, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(adjustOdds(p, lo)).toBeLessThanOrEqual(adjustOdds(p, hi));
      }),
      { numRuns: 5000 },
    );
  });

  it('is monotone to the last bit: the next double up never gives less', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        (p, x) => {
          expect(adjustOdds(p, x)).toBeLessThanOrEqual(adjustOdds(nextUp(p), x));
          if (x >= 0) expect(adjustOdds(p, x)).toBeLessThanOrEqual(adjustOdds(p, nextUp(x)));
          // Across zero: a tiny positive shift never lowers p, a tiny negative one never raises it.
          expect(adjustOdds(p, 1e-300)).toBeGreaterThanOrEqual(p);
          expect(adjustOdds(p, -1e-300)).toBeLessThanOrEqual(p);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('multiplies the odds by e^x (odds ratio), for probabilities away from 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (p, x) => {
          const q = adjustOdds(p, x);
          // odds(q) = q / (1 − q) is ill-conditioned near 0 and 1: the relative error of 1 − q (or
          // of q) is about ε / min(q, 1 − q), so that is the tolerance, times a few for the steps.
          const conditioning = 1 / Math.min(q, 1 - q) + 1 / Math.min(p, 1 - p);
          const relative = Math.abs(odds(q) / odds(p) / Math.exp(x) - 1);
          expect(relative).toBeLessThanOrEqual(16 * Number.EPSILON * conditioning);
        },
      ),
    );
  });

  it('composes: two shifts in a row are one shift by their sum', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (p, x, y) => {
          expect(adjustOdds(adjustOdds(p, x), y)).toBeCloseTo(adjustOdds(p, x + y), 12);
        },
      ),
    );
  });

  it('is symmetric: the chance of the event moved by x is one minus the chance of its absence moved by −x', () => {
    fc.assert(
      // Near 0 and 1, 1 − p discards p's low digits (1 − (1 − 1e-9) is 1.00000008e-9; 1 − 1e-17 is
      // exactly 1), so the mirror image is ill-conditioned there; the property is about the model,
      // not about rounding, so it is checked where 1 − p keeps p's digits to 1e-13.
      fc.property(
        fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (p, x) => {
          expect(adjustOdds(p, x)).toBeCloseTo(1 - adjustOdds(1 - p, -x), 12);
        },
      ),
    );
  });
});
