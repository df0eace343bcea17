import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TouchpointSpec } from '../spec/modelSpec.ts';
import {
  selfServiceFirstProbability,
  touchpointContactProbability,
  touchpointQuality,
} from './touchpoint.ts';

const retail = { contactRateMultiplier: 1 };
const students = { contactRateMultiplier: 1.3 };
const insured = { contactRateMultiplier: 1, renewal: { everyMonths: 12, baseNonRenewal: 0.2 } };

/** An onboarding call in the first three months (tenure 0, 1 and 2). */
const welcomeCall: TouchpointSpec = {
  label: 'Welcome call',
  monthlyProbability: 0.5,
  toTenureMonth: 2,
  staffed: { callCentre: 1 },
};

describe('touchpointContactProbability', () => {
  it('applies the tenure window, ends included (the doc example)', () => {
    expect(
      [0, 1, 2, 3, 12].map((t) => touchpointContactProbability(welcomeCall, 'retail', retail, t)),
    ).toEqual([0.5, 0.5, 0.5, 0, 0]);
    const later = { ...welcomeCall, fromTenureMonth: 3, toTenureMonth: 5 };
    expect(
      [2, 3, 4, 5, 6].map((t) => touchpointContactProbability(later, 'retail', retail, t)),
    ).toEqual([0, 0.5, 0.5, 0.5, 0]);
  });

  it('multiplies by the segment contact rate and the per-segment multiplier', () => {
    const declined: TouchpointSpec = {
      label: 'Card declined abroad',
      monthlyProbability: 0.006,
      segmentMultipliers: { students: 1.5, premier: 2.5 },
      staffed: { callCentre: 1 },
    };
    // 0.006 · 1.3 · 1.5 = 0.0117
    expect(touchpointContactProbability(declined, 'students', students, 24)).toBeCloseTo(
      0.0117,
      15,
    );
    // a segment without a multiplier: 0.006 · 1 · 1
    expect(touchpointContactProbability(declined, 'retail', retail, 24)).toBe(0.006);
  });

  it('is capped at 1', () => {
    const frequent: TouchpointSpec = {
      label: 'Frequent need',
      monthlyProbability: 0.5,
      segmentMultipliers: { seniors: 2.5 },
      staffed: { branch: 1 },
    };
    // 0.5 · 1.4 · 2.5 = 1.75 → 1
    expect(
      touchpointContactProbability(frequent, 'seniors', { contactRateMultiplier: 1.4 }, 0),
    ).toBe(1);
  });

  it('happens only in renewal months when renewalMonthsOnly', () => {
    const renewalCall: TouchpointSpec = {
      label: 'Renewal question',
      monthlyProbability: 0.4,
      renewalMonthsOnly: true,
      staffed: { callCentre: 1 },
    };
    expect(
      [0, 11, 12, 13, 24].map((t) =>
        touchpointContactProbability(renewalCall, 'insured', insured, t),
      ),
    ).toEqual([0, 0, 0.4, 0, 0.4]);
    // A segment without a contract never has a renewal month.
    expect(touchpointContactProbability(renewalCall, 'retail', retail, 12)).toBe(0);
  });

  it('is 0 for a segment multiplier or a contact rate of 0', () => {
    const tp: TouchpointSpec = { ...welcomeCall, segmentMultipliers: { retail: 0 } };
    expect(touchpointContactProbability(tp, 'retail', retail, 0)).toBe(0);
    expect(touchpointContactProbability(welcomeCall, 'x', { contactRateMultiplier: 0 }, 0)).toBe(0);
  });

  it('is a probability that never falls as the contact rate rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (p, m, r1, r2) => {
          const tp: TouchpointSpec = {
            label: 'Any need',
            monthlyProbability: p,
            segmentMultipliers: { s: m },
            staffed: { callCentre: 1 },
          };
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const pHi = touchpointContactProbability(tp, 's', { contactRateMultiplier: hi }, 7);
          expect(pHi).toBeGreaterThanOrEqual(
            touchpointContactProbability(tp, 's', { contactRateMultiplier: lo }, 7),
          );
          expect(pHi).toBeGreaterThanOrEqual(0);
          expect(pHi).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('touchpointQuality', () => {
  it("is the touchpoint's own quality when set, else its journey's", () => {
    expect(touchpointQuality({ quality: 'average' }, welcomeCall)).toBe('average');
    expect(touchpointQuality({ quality: 'average' }, { ...welcomeCall, quality: 'poor' })).toBe(
      'poor',
    );
  });

  it('gives the doc examples, and names a level that is not one', () => {
    expect(
      touchpointQuality({ quality: 'average' }, { ...welcomeCall, quality: 'excellent' }),
    ).toBe('excellent');
    expect(touchpointQuality({ quality: 'good' }, welcomeCall)).toBe('good');
    const typo = { ...welcomeCall, quality: 'great' } as unknown as TouchpointSpec;
    expect(() => touchpointQuality({ quality: 'good' }, typo)).toThrow(
      'touchpoint.quality: expected one of poor, average, good, excellent, got "great"',
    );
  });
});

describe('touchpoint checks', () => {
  it('names a bad probability, multiplier or tenure', () => {
    expect(() =>
      touchpointContactProbability(
        { ...welcomeCall, monthlyProbability: 1.5 },
        'retail',
        retail,
        0,
      ),
    ).toThrow('monthlyProbability: expected a probability between 0 and 1, got 1.5');
    expect(() =>
      touchpointContactProbability(welcomeCall, 'retail', { contactRateMultiplier: -1 }, 0),
    ).toThrow('segment.contactRateMultiplier: expected a number ≥ 0, got -1');
    expect(() =>
      touchpointContactProbability(
        { ...welcomeCall, segmentMultipliers: { retail: NaN } },
        'retail',
        retail,
        0,
      ),
    ).toThrow('segmentMultipliers.retail: expected a number ≥ 0, got NaN');
    expect(() => touchpointContactProbability(welcomeCall, 'retail', retail, -1)).toThrow(
      'tenureMonths: expected a whole number ≥ 0, got -1',
    );
    const tp = { selfService: { channel: 'app', suitability: 2 }, staffed: { callCentre: 1 } };
    expect(() => selfServiceFirstProbability({ digitalPropensity: 0.5 }, tp)).toThrow(
      'selfService.suitability: expected a probability between 0 and 1, got 2',
    );
  });
});

describe('selfServiceFirstProbability', () => {
  it('is digital propensity × suitability (the doc example)', () => {
    const tp = { selfService: { channel: 'app', suitability: 0.5 }, staffed: { callCentre: 1 } };
    expect(selfServiceFirstProbability({ digitalPropensity: 0.6 }, tp)).toBe(0.3);
    // Northbank's account question for an everyday customer: 0.65 · 0.7 = 0.455.
    const question = {
      selfService: { channel: 'app', suitability: 0.7 },
      staffed: { callCentre: 1 },
    };
    expect(selfServiceFirstProbability({ digitalPropensity: 0.65 }, question)).toBeCloseTo(
      0.455,
      15,
    );
  });

  it('is 0 without a self-service channel and 1 without a staffed one', () => {
    expect(
      selfServiceFirstProbability({ digitalPropensity: 1 }, { staffed: { callCentre: 1 } }),
    ).toBe(0);
    const appOnly = { selfService: { channel: 'app', suitability: 0.1 } };
    expect(selfServiceFirstProbability({ digitalPropensity: 0 }, appOnly)).toBe(1);
  });
});
