import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BehaviourSpec, QualityEffect } from '../spec/modelSpec.ts';
import { TEST_BEHAVIOUR, TEST_EXPERIENCE } from '../testFixtures.ts';
import {
  SATISFACTION_MAX,
  SATISFACTION_MIN,
  clampSatisfaction,
  contactSatisfactionDelta,
  driftSatisfaction,
  waitPenalty,
  type ContactOutcome,
} from './satisfaction.ts';

const AVERAGE: QualityEffect = { satisfactionDelta: 0, resolutionMultiplier: 1 };
const answered = (waitMinutes: number, resolved: boolean): ContactOutcome => ({
  resolved,
  abandoned: false,
  waitMinutes,
  expectedWaitMinutes: 1,
});

describe('clampSatisfaction', () => {
  it('keeps satisfaction on the 0–10 scale', () => {
    expect(SATISFACTION_MIN).toBe(0);
    expect(SATISFACTION_MAX).toBe(10);
    expect(clampSatisfaction(-1)).toBe(0);
    expect(clampSatisfaction(11.5)).toBe(10);
    expect(clampSatisfaction(7.25)).toBe(7.25);
    expect(clampSatisfaction(0)).toBe(0);
    expect(clampSatisfaction(10)).toBe(10);
  });

  it('gives the doc examples', () => {
    expect(clampSatisfaction(10.3)).toBe(10);
    expect(clampSatisfaction(-0.4)).toBe(0);
    expect(clampSatisfaction(7.2)).toBe(7.2);
  });
});

describe('contactSatisfactionDelta', () => {
  it('adds quality, resolution and wait (the doc example)', () => {
    const behaviour: BehaviourSpec = {
      ...TEST_BEHAVIOUR,
      resolvedDelta: 0.3,
      waitPenaltyPerExpectedWait: 0.6,
      maxWaitPenalty: 2,
    };
    const outcome = { resolved: true, abandoned: false, waitMinutes: 4, expectedWaitMinutes: 2 };
    // 0 (average) + 0.3 (resolved) − 0.6 · (4/2 − 1) = −0.3
    expect(contactSatisfactionDelta(outcome, AVERAGE, behaviour)).toBeCloseTo(-0.3, 15);
  });

  it('gives worked values (resolved +0.3, unresolved −1, hang-up −0.5, 0.4 a wait multiple)', () => {
    const b = TEST_BEHAVIOUR;
    const E = TEST_EXPERIENCE;
    // Answered at once and resolved, average quality: +0.3.
    expect(contactSatisfactionDelta(answered(0, true), AVERAGE, b)).toBe(0.3);
    // Answered within the expected minute but unresolved: −1.
    expect(contactSatisfactionDelta(answered(1, false), AVERAGE, b)).toBe(-1);
    // Excellent and resolved after a 2-minute wait (expected 1): 1.0 + 0.3 − 0.4·(2 − 1) = 0.9.
    expect(contactSatisfactionDelta(answered(2, true), E.excellent, b)).toBeCloseTo(0.9, 15);
    // Poor and unresolved after 6 minutes: −0.6 − 1 − min(2, 0.4·5) = −3.6.
    expect(contactSatisfactionDelta(answered(6, false), E.poor, b)).toBeCloseTo(-3.6, 15);
    // Hung up after 3 minutes of patience (expected 1): 0 − 1 − 0.5 − 0.4·2 = −2.3.
    const abandoned = { resolved: false, abandoned: true, waitMinutes: 3, expectedWaitMinutes: 1 };
    expect(contactSatisfactionDelta(abandoned, AVERAGE, b)).toBeCloseTo(-2.3, 15);
    // A caller who hangs up never reaches the service: its quality, good or bad, does not apply.
    expect(contactSatisfactionDelta(abandoned, E.excellent, b)).toBe(
      contactSatisfactionDelta(abandoned, AVERAGE, b),
    );
    expect(contactSatisfactionDelta(abandoned, E.poor, b)).toBe(
      contactSatisfactionDelta(abandoned, AVERAGE, b),
    );
  });

  it('is higher for a resolved contact, a shorter wait and a better quality', () => {
    const b = TEST_BEHAVIOUR;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.double({ min: 0, max: 120, noNaN: true }),
        fc.boolean(),
        (w1, w2, resolved) => {
          const [short, long] = w1 <= w2 ? [w1, w2] : [w2, w1];
          const q = TEST_EXPERIENCE.good;
          expect(contactSatisfactionDelta(answered(long, resolved), q, b)).toBeLessThanOrEqual(
            contactSatisfactionDelta(answered(short, resolved), q, b),
          );
          expect(contactSatisfactionDelta(answered(w1, false), q, b)).toBeLessThan(
            contactSatisfactionDelta(answered(w1, true), q, b),
          );
          expect(
            contactSatisfactionDelta(answered(w1, resolved), TEST_EXPERIENCE.average, b),
          ).toBeLessThan(contactSatisfactionDelta(answered(w1, resolved), q, b));
        },
      ),
    );
  });
});

describe('contactSatisfactionDelta: checks', () => {
  it('names a bad delta or wait', () => {
    const b = TEST_BEHAVIOUR;
    expect(() =>
      contactSatisfactionDelta(answered(0, true), { ...AVERAGE, satisfactionDelta: NaN }, b),
    ).toThrow('quality.satisfactionDelta: expected a finite number, got NaN');
    expect(() =>
      contactSatisfactionDelta(answered(0, true), AVERAGE, { ...b, unresolvedDelta: NaN }),
    ).toThrow('behaviour.unresolvedDelta: expected a finite number, got NaN');
    expect(() => contactSatisfactionDelta(answered(-2, true), AVERAGE, b)).toThrow(
      'waitMinutes: expected a number ≥ 0',
    );
  });
});

