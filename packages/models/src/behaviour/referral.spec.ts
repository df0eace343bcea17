import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_BEHAVIOUR } from '../testFixtures.ts';
import { referralProbability } from './referral.ts';

/** Northbank's "everyday" segment: 0.3 % a month refer someone at baseline 7. */
const retail = { referralMonthly: 0.003, baselineSatisfaction: 7 };
const behaviour = TEST_BEHAVIOUR; // 0.5 log-odds per point

describe('referralProbability', () => {
  it('is referralMonthly at the baseline (the doc example)', () => {
    expect(referralProbability(retail, behaviour, 7)).toBe(0.003);
  });

  it('multiplies the odds by e^0.5 per point: a promoter at 9 refers 2.7× as often', () => {
    // odds 0.003/0.997 = 0.0030090 × e^1 = 0.0081794 → p = 0.0081130.
    expect(referralProbability(retail, behaviour, 9)).toBeCloseTo(0.0081130241, 10);
    // A detractor at 5: odds × e^−1 = 0.0011070 → p = 0.0011057.
    expect(referralProbability(retail, behaviour, 5)).toBeCloseTo(0.0011057, 7);
  });

  it('more satisfaction never lowers referral; it stays a probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (base, baseline, sensitivity, s1, s2) => {
          const segment = { referralMonthly: base, baselineSatisfaction: baseline };
          const b = { referralSatisfactionSensitivity: sensitivity };
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const pHi = referralProbability(segment, b, hi);
          expect(pHi).toBeGreaterThanOrEqual(referralProbability(segment, b, lo));
          expect(pHi).toBeGreaterThanOrEqual(0);
          expect(pHi).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
