import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthlyChurnProbability } from '../behaviour/churn.ts';
import {
  clampSatisfaction,
  contactSatisfactionDelta,
  driftSatisfaction,
} from '../behaviour/satisfaction.ts';
import { DEFAULT_BEHAVIOUR, DEFAULT_EXPERIENCE } from '../defaults.ts';
import { TEST_BEHAVIOUR, TEST_EXPERIENCE } from '../testFixtures.ts';
import { QUALITY_LEVELS, type BehaviourSpec, type QualityEffect } from '../spec/modelSpec.ts';
import {
  qualityEffect,
  qualityFromScore,
  qualityScore,
  requireQualityLevel,
  resolutionProbability,
} from './qualityEffect.ts';

describe('qualityScore and qualityFromScore', () => {
  it('number the levels 0–3 (the doc example: good is 2)', () => {
    expect(QUALITY_LEVELS.map(qualityScore)).toEqual([0, 1, 2, 3]);
    expect(qualityScore('good')).toBe(2);
  });

  it('round a slider position to the nearest level (the doc example: 2.6 is excellent)', () => {
    expect(qualityFromScore(2.6)).toBe('excellent');
    expect(qualityFromScore(1.4)).toBe('average');
    expect(qualityFromScore(1.5)).toBe('good'); // halves round up
    expect(qualityFromScore(0.49)).toBe('poor');
  });

  it('clamp positions off the scale', () => {
    expect(qualityFromScore(-5)).toBe('poor');
    expect(qualityFromScore(-0.5)).toBe('poor');
    expect(qualityFromScore(99)).toBe('excellent');
  });

  it('round-trip every level', () => {
    for (const level of QUALITY_LEVELS) expect(qualityFromScore(qualityScore(level))).toBe(level);
  });

  it('name the parameter when the position is not a number', () => {
    expect(() => qualityFromScore(NaN)).toThrow(
      'quality: expected a number from 0 (poor) to 3 (excellent), got NaN',
    );
    expect(() => qualityFromScore(Infinity)).toThrow('got Infinity');
  });
});

describe('qualityEffect', () => {
  it("reads the scenario's experience table (the doc example)", () => {
    const experience = {
      ...DEFAULT_EXPERIENCE,
      excellent: { satisfactionDelta: 1, resolutionMultiplier: 1.12 },
    };
    expect(qualityEffect(experience, 'excellent')).toEqual({
      satisfactionDelta: 1,
      resolutionMultiplier: 1.12,
    });
    for (const level of QUALITY_LEVELS) {
      expect(qualityEffect(DEFAULT_EXPERIENCE, level)).toBe(DEFAULT_EXPERIENCE[level]);
    }
    expect(qualityEffect(TEST_EXPERIENCE, 'excellent')).toEqual({
      satisfactionDelta: 1,
      resolutionMultiplier: 1.12,
    });
    expect(qualityEffect(TEST_EXPERIENCE, 'average')).toEqual({
      satisfactionDelta: 0,
      resolutionMultiplier: 1,
    });
  });
});

describe('quality checks', () => {
  it('name a level that is not one, and a bad rate or multiplier', () => {
    const great = 'great' as unknown as 'good';
    expect(() => requireQualityLevel('quality', great)).toThrow(
      'quality: expected one of poor, average, good, excellent, got "great"',
    );
    expect(() => qualityScore(great)).toThrow('quality: expected one of');
    expect(() => qualityEffect(DEFAULT_EXPERIENCE, great)).toThrow('quality: expected one of');
    expect(requireQualityLevel('quality', 'good')).toBe('good');
    expect(() => resolutionProbability(1.1, TEST_EXPERIENCE.average)).toThrow(
      'baseRate: expected a probability between 0 and 1, got 1.1',
    );
    expect(() =>
      resolutionProbability(0.7, { satisfactionDelta: 0, resolutionMultiplier: NaN }),
    ).toThrow('quality.resolutionMultiplier: expected a number ≥ 0, got NaN');
  });
});