describe('waitPenalty', () => {
  const b = TEST_BEHAVIOUR; // 0.4 a multiple of the expected wait, at most 2

  it('is zero up to the expected wait', () => {
    expect(waitPenalty(0, 1, b)).toBe(0);
    expect(waitPenalty(1, 1, b)).toBe(0);
    expect(waitPenalty(0.5, 1, b)).toBe(0);
  });

  it('grows with each multiple of the expected wait beyond it', () => {
    expect(waitPenalty(2, 1, b)).toBeCloseTo(0.4, 15); // 0.4 · (2 − 1)
    expect(waitPenalty(3, 1.5, b)).toBeCloseTo(0.4, 15); // 0.4 · (3/1.5 − 1)
    expect(waitPenalty(4, 1, b)).toBeCloseTo(1.2, 15); // 0.4 · 3
  });

  it('is capped at maxWaitPenalty', () => {
    expect(waitPenalty(6, 1, b)).toBe(2); // 0.4 · 5 = 2, the cap itself
    expect(waitPenalty(100, 1, b)).toBe(2);
    expect(waitPenalty(Infinity, 1, b)).toBe(2);
  });

  it('names a bad wait, expected wait or penalty instead of returning a silent 0', () => {
    expect(() => waitPenalty(5, 0, b)).toThrow('expectedWaitMinutes: expected a number > 0, got 0');
    expect(() => waitPenalty(NaN, 1, b)).toThrow(
      'waitMinutes: expected a number ≥ 0 (Infinity allowed), got NaN',
    );
    expect(() => waitPenalty(-1, 1, b)).toThrow('waitMinutes: expected a number ≥ 0');
    expect(() => waitPenalty(5, 1, { ...b, waitPenaltyPerExpectedWait: -0.4 })).toThrow(
      'behaviour.waitPenaltyPerExpectedWait: expected a number ≥ 0, got -0.4',
    );
    expect(() => waitPenalty(5, 1, { ...b, maxWaitPenalty: NaN })).toThrow(
      'behaviour.maxWaitPenalty: expected a number ≥ 0, got NaN',
    );
  });

  it('gives the doc example: 3 minutes when 1 was expected cost 2 × 0.4 = 0.8 points', () => {
    expect(waitPenalty(3, 1, { waitPenaltyPerExpectedWait: 0.4, maxWaitPenalty: 2 })).toBeCloseTo(
      0.8,
      15,
    );
    expect(waitPenalty(30, 1, { waitPenaltyPerExpectedWait: 0.4, maxWaitPenalty: 2 })).toBe(2);
  });

  it('is in [0, maxWaitPenalty] and never falls as the wait grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        (a, c, expected) => {
          const [short, long] = a <= c ? [a, c] : [c, a];
          const p = waitPenalty(long, expected, b);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(b.maxWaitPenalty);
          expect(waitPenalty(short, expected, b)).toBeLessThanOrEqual(p);
        },
      ),
    );
  });
});

describe('driftSatisfaction', () => {
  it('closes a share of the gap to the baseline (the doc example)', () => {
    expect(driftSatisfaction(5, 7, 0.25)).toBe(5.5); // 5 + 0.25 · (7 − 5)
    expect(driftSatisfaction(9, 7, 0.25)).toBe(8.5); // 9 + 0.25 · (7 − 9)
  });

  it('does nothing at drift 0 and returns to the baseline at drift 1', () => {
    expect(driftSatisfaction(3, 7, 0)).toBe(3);
    expect(driftSatisfaction(3, 7, 1)).toBe(7);
  });

  it('halves a shock in about 2.4 months at 0.25 a month', () => {
    // The gap after n months is 0.75^n: 0.75, 0.5625, 0.4219 — half-life ln 2 / −ln 0.75 = 2.41.
    let s = 5;
    const gaps: number[] = [];
    for (let month = 1; month <= 3; month++) {
      s = driftSatisfaction(s, 7, 0.25);
      gaps.push((7 - s) / 2);
    }
    expect(gaps[0]).toBeCloseTo(0.75, 15);
    expect(gaps[1]).toBeCloseTo(0.5625, 15);
    expect(gaps[2]).toBeCloseTo(0.421875, 15);
    expect(Math.log(2) / -Math.log(0.75)).toBeCloseTo(2.409, 3);
  });

  it('names a bad satisfaction, baseline or drift', () => {
    expect(() => driftSatisfaction(NaN, 7, 0.25)).toThrow(
      'satisfaction: expected a finite number, got NaN',
    );
    expect(() => driftSatisfaction(5, Infinity, 0.25)).toThrow(
      'baseline: expected a finite number, got Infinity',
    );
    expect(() => driftSatisfaction(5, 7, 1.5)).toThrow(
      'driftPerMonth: expected a probability between 0 and 1, got 1.5',
    );
  });

  it('moves toward the baseline and never past it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, baseline, drift) => {
          const next = driftSatisfaction(s, baseline, drift);
          const [lo, hi] = s <= baseline ? [s, baseline] : [baseline, s];
          expect(next).toBeGreaterThanOrEqual(lo - 1e-12);
          expect(next).toBeLessThanOrEqual(hi + 1e-12);
        },
      ),
    );
  });
});
