import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_BEHAVIOUR } from '../testFixtures.ts';
import { crossSellProbability } from './crossSell.ts';

/** Northbank's "everyday" segment: 0.8 % a month buy another product; at most 4 products. */
const retail = { crossSellMonthly: 0.008, baselineSatisfaction: 7, maxProducts: 4 };
const behaviour = TEST_BEHAVIOUR; // 0.3 log-odds per point

describe('crossSellProbability', () => {
  it('is crossSellMonthly at the baseline (the doc example)', () => {
    expect(crossSellProbability(retail, behaviour, 7, 1)).toBe(0.008);
  });

  it('raises the odds by e^(0.3 · 1.3) = ×1.48 for 1.3 points above the baseline', () => {
    // odds 0.008/0.992 = 0.0080645 × 1.47698 = 0.0119112 → p = 0.0117709.
    const p = crossSellProbability(retail, behaviour, 8.3, 1);
    expect(p).toBeCloseTo(0.0117709303, 10);
    expect(p / (1 - p) / (0.008 / 0.992)).toBeCloseTo(1.4769807938826, 12);
  });

  it('lowers the odds below the baseline: 3 points down is odds × e^−0.9', () => {
    // odds 0.0080645 × 0.40657 = 0.0032788 → p = 0.0032681.
    expect(crossSellProbability(retail, behaviour, 4, 1)).toBeCloseTo(0.0032681, 7);
  });

  it('is zero once the customer holds maxProducts, however satisfied', () => {
    expect(crossSellProbability(retail, behaviour, 10, 4)).toBe(0);
    expect(crossSellProbability(retail, behaviour, 10, 5)).toBe(0);
    expect(crossSellProbability(retail, behaviour, 10, 3)).toBeGreaterThan(0.008);
  });

  it('is flat when the sensitivity is 0', () => {
    const flat = { crossSellSatisfactionSensitivity: 0 };
    expect(crossSellProbability(retail, flat, 0, 1)).toBe(0.008);
    expect(crossSellProbability(retail, flat, 10, 1)).toBe(0.008);
  });

  it('more satisfaction never lowers cross-sell; it stays a probability', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (base, baseline, sensitivity, s1, s2, held, maxProducts) => {
          const segment = { crossSellMonthly: base, baselineSatisfaction: baseline, maxProducts };
          const b = { crossSellSatisfactionSensitivity: sensitivity };
          const [lo, hi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const pHi = crossSellProbability(segment, b, hi, held);
          expect(pHi).toBeGreaterThanOrEqual(crossSellProbability(segment, b, lo, held));
          expect(pHi).toBeGreaterThanOrEqual(0);
          expect(pHi).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