describe('resolutionProbability', () => {
  it('multiplies the base rate (the doc example: 70 % FCR, excellent → 78.4 %)', () => {
    expect(resolutionProbability(0.7, TEST_EXPERIENCE.excellent)).toBe(0.784);
    expect(resolutionProbability(0.7, TEST_EXPERIENCE.poor)).toBeCloseTo(0.595, 15);
    expect(resolutionProbability(0.7, TEST_EXPERIENCE.average)).toBe(0.7);
  });

  it('is capped at 1 and floored at 0', () => {
    expect(resolutionProbability(0.95, TEST_EXPERIENCE.excellent)).toBe(1); // 1.064 → 1
    expect(resolutionProbability(1, { satisfactionDelta: 0, resolutionMultiplier: 3 })).toBe(1);
    expect(resolutionProbability(0, TEST_EXPERIENCE.excellent)).toBe(0);
    expect(resolutionProbability(0.7, { satisfactionDelta: 0, resolutionMultiplier: 0 })).toBe(0);
  });

  it('is a probability that never falls as the multiplier rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (base, m1, m2) => {
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const pHi = resolutionProbability(base, {
            satisfactionDelta: 0,
            resolutionMultiplier: hi,
          });
          const pLo = resolutionProbability(base, {
            satisfactionDelta: 0,
            resolutionMultiplier: lo,
          });
          expect(pHi).toBeGreaterThanOrEqual(pLo);
          expect(pHi).toBeLessThanOrEqual(1);
          expect(pLo).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

/**
 * The causal chain the product exists to show, end to end through the model functions, in the
 * engine's order: a contact at some quality moves satisfaction (contactSatisfactionDelta, clamped),
 * the month's fading follows (driftSatisfaction), and churn is drawn on the result.
 */
describe('higher quality ⇒ churn does not rise', () => {
  const segment = {
    baseMonthlyChurn: 0.01,
    earlyLifeMonths: 6,
    earlyLifeChurnMultiplier: 2,
    baselineSatisfaction: 7,
  };

  function churnAfterContact(
    quality: QualityEffect,
    behaviour: BehaviourSpec,
    start: number,
    resolved: boolean,
    waitMinutes: number,
    tenure: number,
  ): number {
    const outcome = { resolved, abandoned: false, waitMinutes, expectedWaitMinutes: 1 };
    const afterContact = clampSatisfaction(
      start + contactSatisfactionDelta(outcome, quality, behaviour),
    );
    const afterDrift = driftSatisfaction(
      afterContact,
      segment.baselineSatisfaction,
      behaviour.satisfactionDriftPerMonth,
    );
    return monthlyChurnProbability(segment, behaviour, afterDrift, tenure, !resolved);
  }

  /** Expected churn over the contact's outcome: resolved with the quality's resolution chance. */
  function expectedChurn(
    quality: QualityEffect,
    behaviour: BehaviourSpec,
    fcr: number,
    start: number,
    waitMinutes: number,
    tenure: number,
  ): number {
    const p = resolutionProbability(fcr, quality);
    return (
      p * churnAfterContact(quality, behaviour, start, true, waitMinutes, tenure) +
      (1 - p) * churnAfterContact(quality, behaviour, start, false, waitMinutes, tenure)
    );
  }

  it('holds for the levels poor < average < good < excellent, calibrated and test values', () => {
    const tables = [
      [DEFAULT_EXPERIENCE, DEFAULT_BEHAVIOUR],
      [TEST_EXPERIENCE, TEST_BEHAVIOUR],
    ] as const;
    for (const [experience, behaviour] of tables) {
      for (const start of [0, 3, 7, 9.5, 10]) {
        for (const tenure of [0, 24]) {
          const churn = QUALITY_LEVELS.map((level) =>
            expectedChurn(experience[level], behaviour, 0.7, start, 2, tenure),
          );
          for (let i = 1; i < churn.length; i++) {
            expect(churn[i]).toBeLessThanOrEqual(churn[i - 1]!);
          }
        }
      }
    }
    const b = TEST_BEHAVIOUR;
    // Worked value: start at the baseline 7, answered at once, resolved.
    // average: 7 + 0.3 = 7.3, drift → 7.225; excellent: 7 + 1.3 = 8.3, drift → 7.975.
    // churn odds 0.01/0.99 · e^(−0.3 · 0.975) = 0.0075393 → p = 0.0074829.
    expect(churnAfterContact(TEST_EXPERIENCE.excellent, b, 7, true, 0, 24)).toBeCloseTo(
      0.0074829295,
      10,
    );
    // average: odds 0.01/0.99 · e^(−0.3 · 0.225) = 0.0094417 → p = 0.0093534.
    expect(churnAfterContact(TEST_EXPERIENCE.average, b, 7, true, 0, 24)).toBeCloseTo(
      0.0093533824,
      10,
    );
  });

  /** Quality effects on a 0.01 grid, in pairs ordered in both satisfaction and resolution. */
  const orderedQualities = fc
    .tuple(
      fc.integer({ min: -300, max: 300 }),
      fc.integer({ min: 0, max: 300 }),
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 100 }),
    )
    .map(([delta, deltaStep, multiplier, multiplierStep]) => ({
      worse: { satisfactionDelta: delta / 100, resolutionMultiplier: multiplier / 100 },
      better: {
        satisfactionDelta: (delta + deltaStep) / 100,
        resolutionMultiplier: (multiplier + multiplierStep) / 100,
      },
    }));

  it('holds for any ordered pair of quality effects, outcome by outcome and in expectation', () => {
    fc.assert(
      fc.property(
        orderedQualities,
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        ({ worse, better }, start, fcr, wait, tenure, resolved) => {
          const b = TEST_BEHAVIOUR;
          expect(churnAfterContact(better, b, start, resolved, wait, tenure)).toBeLessThanOrEqual(
            churnAfterContact(worse, b, start, resolved, wait, tenure),
          );
          // In expectation, up to rounding of the weighted sum (1e-15 on probabilities ~0.01).
          expect(expectedChurn(better, b, fcr, start, wait, tenure)).toBeLessThanOrEqual(
            expectedChurn(worse, b, fcr, start, wait, tenure) + 1e-15,
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('a higher resolution multiplier alone never raises expected churn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (m1, m2, fcr, start) => {
          const [lo, hi] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const q = (m: number) => ({ satisfactionDelta: 0, resolutionMultiplier: m / 100 });
          const b = TEST_BEHAVIOUR;
          expect(expectedChurn(q(hi), b, fcr, start, 0, 24)).toBeLessThanOrEqual(
            expectedChurn(q(lo), b, fcr, start, 0, 24) + 1e-15,
          );
        },
      ),
    );
  });
});
